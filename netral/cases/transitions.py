"""The allowed transitions of a case, as data (DOMAIN.md §4).

Each `Rule` says which action moves a case from which states to which state, and which roles may
take it. `BAWASLU_RULES` is the Bawaslu stage, `AUTHORITY_PPK_RULES` the ASN-authority and PPK stages,
`BAWASLU_EXTRA_RULES` the extension of the decision clock and the outcome of the Gakkumdu and other-law
routes; `RULES` all of them. `actions.transition` is the only code that applies them.
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
    # The outcome of the Gakkumdu / other-law routes, reported back to Bawaslu.
    GAKKUMDU_CONCLUDED = "gakkumdu_concluded"
    OTHER_CONCLUDED = "other_concluded"
    # A duplicate whose reports were gathered into another case (`merging.merge_into`).
    MERGED = "merged"
    # ASN-authority stage.
    AUTHORITY_RECEIVED = "authority_received"
    VERIFIED = "verified"
    NOT_PROVEN = "not_proven"
    REJECTED = "rejected"
    RECOMMENDED = "recommended"
    # PPK stage.
    SENT_TO_PPK = "sent_to_ppk"
    SANCTIONED = "sanctioned"
    LEFT_SERVICE = "left_service"
    PPK_OVERDUE = "ppk_overdue"
    WARNED = "warned"
    BLOCKED = "blocked"
    UNBLOCKED = "unblocked"


STAFF = frozenset({"bawaslu_staff"})
COMMISSIONER = frozenset({"bawaslu_commissioner"})
AUTHORITY = frozenset({"authority_analyst"})
PPK = frozenset({"ppk_officer"})
KEMENDAGRI = frozenset({"kemendagri_officer"})
# The pseudo-role of automatic steps (the escalation worker); only `actions.SYSTEM` has it.
SYSTEM_ROLE = "system"
SYSTEM = frozenset({SYSTEM_ROLE})

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
BAWASLU_RULES: tuple[Rule, ...] = (
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

# The ASN-authority and PPK stages (DOMAIN.md §4).
AUTHORITY_PPK_RULES: tuple[Rule, ...] = (
    # ASN authority (the institution the case was forwarded to).
    _rule("acknowledge_receipt", {S.FORWARDED_ASN_AUTHORITY}, S.AUTHORITY_RECEIVED, AUTHORITY),
    _rule("verify", {S.AUTHORITY_RECEIVED}, S.VERIFIED, AUTHORITY),
    _rule("find_not_proven", {S.VERIFIED}, S.NOT_PROVEN, AUTHORITY),
    _rule("reject_at_authority", {S.VERIFIED}, S.REJECTED, AUTHORITY),
    _rule("recommend", {S.VERIFIED}, S.RECOMMENDED, AUTHORITY),
    _rule("send_to_ppk", {S.RECOMMENDED}, S.SENT_TO_PPK, AUTHORITY),
    # PPK (of the agency the recommendation is addressed to), Kemendagri, and the escalation worker.
    _rule("record_sanction", {S.SENT_TO_PPK, S.PPK_OVERDUE, S.WARNED, S.BLOCKED}, S.SANCTIONED, PPK),
    _rule("record_left_service", {S.SENT_TO_PPK, S.PPK_OVERDUE, S.WARNED, S.BLOCKED}, S.LEFT_SERVICE, PPK),
    _rule("mark_ppk_overdue", {S.SENT_TO_PPK}, S.PPK_OVERDUE, SYSTEM),
    _rule("warn_ppk", {S.PPK_OVERDUE}, S.WARNED, KEMENDAGRI),
    _rule("block", {S.WARNED}, S.BLOCKED, AUTHORITY | SYSTEM),
    _rule("unblock", {S.SANCTIONED, S.LEFT_SERVICE}, S.UNBLOCKED, AUTHORITY | SYSTEM),
)

# `to_state` of a rule that leaves the state as it is (a clock change, not a move): `transition` keeps
# the case's state and still writes the Transition row, the audit entry and the version bump.
STAY = ""

# Bawaslu-stage steps beside the main path: the extension of the decision clock for more information
# (state unchanged, once per case; `extension.extend_decision`) and the outcome reported back by
# Gakkumdu or the other body a case was forwarded to (`routes.record_outcome`).
BAWASLU_EXTRA_RULES: tuple[Rule, ...] = (
    _rule("extend_decision", {S.REGISTERED, S.CLARIFICATION, S.STUDY}, STAY, STAFF),
    _rule("record_gakkumdu_outcome", {S.FORWARDED_GAKKUMDU}, S.GAKKUMDU_CONCLUDED, STAFF),
    _rule("record_other_outcome", {S.FORWARDED_OTHER}, S.OTHER_CONCLUDED, STAFF),
    _rule("merge_into", {S.RECEIVED, S.INITIAL_REVIEW}, S.MERGED, STAFF),
    # The day the reporter learned of the event, found otherwise in the initial review (`known_on.py`).
    _rule("correct_known_on", {S.RECEIVED, S.INITIAL_REVIEW}, STAY, STAFF),
)

# Actions that carry their own data (a recommendation, a decree, a block reason, the receiving body of
# a forwarding, an outcome, an extension): taken only through their functions in `sanctions.py`,
# `routes.py` and `extension.py` (the workspace's forms), never as a bare state change from a button.
DATA_ACTIONS: frozenset[str] = frozenset(
    {
        "recommend",
        "record_sanction",
        "record_left_service",
        "block",
        "forward_to_gakkumdu",
        "forward_to_other",
        "record_gakkumdu_outcome",
        "record_other_outcome",
        "extend_decision",
        "merge_into",
        "correct_known_on",
    }
)

# Every rule of every stage: what `actions.transition` applies and the workspace offers.
RULES: tuple[Rule, ...] = BAWASLU_RULES + AUTHORITY_PPK_RULES + BAWASLU_EXTRA_RULES

BY_ACTION: dict[str, Rule] = {rule.action: rule for rule in RULES}
if len(BY_ACTION) != len(RULES):  # pragma: no cover - a programming error in the table above
    raise RuntimeError("duplicate action in cases.transitions.RULES")


def rule_for(action: str) -> Rule | None:
    return BY_ACTION.get(action)


def actions_from(state: str) -> list[str]:
    """The actions that may be taken in a state (whoever takes them)."""
    return [rule.action for rule in RULES if state in rule.from_states]
