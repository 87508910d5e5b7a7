"""Seeding the holiday table (from the `holidays` package) and the clocks (from data/clocks.json).

Both loaders only create rows that are missing, so an administrator's edits (a renamed holiday,
a day switched off, a changed clock value) survive `netral setup`. Use through `services`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import holidays as holidays_package

from netral.workdays.models import Clock, DayType, ElectionType, Holiday, HolidayKind, HolidaySource

CLOCKS_FILE = Path(__file__).resolve().parent / "data" / "clocks.json"

# The package's category for each kind we seed: "government" holds the cuti bersama decreed
# yearly by the three ministers (SKB 3 Menteri).
_CATEGORIES = {HolidayKind.PUBLIC: "public", HolidayKind.CUTI_BERSAMA: "government"}
# Typos in the package's Indonesian names, corrected when seeding.
_NAME_FIXES = {"Pegangti Cuti Bersama": "Pengganti Cuti Bersama"}
_ESTIMATED_ID = " (perkiraan)"
_ESTIMATED_EN = " (estimated)"
_CLOCK_KEYS = {"name", "election_type", "days", "day_type", "description_id", "description_en", "legal_basis"}


@dataclass(frozen=True)
class SeedHoliday:
    date: dt.date
    name: str
    name_en: str
    kind: str


class ClockFileError(ValueError):
    """The clocks file is malformed; the message names the offending entry."""


def package_holidays(years: Iterable[int]) -> list[SeedHoliday]:
    """National holidays and cuti bersama of the given years, with Indonesian and English names."""
    years = list(years)
    found: list[SeedHoliday] = []
    for kind, category in _CATEGORIES.items():
        local = holidays_package.country_holidays("ID", years=years, categories=(category,), language="id")
        english = holidays_package.country_holidays(
            "ID", years=years, categories=(category,), language="en_US"
        )
        for day in sorted(local):
            names = local.get_list(day)
            english_names = english.get_list(day)
            for name in names:
                if len(names) == 1 and len(english_names) == 1:
                    name_en = english_names[0]
                else:  # several holidays on one day: translate each name on its own
                    name_en = _translate(english, name)
                found.append(SeedHoliday(day, _fix(name), name_en, kind))
    return found


def _translate(english: Any, name: str) -> str:
    base, estimated = (name[: -len(_ESTIMATED_ID)], True) if name.endswith(_ESTIMATED_ID) else (name, False)
    translated = str(english.tr(base))
    if translated == base:
        return ""
    return translated + _ESTIMATED_EN if estimated else translated


def _fix(name: str) -> str:
    for wrong, right in _NAME_FIXES.items():
        name = name.replace(wrong, right)
    return name


def seed_holidays(years: Iterable[int]) -> int:
    """Create the seeded national holidays that are missing; returns how many were created."""
    candidates = package_holidays(years)
    if not candidates:
        return 0
    first, last = min(c.date for c in candidates), max(c.date for c in candidates)
    seeded = set(
        Holiday.objects.filter(source=HolidaySource.SEED, date__range=(first, last)).values_list(
            "date", "seed_name"
        )
    )
    # A national row with the same date and name (e.g. added by hand before seeding) also counts.
    national = set(
        Holiday.objects.filter(region__isnull=True, date__range=(first, last)).values_list("date", "name")
    )
    new = [
        Holiday(
            date=c.date,
            name=c.name,
            name_en=c.name_en,
            kind=c.kind,
            source=HolidaySource.SEED,
            seed_name=c.name,
        )
        for c in candidates
        if (c.date, c.name) not in seeded and (c.date, c.name) not in national
    ]
    Holiday.objects.bulk_create(new)
    return len(new)


def read_clocks_file(path: Path = CLOCKS_FILE) -> dict[str, Any]:
    """Read and validate the clocks file; raises ClockFileError with a precise message."""
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ClockFileError(f"{path}: {exc}") from exc
    if not data.get("version") or not isinstance(data.get("clocks"), list):
        raise ClockFileError(f"{path}: needs a 'version' and a 'clocks' list")
    seen: set[str] = set()
    for entry in data["clocks"]:
        name = entry.get("name", "?")
        if missing := _CLOCK_KEYS - entry.keys():
            raise ClockFileError(f"clock {name}: missing {sorted(missing)}")
        if name in seen:
            raise ClockFileError(f"clock {name}: duplicate name")
        seen.add(name)
        if entry["election_type"] not in ElectionType.values:
            raise ClockFileError(f"clock {name}: election_type must be one of {ElectionType.values}")
        if entry["day_type"] not in DayType.values:
            raise ClockFileError(f"clock {name}: day_type must be one of {DayType.values}")
        if not isinstance(entry["days"], int) or isinstance(entry["days"], bool) or entry["days"] < 0:
            raise ClockFileError(f"clock {name}: days must be a whole number >= 0")
    return data


def seed_clocks(path: Path = CLOCKS_FILE) -> tuple[str, int]:
    """Create the clocks of the file that are missing; returns (file version, number created)."""
    data = read_clocks_file(path)
    existing = set(Clock.objects.values_list("name", flat=True))
    new = [
        Clock(**{key: entry[key] for key in _CLOCK_KEYS})
        for entry in data["clocks"]
        if entry["name"] not in existing
    ]
    Clock.objects.bulk_create(new)
    return str(data["version"]), len(new)
