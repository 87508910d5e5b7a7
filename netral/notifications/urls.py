"""URLs of the notification inbox."""

from django.urls import path

from netral.notifications import views

app_name = "notifications"
urlpatterns = [
    path("notifikasi/", views.inbox, name="inbox"),
    path("notifikasi/<int:pk>/baca/", views.mark_read, name="mark_read"),
    path("notifikasi/baca-semua/", views.mark_all_read, name="mark_all_read"),
]
