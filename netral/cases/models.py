"""Cases: one identity from report to sanction, its transitions (append-only) and its deadlines.

`Case.state` is changed only by `netral.cases.actions` (a conditional UPDATE on `version`).
`Case.objects.visible_to(user)` is the one access rule for cases and everything hanging off them.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.accounts.scope import region_q, scope_for

# Roles that see every case (accounts.Role values).
ALL_CASES_ROLES = frozenset({"administrator", "data_custodian"})


class AppendOnlyError(Exception):
    """A transition row may not be changed or deleted."""


def case_condition(user: Any) -> models.Q | None:
    """The cases a user may see as a Q; None for all.

    Administrators and data custodians: all. Bawaslu: cases whose region lies in their scope (RI:
    all). Everyone else: none for now (the ASN authority and PPK stages add their own rules).
    """
    scope = scope_for(user)
    if scope.is_empty:
        return models.Q(pk__in=[])
    if getattr(user, "is_superuser", False) or scope.role in ALL_CASES_ROLES:
        return None
    if scope.kind == "bawaslu":
        return None if scope.national else region_q(scope, "region")
    return models.Q(pk__in=[])


class CaseQuerySet(models.QuerySet["Case"]):
    def visible_to(self, user: Any) -> CaseQuerySet:
        condition = case_condition(user)
        return self.all() if condition is None else self.filter(condition)


class Case(models.Model):
    number = models.CharField(_("case number"), max_length=30, unique=True)
    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="cases", verbose_name=_("region")
    )
    election = models.ForeignKey(
        "elections.Election", on_delete=models.PROTECT, related_name="cases", verbose_name=_("election")
    )
    state = models.CharField(_("state"), max_length=40, db_index=True)
    daluwarsa = models.BooleanField(_("expired (daluwarsa)"), default=False)
    channel = models.CharField(_("channel"), max_length=20)
    received_at = models.DateTimeField(_("received at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Optimistic concurrency: every state change is `UPDATE ... WHERE version = <read version>`.
    version = models.PositiveIntegerField(_("version"), default=1)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self) -> str:
        return self.number


class CaseNumberCounter(models.Model):
    """The last sequence number handed out per region and year (row-locked while numbering)."""

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["region", "year"], name="cases_counter_region_year")]

    def __str__(self) -> str:
        return f"{self.region_id}/{self.year}: {self.last}"


class CaseReport(models.Model):
    """A report gathered into a case (a case may gather several; a report belongs to one case)."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="case_reports")
    report = models.OneToOneField(
        "intake.Report", on_delete=models.PROTECT, related_name="case_link", verbose_name=_("report")
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("case report")
        verbose_name_plural = _("case reports")

    def __str__(self) -> str:
        return f"{self.case_id} ← {self.report_id}"


class TransitionQuerySet(models.QuerySet["Transition"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("transitions are append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("transitions are append-only")


class Transition(models.Model):
    """One state change of a case (append-only; counts are recomputed from these rows)."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="transitions")
    from_state = models.CharField(_("from state"), max_length=40, blank=True)
    to_state = models.CharField(_("to state"), max_length=40, db_index=True)
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

    class Meta:
        ordering = ["due_at", "pk"]
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        indexes = [
            models.Index(fields=["due_at"], name="cases_deadline_open_due", condition=models.Q(state="open"))
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.clock} {self.due_date} ({self.state})"
