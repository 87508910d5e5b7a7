"""URLs of a case's documents and forwarding packages (staff).

Meant to be added to `cases/urls.py` (namespace `cases`): `urlpatterns += urls_documents.urlpatterns`.
The case number contains slashes (`34.04/2024/000001`), so it is matched with the `path` converter.
"""

from django.urls import path

from netral.cases import views_documents

urlpatterns = [
    path("perkara/<path:number>/dokumen/", views_documents.document_list, name="documents"),
    path("perkara/<path:number>/dokumen/<slug:kind>.pdf", views_documents.document_pdf, name="document_pdf"),
    path("perkara/<path:number>/paket/<int:pk>/", views_documents.package_detail, name="package"),
]
