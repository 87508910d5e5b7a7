"""Turning one row of an import file into a `ReportInput` (values only; the rules are intake's).

Cells are read leniently (dates as 2024-04-05, 05/04/2024, 5-4-2024 or "5 April 2024" with
Indonesian or English month names; yes/no as ya/tidak; lists split on semicolons or new lines)
and everything else is left to `validate_report`. Messages never repeat a cell's value, so they
can go into the error report: that report must not carry NIKs, phone numbers or names.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import zip_longest
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _

from netral.elections.models import Election
from netral.intake.crypto import ReporterIdentity
from netral.intake.validation import ReportedPersonInput, ReportInput
from netral.regions.models import ZONE_INFO, Region

_MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "pebruari": 2,
    "maret": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "june": 6,
    "jun": 6, "juli": 7, "july": 7, "jul": 7, "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8,
    "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "nopember": 11, "desember": 12, "december": 12, "des": 12, "dec": 12,
}  # fmt: skip
_NUMERIC_DATE = re.compile(
    r"(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[ T](\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?"
)
_WORD_DATE = re.compile(r"(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})(?:,?\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?")
_YES = {"ya", "y", "yes", "true", "1", "benar", "anonim"}
_NO = {"tidak", "t", "no", "n", "false", "0", "salah", ""}
_LIST_SPLIT = re.compile(r"\s*[;\n]\s*")
_URL_SPLIT = re.compile(r"[\s;]+")
_CODE = re.compile(r"\d{2}(\.?\d{2})?")


def cell_text(value: Any) -> str:
    """A cell as stripped text: whole numbers without `.0`, dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()


def parse_moment(value: Any) -> tuple[dt.date, dt.time | None] | None:
    """(date, time or None) of a cell, or None when it is not a date."""
    if isinstance(value, dt.datetime):
        return value.date(), value.timetz()
    if isinstance(value, dt.date):
        return value, None
    if not isinstance(value, str):
        return None
    text = " ".join(value.split()).lower()
    numeric, word = _NUMERIC_DATE.fullmatch(text), _WORD_DATE.fullmatch(text)
    try:
        if numeric:
            a, b, c, *clock = numeric.groups()
            year, month, day = (int(a), int(b), int(c)) if len(a) == 4 else (int(c), int(b), int(a))
        elif word and word.group(2) in _MONTHS:
            day, month, year = int(word.group(1)), _MONTHS[word.group(2)], int(word.group(3))
            clock = list(word.groups()[3:])
        else:
            return None
        if year < 100:
            return None
        day_value = dt.date(year, month, day)
        if clock and clock[0] is not None:
            return day_value, dt.time(int(clock[0]), int(clock[1]), int(clock[2] or 0))
        return day_value, None
    except ValueError:
        return None


@dataclass(frozen=True)
class ParsedRow:
    data: ReportInput
    source_id: str
    received_at: dt.datetime | None


class RowParser:
    """Reads rows through a column index `{field: position}`; one instance per import."""

    def __init__(self, index: dict[str, int], *, default_election: str | None = None) -> None:
        self.index = index
        self.default_election = default_election or ""
        self.region_names: dict[str, str | None] = {}
        self.zones: dict[str, ZoneInfo] = {}
        for code, name, zone in Region.objects.values_list("code", "name", "timezone"):
            self.zones[code] = ZONE_INFO[zone]
            key = self._region_key(name)
            self.region_names[key] = None if key in self.region_names else code  # None: ambiguous
        self.election_names = {
            " ".join(name.split()).casefold(): code
            for code, name in Election.objects.values_list("code", "name")
        }

    @staticmethod
    def _region_key(name: str) -> str:
        text = " ".join(name.replace(".", ". ").split()).casefold()
        for short, full in (
            ("kab. ", "kabupaten "),
            ("kab ", "kabupaten "),
            ("provinsi ", ""),
            ("prov. ", ""),
        ):
            if text.startswith(short):
                text = full + text[len(short) :]
        return text

    def _cell(self, cells: list[Any], target: str) -> Any:
        position = self.index.get(target)
        return cells[position] if position is not None and position < len(cells) else None

    def _text(self, cells: list[Any], target: str) -> str:
        return cell_text(self._cell(cells, target))

    def source_id(self, cells: list[Any]) -> str:
        return self._text(cells, "source_id")

    def _region(self, text: str) -> str:
        if _CODE.fullmatch(text):
            digits = text.replace(".", "")
            return digits if len(digits) == 2 else f"{digits[:2]}.{digits[2:]}"
        if re.fullmatch(r"[\d.]+", text):
            return text  # a malformed code: validation says it is unknown
        return self.region_names.get(self._region_key(text)) or ""

    def parse(self, cells: list[Any]) -> tuple[ParsedRow | None, list[tuple[str, str]]]:
        """The row as a report input, or None and `[(field, message)]`."""
        errors: list[tuple[str, str]] = []

        def date_of(target: str) -> dt.date | None:
            raw = self._cell(cells, target)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                return None
            moment = parse_moment(raw)
            if moment is None:
                errors.append((target, _("Not a date (use YYYY-MM-DD or DD/MM/YYYY).")))
                return None
            return moment[0]

        def number_text(target: str) -> str:
            raw = self._cell(cells, target)
            if isinstance(raw, int | float) and not isinstance(raw, bool):
                errors.append(
                    (target, _("Stored as a number, so digits may be lost; store the column as text."))
                )
                return ""
            return cell_text(raw)

        region_text = self._text(cells, "region_code")
        region_code = self._region(region_text) if region_text else ""
        if region_text and not region_code:
            errors.append(
                (
                    "region_code",
                    _("Unknown region: give the Kemendagri code (e.g. 34.04) or the exact name."),
                )
            )
        election = self._text(cells, "election") or self.default_election
        election = self.election_names.get(" ".join(election.split()).casefold(), election)

        anonymous_text = self._text(cells, "anonymous").casefold()
        if anonymous_text not in _YES | _NO:
            errors.append(("anonymous", _("Not a yes/no value (use ya or tidak).")))
        reporter = ReporterIdentity(
            name=self._text(cells, "reporter_name"),
            nik=number_text("reporter_nik"),
            address=self._text(cells, "reporter_address"),
            phone=self._text(cells, "reporter_phone"),
            email=self._text(cells, "reporter_email"),
        )
        anonymous = anonymous_text in _YES or (not anonymous_text and reporter.is_empty)

        parts = [
            _LIST_SPLIT.split(text) if (text := self._text(cells, t)) else []
            for t in ("reported_name", "reported_position", "reported_agency")
        ]
        nip_text = number_text("reported_nip")
        parts.append(_LIST_SPLIT.split(nip_text) if nip_text else [])
        reported = tuple(
            ReportedPersonInput(name=n or "", position=p or "", agency=a or "", nip=i or "")
            for n, p, a, i in zip_longest(*parts)
            if n or p or a or i
        )
        received = self._received_at(cells, errors)
        known_on, occurred_on = date_of("known_on"), date_of("occurred_on")
        if errors:
            return None, errors
        witnesses = self._text(cells, "witnesses")
        urls = self._text(cells, "evidence_urls")
        data = ReportInput(
            description=self._text(cells, "description"),
            region_code=region_code,
            election=election,
            known_on=known_on,
            anonymous=anonymous,
            reporter=reporter,
            reported=reported,
            chronology=self._text(cells, "chronology"),
            place=self._text(cells, "place"),
            occurred_on=occurred_on,
            witnesses=tuple(w for w in _LIST_SPLIT.split(witnesses) if w) if witnesses else (),
            evidence_urls=tuple(u for u in _URL_SPLIT.split(urls) if u) if urls else (),
        )
        return ParsedRow(data, self.source_id(cells), received), []

    def _received_at(self, cells: list[Any], errors: list[tuple[str, str]]) -> dt.datetime | None:
        """The receipt time at the source: a time without zone is read in the region's zone (WIB
        when the region is unknown); a date alone means noon that day (but not after now)."""
        raw = self._cell(cells, "received_at")
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        moment = parse_moment(raw)
        if moment is None:
            errors.append(("received_at", _("Not a date (use YYYY-MM-DD or DD/MM/YYYY).")))
            return None
        day, clock = moment
        region_text = self._text(cells, "region_code")
        zone = self.zones.get(self._region(region_text) if region_text else "", ZONE_INFO["WIB"])
        when = dt.datetime.combine(day, clock or dt.time(12, 0))
        received = when if when.tzinfo else when.replace(tzinfo=zone)
        now = timezone.now()
        if received > now:
            if clock is not None or day > now.astimezone(zone).date():
                errors.append(("received_at", _("The time of receipt lies in the future.")))
                return None
            received = now
        return received
