"""What must happen after a change: one stored row per event, written in the change's own transaction.

An `Event` is written by the action that caused it (`cases.actions.transition`, the escalation sweep) and
processed afterwards by `services.process` (`netral worker`, or at commit in the same process when
`NETRAL_ASYNC_TASKS` is off). A process that dies between the commit and the processing loses nothing:
the row waits, still `pending`, for the next processing.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Event(models.Model):
    class Kind(models.TextChoices):
        # A case took a step (payload: `cases.actions.CaseEvent` as a dict).
        CASE_STEP = "case.step", _("case step")
        # A legal clock of a case passed (payload: `cases.escalation.EscalationEvent` as a dict).
        CLOCK_OVERDUE = "case.clock_overdue", _("deadline passed")

    class State(models.TextChoices):
        PENDING = "pending", _("pending")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")
        # Stored and deliberately not processed (history replayed by the demo: nobody is told of it).
        SKIPPED = "skipped", _("skipped")

    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices)
    case_id = models.BigIntegerField(_("case id"), null=True, blank=True)
    payload = models.JSONField(_("payload"), default=dict)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PENDING)
    # Not processed before this moment (a failed attempt waits a little before the next).
    available_at = models.DateTimeField(_("available at"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True, default="")

    class Meta:
        ordering = ["pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(
                fields=["available_at", "id"], name="outbox_pending", condition=models.Q(state="pending")
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=["pending", "done", "failed", "skipped"]),
                name="outbox_event_state_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pk} {self.kind} ({self.state})"
