"""Working-day arithmetic and the legal deadlines (docs/clocks.md). Public API, re-exported by services.

Counting rule: the start day is day 0; the due date is the N-th qualifying day after it. For
calendar days that is start + N; for working days it is the N-th working day after the start,
whatever weekday the start is. A deadline ends at the office closing time
(settings.NETRAL_OFFICE_CLOSE) in the region's own time zone (WIB/WITA/WIT; WIB without a region).

Calendars and clocks are cached per process (see `_cache`), so later callers may compute
thousands of deadlines without touching the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q

from netral.regions.models import ZONE_INFO, Region, TimeZone
from netral.workdays import _cache
from netral.workdays.models import Clock, DayType, Holiday, HolidayKind

NATIONAL_ZONE = TimeZone.WIB
_WEEKEND = {5, 6}  # Saturday, Sunday


class WorkdaysError(ValueError):
    """Bad input to the calendar (unknown clock or region, bad day count)."""


class UnknownClock(WorkdaysError):
    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"unknown clock {name!r}")
        self.name = name
        self.known = known


class UnknownRegion(WorkdaysError):
    def __init__(self, code: str) -> None:
        super().__init__(f"unknown region {code!r}")
        self.code = code


@dataclass(frozen=True)
class ClockSpec:
    """The values of one clock row, safe to keep in a process cache."""

    name: str
    election_type: str
    days: int
    day_type: str


@dataclass(frozen=True)
class Deadline:
    clock: str
    start: dt.date
    days: int
    day_type: str
    due_date: dt.date
    due_at: dt.datetime  # aware, in the region's time zone

    def as_dict(self) -> dict[str, Any]:
        """The documented JSON shape of `netral deadline --json`."""
        return {
            "clock": self.clock,
            "start": self.start.isoformat(),
            "days": self.days,
            "day_type": self.day_type,
            "due_date": self.due_date.isoformat(),
            "due_at": self.due_at.isoformat(),
        }


class WorkCalendar:
    """Which days are working days for one region (or nationally), and adding days to a date."""

    def __init__(
        self,
        non_working: frozenset[dt.date],
        *,
        zone_name: str = NATIONAL_ZONE,
        region_code: str | None = None,
    ) -> None:
        self.non_working = non_working
        self.zone_name = zone_name
        self.zone: ZoneInfo = ZONE_INFO[zone_name]
        self.region_code = region_code

    def __repr__(self) -> str:
        where = self.region_code or "national"
        return f"<WorkCalendar {where} {self.zone_name} ({len(self.non_working)} holidays)>"

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() not in _WEEKEND and day not in self.non_working

    def add_days(self, start: dt.date, n: int, day_type: str) -> dt.date:
        """The N-th qualifying day after `start` (start itself is day 0)."""
        if n < 0:
            raise WorkdaysError("the number of days must not be negative")
        if day_type == DayType.CALENDAR:
            return start + dt.timedelta(days=n)
        if day_type != DayType.WORKING:
            raise WorkdaysError(f"unknown day type {day_type!r}")
        day, counted = start, 0
        one = dt.timedelta(days=1)
        while counted < n:
            day += one
            if day.weekday() not in _WEEKEND and day not in self.non_working:
                counted += 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """How many working days lie in (start, end]; 0 when end <= start."""
        count, day, one = 0, start, dt.timedelta(days=1)
        while day < end:
            day += one
            count += self.is_working_day(day)
        return count

    def local_date(self, moment: dt.date | dt.datetime) -> dt.date:
        """The local date of an aware datetime in this calendar's time zone (a date is returned as is)."""
        if isinstance(moment, dt.datetime):
            if moment.tzinfo is None or moment.utcoffset() is None:
                raise WorkdaysError("a start datetime must be timezone-aware")
            return moment.astimezone(self.zone).date()
        return moment

    def due_at(self, due_date: dt.date) -> dt.datetime:
        """The end of the office day `due_date` in this calendar's time zone."""
        close: dt.time = settings.NETRAL_OFFICE_CLOSE
        return dt.datetime.combine(due_date, close.replace(tzinfo=None), tzinfo=self.zone)


def non_working_kinds() -> tuple[str, ...]:
    """Holiday kinds that make a day non-working under the current settings."""
    if settings.NETRAL_CUTI_BERSAMA_NON_WORKING:
        return (HolidayKind.PUBLIC, HolidayKind.CUTI_BERSAMA, HolidayKind.ADHOC)
    return (HolidayKind.PUBLIC, HolidayKind.ADHOC)


def get_calendar(region_code: str | None = None) -> WorkCalendar:
    """The calendar of a region (national + its province's + its own holidays), or the national one.

    Raises UnknownRegion for a code that is not in the regions table.
    """
    code = region_code.strip() if region_code else None
    key = (code, bool(settings.NETRAL_CUTI_BERSAMA_NON_WORKING))
    return _cache.get_or_build("calendar", key, lambda: _build_calendar(code))


def _build_calendar(code: str | None) -> WorkCalendar:
    zone_name: str = NATIONAL_ZONE
    scope = Q(region__isnull=True)
    if code:
        region = Region.objects.filter(code=code).only("code", "parent_id", "timezone").first()
        if region is None:
            raise UnknownRegion(code)
        zone_name = region.timezone
        codes = [region.code] + ([region.parent_id] if region.parent_id else [])
        scope |= Q(region_id__in=codes)
    days = Holiday.objects.filter(scope, active=True, kind__in=non_working_kinds()).values_list(
        "date", flat=True
    )
    return WorkCalendar(frozenset(days), zone_name=zone_name, region_code=code)


def _all_clocks() -> dict[str, ClockSpec]:
    def build() -> dict[str, ClockSpec]:
        rows = Clock.objects.values_list("name", "election_type", "days", "day_type")
        return {row[0]: ClockSpec(*row) for row in rows}

    clocks: dict[str, ClockSpec] = _cache.get_or_build("clocks", None, build)
    return clocks


def get_clock(name: str) -> ClockSpec:
    """The current values of a clock; raises UnknownClock (with the known names) when missing."""
    clocks = _all_clocks()
    try:
        return clocks[name]
    except KeyError:
        raise UnknownClock(name, sorted(clocks)) from None


def compute_deadline(
    clock_name: str, start_date: dt.date | dt.datetime, region_code: str | None = None
) -> Deadline:
    """The deadline of a clock started on `start_date` (day 0) in a region (national/WIB when None).

    `start_date` may be an aware datetime: its local date in the region's time zone is day 0.
    """
    clock = get_clock(clock_name)
    calendar = get_calendar(region_code)
    start = calendar.local_date(start_date)
    due_date = calendar.add_days(start, clock.days, clock.day_type)
    return Deadline(
        clock=clock.name,
        start=start,
        days=clock.days,
        day_type=clock.day_type,
        due_date=due_date,
        due_at=calendar.due_at(due_date),
    )
