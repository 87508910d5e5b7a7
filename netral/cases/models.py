"""Cases: one identity from report to sanction, its transitions (append-only) and its deadlines.

`Case.state` is changed only by `netral.cases.actions` (a conditional UPDATE on `version`).
`Case.objects.visible_to(user)` is the one access rule for cases and everything hanging off them.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.accounts.scope import region_q, scope_for
from netral.catalogue.models import SanctionLevel

# Roles that see every case (accounts.Role values).
ALL_CASES_ROLES = frozenset({"administrator", "data_custodian"})
# The states in which Kemendagri sees a case (an overdue PPK, its warning and the block).
KEMENDAGRI_STATES = ("ppk_overdue", "warned", "blocked")


class AppendOnlyError(Exception):
    """A transition row may not be changed or deleted."""


def case_condition(user: Any) -> models.Q | None:
    """The cases a user may see as a Q; None for all.

    Administrators and data custodians: all. Bawaslu: cases whose region lies in their scope (RI:
    all). ASN authority analysts: cases forwarded to their institution. PPK officers: cases with a
    recommendation addressed to their agency. Kemendagri officers: cases in ppk_overdue, warned or
    blocked. Everyone else: none.
    """
    scope = scope_for(user)
    if scope.is_empty:
        return models.Q(pk__in=[])
    if getattr(user, "is_superuser", False) or scope.role in ALL_CASES_ROLES:
        return None
    if scope.kind == "bawaslu":
        return None if scope.national else region_q(scope, "region")
    if scope.kind == "asn_authority":
        return models.Q(authority_id=user.institution_id)
    if scope.kind == "ppk":
        if scope.agency_id is None:
            return models.Q(pk__in=[])
        return models.Q(pk__in=Recommendation.objects.filter(agency_id=scope.agency_id).values("case_id"))
    if scope.kind == "kemendagri":
        return models.Q(state__in=KEMENDAGRI_STATES)
    return models.Q(pk__in=[])


class Employment(models.TextChoices):
    """Employment status of the reported person (triage's `employment`); only PNS and PPPK are ASN."""

    PNS = "pns", "PNS"
    PPPK = "pppk", "PPPK"
    HONORER = "honorer", _("temporary staff (honorer)")
    KEPALA_DESA = "kepala_desa", _("village head")
    UNKNOWN = "unknown", _("unknown")


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
    # The ASN authority the case was forwarded to (set by forward_to_authority, on the forwarding date).
    authority = models.ForeignKey(
        "accounts.Institution",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="authority_cases",
        verbose_name=_("ASN authority"),
    )

    # Classification, filled when a supervisor accepts or corrects a triage suggestion (or types it).
    # Blank/null until then; analytics counts these.
    group = models.CharField(_("violation group"), max_length=40, blank=True, default="", db_index=True)
    item = models.ForeignKey(
        "catalogue.CatalogueItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("catalogue item"),
    )
    employment = models.CharField(
        _("employment status"), max_length=20, choices=Employment.choices, default=Employment.UNKNOWN
    )
    position_class = models.CharField(_("position class"), max_length=20, blank=True, default="")
    agency = models.ForeignKey(
        "personnel.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("agency"),
    )
    occurred_on = models.DateField(_("date it happened"), null=True, blank=True)

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

    def __str__(self) -> str:
        return f"{self.case_id}: {self.clock} {self.due_date} ({self.state})"


class Recommendation(models.Model):
    """The ASN authority's recommendation of a sanction, addressed to the PPK of the ASN's agency."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="recommendations")
    authority = models.ForeignKey(
        "accounts.Institution", on_delete=models.PROTECT, related_name="+", verbose_name=_("ASN authority")
    )
    item = models.ForeignKey(
        "catalogue.CatalogueItem",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("proposed catalogue item"),
    )
    sanction_level = models.CharField(_("sanction level"), max_length=12, choices=SanctionLevel.choices)
    agency = models.ForeignKey(
        "personnel.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("addressed agency")
    )
    reported_person = models.ForeignKey(
        "intake.ReportedPerson",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reported person"),
    )
    superior_knew_and_did_nothing = models.BooleanField(
        _("superior knew and did nothing (PP 94/2021 Pasal 28)"), default=False
    )
    text = models.TextField(_("text"), blank=True)
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.sanction_level} → {self.agency_id}"


class SanctionForm(models.TextChoices):
    """Penalty forms: PP 94/2021 Pasal 8, the PP 42/2004 Pasal 15 moral sanction, and UU ASN dismissal."""

    ORAL_REPRIMAND = "oral_reprimand", _("oral reprimand")
    WRITTEN_REPRIMAND = "written_reprimand", _("written reprimand")
    WRITTEN_DISSATISFACTION = "written_dissatisfaction", _("written statement of dissatisfaction")
    TUKIN_CUT_6 = "tukin_cut_6", _("25% performance allowance cut for 6 months")
    TUKIN_CUT_9 = "tukin_cut_9", _("25% performance allowance cut for 9 months")
    TUKIN_CUT_12 = "tukin_cut_12", _("25% performance allowance cut for 12 months")
    DEMOTION_12 = "demotion_12", _("demotion one level for 12 months")
    RELEASE_12 = "release_12", _("release to an executive (pelaksana) post for 12 months")
    DISMISSAL_HONOURABLE = "dismissal_honourable", _("honourable dismissal not at own request")
    DISMISSAL_NOT_HONOURABLE = "dismissal_not_honourable", _("dismissal not with honour")
    MORAL_CLOSED = "moral_closed", _("moral sanction: closed written statement")
    MORAL_OPEN = "moral_open", _("moral sanction: open written statement")


# How many months each time-limited form runs (the end date is computed from the start).
SANCTION_MONTHS: dict[str, int] = {
    SanctionForm.TUKIN_CUT_6: 6,
    SanctionForm.TUKIN_CUT_9: 9,
    SanctionForm.TUKIN_CUT_12: 12,
    SanctionForm.DEMOTION_12: 12,
    SanctionForm.RELEASE_12: 12,
}


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved `months` calendar months on (clamped to the month's last day)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def sanction_end(form: str, start: dt.date | None) -> dt.date | None:
    """The last day of a time-limited sanction (start + N months - 1 day); None for the others."""
    months = SANCTION_MONTHS.get(form)
    if months is None or start is None:
        return None
    return add_months(start, months) - dt.timedelta(days=1)


class SanctionDecree(models.Model):
    """The PPK's decree imposing the sanction (end date computed for time-limited forms)."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="decrees", verbose_name=_("recommendation")
    )
    number = models.CharField(_("decree number"), max_length=100)
    date = models.DateField(_("decree date"))
    form = models.CharField(_("sanction form"), max_length=30, choices=SanctionForm.choices)
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    pppk = models.BooleanField(_("PPPK (contract civil servant)"), default=False)
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("sanction decree")
        verbose_name_plural = _("sanction decrees")

    def __str__(self) -> str:
        return self.number


class BlockRecord(models.Model):
    """A request to block the ASN's personnel data after an ignored warning; lifted by a decree."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="blocks", verbose_name=_("recommendation")
    )
    reason = models.TextField(_("reason"))
    requested_at = models.DateTimeField(_("requested at"))
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "pk"]
        verbose_name = _("block record")
        verbose_name_plural = _("block records")

    def __str__(self) -> str:
        return f"{self.recommendation_id}: {self.requested_at:%Y-%m-%d}"


# Helper modules: issued documents and forwarding packages (models_documents); the rows of the extension,
# Gakkumdu / other-law routes and classification history (models_steps).
from netral.cases.models_documents import Document as Document  # noqa: E402
from netral.cases.models_documents import DocumentKind as DocumentKind  # noqa: E402
from netral.cases.models_documents import ForwardingPackage as ForwardingPackage  # noqa: E402
from netral.cases.models_steps import ClassificationChange as ClassificationChange  # noqa: E402
from netral.cases.models_steps import DecisionExtension as DecisionExtension  # noqa: E402
from netral.cases.models_steps import ExternalRoute as ExternalRoute  # noqa: E402
from netral.cases.models_tally import CaseTally as CaseTally  # noqa: E402
from netral.cases.models_tally import DeadlineTally as DeadlineTally  # noqa: E402
from netral.cases.models_tally import DimensionTally as DimensionTally  # noqa: E402
from netral.cases.models_tally import PpkTally as PpkTally  # noqa: E402
from netral.cases.models_tally import WeekTally as WeekTally  # noqa: E402
from netral.cases.models_tasks import CaseAssignment as CaseAssignment  # noqa: E402
from netral.cases.models_tasks import CaseTask as CaseTask  # noqa: E402
