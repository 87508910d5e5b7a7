"""The typed input of a report and its validation, with per-field messages in the active language.

Field keys follow the public API's JSON: `description`, `region_code`, `reporter.nik`,
`reported.0.nip`, `evidence_urls.1`, ... Messages never repeat the submitted value, so a
`ReportValidationError` can be logged without leaking the reporter's identity.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import models, transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext as _

from netral.elections.models import Election
from netral.intake.crypto import ReporterIdentity, normalize_nik, normalize_phone
from netral.personnel.services import parse_nik, parse_nip
from netral.regions.models import Region

MAX_LENGTHS = {
    "description": 10_000,
    "chronology": 20_000,
    "place": 300,
    "region_code": 10,
    "election": 40,
    "reporter.name": 200,
    "reporter.nik": 40,
    "reporter.address": 500,
    "reporter.phone": 40,
    "reporter.email": 254,
    "name": 200,
    "position": 200,
    "agency": 200,
    "nip": 40,
    "witness": 300,
    "url": 2_000,
}
MAX_REPORTED = 50
MAX_WITNESSES = 30
MAX_URLS = 30
# Printable ASCII without leading or trailing spaces; a UUID is the usual choice.
IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e]([\x20-\x7e]{0,198}[\x21-\x7e])?")
# Control characters other than tab, newline and carriage return (PostgreSQL refuses NUL outright).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PHONE_CHARS = re.compile(r"[0-9+()\-. ]+")


# Regions and elections are reference data read on every submission (about 2 ms of ORM work each
# under load): each process keeps the rows it looked up for REFERENCE_CACHE_SECONDS. The cache is
# emptied when a row is saved or deleted in this process and when tables are flushed (tests), and it
# is neither read nor filled inside a transaction, whose reads could be of rows not yet committed.
# An edit made by another process is seen within REFERENCE_CACHE_SECONDS; a new code at once.
REFERENCE_CACHE_SECONDS = 60.0
_reference_cache: dict[tuple[str, str], tuple[float, Any]] = {}
_M = TypeVar("_M", bound=models.Model)


def _forget_references(**_kwargs: Any) -> None:
    _reference_cache.clear()


for _model in (Region, Election):
    for _signal in (post_save, post_delete):
        _signal.connect(_forget_references, sender=_model, dispatch_uid=f"intake-refcache-{_model.__name__}")
post_migrate.connect(_forget_references, dispatch_uid="intake-refcache-migrate")


def _reference(model: type[_M], code: str) -> _M | None:
    """The row of `model` with this `code` (cached per process outside transactions), or None."""
    cacheable = not transaction.get_connection().in_atomic_block
    key = (model._meta.label, code)
    now = time.monotonic()
    hit = _reference_cache.get(key) if cacheable else None
    if hit is not None and now - hit[0] < REFERENCE_CACHE_SECONDS:
        found: _M = hit[1]
        return found
    row = model._default_manager.filter(code=code).first()
    if cacheable and row is not None:
        _reference_cache[key] = (now, row)
    return row


def preload_references() -> int:
    """Fill this process's cache with every region and election (two queries); returns the count.
    For a web worker before it serves (intake/warmup.py), so no request waits for a look-up."""
    if transaction.get_connection().in_atomic_block:
        return 0
    now = time.monotonic()
    loaded = 0
    for model in (Region, Election):
        for row in model._default_manager.all():
            _reference_cache[(model._meta.label, row.code)] = (now, row)
            loaded += 1
    return loaded


class IntakeError(Exception):
    """Base class of the intake app's errors."""


class ReportValidationError(IntakeError):
    """Invalid report input: `errors` maps a field key to its messages (translated, value-free)."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        self.errors = errors
        super().__init__("invalid report: " + ", ".join(sorted(errors)))


@dataclass(frozen=True)
class ReportedPersonInput:
    name: str = ""
    position: str = ""
    agency: str = ""
    nip: str = ""


@dataclass(frozen=True)
class ReportInput:
    """What a reporter (or a supervisor, for a finding) submits. Dates are local dates."""

    description: str
    region_code: str
    election: str
    known_on: dt.date | None
    anonymous: bool = False
    reporter: ReporterIdentity = field(default_factory=ReporterIdentity)
    reported: tuple[ReportedPersonInput, ...] = ()
    chronology: str = ""
    place: str = ""
    occurred_on: dt.date | None = None
    witnesses: tuple[str, ...] = ()
    evidence_urls: tuple[str, ...] = ()


@dataclass(frozen=True)
class ValidReport:
    """A validated input, cleaned, with the objects it refers to."""

    data: ReportInput
    region: Region
    election: Election
    known_on: dt.date
    reporter: ReporterIdentity  # empty when anonymous
    reported: tuple[ReportedPersonInput, ...]  # NIPs as 18 digits


class _Collector:
    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, key: str, message: str) -> None:
        self.errors.setdefault(key, []).append(message)

    def text(self, key: str, value: Any, *, limit_key: str | None = None, required: bool = False) -> str:
        """The stripped text, or "" after recording why it is not acceptable."""
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.add(key, _("Must be text."))
            return ""
        value = value.strip()
        if _CONTROL.search(value):
            self.add(key, _("Contains characters that are not allowed."))
            return ""
        limit = MAX_LENGTHS[limit_key or key]
        if len(value) > limit:
            self.add(key, _("At most %(limit)d characters.") % {"limit": limit})
            return ""
        if required and not value:
            self.add(key, _("This field is required."))
        return value

    def date(self, key: str, value: Any, *, today: dt.date, required: bool) -> dt.date | None:
        if value is None:
            if required:
                self.add(key, _("This field is required."))
            return None
        if not isinstance(value, dt.date):
            self.add(key, _("Must be a date."))
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        if value > today:
            self.add(key, _("The date cannot be in the future."))
            return None
        if value.year < 1945:
            self.add(key, _("The date is too far in the past."))
            return None
        return value


def _reporter(c: _Collector, reporter: Any, today: dt.date) -> ReporterIdentity:
    if not isinstance(reporter, ReporterIdentity):
        c.add("reporter", _("Invalid reporter data."))
        return ReporterIdentity()
    name = c.text("reporter.name", reporter.name, required=True)
    nik = c.text("reporter.nik", reporter.nik)
    if nik:
        info = parse_nik(nik, today=today)
        if not info.valid:
            c.add("reporter.nik", _("This is not a valid NIK (16 digits as on the KTP)."))
        nik = normalize_nik(nik)
    address = c.text("reporter.address", reporter.address)
    phone = c.text("reporter.phone", reporter.phone)
    if phone:
        digits = normalize_phone(phone)
        if not _PHONE_CHARS.fullmatch(phone) or not 8 <= len(digits) <= 15:
            c.add("reporter.phone", _("This is not a valid phone number."))
    email = c.text("reporter.email", reporter.email)
    if email:
        try:
            EmailValidator()(email)
        except ValidationError:
            c.add("reporter.email", _("This is not a valid e-mail address."))
    return ReporterIdentity(name=name, nik=nik, address=address, phone=phone, email=email)


def _reported(c: _Collector, persons: Any, today: dt.date) -> tuple[ReportedPersonInput, ...]:
    if not isinstance(persons, tuple | list):
        c.add("reported", _("Invalid list of reported persons."))
        return ()
    if not persons:
        c.add("reported", _("Name at least one civil servant (name or position)."))
        return ()
    if len(persons) > MAX_REPORTED:
        c.add("reported", _("At most %(limit)d reported persons.") % {"limit": MAX_REPORTED})
        return ()
    cleaned = []
    for index, person in enumerate(persons):
        key = f"reported.{index}"
        if not isinstance(person, ReportedPersonInput):
            c.add(key, _("Invalid reported person."))
            continue
        name = c.text(f"{key}.name", person.name, limit_key="name")
        position = c.text(f"{key}.position", person.position, limit_key="position")
        agency = c.text(f"{key}.agency", person.agency, limit_key="agency")
        nip = c.text(f"{key}.nip", person.nip, limit_key="nip")
        if not name and not position:
            c.add(f"{key}.name", _("Give the name as you know it, or at least the position."))
        if nip:
            info = parse_nip(nip, today=today)
            for message in info.messages:
                c.add(f"{key}.nip", message)
            nip = info.nip
        cleaned.append(ReportedPersonInput(name=name, position=position, agency=agency, nip=nip))
    return tuple(cleaned)


def _string_list(c: _Collector, key: str, values: Any, *, limit: int, url: bool) -> tuple[str, ...]:
    if not isinstance(values, tuple | list):
        c.add(key, _("Must be a list."))
        return ()
    if len(values) > limit:
        c.add(key, _("At most %(limit)d entries.") % {"limit": limit})
        return ()
    cleaned = []
    for index, value in enumerate(values):
        text = c.text(f"{key}.{index}", value, limit_key="url" if url else "witness")
        if not text:
            continue
        if url:
            try:
                URLValidator(schemes=["http", "https"])(text)
            except ValidationError:
                c.add(f"{key}.{index}", _("This is not a valid web link (http or https)."))
                continue
        cleaned.append(text)
    return tuple(cleaned)


def validate_report(data: Any, *, today: dt.date, finding: bool = False) -> ValidReport:
    """Check a ReportInput; raises ReportValidationError with every problem found.

    `today` is the local date of receipt. For a finding (`finding=True`) the supervisor is the
    reporter, so no reporter identity is asked for and any given is ignored.
    """
    if not isinstance(data, ReportInput):
        raise ReportValidationError({"__all__": [_("Invalid report data.")]})
    c = _Collector()
    description = c.text("description", data.description, required=True)
    chronology = c.text("chronology", data.chronology)
    place = c.text("place", data.place)

    region = None
    region_code = c.text("region_code", data.region_code, required=True)
    if region_code:
        region = _reference(Region, region_code)
        if region is None:
            c.add("region_code", _("Unknown region code."))
    election = None
    election_code = c.text("election", data.election, required=True)
    if election_code:
        election = _reference(Election, election_code)
        if election is None:
            c.add("election", _("Unknown election."))

    known_on = c.date("known_on", data.known_on, today=today, required=True)
    occurred_on = c.date("occurred_on", data.occurred_on, today=today, required=False)
    if known_on and occurred_on and occurred_on > known_on:
        c.add("occurred_on", _("The event cannot have happened after you learned of it."))

    anonymous = data.anonymous
    if not isinstance(anonymous, bool):
        c.add("anonymous", _("Must be true or false."))
        anonymous = False
    reporter = ReporterIdentity()
    if not anonymous and not finding:
        reporter = _reporter(c, data.reporter, today)
    reported = _reported(c, data.reported, today)
    witnesses = _string_list(c, "witnesses", data.witnesses, limit=MAX_WITNESSES, url=False)
    urls = _string_list(c, "evidence_urls", data.evidence_urls, limit=MAX_URLS, url=True)

    if c.errors or region is None or election is None or known_on is None:
        raise ReportValidationError(c.errors)
    cleaned = ReportInput(
        description=description,
        region_code=region.code,
        election=election.code,
        known_on=known_on,
        anonymous=anonymous and not finding,
        reporter=reporter,
        reported=reported,
        chronology=chronology,
        place=place,
        occurred_on=occurred_on,
        witnesses=witnesses,
        evidence_urls=urls,
    )
    return ValidReport(
        data=cleaned,
        region=region,
        election=election,
        known_on=known_on,
        reporter=reporter,
        reported=reported,
    )


def check_idempotency_key(key: Any) -> str:
    """The key itself when acceptable: 1-200 printable ASCII characters (e.g. a UUID)."""
    if not isinstance(key, str) or not IDEMPOTENCY_KEY.fullmatch(key):
        raise ReportValidationError(
            {"idempotency_key": [_("Use 1 to 200 printable ASCII characters, e.g. a UUID.")]}
        )
    return key
