"""The ASN authority's recommendation and what follows it at the PPK: the sanction decree (with the end
date of a time-limited form) and the block of the ASN's personnel data."""

from __future__ import annotations

import calendar
import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.cases.models.case import Case, CaseChildQuerySet, ViaRecommendationQuerySet
from netral.catalogue.models import SanctionLevel


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

    objects = CaseChildQuerySet.as_manager()

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

    objects = ViaRecommendationQuerySet.as_manager()

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

    objects = ViaRecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["requested_at", "pk"]
        verbose_name = _("block record")
        verbose_name_plural = _("block records")

    def __str__(self) -> str:
        return f"{self.recommendation_id}: {self.requested_at:%Y-%m-%d}"
