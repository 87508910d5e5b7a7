from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TriageConfig(AppConfig):
    name = "netral.triage"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("triage")
