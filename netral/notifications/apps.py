from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "netral.notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        """Plug the notification hooks into the case actions and the escalation sweep (once)."""
        from netral.cases.actions import NOTIFICATION_HOOKS
        from netral.cases.escalation import ESCALATION_BATCH_HOOKS, SWEEP_CONTEXTS
        from netral.notifications import hooks

        if hooks.on_case_event not in NOTIFICATION_HOOKS:
            NOTIFICATION_HOOKS.append(hooks.on_case_event)
        if hooks.on_escalations not in ESCALATION_BATCH_HOOKS:
            ESCALATION_BATCH_HOOKS.append(hooks.on_escalations)
        if hooks.sweep_scope not in SWEEP_CONTEXTS:
            SWEEP_CONTEXTS.append(hooks.sweep_scope)
