"""Shared helpers for the cases tests (no tests here): a report filed through intake, walking a case."""

from __future__ import annotations

import datetime as dt
from typing import Any

from netral.cases import actions
from netral.cases.models import Case
from netral.intake.services import ReportedPersonInput, ReportInput, submit_report

# 10:00 WIB on Thursday 4 April 2024.
APRIL_4_10_WIB = dt.datetime(2024, 4, 4, 3, 0, tzinfo=dt.UTC)

# The Bawaslu-stage path, in order; the state before ORDER[i] is reached by ORDER[:i].
ORDER = [
    "start_initial_review",
    "register",
    "start_clarification",
    "start_study",
    "to_plenary",
    "decide_violation",
]
DECISIONS = {"decide_violation", "decide_not_violation"}
# The state each action starts from, written out by hand from the workflow of docs/cases.md.
FROM_STATE = {
    "start_initial_review": "received",
    "register": "initial_review",
    "reject_formal": "initial_review",
    "reject_expired": "initial_review",
    "start_clarification": "registered",
    "start_study": "clarification",
    "to_plenary": "study",
    "decide_violation": "plenary",
    "decide_not_violation": "plenary",
    "forward_to_authority": "violation",
    "forward_to_gakkumdu": "violation",
    "forward_to_other": "violation",
}
TO_STATE = {
    "start_initial_review": "initial_review",
    "register": "registered",
    "reject_formal": "rejected_formal",
    "reject_expired": "rejected_expired",
    "start_clarification": "clarification",
    "start_study": "study",
    "to_plenary": "plenary",
    "decide_violation": "violation",
    "decide_not_violation": "not_violation",
    "forward_to_authority": "forwarded_asn_authority",
    "forward_to_gakkumdu": "forwarded_gakkumdu",
    "forward_to_other": "forwarded_other",
}
PATH_TO = {
    "received": [],
    "initial_review": ORDER[:1],
    "registered": ORDER[:2],
    "clarification": ORDER[:3],
    "study": ORDER[:4],
    "plenary": ORDER[:5],
    "violation": ORDER[:6],
}


def file_report(
    region_code: str = "34.04",
    election: str = "pemilu-2024",
    received_at: dt.datetime = APRIL_4_10_WIB,
    known_on: dt.date = dt.date(2024, 4, 4),
    channel: str = "web",
) -> Any:
    data = ReportInput(
        description="Kepala dinas mengajak pegawai mendukung calon tertentu.",
        region_code=region_code,
        election=election,
        known_on=known_on,
        anonymous=True,
        reported=(ReportedPersonInput(name="Budi Santoso", position="Kepala Dinas"),),
    )
    return submit_report(data, channel=channel, received_at=received_at).report


def new_case(**kwargs: Any) -> Case:
    report = file_report(**kwargs)
    return Case.objects.get(case_reports__report=report)


def walk(case: Case, steps: list[str], staff: Any, commissioner: Any) -> Case:
    for action in steps:
        actor = commissioner if action in DECISIONS else staff
        case = actions.transition(case, action, actor=actor)
    return case
