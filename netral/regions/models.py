"""Provinces and regencies/cities with their Kemendagri codes and time zones."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser


class TimeZone(models.TextChoices):
    WIB = "WIB", "WIB (UTC+7)"
    WITA = "WITA", "WITA (UTC+8)"
    WIT = "WIT", "WIT (UTC+9)"


ZONE_INFO: dict[str, ZoneInfo] = {
    TimeZone.WIB: ZoneInfo("Asia/Jakarta"),
    TimeZone.WITA: ZoneInfo("Asia/Makassar"),
    TimeZone.WIT: ZoneInfo("Asia/Jayapura"),
}


class RegionQuerySet(models.QuerySet["Region"]):
    def provinces(self) -> RegionQuerySet:
        return self.filter(level=Region.Level.PROVINCE)

    def regencies(self) -> RegionQuerySet:
        return self.filter(level=Region.Level.REGENCY)

    def visible_to(self, user: RequestUser | None) -> RegionQuerySet:
        """Regions are public reference data: every user (and the public) may read all of them."""
        return self.all()


class Region(models.Model):
    class Level(models.IntegerChoices):
        PROVINCE = 1, _("province")
        REGENCY = 2, _("regency/city")

    class Type(models.TextChoices):
        PROVINSI = "provinsi", _("province")
        KABUPATEN = "kabupaten", _("regency")
        KOTA = "kota", _("city")

    code = models.CharField(_("Kemendagri code"), max_length=5, primary_key=True)
    name = models.CharField(_("name"), max_length=120)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    type = models.CharField(_("type"), max_length=10, choices=Type.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("province"),
    )
    timezone = models.CharField(_("time zone"), max_length=4, choices=TimeZone.choices)
    boundary = models.JSONField(_("boundary (GeoJSON geometry)"), null=True, blank=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def province_code(self) -> str:
        return self.code[:2]

    @property
    def zoneinfo(self) -> ZoneInfo:
        return ZONE_INFO[self.timezone]

    def local_time(self, moment: dt.datetime) -> dt.datetime:
        return moment.astimezone(self.zoneinfo)
