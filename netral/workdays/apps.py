from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkdaysConfig(AppConfig):
    name = "netral.workdays"
    verbose_name = _("Working days and clocks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Connects the signals that empty the calendar cache when holidays or clocks change.
        from netral.workdays import _cache  # noqa: F401
