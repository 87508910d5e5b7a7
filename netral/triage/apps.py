from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TriageConfig(AppConfig):
    name = "netral.triage"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("triage")

    def ready(self) -> None:
        """Plug the workspace suggestions into the case actions (once): made when a report opens a case."""
        from netral.cases.actions import NOTIFICATION_HOOKS
        from netral.triage import suggestions

        if suggestions.on_case_event not in NOTIFICATION_HOOKS:
            NOTIFICATION_HOOKS.append(suggestions.on_case_event)
