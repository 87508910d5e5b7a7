from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "netral.api"
    label = "api"
    verbose_name = _("API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # A malformed NETRAL_API_RATE_* value stops the start-up with a clear message.
        from netral.api.throttle import check_rate_settings

        check_rate_settings()
