"""URLs of the case pages (staff): the inboxes, a case's workspace, its button steps, its step forms and its
classification, its assignees and tasks, and replies to the reporter."""

from django.urls import path

from netral.cases import urls_documents, views, views_forms, views_tasks

app_name = "cases"
urlpatterns = [
    path("perkara/", views.inbox, name="inbox"),
    path("perkara/<int:pk>/", views.case_detail, name="detail"),
    path("perkara/<int:pk>/tindakan/", views.case_action, name="action"),
    path("perkara/<int:pk>/langkah/<slug:action>/", views_forms.case_step, name="step"),
    path("perkara/<int:pk>/klasifikasi/", views_forms.case_classify, name="classify"),
    path("perkara/<int:pk>/penugasan/", views_tasks.case_assign, name="assign"),
    path("perkara/<int:pk>/penugasan/<int:assignment>/akhiri/", views_tasks.case_unassign, name="unassign"),
    path("perkara/<int:pk>/tugas/", views_tasks.case_add_task, name="add_task"),
    path("perkara/<int:pk>/tugas/<int:task>/selesai/", views_tasks.case_complete_task, name="complete_task"),
    path("perkara/<int:pk>/pesan/<int:report>/", views_tasks.case_reply, name="reply"),
]
urlpatterns += urls_documents.urlpatterns
