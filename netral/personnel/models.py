"""Agencies (employers of ASN) with their PPK, and the civil-servant register."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _

from netral.accounts import scope as access
from netral.accounts.scope import Scope

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser


class AgencyQuerySet(models.QuerySet["Agency"]):
    def visible_to(self, user: RequestUser | None) -> AgencyQuerySet:
        """Agencies and their PPK titles are public organisational data, like regions: all of them."""
        return self.all()


class EmployeeQuerySet(models.QuerySet["Employee"]):
    def visible_to(self, user: RequestUser | None) -> EmployeeQuerySet:
        """The register rows `user` may see; the one access rule for the register."""
        return self.for_scope(access.scope_for(user))

    def for_scope(self, scope: Scope) -> EmployeeQuerySet:
        """The rule behind `visible_to`, for a `netral.accounts.scope.Scope`.

        Superusers, administrators, data custodians, the ASN authority and Kemendagri see everything;
        Bawaslu sees employees whose region lies within its region (Bawaslu RI: everything);
        a PPK office sees its own agency's employees; anyone else sees nothing.
        """
        if scope.sees_everything or scope.is_asn_authority or scope.is_kemendagri:
            return self.all()
        if scope.is_bawaslu:
            if scope.national:
                return self.all()
            from netral.regions.models import Region

            # A sub-select of the scope's regions, so the register's region index serves the test.
            return self.filter(region__in=Region.objects.filter(scope.code_q("code")))
        if scope.is_ppk:
            return self.filter(scope.agency_q("agency"))
        return self.none()


class Agency(models.Model):
    """A government employer of civil servants: a regional government or a central agency."""

    class Kind(models.TextChoices):
        PROVINCE = "pemprov", _("provincial government")
        REGENCY = "pemkab", _("regency government")
        CITY = "pemkot", _("city government")
        CENTRAL = "pusat", _("central agency")

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agencies",
        verbose_name=_("region"),
    )

    objects = AgencyQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name


class PPK(models.Model):
    """The official who imposes sanctions for an agency (Pejabat Pembina Kepegawaian)."""

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="ppks", verbose_name=_("agency")
    )
    # Empty until an administrator enters the official's name (reference data creates the office).
    name = models.CharField(_("name"), max_length=200, blank=True)
    title = models.CharField(_("title"), max_length=200)
    acting = models.BooleanField(_("acting (Pj/Plt)"), default=False)
    start_date = models.DateField(_("in office from"), null=True, blank=True)
    end_date = models.DateField(_("in office until"), null=True, blank=True)

    class Meta:
        ordering = ["agency__code", "-start_date"]
        verbose_name = _("PPK")
        verbose_name_plural = _("PPKs")

    def __str__(self) -> str:
        return f"{self.title} {self.name}".strip()


class Employee(models.Model):
    """One civil servant (PNS or PPPK) in the register."""

    class Employment(models.TextChoices):
        PNS = "pns", "PNS"
        PPPK = "pppk", "PPPK"

    class PositionClass(models.TextChoices):
        JPT = "jpt", _("senior executive (JPT)")
        ADMINISTRATOR = "administrator", _("administrator")
        PENGAWAS = "pengawas", _("supervisor (pengawas)")
        FUNGSIONAL = "fungsional", _("functional")
        PELAKSANA = "pelaksana", _("staff (pelaksana)")
        KEPALA_WILAYAH = "kepala_wilayah", _("area head (camat/lurah)")

    class Gender(models.TextChoices):
        MALE = "L", _("male")
        FEMALE = "P", _("female")

    nip = models.CharField("NIP", max_length=18, unique=True)
    nik = models.CharField("NIK", max_length=16, blank=True, default="")
    name = models.CharField(_("name"), max_length=200)
    name_normalized = models.CharField(_("normalised name"), max_length=200, db_index=True)
    employment = models.CharField(_("employment"), max_length=4, choices=Employment.choices)
    position_class = models.CharField(_("position class"), max_length=20, choices=PositionClass.choices)
    position_title = models.CharField(_("position"), max_length=200, blank=True, default="")
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="employees", verbose_name=_("agency")
    )
    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="employees", verbose_name=_("region")
    )
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices)
    birth_date = models.DateField(_("birth date"))
    # Set on every save and by the importer's updates (raw bulk inserts get the database's default): register
    # matching rebuilds its index when it moves.
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_default=Now(), db_index=True)

    objects = EmployeeQuerySet.as_manager()

    class Meta:
        ordering = ["nip"]
        verbose_name = _("civil servant")
        verbose_name_plural = _("civil-servant register")

    def __str__(self) -> str:
        return f"{self.name} ({self.nip})"
