"""URLs of the case pages (staff): the inboxes and a case's workspace."""

from django.urls import path

from netral.cases import views

app_name = "cases"
urlpatterns = [
    path("perkara/", views.inbox, name="inbox"),
    path("perkara/<int:pk>/", views.case_detail, name="detail"),
    path("perkara/<int:pk>/tindakan/", views.case_action, name="action"),
]
