from django.contrib import admin
from django.urls import include, path

from netral.accounts.views import admin_login, logout_view
from netral.analytics import public_views, vulnerability_views

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    # The admin has no login or logout of its own: the main login asks for the token, and every
    # logout is written to the audit log.
    path("admin/login/", admin_login, name="admin_login"),
    path("admin/logout/", logout_view, name="admin_logout"),  # the same audited logout
    path("admin/", admin.site.urls),
    path("api/", include("netral.api.urls")),
    path("", include("netral.intake.urls")),
    path("", include("netral.cases.urls")),
    path("triage/", include("netral.triage.urls")),
    path("", include("netral.notifications.urls")),
    # Vulnerability index (staff) and public statistics, before the other analytics pages.
    path("analitik/kerawanan/", include((vulnerability_views.urlpatterns, "vulnerability"))),
    path("statistik/", include((public_views.urlpatterns, "statistics"))),
    path("", include("netral.analytics.urls")),
    path("", include("netral.accounts.urls")),
]
