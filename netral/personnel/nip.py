"""Parsing the 18-digit NIP (Nomor Induk Pegawai) of a civil servant.

Layout (docs/personnel.md, "NIP"), e.g. `19860926 201505 1 001`:

    digits  1-8   birth date YYYYMMDD
    digits  9-14  TMT CPNS (start of service) YYYYMM; PPPK numbers carry `21` as the month
    digit  15     gender: 1 male (L), 2 female (P)
    digits 16-18  serial, 001-999

Checks, each with its own error code: `length`, `characters`, `birth_date`, `birth_date_future`,
`tmt` (month not 01-12 nor 21, or year before 1900), `tmt_before_18`, `tmt_after_60`,
`tmt_future`, `gender`, `serial`. The appointment (TMT) must fall on or after the holder's 18th
birthday and before their 60th; a PNS TMT is the first day of its month, a PPPK TMT only a year
(valid when any day of that year fits). See docs/personnel.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netral.personnel.idcheck import (
    CheckedNumber,
    NumberError,
    add_years,
    clean_digits,
    make_date,
    only_ascii_digits,
)

NIP_LENGTH = 18
PPPK_MONTH = 21
MIN_AGE_AT_TMT = 18
MAX_AGE_AT_TMT = 60

MESSAGES = {
    "length": _("A NIP has 18 digits; this one has %(count)d."),
    "characters": _("A NIP may contain only digits (spaces are allowed between groups)."),
    "birth_date": _("Digits 1-8 (%(value)s) are not a valid birth date (YYYYMMDD)."),
    "birth_date_future": _("The birth date %(value)s lies in the future."),
    "tmt": _("Digits 9-14 (%(value)s) are not a valid TMT CPNS (YYYYMM with month 01-12, or 21 for PPPK)."),
    "tmt_before_18": _("The TMT %(tmt)s is before the holder's 18th birthday."),
    "tmt_after_60": _("The TMT %(tmt)s is after the holder's 60th birthday."),
    "tmt_future": _("The TMT %(tmt)s lies in the future."),
    "gender": _("Digit 15 (%(value)s) must be 1 (male) or 2 (female)."),
    "serial": _("The serial number (digits 16-18) cannot be 000."),
}


def _error(code: str, **params: Any) -> NumberError:
    return NumberError(code=code, template=MESSAGES[code], params=params)


@dataclass(frozen=True)
class NipInfo(CheckedNumber):
    """The result of parsing a NIP. A field is None when its part of the number is invalid."""

    nip: str
    errors: tuple[NumberError, ...]
    birth_date: dt.date | None = None
    tmt_year: int | None = None
    tmt_month: int | None = None  # None for PPPK, whose NIP carries only the year
    employment: str | None = None  # "pns" or "pppk"
    gender: str | None = None  # "L" or "P"
    serial: str | None = None

    @property
    def tmt(self) -> str | None:
        """`YYYY-MM` for PNS, `YYYY` for PPPK, None when the TMT is invalid."""
        if self.tmt_year is None:
            return None
        if self.tmt_month is None:
            return f"{self.tmt_year:04d}"
        return f"{self.tmt_year:04d}-{self.tmt_month:02d}"

    def as_json(self) -> dict[str, Any]:
        """Exactly the documented JSON of `netral nip check --json`."""
        return {
            "valid": self.valid,
            "errors": self.messages,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "tmt": self.tmt,
            "gender": self.gender,
            "serial": self.serial,
        }


def parse_nip(text: str, *, today: dt.date | None = None) -> NipInfo:
    """Parse and check a NIP; never raises for bad input."""
    today = today or timezone.localdate()
    nip = clean_digits(text)
    errors: list[NumberError] = []
    if not only_ascii_digits(nip):
        errors.append(_error("characters"))
    if len(nip) != NIP_LENGTH:
        errors.append(_error("length", count=len(nip)))
    if errors:
        return NipInfo(nip=nip, errors=tuple(errors))

    birth_date = make_date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    if birth_date is None or birth_date.year < 1900:
        errors.append(_error("birth_date", value=nip[0:8]))
        birth_date = None
    elif birth_date > today:
        errors.append(_error("birth_date_future", value=birth_date.isoformat()))
        birth_date = None

    tmt_year, tmt_month_raw = int(nip[8:12]), int(nip[12:14])
    tmt_errors: list[NumberError] = []
    if tmt_year < 1900 or not (1 <= tmt_month_raw <= 12 or tmt_month_raw == PPPK_MONTH):
        tmt_errors.append(_error("tmt", value=nip[8:14]))
    else:
        pppk = tmt_month_raw == PPPK_MONTH
        tmt_label = f"{tmt_year:04d}" if pppk else f"{tmt_year:04d}-{tmt_month_raw:02d}"
        # The earliest and latest day the TMT can stand for: a PNS TMT is the 1st of its month.
        earliest = dt.date(tmt_year, 1, 1) if pppk else dt.date(tmt_year, tmt_month_raw, 1)
        latest = dt.date(tmt_year, 12, 31) if pppk else earliest
        if earliest > today:
            tmt_errors.append(_error("tmt_future", tmt=tmt_label))
        if birth_date is not None:
            if latest < add_years(birth_date, MIN_AGE_AT_TMT):
                tmt_errors.append(_error("tmt_before_18", tmt=tmt_label))
            if earliest >= add_years(birth_date, MAX_AGE_AT_TMT):
                tmt_errors.append(_error("tmt_after_60", tmt=tmt_label))
    errors.extend(tmt_errors)

    gender = {"1": "L", "2": "P"}.get(nip[14])
    if gender is None:
        errors.append(_error("gender", value=nip[14]))
    serial: str | None = nip[15:18]
    if serial == "000":
        errors.append(_error("serial"))
        serial = None

    ok_tmt = not tmt_errors
    return NipInfo(
        nip=nip,
        errors=tuple(errors),
        birth_date=birth_date,
        tmt_year=tmt_year if ok_tmt else None,
        tmt_month=(None if tmt_month_raw == PPPK_MONTH else tmt_month_raw) if ok_tmt else None,
        employment=("pppk" if tmt_month_raw == PPPK_MONTH else "pns") if ok_tmt else None,
        gender=gender,
        serial=serial,
    )


def build_nip(
    birth_date: dt.date, *, gender: str, serial: int, tmt_year: int, tmt_month: int | None = None
) -> str:
    """Compose a NIP; `tmt_month=None` makes a PPPK number (month position `21`)."""
    if not 1 <= serial <= 999:
        raise ValueError("serial must be 1-999")
    month = PPPK_MONTH if tmt_month is None else tmt_month
    digit = {"L": "1", "P": "2"}[gender]
    return f"{birth_date:%Y%m%d}{tmt_year:04d}{month:02d}{digit}{serial:03d}"


def format_nip(nip: str) -> str:
    """The usual grouped form `19860926 201505 1 001`."""
    return f"{nip[0:8]} {nip[8:14]} {nip[14]} {nip[15:18]}" if len(nip) == NIP_LENGTH else nip
