from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "netral.analytics"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Analytics")
