"""Helpers shared by the `deadline` and `holidays` commands (not a command: the name starts with _)."""

from __future__ import annotations

import datetime as dt
import re
import sys
from typing import NoReturn

from django.conf import settings
from django.core.management.base import OutputWrapper
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from netral.regions.models import Region

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def fail(stderr: OutputWrapper, message: str) -> NoReturn:
    """Write the message to stderr and stop with exit code 1 (a failure the user caused)."""
    stderr.write(message)
    sys.exit(1)


def parse_date(raw: str) -> dt.date | None:
    """A YYYY-MM-DD date, or None when the text is not one."""
    text = raw.strip()
    if not _ISO_DATE.match(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def bad_date_message(raw: str) -> str:
    return _("Invalid date: %(value)s. Use the format YYYY-MM-DD, e.g. 2024-04-04.") % {"value": raw}


def unknown_region_message(code: str) -> str:
    return _(
        "Unknown region code: %(code)s. Use a Kemendagri province code (e.g. 34) or regency/city code "
        "(e.g. 34.04); `netral regions list` shows them all."
    ) % {"code": code}


def long_date(day: dt.date) -> str:
    """E.g. "Selasa, 23 April 2024" (day and month names in the active language)."""
    return date_format(day, "l, j F Y")


def region_label(code: str | None) -> str:
    if not code:
        return _("national (WIB)")
    region = Region.objects.filter(code=code).first()
    return f"{code} {region.name}" if region else code


def outside_seeded_years(*days: dt.date) -> list[int]:
    """Years among `days` for which no holidays were seeded (only weekends count there)."""
    seeded = set(settings.NETRAL_HOLIDAY_YEARS)
    return sorted({day.year for day in days} - seeded)


def years_warning(years: list[int]) -> str:
    return _(
        "Warning: no holiday data for %(years)s; only Saturdays and Sundays count as non-working days there."
    ) % {"years": ", ".join(str(year) for year in years)}
