"""What happened to a case and what is due: its transitions (append-only; counts are recomputed from them)
and its legal clocks (`Deadline`, with the due moment stored for the escalation worker; one open deadline
per case and clock, which the database guards)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.cases.models.case import Case, CaseChildQuerySet
from netral.cases.workflow import State

# The states a transition may come from: "" (the case was opened) or any state.
FROM_STATES = ["", *State.values]


class AppendOnlyError(Exception):
    """A transition row may not be changed or deleted."""


class TransitionQuerySet(CaseChildQuerySet["Transition"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("transitions are append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("transitions are append-only")


class Transition(models.Model):
    """One state change of a case (append-only; counts are recomputed from these rows)."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="transitions")
    from_state = models.CharField(_("from state"), max_length=40, blank=True, choices=State.choices)
    to_state = models.CharField(_("to state"), max_length=40, db_index=True, choices=State.choices)
    action = models.CharField(_("action"), max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor_role = models.CharField(_("actor role"), max_length=40, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("at"))

    objects = TransitionQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("transition")
        verbose_name_plural = _("transitions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(from_state__in=FROM_STATES) & models.Q(to_state__in=State.values),
                name="cases_transition_states_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.from_state or '-'} → {self.to_state} ({self.action})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("transitions are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("transitions are append-only")


class Deadline(models.Model):
    """A legal clock running on a case, with its due moment stored for the escalation worker."""

    class State(models.TextChoices):
        OPEN = "open", _("open")
        MET = "met", _("met")
        OVERDUE = "overdue", _("overdue")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="deadlines")
    clock = models.CharField(_("clock"), max_length=50)
    started_on = models.DateField(_("started on"))
    due_date = models.DateField(_("due date"))
    due_at = models.DateTimeField(_("due at"), db_index=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    met_at = models.DateTimeField(_("met at"), null=True, blank=True)
    # A copy of the case's ASN authority (`Case.authority`), kept by the action layer: set when a clock
    # starts and on every deadline of the case at `forward_to_authority`. It lets the deadline health of
    # an ASN-authority user (the cases forwarded to it: more than half of all cases) read the deadlines
    # without joining them to the selected cases (docs/analytics.md, "Speed").
    authority = models.ForeignKey(
        "accounts.Institution",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        editable=False,
        verbose_name=_("ASN authority"),
    )

    objects = CaseChildQuerySet.as_manager()

    class Meta:
        ordering = ["due_at", "pk"]
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        indexes = [
            models.Index(fields=["due_at"], name="cases_deadline_open_due", condition=models.Q(state="open")),
            # The open deadlines the deadline health counts live (ended ones come from DeadlineTally): by
            # case for a semi-join on the selection, covering on PostgreSQL (INCLUDE is ignored elsewhere).
            models.Index(
                fields=["case"],
                name="cases_deadline_open_health",
                condition=models.Q(state="open"),
                include=["clock", "due_at", "authority"],
            ),
        ]
        constraints = [
            # A clock runs once at a time on a case (a restarted clock moves its open row).
            models.UniqueConstraint(
                fields=["case", "clock"], condition=models.Q(state="open"), name="cases_deadline_one_open"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.clock} {self.due_date} ({self.state})"
