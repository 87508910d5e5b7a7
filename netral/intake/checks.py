"""Before a report is filed: how long the reporting window still runs, and what is still missing.

The window is the clock `<election type>.report_filing` (docs/clocks.md: 7 working days for Pemilu,
7 calendar days for Pilkada), started on the day the reporter learned of the event (day 0) in the
region's calendar. The last day counts in full: a report filed at any time on it is in time.

The requirement checklist follows docs/intake.md: formal requirements (the identities of reporter and
reported person, filed within the window) and material ones (time, place, description, evidence).
It never blocks filing: an incomplete or late report is still received, and the checklist tells
the reporter, before submitting, what Bawaslu's initial review will look for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from netral.elections.services import get_election
from netral.intake.crypto import ReporterIdentity
from netral.intake.validation import ReportInput
from netral.workdays.services import DayType, WorkdaysError, compute_deadline, get_calendar

FORMAL, MATERIAL = "formal", "material"


@dataclass(frozen=True)
class FilingWindow:
    clock: str  # e.g. "pemilu.report_filing"
    known_on: dt.date
    last_day: dt.date
    day_type: str  # "working" or "calendar"
    days_left: int  # qualifying days after `today` up to the last day; 0 on the last day and after
    expired: bool

    def as_dict(self) -> dict[str, Any]:
        """The API's `filing_window` object."""
        return {"last_day": self.last_day.isoformat(), "days_left": self.days_left, "expired": self.expired}


def local_today(region_code: str | None, now: dt.datetime | None = None) -> dt.date:
    """Today's date in the region's time zone (WIB without a region)."""
    return (now or timezone.now()).astimezone(get_calendar(region_code).zone).date()


def days_left(today: dt.date, last_day: dt.date, day_type: str, region_code: str | None) -> int:
    """Qualifying days in (today, last_day]; 0 when today is the last day or later."""
    if today >= last_day:
        return 0
    if day_type == DayType.WORKING:
        return get_calendar(region_code).working_days_between(today, last_day)
    return (last_day - today).days


def filing_window(
    known_on: dt.date, election_code: str, region_code: str | None, today: dt.date | None = None
) -> FilingWindow:
    """The reporting window of an event learned of on `known_on`.

    Raises Election.DoesNotExist, workdays UnknownRegion or UnknownClock for unknown references.
    `today` defaults to the local date in the region.
    """
    return window_for_type(get_election(election_code).type, known_on, region_code, today)


def window_for_type(
    election_type: str, known_on: dt.date, region_code: str | None, today: dt.date | None = None
) -> FilingWindow:
    """`filing_window` for an election type ("pemilu", "pilkada") already known to the caller."""
    clock = f"{election_type}.report_filing"
    deadline = compute_deadline(clock, known_on, region_code)
    today = today or local_today(region_code)
    return FilingWindow(
        clock=clock,
        known_on=deadline.start,
        last_day=deadline.due_date,
        day_type=deadline.day_type,
        days_left=days_left(today, deadline.due_date, deadline.day_type, region_code),
        expired=today > deadline.due_date,
    )


@dataclass(frozen=True)
class Requirement:
    """One missing requirement: a stable code, formal or material, and a translated sentence."""

    code: str
    group: str
    message: str


def _window_or_none(data: ReportInput, today: dt.date | None) -> FilingWindow | None:
    if not data.known_on or not data.election:
        return None
    try:
        return filing_window(data.known_on, data.election, data.region_code or None, today)
    except (ObjectDoesNotExist, ValueError):  # unknown election, region or clock: validation reports it
        return None


def requirement_checklist(
    data: ReportInput, *, finding: bool = False, evidence_files: int = 0, today: dt.date | None = None
) -> list[Requirement]:
    """The formal and material requirements `data` does not meet yet (empty when complete).

    `evidence_files` counts uploads that travel beside the input; `finding=True` for a
    supervisor's finding, whose reporter is the supervisor (no reporter identity is asked).
    """
    missing: list[Requirement] = []

    def need(code: str, group: str, message: str) -> None:
        missing.append(Requirement(code, group, message))

    reporter = data.reporter if isinstance(data.reporter, ReporterIdentity) else ReporterIdentity()
    if not data.anonymous and not finding:
        if not reporter.name.strip():
            need("reporter_name", FORMAL, _("Your name is missing (or choose to report anonymously)."))
        if not reporter.nik.strip():
            need("reporter_nik", FORMAL, _("Your NIK (the number on your KTP) is missing."))
        if not reporter.address.strip():
            need("reporter_address", FORMAL, _("Your address is missing."))
        if not reporter.phone.strip() and not reporter.email.strip():
            need("reporter_contact", FORMAL, _("A phone number or e-mail address to reach you is missing."))
    if not any((p.name or "").strip() for p in data.reported or ()):
        need("reported_name", FORMAL, _("The name of the reported civil servant is missing."))
    if not data.known_on:
        need("known_on", FORMAL, _("The date you learned of the event is missing."))
    else:
        window = _window_or_none(data, today)
        if window is not None and window.expired:
            need(
                "deadline",
                FORMAL,
                _(
                    "The reporting window ended on %(date)s. You can still submit, but the report will be "
                    "marked as expired (daluwarsa)."
                )
                % {"date": formats.date_format(window.last_day, "j F Y")},
            )
    if not data.occurred_on:
        need("occurred_on", MATERIAL, _("The date of the event is missing."))
    if not (data.place or "").strip():
        need("place", MATERIAL, _("The place of the event is missing."))
    if not (data.description or "").strip():
        need("description", MATERIAL, _("A description of what happened is missing."))
    if not evidence_files and not data.evidence_urls:
        need(
            "evidence", MATERIAL, _("Evidence is missing: upload a photo, document or video, or add a link.")
        )
    return missing


def missing_requirements(
    data: ReportInput, *, finding: bool = False, evidence_files: int = 0, today: dt.date | None = None
) -> list[str]:
    """The checklist as sentences for the reporter, in the active language."""
    return [
        r.message
        for r in requirement_checklist(data, finding=finding, evidence_files=evidence_files, today=today)
    ]


def next_deadline(report: Any) -> dict[str, Any] | None:
    """The report's next legal deadline: while it waits for initial review, that clock runs from receipt.

    Returns {"clock", "due_date", "due_at"} or None when no clock runs (the case workflow takes over
    deadlines once it exists).
    """
    if report.state != "received":
        return None
    try:
        deadline = compute_deadline(
            f"{report.election.type}.initial_review", report.created_at, report.region_id
        )
    except WorkdaysError:
        return None
    return {"clock": deadline.clock, "due_date": deadline.due_date, "due_at": deadline.due_at}
