"""The allowed transitions of a case, as data (DOMAIN.md §4, Bawaslu stage).

Each `Rule` says which action moves a case from which states to which state, and which roles may
take it. `actions.transition` is the only code that applies them. Later stages (ASN authority, PPK,
Gakkumdu) add rows here.
"""

from __future__ import annotations

from dataclasses import dataclass


class State:
    RECEIVED = "received"
    INITIAL_REVIEW = "initial_review"
    REGISTERED = "registered"
    REJECTED_FORMAL = "rejected_formal"
    REJECTED_EXPIRED = "rejected_expired"
    CLARIFICATION = "clarification"
    STUDY = "study"
    PLENARY = "plenary"
    VIOLATION = "violation"
    NOT_VIOLATION = "not_violation"
    FORWARDED_ASN_AUTHORITY = "forwarded_asn_authority"
    FORWARDED_GAKKUMDU = "forwarded_gakkumdu"
    FORWARDED_OTHER = "forwarded_other"


STAFF = frozenset({"bawaslu_staff"})
COMMISSIONER = frozenset({"bawaslu_commissioner"})

# The action that brings a new report into the workflow ("" → received). It is not in RULES: only
# `actions.open_case_for_report` takes it, for whoever filed the report (the public included).
OPEN_CASE = "open_case"


@dataclass(frozen=True)
class Rule:
    action: str
    from_states: frozenset[str]
    to_state: str
    roles: frozenset[str]


def _rule(action: str, from_states: set[str], to_state: str, roles: frozenset[str]) -> Rule:
    return Rule(action, frozenset(from_states), to_state, roles)


S = State
RULES: tuple[Rule, ...] = (
    _rule("start_initial_review", {S.RECEIVED}, S.INITIAL_REVIEW, STAFF),
    _rule("register", {S.INITIAL_REVIEW}, S.REGISTERED, STAFF),
    _rule("reject_formal", {S.INITIAL_REVIEW}, S.REJECTED_FORMAL, STAFF),
    _rule("reject_expired", {S.INITIAL_REVIEW}, S.REJECTED_EXPIRED, STAFF),
    _rule("start_clarification", {S.REGISTERED}, S.CLARIFICATION, STAFF),
    _rule("start_study", {S.CLARIFICATION}, S.STUDY, STAFF),
    _rule("to_plenary", {S.STUDY}, S.PLENARY, STAFF),
    _rule("decide_violation", {S.PLENARY}, S.VIOLATION, COMMISSIONER),
    _rule("decide_not_violation", {S.PLENARY}, S.NOT_VIOLATION, COMMISSIONER),
    _rule("forward_to_authority", {S.VIOLATION}, S.FORWARDED_ASN_AUTHORITY, STAFF),
    _rule("forward_to_gakkumdu", {S.VIOLATION}, S.FORWARDED_GAKKUMDU, STAFF),
    _rule("forward_to_other", {S.VIOLATION}, S.FORWARDED_OTHER, STAFF),
)

BY_ACTION: dict[str, Rule] = {rule.action: rule for rule in RULES}
if len(BY_ACTION) != len(RULES):  # pragma: no cover - a programming error in the table above
    raise RuntimeError("duplicate action in cases.transitions.RULES")


def rule_for(action: str) -> Rule | None:
    return BY_ACTION.get(action)


def actions_from(state: str) -> list[str]:
    """The actions that may be taken in a state (whoever takes them)."""
    return [rule.action for rule in RULES if state in rule.from_states]
