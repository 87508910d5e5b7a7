"""Public functions of the cases app. Other apps, views and the API call only what is exported here.

The state-changing actions live in `actions.py` and are re-exported; `funnel` counts cases from
their Transition rows (never from the current state, which forgets the way a case came).
"""

from __future__ import annotations

from django.db.models import QuerySet

from netral.cases.actions import (
    SYSTEM,
    CaseEvent,
    ConcurrentChange,
    TransitionRefused,
    acknowledge_receipt,
    decide_not_violation,
    decide_violation,
    find_not_proven,
    forward_to_authority,
    open_case_for_report,
    register,
    reject_at_authority,
    reject_expired,
    reject_formal,
    start_clarification,
    start_initial_review,
    start_study,
    to_plenary,
    transition,
    verify,
)
from netral.cases.models import Case, Transition
from netral.cases.sanctions import (
    DecreeInput,
    block,
    mark_ppk_overdue,
    recommend,
    record_left_service,
    record_sanction,
    send_to_ppk,
    unblock,
    warn_ppk,
)
from netral.cases.workflow import State

__all__ = [
    "FUNNEL_STAGES",
    "SYSTEM",
    "CaseEvent",
    "ConcurrentChange",
    "DecreeInput",
    "TransitionRefused",
    "acknowledge_receipt",
    "block",
    "decide_not_violation",
    "decide_violation",
    "find_not_proven",
    "forward_to_authority",
    "funnel",
    "mark_ppk_overdue",
    "open_case_for_report",
    "recommend",
    "record_left_service",
    "record_sanction",
    "register",
    "reject_at_authority",
    "reject_expired",
    "reject_formal",
    "send_to_ppk",
    "start_clarification",
    "start_initial_review",
    "start_study",
    "to_plenary",
    "transition",
    "unblock",
    "verify",
    "warn_ppk",
]

# Funnel stage → the states whose entry counts a case in that stage.
_BAWASLU_FUNNEL: dict[str, tuple[str, ...]] = {
    "reported": (State.RECEIVED,),
    "registered": (State.REGISTERED,),
    "rejected": (State.REJECTED_FORMAL, State.REJECTED_EXPIRED),
    "decided": (State.VIOLATION, State.NOT_VIOLATION),
    "proven": (State.VIOLATION,),
    "not_proven": (State.NOT_VIOLATION,),
    "forwarded": (State.FORWARDED_ASN_AUTHORITY, State.FORWARDED_GAKKUMDU, State.FORWARDED_OTHER),
    "forwarded_asn_authority": (State.FORWARDED_ASN_AUTHORITY,),
}
_AUTHORITY_PPK_FUNNEL: dict[str, tuple[str, ...]] = {
    "recommended": (State.RECOMMENDED,),
    "sent_to_ppk": (State.SENT_TO_PPK,),
    "ppk_overdue": (State.PPK_OVERDUE,),
    "warned": (State.WARNED,),
    "blocked": (State.BLOCKED,),
    "sanctioned": (State.SANCTIONED,),
    "left_service": (State.LEFT_SERVICE,),
}


FUNNEL_STAGES: dict[str, tuple[str, ...]] = {**_BAWASLU_FUNNEL, **_AUTHORITY_PPK_FUNNEL}


def funnel(cases: QuerySet[Case], stages: dict[str, tuple[str, ...]] | None = None) -> dict[str, int]:
    """For each stage key (default: every stage of FUNNEL_STAGES), how many of `cases` ever entered
    one of its states, counted from the transition rows."""
    rows = Transition.objects.filter(case__in=cases.values("pk"))
    return {
        stage: rows.filter(to_state__in=states).values("case_id").distinct().count()
        for stage, states in (FUNNEL_STAGES if stages is None else stages).items()
    }
