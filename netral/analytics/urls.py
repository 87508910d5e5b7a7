"""URLs of the analytics pages (staff): dashboard, map, scoped case list, JSON data, exports."""

from django.urls import path

from netral.analytics import exports, views

app_name = "analytics"
urlpatterns = [
    path("analitik/", views.dashboard, name="dashboard"),
    path("analitik/peta/", views.map_page, name="map"),
    path("analitik/perkara/", views.case_list, name="cases"),
    path("analitik/data/<slug:name>.json", views.data, name="data"),
    path("analitik/ekspor/perkara.<str:fmt>", exports.cases_export, name="export_cases"),
    path("analitik/ekspor/ppk.<str:fmt>", exports.ppk_export, name="export_ppk"),
    path("analitik/ekspor/ringkasan.pdf", exports.summary_pdf, name="export_pdf"),
]
