"""Institutions, users and roles. A staff user's institution sets their scope."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Institution(models.Model):
    class Kind(models.TextChoices):
        BAWASLU = "bawaslu", _("Bawaslu (election supervisor)")
        ASN_AUTHORITY = "asn_authority", _("ASN authority")
        PPK = "ppk", _("PPK office (employer)")
        KEMENDAGRI = "kemendagri", _("Ministry of Home Affairs")
        OPERATOR = "operator", _("system operator")

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # The region sets the scope: a province or regency/city; empty means national.
    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, null=True, blank=True, related_name="institutions",
        verbose_name=_("region"),
    )
    # For PPK offices: the agency whose civil servants they sanction.
    agency = models.ForeignKey(
        "personnel.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="institutions",
        verbose_name=_("agency"),
    )
    # The ASN authority changes over time (KASN, then BKN, then a new body): the dates say when.
    active_from = models.DateField(_("active from"), null=True, blank=True)
    active_until = models.DateField(_("active until"), null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    BAWASLU_STAFF = "bawaslu_staff", _("Bawaslu staff")
    BAWASLU_COMMISSIONER = "bawaslu_commissioner", _("Bawaslu commissioner")
    AUTHORITY_ANALYST = "authority_analyst", _("ASN authority analyst")
    PPK_OFFICER = "ppk_officer", _("PPK officer")
    KEMENDAGRI_OFFICER = "kemendagri_officer", _("Kemendagri officer")
    ADMINISTRATOR = "administrator", _("administrator")
    DATA_CUSTODIAN = "data_custodian", _("data custodian")


class User(AbstractUser):
    institution = models.ForeignKey(
        Institution, on_delete=models.PROTECT, null=True, blank=True, related_name="users",
        verbose_name=_("institution"),
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices, blank=True, default="")
    language = models.CharField(_("language"), max_length=5, default="id", choices=[("id", "Bahasa Indonesia"), ("en", "English")])

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
