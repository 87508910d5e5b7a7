"""Shared helpers for the ASN-authority and PPK stage tests (no tests here)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from netral.cases import actions, sanctions
from netral.cases.models import Case, Recommendation
from netral.catalogue.services import get_item
from netral.personnel.models import Agency
from tests.test_cases_support import new_case

UTC = dt.UTC


def wib(day: dt.date, hour: int = 10) -> dt.datetime:
    """`hour`:00 WIB (UTC+7) on `day`, as UTC."""
    return dt.datetime(day.year, day.month, day.day, hour - 7, 0, tzinfo=UTC)


# A Pilkada 2024 report in Kabupaten Sleman, received Mon 7 Oct 2024 (BKN is the ASN authority
# from 24 Aug 2024, so the case is forwarded to BKN).
RECEIVED = dt.date(2024, 10, 7)

# The Bawaslu stage, one action a day from Tue 8 Oct; forwarded on Mon 14 Oct 2024.
BAWASLU_STEPS = [
    ("start_initial_review", dt.date(2024, 10, 8)),
    ("register", dt.date(2024, 10, 8)),
    ("start_clarification", dt.date(2024, 10, 9)),
    ("start_study", dt.date(2024, 10, 10)),
    ("to_plenary", dt.date(2024, 10, 11)),
    ("decide_violation", dt.date(2024, 10, 11)),
    ("forward_to_authority", dt.date(2024, 10, 14)),
]

# The ASN-authority / PPK path in order, with the state each action starts from.
STAGE_ORDER = [
    "acknowledge_receipt",
    "verify",
    "recommend",
    "send_to_ppk",
    "mark_ppk_overdue",
    "warn_ppk",
    "block",
    "record_sanction",
    "unblock",
]
STAGE_FROM = {
    "acknowledge_receipt": "forwarded_asn_authority",
    "verify": "authority_received",
    "find_not_proven": "verified",
    "reject_at_authority": "verified",
    "recommend": "verified",
    "send_to_ppk": "recommended",
    "mark_ppk_overdue": "sent_to_ppk",
    "warn_ppk": "ppk_overdue",
    "block": "warned",
    "record_sanction": "sent_to_ppk",
    "record_left_service": "sent_to_ppk",
    "unblock": "sanctioned",
}
STAGE_TO = {
    "acknowledge_receipt": "authority_received",
    "verify": "verified",
    "find_not_proven": "not_proven",
    "reject_at_authority": "rejected",
    "recommend": "recommended",
    "send_to_ppk": "sent_to_ppk",
    "mark_ppk_overdue": "ppk_overdue",
    "warn_ppk": "warned",
    "block": "blocked",
    "record_sanction": "sanctioned",
    "record_left_service": "left_service",
    "unblock": "unblocked",
}


def forwarded_case(staff: Any, commissioner: Any) -> Case:
    case = new_case(election="pilkada-2024", received_at=wib(RECEIVED), known_on=RECEIVED)
    for action, day in BAWASLU_STEPS:
        actor = commissioner if action.startswith("decide_") else staff
        case = actions.transition(case, action, actor=actor, at=wib(day))
    return case


def sleman_agency() -> Agency:
    return Agency.objects.get(code="pemkab-34.04")


def make_recommendation(case: Case, analyst: Any, at: dt.datetime | None = None) -> Recommendation:
    item = get_item("D8")
    assert item is not None
    person = case.case_reports.get().report.reported_persons.get()
    return sanctions.recommend(
        case,
        actor=analyst,
        item=item,
        sanction_level="sedang",
        agency=sleman_agency(),
        reported_person=person,
        superior_knew_and_did_nothing=True,
        text="Direkomendasikan hukuman disiplin sedang.",
        at=at,
    )


def take(action: str, case: Case, actor: Any, at: dt.datetime | None = None) -> Any:
    """Take one stage action through its action function (`actor` None: the system actor)."""
    if action == "recommend":
        return make_recommendation(case, actor, at)
    if action == "send_to_ppk":
        return sanctions.send_to_ppk(case, actor=actor, at=at)
    if action == "mark_ppk_overdue":
        return sanctions.mark_ppk_overdue(case, at=at)
    if action == "warn_ppk":
        return sanctions.warn_ppk(case, actor=actor, at=at)
    if action == "block":
        return sanctions.block(case, actor=actor, reason="Teguran tidak ditindaklanjuti.", at=at)
    if action == "record_sanction":
        decree = sanctions.DecreeInput(
            number="800/123/2024", date=dt.date(2024, 11, 25), form="tukin_cut_6", start=dt.date(2024, 12, 2)
        )
        recommendation = Recommendation.objects.filter(case=case).last()
        return sanctions.record_sanction(recommendation, actor=actor, decree=decree, at=at)  # type: ignore[arg-type]
    if action == "record_left_service":
        recommendation = Recommendation.objects.filter(case=case).last()
        return sanctions.record_left_service(recommendation, actor=actor, at=at)  # type: ignore[arg-type]
    if action == "unblock":
        return sanctions.unblock(case, actor=actor, at=at)
    return actions.transition(case, action, actor=actor, at=at)
