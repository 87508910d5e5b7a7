"""The workspace's triage steps, under `/triage/` (included from netral/urls.py)."""

from django.urls import path

from netral.triage import views

app_name = "triage"
urlpatterns = [
    path("perkara/<int:pk>/ulang/", views.rerun, name="rerun"),
    path("perkara/<int:pk>/klasifikasi/", views.decide, name="decide"),
    path("perkara/<int:pk>/tolak/", views.reject, name="reject"),
    path("perkara/<int:pk>/terlapor/<int:suggestion_id>/", views.confirm_person, name="person"),
    path(
        "perkara/<int:pk>/terlapor/<int:suggestion_id>/persempit/", views.narrow_person, name="narrow_person"
    ),
    path("perkara/<int:pk>/gabung/", views.merge, name="merge"),
    path("pilihan/<str:kind>/", views.options, name="options"),
]
