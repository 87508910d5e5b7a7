"""Public functions of the workdays app: holidays, clocks and deadlines.

Other apps call only what this module exports: `compute_deadline`, `get_calendar`, `get_clock`,
`list_clocks`, `list_holidays`, `add_holiday`, `load_reference_data` and the types below.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet

from netral.regions.models import Region
from netral.workdays import _cache, seed
from netral.workdays.calendar import (
    ClockSpec,
    Deadline,
    UnknownClock,
    UnknownRegion,
    WorkCalendar,
    WorkdaysError,
    compute_deadline,
    get_calendar,
    get_clock,
    non_working_kinds,
)
from netral.workdays.models import Clock, DayType, ElectionType, Holiday, HolidayKind, HolidaySource

__all__ = [
    "ClockSpec",
    "DayType",
    "Deadline",
    "DuplicateHoliday",
    "ElectionType",
    "HolidayKind",
    "UnknownClock",
    "UnknownRegion",
    "WorkCalendar",
    "WorkdaysError",
    "add_holiday",
    "compute_deadline",
    "get_calendar",
    "get_clock",
    "invalidate_cache",
    "list_clocks",
    "list_holidays",
    "load_reference_data",
    "non_working_kinds",
]


class DuplicateHoliday(WorkdaysError):
    """A holiday with the same date, region and name already exists."""


def invalidate_cache() -> None:
    """Forget the cached calendars and clocks (needed after bulk writes that send no signals)."""
    _cache.invalidate()


def load_reference_data() -> str:
    """Seed missing holidays (settings.NETRAL_HOLIDAY_YEARS) and clocks; never overwrites edits."""
    years = list(settings.NETRAL_HOLIDAY_YEARS)
    holidays_created = seed.seed_holidays(years)
    version, clocks_created = seed.seed_clocks()
    invalidate_cache()
    span = f"{years[0]}-{years[-1]}" if years else "no years"
    return (
        f"{holidays_created} holidays created ({span}), {Holiday.objects.count()} in total; "
        f"{clocks_created} clocks created (clocks.json {version}), {Clock.objects.count()} in total"
    )


def list_clocks() -> QuerySet[Clock]:
    return Clock.objects.order_by("name")


def _region_scope(region_code: str | None) -> Q:
    """National holidays plus those of the region and (for a regency/city) of its province."""
    scope = Q(region__isnull=True)
    if region_code:
        region = Region.objects.filter(code=region_code).first()
        if region is None:
            raise UnknownRegion(region_code)
        scope |= Q(region_id__in=[region.code] + ([region.parent_id] if region.parent_id else []))
    return scope


def list_holidays(year: int, region_code: str | None = None) -> QuerySet[Holiday]:
    """Every holiday row (active or not) of a year that applies to the region (or nationally)."""
    return (
        Holiday.objects.filter(_region_scope(region_code), date__year=year)
        .select_related("region")
        .order_by("date", "name")
    )


def add_holiday(
    date: dt.date,
    name: str,
    *,
    region_code: str | None = None,
    name_en: str = "",
    kind: str = HolidayKind.ADHOC,
) -> Holiday:
    """Add a holiday by hand (e.g. a Pilkada voting day in one region); raises DuplicateHoliday."""
    name = name.strip()
    if not name:
        raise WorkdaysError("a holiday needs a name")
    if kind not in HolidayKind.values:
        raise WorkdaysError(f"kind must be one of {HolidayKind.values}")
    region = None
    if region_code:
        region = Region.objects.filter(code=region_code).first()
        if region is None:
            raise UnknownRegion(region_code)
    if Holiday.objects.filter(date=date, region=region, name=name).exists():
        raise DuplicateHoliday(f"{date.isoformat()} {name}")
    try:
        with transaction.atomic():
            return Holiday.objects.create(
                date=date,
                name=name,
                name_en=name_en.strip(),
                kind=kind,
                region=region,
                source=HolidaySource.MANUAL,
            )
    except IntegrityError as exc:  # a concurrent insert of the same holiday
        raise DuplicateHoliday(f"{date.isoformat()} {name}") from exc
