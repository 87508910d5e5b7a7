"""Every step of the workflow, declared once (see the package), the one merge rule, and what is read from
the table: the steps from a state or of a role, the documents they produce, their labels."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from netral.cases.workflow.clocks import PPK_AFTER_WARNING, PPK_FOLLOW_UP
from netral.cases.workflow.states import (
    ANALYST,
    ANYONE,
    COMMISSIONER,
    KEMENDAGRI,
    PPK,
    STAFF,
    SYSTEM_ROLE,
    S,
)


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


# Merging duplicates: the one rule. A case not registered yet (the source) may be merged into a case whose
# facts Bawaslu is still gathering (the target); a case at the plenary is being decided on the facts
# gathered, so it takes no more reports.
MERGE_SOURCE_STATES: frozenset[str] = STEP_BY_NAME["merge_into"].sources
MERGE_TARGET_STATES: frozenset[str] = frozenset(
    {S.RECEIVED, S.INITIAL_REVIEW, S.REGISTERED, S.CLARIFICATION, S.STUDY}
)


def may_merge(source_state: str, target_state: str) -> bool:
    return source_state in MERGE_SOURCE_STATES and target_state in MERGE_TARGET_STATES


# The steps whose Transition row is the plenary decision.
DECISION_STEPS: tuple[str, ...] = ("decide_violation", "decide_not_violation")


def produced_by(document: str) -> frozenset[str]:
    """The states a case reaches by the steps that produce `document` (a `DocumentKind` value)."""
    return frozenset(step.target for step in STEPS if step.document == document and step.target)


def step_label(name: str) -> str:
    step = STEP_BY_NAME.get(name)
    return str(step.label) if step else name.replace("_", " ").capitalize()
