"""Public functions of the cases app. Other apps, views and the API call only what is exported here.

The state-changing actions live in `actions.py` and are re-exported; `funnel` counts cases from
their Transition rows (never from the current state, which forgets the way a case came).
"""

from __future__ import annotations

from django.db.models import QuerySet

from netral.cases.actions import (
    NOTIFICATION_HOOKS,
    CaseEvent,
    ConcurrentChange,
    TransitionRefused,
    decide_not_violation,
    decide_violation,
    forward_to_authority,
    forward_to_gakkumdu,
    forward_to_other,
    open_case_for_report,
    register,
    reject_expired,
    reject_formal,
    start_clarification,
    start_initial_review,
    start_study,
    to_plenary,
    transition,
)
from netral.cases.models import Case, Transition
from netral.cases.transitions import State

__all__ = [
    "FUNNEL_STAGES",
    "NOTIFICATION_HOOKS",
    "CaseEvent",
    "ConcurrentChange",
    "TransitionRefused",
    "decide_not_violation",
    "decide_violation",
    "forward_to_authority",
    "forward_to_gakkumdu",
    "forward_to_other",
    "funnel",
    "open_case_for_report",
    "register",
    "reject_expired",
    "reject_formal",
    "start_clarification",
    "start_initial_review",
    "start_study",
    "to_plenary",
    "transition",
]

# Funnel stage → the states whose entry counts a case in that stage.
FUNNEL_STAGES: dict[str, tuple[str, ...]] = {
    "reported": (State.RECEIVED,),
    "registered": (State.REGISTERED,),
    "rejected": (State.REJECTED_FORMAL, State.REJECTED_EXPIRED),
    "decided": (State.VIOLATION, State.NOT_VIOLATION),
    "proven": (State.VIOLATION,),
    "not_proven": (State.NOT_VIOLATION,),
    "forwarded": (State.FORWARDED_ASN_AUTHORITY, State.FORWARDED_GAKKUMDU, State.FORWARDED_OTHER),
    "forwarded_asn_authority": (State.FORWARDED_ASN_AUTHORITY,),
}


def funnel(cases: QuerySet[Case]) -> dict[str, int]:
    """For each FUNNEL_STAGES key, how many of `cases` ever entered one of its states."""
    rows = Transition.objects.filter(case__in=cases.values("pk"))
    return {
        stage: rows.filter(to_state__in=states).values("case_id").distinct().count()
        for stage, states in FUNNEL_STAGES.items()
    }
