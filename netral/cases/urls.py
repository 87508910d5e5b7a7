"""URLs of the case pages (staff): the inboxes, a case's workspace, its button steps, its step forms and its
classification."""

from django.urls import path

from netral.cases import urls_documents, views, views_forms

app_name = "cases"
urlpatterns = [
    path("perkara/", views.inbox, name="inbox"),
    path("perkara/<int:pk>/", views.case_detail, name="detail"),
    path("perkara/<int:pk>/tindakan/", views.case_action, name="action"),
    path("perkara/<int:pk>/langkah/<slug:action>/", views_forms.case_step, name="step"),
    path("perkara/<int:pk>/klasifikasi/", views_forms.case_classify, name="classify"),
]
urlpatterns += urls_documents.urlpatterns
