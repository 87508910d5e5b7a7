"""URLs of the intake UI: the public report form and status page, and the staff pages."""

from django.urls import path

from netral.intake import views_public, views_staff, views_status

app_name = "intake"
urlpatterns = [
    # public, no login
    path("lapor/", views_public.report, name="report"),
    path("lapor/periksa/", views_public.report_check, name="report_check"),
    path("lacak/", views_status.status, name="status"),
    path("lacak/pesan/", views_status.status_message, name="status_message"),
    path("lacak/bukti/", views_status.status_evidence, name="status_evidence"),
    path("lacak/keluar/", views_status.status_logout, name="status_logout"),
    # staff
    path("laporan/", views_staff.report_list, name="staff_list"),
    path("laporan/<int:pk>/", views_staff.report_detail, name="staff_detail"),
    path("laporan/<int:pk>/identitas/", views_staff.report_identity, name="staff_identity"),
    path("laporan/<int:pk>/pesan/", views_staff.report_reply, name="staff_reply"),
    path("laporan/<int:pk>/bukti/<int:evidence_pk>/", views_staff.evidence_download, name="staff_evidence"),
    path("temuan/baru/", views_staff.finding, name="finding"),
    path("temuan/periksa/", views_staff.finding_check, name="finding_check"),
]
