"""The case workflow, declared once: its states, its clocks and every step (docs/architecture.md).

Each `Step` names what the step is (name, label), when it may be taken (from which states, by which roles),
where it leads (`target`; `None` keeps the state: a clock change), what it asks for (a reason, a form) and
what it does besides moving the state (clocks it meets, starts or marks overdue, the forwarding package
and the document it produces, the rows it lifts). Every other view of the workflow is derived from
`STEPS`: the rule `actions.transition` applies, the buttons and forms of the workspace, the inboxes, the
notification recipients, the documents a case has, the funnel's state sets (`analytics.queries.states`).

This module is a leaf: it imports nothing of netral, so models, actions, views and other apps can all
read it. Adding a step: one `Step(...)` below, its function (`steps.py`, or the module of its data), its
test. Adding a state: one member of `State` and its `NOTIFY` entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    """The states of a case. The values are stored; the labels are the English source strings of the
    Indonesian catalogue (`cases/locale`)."""

    RECEIVED = "received", _("Received")
    INITIAL_REVIEW = "initial_review", _("Initial review")
    REGISTERED = "registered", _("Registered")
    REJECTED_FORMAL = "rejected_formal", _("Rejected (formal requirements)")
    REJECTED_EXPIRED = "rejected_expired", _("Rejected (expired)")
    CLARIFICATION = "clarification", _("Clarification")
    STUDY = "study", _("Study (kajian)")
    PLENARY = "plenary", _("Plenary")
    VIOLATION = "violation", _("Violation proven")
    NOT_VIOLATION = "not_violation", _("Not a violation")
    FORWARDED_ASN_AUTHORITY = "forwarded_asn_authority", _("Forwarded to the ASN authority")
    FORWARDED_GAKKUMDU = "forwarded_gakkumdu", _("Forwarded to Gakkumdu")
    FORWARDED_OTHER = "forwarded_other", _("Forwarded to another body")
    # The outcome of the Gakkumdu / other-law routes, reported back to Bawaslu.
    GAKKUMDU_CONCLUDED = "gakkumdu_concluded", _("Gakkumdu outcome recorded")
    OTHER_CONCLUDED = "other_concluded", _("Outcome of the other body recorded")
    # A duplicate whose reports were gathered into another case (`merging.merge_into`).
    MERGED = "merged", _("Merged into another case (duplicate)")
    # ASN-authority stage.
    AUTHORITY_RECEIVED = "authority_received", _("Received by the ASN authority")
    VERIFIED = "verified", _("Verified by the ASN authority")
    NOT_PROVEN = "not_proven", _("Not proven (ASN authority)")
    REJECTED = "rejected", _("Rejected by the ASN authority")
    RECOMMENDED = "recommended", _("Sanction recommended")
    # PPK stage.
    SENT_TO_PPK = "sent_to_ppk", _("Sent to the PPK")
    SANCTIONED = "sanctioned", _("Sanctioned")
    LEFT_SERVICE = "left_service", _("Left the civil service")
    PPK_OVERDUE = "ppk_overdue", _("PPK overdue")
    WARNED = "warned", _("PPK warned")
    BLOCKED = "blocked", _("Blocked")
    UNBLOCKED = "unblocked", _("Unblocked")


S = State

# Roles (accounts.Role values; kept as strings so this module imports no models).
STAFF = "bawaslu_staff"
COMMISSIONER = "bawaslu_commissioner"
ANALYST = "authority_analyst"
PPK = "ppk_officer"
KEMENDAGRI = "kemendagri_officer"
# The pseudo-role of automatic steps (the escalation worker); only `actors.SYSTEM` has it.
SYSTEM_ROLE = "system"
# Whoever files a report (the public included) opens its case: `OPEN_CASE` checks no role.
ANYONE = "*"

# --- clocks ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Clock:
    """A legal clock. `name` is the workdays clock (`workdays.Clock`), or for the Bawaslu clocks its suffix
    after the election type ("decision" → "pilkada.decision"). `owner` is told when it passes and
    `superior` is told too (escalation); `on_overdue` is the step the escalation sweep takes then;
    `from_receipt` lists the election types whose clock counts from the report's receipt rather than from
    the step that starts it."""

    name: str
    label: str | Promise
    owner: str = STAFF
    superior: str = COMMISSIONER
    on_overdue: str = ""
    from_receipt: frozenset[str] = frozenset()

    @property
    def per_election_type(self) -> bool:
        return "." not in self.name


PPK_FOLLOW_UP = "ppk.follow_up"
PPK_AFTER_WARNING = "ppk.follow_up_after_warning"

CLOCKS: tuple[Clock, ...] = (
    Clock("initial_review", _("Initial review"), from_receipt=frozenset({"pemilu", "pilkada"})),
    # Pilkada: 3 days after receipt; Pemilu: 7 working days after registration.
    Clock("decision", _("Plenary decision"), from_receipt=frozenset({"pilkada"})),
    # The forwarding Bawaslu follows up what it forwarded.
    Clock("authority.verification", _("Verification by the ASN authority"), ANALYST, COMMISSIONER),
    # Kemendagri issues the warning letter to an overdue PPK.
    Clock(PPK_FOLLOW_UP, _("PPK follow-up"), PPK, KEMENDAGRI, on_overdue="mark_ppk_overdue"),
    # The ASN authority requests (and lifts) the block of the ASN's personnel data.
    Clock(PPK_AFTER_WARNING, _("PPK follow-up after the warning"), PPK, ANALYST, on_overdue="block"),
)
CLOCK_BY_NAME: dict[str, Clock] = {clock.name: clock for clock in CLOCKS}


def clock_for(name: str) -> Clock | None:
    """The declaration of a clock by its full name ("pemilu.decision") or its own ("ppk.follow_up")."""
    return CLOCK_BY_NAME.get(name) or CLOCK_BY_NAME.get(name.rsplit(".", 1)[-1] if "." in name else name)


def full_clock_name(election_type: str, clock: str) -> str:
    """A bare suffix means the clock "<election type>.<suffix>"; a dotted name is a clock of its own."""
    return clock if "." in clock else f"{election_type}.{clock}"


def counts_from_receipt(full_name: str) -> bool:
    election_type, _dot, suffix = full_name.partition(".")
    clock = CLOCK_BY_NAME.get(suffix)
    return clock is not None and election_type in clock.from_receipt


# --- steps ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One step of the workflow (see the module)."""

    name: str
    sources: frozenset[str]
    target: str | None  # None: the state stays (a clock change, not a move)
    roles: frozenset[str]
    label: Promise
    # Taken only with a reason (a refusal or negative decision must say why).
    reason_required: bool = False
    # The `cases.forms` class that collects the step's data on the workspace; "" for a button.
    form: str = ""
    # The step writes rows of its own (a recommendation, a decree ...): taken only through its function
    # (`sanctions`, `routes`, `extension` ...), never as a bare state change from a button.
    carries_data: bool = False
    meets: tuple[str, ...] = ()
    starts: tuple[str, ...] = ()
    marks_overdue: tuple[str, ...] = ()
    # The forwarding package (`ForwardingPackage.Kind`) the step sends, and the document
    # (`DocumentKind`) the case has once it was taken.
    package: str = ""
    document: str = ""
    # Effects of `actions.transition` besides clocks and packages.
    assigns_authority: bool = False  # the current ASN authority becomes the case's
    acknowledges_package: bool = False  # the open package to the authority is acknowledged
    lifts_blocks: bool = False  # open block records are lifted

    @property
    def keeps_state(self) -> bool:
        return self.target is None


def _step(
    name: str, sources: Iterable[str], target: str | None, roles: Iterable[str], label: Promise, **kw: object
) -> Step:
    return Step(name, frozenset(sources), target, frozenset(roles), label, **kw)  # type: ignore[arg-type]


OPEN_CASE = "open_case"
AFTER_PPK = (S.SENT_TO_PPK, S.PPK_OVERDUE, S.WARNED, S.BLOCKED)
PPK_CLOCKS = (PPK_FOLLOW_UP, PPK_AFTER_WARNING)

STEPS: tuple[Step, ...] = (
    # A new report enters the workflow ("" → received); only `actions.open_case_for_report` takes it.
    _step(
        OPEN_CASE,
        (),
        S.RECEIVED,
        (ANYONE,),
        _("Case opened"),
        starts=("initial_review",),
        document="tanda-terima",
    ),
    # Bawaslu stage.
    _step("start_initial_review", (S.RECEIVED,), S.INITIAL_REVIEW, (STAFF,), _("Start the initial review")),
    _step(
        "register",
        (S.INITIAL_REVIEW,),
        S.REGISTERED,
        (STAFF,),
        _("Register"),
        meets=("initial_review",),
        starts=("decision",),
        document="kajian-awal",
    ),
    _step(
        "reject_formal",
        (S.INITIAL_REVIEW,),
        S.REJECTED_FORMAL,
        (STAFF,),
        _("Reject: formal requirements not met"),
        reason_required=True,
        meets=("initial_review",),
        document="kajian-awal",
    ),
    _step(
        "reject_expired",
        (S.INITIAL_REVIEW,),
        S.REJECTED_EXPIRED,
        (STAFF,),
        _("Reject: expired (daluwarsa)"),
        reason_required=True,
        meets=("initial_review",),
        document="kajian-awal",
    ),
    _step("start_clarification", (S.REGISTERED,), S.CLARIFICATION, (STAFF,), _("Start clarification")),
    _step("start_study", (S.CLARIFICATION,), S.STUDY, (STAFF,), _("Start the study (kajian)")),
    _step("to_plenary", (S.STUDY,), S.PLENARY, (STAFF,), _("Take to the plenary"), document="kajian"),
    _step(
        "decide_violation",
        (S.PLENARY,),
        S.VIOLATION,
        (COMMISSIONER,),
        _("Decide: violation"),
        meets=("decision",),
    ),
    _step(
        "decide_not_violation",
        (S.PLENARY,),
        S.NOT_VIOLATION,
        (COMMISSIONER,),
        _("Decide: not a violation"),
        reason_required=True,
        meets=("decision",),
    ),
    # The receiver's clock starts at the forwarding; a timely acknowledgement of the package restarts it
    # from the acknowledgement (forwarding.restart_clock, docs/documents.md).
    _step(
        "forward_to_authority",
        (S.VIOLATION,),
        S.FORWARDED_ASN_AUTHORITY,
        (STAFF,),
        _("Forward to the ASN authority"),
        starts=("authority.verification",),
        package="to_authority",
        document="penerusan",
        assigns_authority=True,
    ),
    _step(
        "forward_to_gakkumdu",
        (S.VIOLATION,),
        S.FORWARDED_GAKKUMDU,
        (STAFF,),
        _("Forward to Gakkumdu"),
        form="GakkumduForm",
        carries_data=True,
        package="to_gakkumdu",
        document="penerusan",
    ),
    _step(
        "forward_to_other",
        (S.VIOLATION,),
        S.FORWARDED_OTHER,
        (STAFF,),
        _("Forward to another body"),
        form="OtherBodyForm",
        carries_data=True,
        package="to_other",
        document="penerusan",
    ),
    # Bawaslu steps beside the main path.
    _step(
        "extend_decision",
        (S.REGISTERED, S.CLARIFICATION, S.STUDY),
        None,
        (STAFF,),
        _("Extend the decision deadline (more information needed)"),
        form="ExtensionForm",
        carries_data=True,
    ),
    _step(
        "record_gakkumdu_outcome",
        (S.FORWARDED_GAKKUMDU,),
        S.GAKKUMDU_CONCLUDED,
        (STAFF,),
        _("Record the Gakkumdu outcome"),
        form="OutcomeForm",
        carries_data=True,
    ),
    _step(
        "record_other_outcome",
        (S.FORWARDED_OTHER,),
        S.OTHER_CONCLUDED,
        (STAFF,),
        _("Record the outcome of the other body"),
        form="OutcomeForm",
        carries_data=True,
    ),
    _step(
        "merge_into",
        (S.RECEIVED, S.INITIAL_REVIEW),
        S.MERGED,
        (STAFF,),
        _("Merge into another case (duplicate)"),
        carries_data=True,
        meets=("initial_review",),
    ),
    # The day the reporter learned of the event, found otherwise in the initial review (`known_on.py`).
    _step(
        "correct_known_on",
        (S.RECEIVED, S.INITIAL_REVIEW),
        None,
        (STAFF,),
        _("Correct the day the reporter learned of the event"),
        form="KnownOnForm",
        carries_data=True,
    ),
    # ASN authority (the institution the case was forwarded to).
    _step(
        "acknowledge_receipt",
        (S.FORWARDED_ASN_AUTHORITY,),
        S.AUTHORITY_RECEIVED,
        (ANALYST,),
        _("Acknowledge receipt"),
        acknowledges_package=True,
    ),
    _step("verify", (S.AUTHORITY_RECEIVED,), S.VERIFIED, (ANALYST,), _("Verify")),
    _step(
        "find_not_proven",
        (S.VERIFIED,),
        S.NOT_PROVEN,
        (ANALYST,),
        _("Find: not proven"),
        reason_required=True,
        meets=("authority.verification",),
    ),
    _step(
        "reject_at_authority",
        (S.VERIFIED,),
        S.REJECTED,
        (ANALYST,),
        _("Reject"),
        reason_required=True,
        meets=("authority.verification",),
    ),
    _step(
        "recommend",
        (S.VERIFIED,),
        S.RECOMMENDED,
        (ANALYST,),
        _("Recommend a sanction"),
        form="RecommendationForm",
        carries_data=True,
        meets=("authority.verification",),
        document="rekomendasi",
    ),
    _step(
        "send_to_ppk",
        (S.RECOMMENDED,),
        S.SENT_TO_PPK,
        (ANALYST,),
        _("Send to the PPK"),
        form="SendToPpkForm",
        starts=(PPK_FOLLOW_UP,),
        package="to_ppk",
    ),
    # PPK (of the agency the recommendation is addressed to), Kemendagri, and the escalation worker.
    _step(
        "record_sanction",
        AFTER_PPK,
        S.SANCTIONED,
        (PPK,),
        _("Record the sanction decree"),
        form="DecreeForm",
        carries_data=True,
        meets=PPK_CLOCKS,
    ),
    _step(
        "record_left_service",
        AFTER_PPK,
        S.LEFT_SERVICE,
        (PPK,),
        _("Record: left the civil service"),
        form="LeftServiceForm",
        carries_data=True,
        meets=PPK_CLOCKS,
    ),
    _step(
        "mark_ppk_overdue",
        (S.SENT_TO_PPK,),
        S.PPK_OVERDUE,
        (SYSTEM_ROLE,),
        _("Mark the PPK overdue"),
        marks_overdue=(PPK_FOLLOW_UP,),
    ),
    _step(
        "warn_ppk",
        (S.PPK_OVERDUE,),
        S.WARNED,
        (KEMENDAGRI,),
        _("Warn the PPK"),
        starts=(PPK_AFTER_WARNING,),
        document="peringatan",
    ),
    _step(
        "block",
        (S.WARNED,),
        S.BLOCKED,
        (ANALYST, SYSTEM_ROLE),
        _("Block"),
        form="BlockForm",
        carries_data=True,
        marks_overdue=(PPK_AFTER_WARNING,),
    ),
    _step(
        "unblock",
        (S.SANCTIONED, S.LEFT_SERVICE),
        S.UNBLOCKED,
        (ANALYST, SYSTEM_ROLE),
        _("Unblock"),
        lifts_blocks=True,
    ),
)

STEP_BY_NAME: dict[str, Step] = {step.name: step for step in STEPS}
if len(STEP_BY_NAME) != len(STEPS):  # pragma: no cover - a programming error in the table above
    raise RuntimeError("duplicate step in cases.workflow.STEPS")


def step_for(name: str) -> Step | None:
    return STEP_BY_NAME.get(name)


def steps_from(state: str) -> list[Step]:
    """The steps that may be taken in a state (whoever takes them)."""
    return [step for step in STEPS if state in step.sources]


def steps_of(role: str) -> list[Step]:
    return [step for step in STEPS if role in step.roles]


# Who is told when a case reaches a state: who owns the next step (or, for an outcome, the institutions
# that handled the case before).
BAWASLU_OUTCOME = (STAFF, COMMISSIONER)
NOTIFY: dict[str, tuple[str, ...]] = {
    S.RECEIVED: (STAFF,),
    S.INITIAL_REVIEW: (STAFF,),
    S.REGISTERED: (STAFF,),
    S.CLARIFICATION: (STAFF,),
    S.STUDY: (STAFF,),
    S.PLENARY: (COMMISSIONER,),
    S.VIOLATION: (STAFF,),
    S.REJECTED_FORMAL: BAWASLU_OUTCOME,
    S.REJECTED_EXPIRED: BAWASLU_OUTCOME,
    S.NOT_VIOLATION: BAWASLU_OUTCOME,
    S.FORWARDED_GAKKUMDU: BAWASLU_OUTCOME,
    S.FORWARDED_OTHER: BAWASLU_OUTCOME,
    S.GAKKUMDU_CONCLUDED: BAWASLU_OUTCOME,
    S.OTHER_CONCLUDED: BAWASLU_OUTCOME,
    S.MERGED: (),
    S.FORWARDED_ASN_AUTHORITY: (ANALYST,),
    S.AUTHORITY_RECEIVED: (ANALYST,),
    S.VERIFIED: (ANALYST,),
    S.RECOMMENDED: (ANALYST,),
    S.NOT_PROVEN: BAWASLU_OUTCOME,
    S.REJECTED: BAWASLU_OUTCOME,
    S.SENT_TO_PPK: (PPK,),
    S.PPK_OVERDUE: (KEMENDAGRI, PPK),
    S.WARNED: (PPK,),
    S.BLOCKED: (PPK, ANALYST),
    S.SANCTIONED: (*BAWASLU_OUTCOME, ANALYST),
    S.LEFT_SERVICE: (*BAWASLU_OUTCOME, ANALYST),
    S.UNBLOCKED: (ANALYST, PPK),
}
# The states in which Kemendagri sees a case (an overdue PPK, its warning and the block).
KEMENDAGRI_STATES: frozenset[str] = frozenset({S.PPK_OVERDUE, S.WARNED, S.BLOCKED})
# Before registration, whether the reports were filed in time decides (`actions.precondition_refusal`).
NOT_REGISTERED_YET: frozenset[str] = frozenset({S.RECEIVED, S.INITIAL_REVIEW})
# Merging duplicates: the one rule. A case not registered yet (the source) may be merged into a case whose
# facts Bawaslu is still gathering (the target); a case at the plenary is being decided on the facts
# gathered, so it takes no more reports.
MERGE_SOURCE_STATES: frozenset[str] = STEP_BY_NAME["merge_into"].sources
MERGE_TARGET_STATES: frozenset[str] = frozenset(
    {S.RECEIVED, S.INITIAL_REVIEW, S.REGISTERED, S.CLARIFICATION, S.STUDY}
)


def may_merge(source_state: str, target_state: str) -> bool:
    return source_state in MERGE_SOURCE_STATES and target_state in MERGE_TARGET_STATES


# --- derived views ----------------------------------------------------------------------------------------

# Steps taken through their own form on the workspace; the others are buttons.
FORM_STEPS: frozenset[str] = frozenset(step.name for step in STEPS if step.form)
# Steps that write rows of their own, taken only through their functions.
DATA_STEPS: frozenset[str] = frozenset(step.name for step in STEPS if step.carries_data)
REASON_REQUIRED: frozenset[str] = frozenset(step.name for step in STEPS if step.reason_required)
# The step that sends each kind of forwarding package.
PACKAGE_STEPS: dict[str, str] = {step.name: step.package for step in STEPS if step.package}
# The steps whose Transition row is the plenary decision.
DECISION_STEPS: tuple[str, ...] = ("decide_violation", "decide_not_violation")


def produced_by(document: str) -> frozenset[str]:
    """The states a case reaches by the steps that produce `document` (a `DocumentKind` value)."""
    return frozenset(step.target for step in STEPS if step.document == document and step.target)


def state_label(state: str) -> str:
    return str(State(state).label) if state in State.values else (state.replace("_", " ").capitalize() or "—")


def step_label(name: str) -> str:
    step = STEP_BY_NAME.get(name)
    return str(step.label) if step else name.replace("_", " ").capitalize()


def clock_label(name: str) -> str:
    clock = clock_for(name)
    return str(clock.label) if clock else name.rsplit(".", 1)[-1].replace("_", " ").capitalize()
