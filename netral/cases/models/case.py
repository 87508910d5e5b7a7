"""The case: one identity from report to sanction, its number counter, the reports it gathers, and the one
access rule for it and every row hanging off it.

`Case.state` is changed only by `netral.cases.actions` (a conditional UPDATE on `version`); its values are
`workflow.State` and the database refuses any other. `Case.objects.visible_to(user)` is the one access rule
for cases; every case-child model's manager comes from `CaseChildQuerySet`, whose `visible_to(user)` is
the rows of those cases (`case_path` names the way from a row to its case).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.accounts.scope import region_q, scope_for
from netral.cases.workflow import KEMENDAGRI_STATES, State

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

M = TypeVar("M", bound=models.Model)


def case_condition(user: RequestUser | None) -> models.Q | None:
    """The cases a user may see as a Q; None for all.

    Administrators and data custodians: all. Bawaslu: cases whose region lies in their scope (RI:
    all). ASN authority analysts: cases forwarded to their institution. PPK officers: cases with a
    recommendation addressed to their agency. Kemendagri officers: cases in ppk_overdue, warned or
    blocked (`workflow.KEMENDAGRI_STATES`). Everyone else: none.
    """
    scope = scope_for(user)
    if scope.is_empty:
        return models.Q(pk__in=[])
    if scope.sees_everything:
        return None
    if scope.is_bawaslu:
        return None if scope.national else region_q(scope, "region")
    if scope.is_asn_authority:
        return models.Q(authority_id=scope.authority_id)
    if scope.is_ppk:
        if scope.agency_id is None:
            return models.Q(pk__in=[])
        recommendations = apps.get_model("cases", "Recommendation").objects
        return models.Q(pk__in=recommendations.filter(agency_id=scope.agency_id).values("case_id"))
    if scope.is_kemendagri:
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
    def visible_to(self, user: RequestUser | None) -> CaseQuerySet:
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
    state = models.CharField(_("state"), max_length=40, db_index=True, choices=State.choices)
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
        constraints = [
            models.CheckConstraint(condition=models.Q(state__in=State.values), name="cases_case_state_valid"),
        ]

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


class CaseChildQuerySet(models.QuerySet[M]):
    """The queryset of every model whose rows hang off a case: `visible_to(user)` gives the rows of the
    cases `Case.objects.visible_to(user)` holds. `case_path` is the way from a row to its case."""

    case_path: ClassVar[str] = "case"

    def visible_to(self, user: RequestUser | None) -> CaseChildQuerySet[M]:
        condition = case_condition(user)
        if condition is None:
            return self.all()
        return self.filter(**{f"{self.case_path}__in": Case.objects.filter(condition).values("pk")})


class ViaRecommendationQuerySet(CaseChildQuerySet[M]):
    """Rows that hang off a case through its recommendation (decrees, block records)."""

    case_path = "recommendation__case"
