"""Holidays and the legal clocks (docs/clocks.md).

Both tables are reference data: `services.load_reference_data()` seeds them (holidays from the
`holidays` package, clocks from `data/clocks.json`) and administrators edit them in the Django
admin. Seeding only ever creates missing rows, so an administrator's edits survive `netral setup`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def _english() -> bool:
    return (get_language() or "id").startswith("en")


class HolidayKind(models.TextChoices):
    PUBLIC = "public", _("public holiday")
    CUTI_BERSAMA = "cuti_bersama", _("collective leave (cuti bersama)")
    ADHOC = "adhoc", _("ad-hoc holiday")


class HolidaySource(models.TextChoices):
    SEED = "seed", _("seeded from the holidays package")
    MANUAL = "manual", _("added by hand")


class Holiday(models.Model):
    """A non-working day, national (no region) or for one province or regency/city.

    A province-level row applies to the province and all its regencies/cities. Switch a seeded
    day off with `active` instead of deleting it: a deleted seeded day comes back at the next
    `netral setup`.
    """

    date = models.DateField(_("date"), db_index=True)
    name = models.CharField(_("name (Indonesian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=HolidayKind.choices, default=HolidayKind.ADHOC)
    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="holidays",
        verbose_name=_("region"),
        help_text=_("Empty for a national holiday; a province applies to all its regencies/cities."),
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick to make this day a working day again.")
    )
    source = models.CharField(
        _("source"), max_length=6, choices=HolidaySource.choices, default=HolidaySource.MANUAL
    )
    # The name exactly as first seeded: identifies a seeded row even after an administrator renames it.
    seed_name = models.CharField(_("seeded name"), max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["date", "name"]
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")
        constraints = [
            # (date, region, name) is unique; NULL regions need their own partial constraint.
            models.UniqueConstraint(
                fields=["date", "name"],
                condition=models.Q(region__isnull=True),
                name="holiday_unique_national",
            ),
            models.UniqueConstraint(
                fields=["date", "region", "name"],
                condition=models.Q(region__isnull=False),
                name="holiday_unique_regional",
            ),
            models.UniqueConstraint(
                fields=["date", "seed_name"], condition=models.Q(source="seed"), name="holiday_unique_seed"
            ),
        ]

    def __str__(self) -> str:
        where = f" [{self.region_id}]" if self.region_id else ""
        return f"{self.date.isoformat()} {self.display_name}{where}"

    @property
    def display_name(self) -> str:
        """The name in the active language."""
        return self.name_en if _english() and self.name_en else self.name


class ElectionType(models.TextChoices):
    PEMILU = "pemilu", _("Pemilu")
    PILKADA = "pilkada", _("Pilkada")
    ANY = "any", _("any")


class DayType(models.TextChoices):
    WORKING = "working", _("working days")
    CALENDAR = "calendar", _("calendar days")


class Clock(models.Model):
    """A legal time limit: N working or calendar days counted from a start day (day 0)."""

    name = models.CharField(_("name"), max_length=60, unique=True, help_text=_("e.g. pemilu.decision"))
    election_type = models.CharField(_("election type"), max_length=8, choices=ElectionType.choices)
    days = models.PositiveSmallIntegerField(_("days"))
    day_type = models.CharField(_("day type"), max_length=8, choices=DayType.choices)
    description_id = models.TextField(_("description (Indonesian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("clock")
        verbose_name_plural = _("clocks")

    def __str__(self) -> str:
        return f"{self.name} ({self.days} {self.get_day_type_display()})"

    @property
    def description(self) -> str:
        """The description in the active language."""
        return self.description_en if _english() and self.description_en else self.description_id
