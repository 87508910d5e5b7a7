"""URLs of the case pages (staff): the inboxes, a case's workspace, its button steps, its step forms and its
classification, its assignees and tasks, replies to the reporter, its documents and forwarding packages.

The case number contains slashes (`34.04/2024/000001`), so it is matched with the `path` converter."""

from django.urls import path

from netral.cases.views import documents, inbox, page, steps, todos

app_name = "cases"
urlpatterns = [
    path("perkara/", inbox.inbox, name="inbox"),
    path("perkara/<int:pk>/", page.case_detail, name="detail"),
    path("perkara/<int:pk>/tindakan/", steps.case_action, name="action"),
    path("perkara/<int:pk>/langkah/<slug:action>/", steps.case_step, name="step"),
    path("perkara/<int:pk>/klasifikasi/", steps.case_classify, name="classify"),
    path("perkara/<int:pk>/penugasan/", todos.case_assign, name="assign"),
    path("perkara/<int:pk>/penugasan/<int:assignment>/akhiri/", todos.case_unassign, name="unassign"),
    path("perkara/<int:pk>/tugas/", todos.case_add_task, name="add_task"),
    path("perkara/<int:pk>/tugas/<int:task>/selesai/", todos.case_complete_task, name="complete_task"),
    path("perkara/<int:pk>/pesan/<int:report>/", todos.case_reply, name="reply"),
    path("perkara/<path:number>/dokumen/", documents.document_list, name="documents"),
    path("perkara/<path:number>/dokumen/<slug:kind>.pdf", documents.document_pdf, name="document_pdf"),
    path("perkara/<path:number>/paket/<int:pk>/", documents.package_detail, name="package"),
]
