from django.urls import path

from netral.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.landing, name="landing"),
    path("masuk/", views.NetralLoginView.as_view(), name="login"),
    path("keluar/", views.logout_view, name="logout"),
    path("beranda/", views.home, name="home"),
    path("pengguna/", views.user_list, name="users"),
    path("dua-langkah/", views.enrol, name="enrol"),
]
