"""Elections, their stages (tahapan) with per-region dates, parties and candidates (docs/elections.md).

No date lives in code: the reference elections come from `data/elections.json`, later ones are
added by administrators.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser


class ElectionQuerySet(models.QuerySet["Election"]):
    def visible_to(self, user: RequestUser | None) -> ElectionQuerySet:
        """Elections are public reference data: every user (and the public) may read all of them."""
        return self.all()


class Election(models.Model):
    class Type(models.TextChoices):
        PEMILU = "pemilu", _("general election (Pemilu)")
        PILKADA = "pilkada", _("regional head election (Pilkada)")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    type = models.CharField(_("type"), max_length=10, choices=Type.choices)
    name = models.CharField(_("name"), max_length=200)
    voting_date = models.DateField(_("voting date"))
    candidate_determination_date = models.DateField(
        _("candidate determination date"),
        null=True,
        blank=True,
        help_text=_(
            "KPU's determination of candidates: acts before it concern a bakal calon, after it a calon."
        ),
    )

    objects = ElectionQuerySet.as_manager()

    class Meta:
        ordering = ["-voting_date", "code"]
        verbose_name = _("election")
        verbose_name_plural = _("elections")

    def __str__(self) -> str:
        return self.name


class Stage(models.Model):
    """A stage (tahapan) with its national dates, both inclusive."""

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="stages", verbose_name=_("election")
    )
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["election", "order", "start"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        constraints = [
            models.UniqueConstraint(fields=["election", "code"], name="elections_stage_code_per_election"),
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="elections_stage_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.election.code}: {self.name}"


class StageOverride(models.Model):
    """Different dates of a stage in one province or regency/city (e.g. a postponed Pilkada)."""

    stage = models.ForeignKey(
        Stage, on_delete=models.CASCADE, related_name="overrides", verbose_name=_("stage")
    )
    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="stage_overrides", verbose_name=_("region")
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))

    class Meta:
        ordering = ["stage", "region"]
        verbose_name = _("regional stage dates")
        verbose_name_plural = _("regional stage dates")
        constraints = [
            models.UniqueConstraint(fields=["stage", "region"], name="elections_one_override_per_region"),
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="elections_override_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.stage} ({self.region_id})"


class Party(models.Model):
    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="parties", verbose_name=_("election")
    )
    ballot_number = models.PositiveSmallIntegerField(_("ballot number"))
    name = models.CharField(_("name"), max_length=200)
    abbreviation = models.CharField(_("abbreviation"), max_length=40)

    class Meta:
        ordering = ["election", "ballot_number"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "ballot_number"], name="elections_party_number_per_election"
            )
        ]

    def __str__(self) -> str:
        return f"{self.ballot_number}. {self.abbreviation}"


class Candidate(models.Model):
    """A candidate or candidate pair for one office in one region (national for president)."""

    class Office(models.TextChoices):
        PRESIDENT = "president", _("president and vice-president")
        GOVERNOR = "governor", _("governor and vice-governor")
        REGENT = "regent", _("regent and vice-regent")
        MAYOR = "mayor", _("mayor and vice-mayor")
        DPR = "dpr", _("member of the DPR")
        DPD = "dpd", _("member of the DPD")
        DPRD_PROVINCE = "dprd_province", _("member of a provincial DPRD")
        DPRD_REGENCY = "dprd_regency", _("member of a regency/city DPRD")

    class Status(models.TextChoices):
        BAKAL_CALON = "bakal_calon", _("would-be candidate (bakal calon)")
        CALON = "calon", _("determined candidate (calon)")

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="candidates", verbose_name=_("election")
    )
    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="candidates",
        verbose_name=_("region"),
        help_text=_("Empty for national offices (president)."),
    )
    office = models.CharField(_("office"), max_length=20, choices=Office.choices)
    names = models.CharField(_("name(s) of the candidate or pair"), max_length=300)
    ballot_number = models.PositiveSmallIntegerField(_("ballot number"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.BAKAL_CALON)
    incumbent = models.BooleanField(_("incumbent"), default=False)
    parties = models.CharField(_("parties or coalition"), max_length=300, blank=True, default="")

    class Meta:
        ordering = ["election", "office", "region", "ballot_number", "names"]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")

    def __str__(self) -> str:
        number = f"{self.ballot_number}. " if self.ballot_number is not None else ""
        return f"{number}{self.names}"
