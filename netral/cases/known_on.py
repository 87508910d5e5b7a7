"""Correcting the day the reporter learned of the event (`known_on`), and with it whether the report is late.

The reporting window runs from the day the reporter learned of the event (`intake.checks`: 7 working days
for a Pemilu, 7 calendar days for a Pilkada). The reporter states that day; Bawaslu checks it in the initial
review. When the check finds another day (the reporter gave the day of the event, or learned of it later
than the report says), `correct_known_on` sets it on one report of the case (the one that opened it unless
another is named: a merged duplicate's report has its own reporter and day), recomputes that report's
window as it stood on the day the report was received, and sets the report's `daluwarsa` accordingly.

A case is `daluwarsa` while every report in it is (`case_expired`): one report in time is enough to register
it, because the case is about the event, not about one reporter. The correction and a merge
(`merging.merge_into`, while the target is not registered yet) set the case's flag by this rule: a report
wrongly marked expired can then be registered, a case whose reports are all found late can only be rejected
as expired.

It is the case action `correct_known_on` (`transitions.py`: Bawaslu staff, states `received` and
`initial_review`, the state stays): `actions.transition` checks role, state and scope, bumps the version
and writes the Transition row with the reason (the case's history shows it) and the audit entry; this
module adds the new day and outcome, audited as `cases.known_on_corrected` (both days, both outcomes, no
reason text), all in one transaction counted in the tallies (`daluwarsa` is one of their measures).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netral.audit.services import record
from netral.cases import tally
from netral.cases.actions import check, transition
from netral.cases.actors import Actor, as_user
from netral.cases.errors import TransitionRefused
from netral.cases.models import Case, CaseReport
from netral.intake.checks import window_for_type
from netral.intake.models import Report

ACTION = "correct_known_on"


def originating_report(case: Case) -> Report:
    """The report that opened the case (the first one linked to it)."""
    link = CaseReport.objects.filter(case=case).select_related("report").order_by("added_at", "pk").first()
    if link is None:
        raise TransitionRefused(_("This case has no report."), "invalid")
    return link.report


def case_report(case: Case, tracking_code: str) -> Report:
    """The report of `case` with this tracking code (refused when the case holds no such report)."""
    link = CaseReport.objects.filter(case=case, report__tracking_code=tracking_code).select_related("report")
    found = link.first()
    if found is None:
        raise TransitionRefused(_("This case holds no report %(code)s.") % {"code": tracking_code}, "invalid")
    return found.report


def case_expired(case: Case) -> bool:
    """Whether every report of the case was filed after its window (no report: False)."""
    reports = Report.objects.filter(case_link__case=case)
    return reports.exists() and not reports.filter(daluwarsa=False).exists()


def received_day(report: Report, case: Case) -> dt.date:
    """The day the report was received, in the case's region."""
    return report.created_at.astimezone(case.region.zoneinfo).date()


def _apply(case: Case, report: Report, known_on: dt.date, received: dt.date, actor: Actor) -> None:
    """The new day on the report, its window as on the day of receipt, both `daluwarsa` flags, the audit."""
    before = {"known_on": report.known_on.isoformat(), "daluwarsa": report.daluwarsa}
    window = window_for_type(case.election.type, known_on, case.region_id, today=received)
    Report.objects.filter(pk=report.pk).update(
        known_on=known_on,
        filing_clock=window.clock,
        filing_last_day=window.last_day,
        daluwarsa=window.expired,
    )
    case_before = case.daluwarsa
    case.daluwarsa = case_expired(case)
    Case.objects.filter(pk=case.pk).update(daluwarsa=case.daluwarsa)
    record(
        "cases.known_on_corrected",
        actor=as_user(actor),
        obj=case,
        data={
            "number": case.number,
            "report": report.tracking_code,
            "before": before,
            "after": {"known_on": known_on.isoformat(), "daluwarsa": window.expired},
            "last_day": window.last_day.isoformat(),
            "case_daluwarsa": {"before": case_before, "after": case.daluwarsa},
        },
    )


def correct_known_on(
    case: Case,
    *,
    actor: Actor,
    known_on: dt.date,
    reason: str,
    report: str = "",
    at: dt.datetime | None = None,
) -> Case:
    """Set the day a reporter learned of the event (`report`: a tracking code of the case's reports, by
    default the one that opened it); returns the case with its new `daluwarsa` and version.

    Raises TransitionRefused: the transition's own codes (role, scope, wrong_state, concurrent_change), or
    `invalid` (no reason, no such report in the case, a day after the report was received, the day the
    report already gives).
    """
    at = at or timezone.now()
    reason = reason.strip()
    check(case, ACTION, actor)  # role, state and scope first, so an unauthorised user learns nothing more
    report_row = case_report(case, report) if report else originating_report(case)
    received = received_day(report_row, case)
    if not reason:
        raise TransitionRefused(_("Write how the initial review found this day."), "invalid")
    if known_on > received:
        raise TransitionRefused(
            _("The reporter cannot have learned of the event after the report was received (%(day)s).")
            % {"day": received.isoformat()},
            "invalid",
        )
    if known_on == report_row.known_on:
        raise TransitionRefused(_("The report already gives this day."), "invalid")
    try:
        with transaction.atomic(), tally.tracking(case.pk):
            transition(case, ACTION, actor=actor, reason=reason, at=at)
            _apply(case, report_row, known_on, received, actor)
    except TransitionRefused:
        case.refresh_from_db(fields=["state", "version", "updated_at", "daluwarsa"])  # as stored
        raise
    return case
