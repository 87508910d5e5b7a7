"""The only code that changes a case's state: `check` and `transition`, driven by `workflow.STEPS`.

`check(case, step, actor)` says whether the step may be taken now (it exists, the case is in one of its
states, the actor's role may take it, the case is in the actor's scope, the case's own data allows it)
without writing anything; step functions with data of their own call it before validating that data.

`transition(case, step, actor=..., reason=...)` checks again, then in one database transaction: a
conditional UPDATE on `version` (two people acting at once: one wins, the other gets ConcurrentChange),
the Transition row, the clocks the step meets, starts or marks overdue, its other declared effects
(authority, forwarding package, acknowledgement, lifted blocks), the audit entry, and the `case.step`
event in the outbox (`netral.outbox`): notifications and triage suggestions are made from that stored row
after the commit, so a process that dies in between loses none of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from netral.accounts.services import NoAuthorityError, current_asn_authority
from netral.audit.services import record
from netral.cases import forwarding, tally, workflow
from netral.cases.actors import SYSTEM, Actor, SystemActor, as_user, user_of
from netral.cases.errors import ConcurrentChange, TransitionRefused
from netral.cases.models import BlockRecord, Case, CaseNumberCounter, CaseReport, Deadline, Transition
from netral.cases.workflow import ANYONE, OPEN_CASE, SYSTEM_ROLE, State, Step
from netral.outbox.models import Event
from netral.outbox.services import emit
from netral.workdays.services import compute_deadline

if TYPE_CHECKING:
    from netral.accounts.models import User
    from netral.intake.models import Report

__all__ = [
    "SYSTEM",
    "CaseEvent",
    "ConcurrentChange",
    "SystemActor",
    "TransitionRefused",
    "acknowledge_receipt",
    "check",
    "decide_not_violation",
    "decide_violation",
    "ensure_current",
    "find_not_proven",
    "forward_to_authority",
    "open_case_for_report",
    "precondition_refusal",
    "register",
    "reject_at_authority",
    "reject_expired",
    "reject_formal",
    "start_clarification",
    "start_initial_review",
    "start_study",
    "to_plenary",
    "transition",
    "verify",
]


@dataclass(frozen=True)
class CaseEvent:
    """A step a case took: the payload of its `case.step` outbox event."""

    case_id: int
    number: str
    action: str
    from_state: str
    to_state: str
    actor_id: int | None


def clock_name(case: Case, clock: str) -> str:
    return workflow.full_clock_name(case.election.type, clock)


def _apply_clocks(case: Case, step: Step, at: dt.datetime) -> None:
    if step.meets:
        names = [clock_name(case, clock) for clock in step.meets]
        meeting = Deadline.objects.filter(case=case, clock__in=names, state=Deadline.State.OPEN)
        meeting.update(state=Deadline.State.MET, met_at=at)
    if step.marks_overdue:
        names = [clock_name(case, clock) for clock in step.marks_overdue]
        missed = Deadline.objects.filter(case=case, clock__in=names, state=Deadline.State.OPEN)
        missed.update(state=Deadline.State.OVERDUE)
    for suffix in step.starts:
        clock = clock_name(case, suffix)
        start = case.received_at if workflow.counts_from_receipt(clock) else at
        due = compute_deadline(clock, start, region_code=case.region_id)
        Deadline.objects.create(
            case=case,
            clock=clock,
            started_on=due.start,
            due_date=due.due_date,
            due_at=due.due_at,
            authority_id=case.authority_id,
        )


def _audit(case: Case, step: str, from_state: str, actor: User | None, label: str | None) -> None:
    record(
        f"cases.{step}",
        actor=actor,
        obj=case,
        label=label,
        data={
            "number": case.number,
            "from": from_state,
            "to": case.state,
            "region": case.region_id,
            "version": case.version,
        },
    )


def _emit(case: Case, step: str, from_state: str, actor_id: int | None) -> None:
    event = CaseEvent(case.pk, case.number, step, from_state, case.state, actor_id)
    emit(Event.Kind.CASE_STEP, asdict(event), case_id=case.pk)


def check(case: Case, step: str, actor: Actor | None) -> Step:
    """The declaration of `step` if `actor` may take it on `case` now; else raises TransitionRefused
    (codes: unknown_action, wrong_state, role, scope, and those of `precondition_refusal`). Writes nothing.
    `transition` itself refuses a case read before someone else's step (`ensure_current` says so early)."""
    declared = workflow.step_for(step)
    if declared is None or ANYONE in declared.roles:
        raise TransitionRefused(_("Unknown action “%(action)s”.") % {"action": step}, "unknown_action")
    if case.state not in declared.sources:
        raise TransitionRefused(
            _("This action is not possible while the case is in state “%(state)s”.") % {"state": case.state},
            "wrong_state",
        )
    active = actor is not None and getattr(actor, "is_authenticated", False) and actor.is_active
    if not active or getattr(actor, "role", "") not in declared.roles:
        raise TransitionRefused(_("Your role may not take this action."), "role")
    if actor is not SYSTEM:
        if getattr(actor, "role", "") == SYSTEM_ROLE:  # pragma: no cover - only SYSTEM has the system role
            raise TransitionRefused(_("Your role may not take this action."), "role")
        if not Case.objects.visible_to(as_user(actor)).filter(pk=case.pk).exists():
            raise TransitionRefused(_("This case is outside your area of supervision."), "scope")
    refusal = precondition_refusal(case, step)
    if refusal is not None:
        raise refusal
    return declared


def ensure_current(case: Case) -> None:
    """Raise ConcurrentChange when `case` was read before someone else's step (its version is older than
    the stored one): for step functions whose own checks read data that step may have changed."""
    if not Case.objects.filter(pk=case.pk, version=case.version).exists():
        raise ConcurrentChange(
            _("The case was changed by someone else in the meantime; reload it and try again."),
            "concurrent_change",
        )


def precondition_refusal(case: Case, step: str) -> TransitionRefused | None:
    """What the case's own data forbids beyond its state, for every actor: a daluwarsa report cannot be
    registered; only a case that was blocked can be unblocked (a case sanctioned or out of service without
    ever being blocked has nothing to lift)."""
    if step == "register" and case.daluwarsa:
        # The reporting-window check at registration (intake set `daluwarsa` at receipt).
        return TransitionRefused(
            _(
                "This report was filed after the reporting window (daluwarsa) and cannot be registered; "
                "reject it as expired (“Reject: expired (daluwarsa)”) instead."
            ),
            "daluwarsa",
        )
    if step == "unblock" and not BlockRecord.objects.filter(recommendation__case=case).exists():
        message = _("This case was never blocked, so there is no block to lift.")
        return TransitionRefused(message, "never_blocked")
    return None


def transition(
    case: Case, step: str, *, actor: Actor | None, reason: str = "", at: dt.datetime | None = None
) -> Case:
    """Take `step` on `case` as `actor`; returns the case with its new state and version.

    Raises TransitionRefused (with a translated message) or ConcurrentChange. `at` (aware) is the
    moment of the action, for imports and tests; default now.
    """
    declared = check(case, step, actor)
    assert actor is not None  # `check` refuses None
    at = at or timezone.now()
    if timezone.is_naive(at):
        raise ValueError("at must be timezone-aware")
    from_state = case.state
    to_state = declared.target or from_state
    with transaction.atomic(), tally.tracking(case.pk):
        changed = Case.objects.filter(pk=case.pk, version=case.version, state=from_state).update(
            state=to_state, version=F("version") + 1, updated_at=at
        )
        if changed == 0:
            raise ConcurrentChange(
                _("The case was changed by someone else in the meantime; reload it and try again."),
                "concurrent_change",
            )
        case.state = to_state
        case.version += 1
        case.updated_at = at
        user = user_of(actor)
        Transition.objects.create(
            case=case,
            from_state=from_state,
            to_state=to_state,
            action=step,
            actor=user,
            actor_role=actor.role,
            reason=reason,
            at=at,
        )
        _apply_clocks(case, declared, at)
        _effects(case, declared, at, actor)
        system = actor is SYSTEM
        _audit(case, step, from_state, as_user(actor), "system" if system else None)
        _emit(case, step, from_state, user.pk if user else None)
    return case


def _effects(case: Case, step: Step, at: dt.datetime, actor: Actor) -> None:
    """The effects a step declares besides its clocks (the stage rows with data of their own are written
    by the step's function: `sanctions`, `routes` ...)."""
    if step.assigns_authority:
        on = at.astimezone(case.region.zoneinfo).date()
        try:
            case.authority = current_asn_authority(on=on)
        except NoAuthorityError as error:
            raise TransitionRefused(str(error), "no_authority") from error
        Case.objects.filter(pk=case.pk).update(authority=case.authority)
        # The deadlines carry a copy of the authority (Deadline.authority), the ones started by this
        # transition included.
        Deadline.objects.filter(case=case).update(authority=case.authority)
    if step.package:
        forwarding.create_package(case, step.package, actor=actor, at=at)
    if step.acknowledges_package:
        forwarding.on_receipt_acknowledged(case, actor=actor, at=at)
    if step.lifts_blocks:
        BlockRecord.objects.filter(recommendation__case=case, lifted_at__isnull=True).update(lifted_at=at)


def _next_number(region_id: str, year: int) -> str:
    """`<region code>/<year>/<6-digit sequence>`, numbered per region and year under a row lock.

    One statement (PostgreSQL and SQLite): create the counter at 1 or bump it, and read it back. The
    bumped row stays locked until the transaction ends, so numbers have no gaps and no repeats."""
    table = CaseNumberCounter._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (region_id, year, last) VALUES (%s, %s, 1) "  # noqa: S608 - our table
            f"ON CONFLICT (region_id, year) DO UPDATE SET last = {table}.last + 1 RETURNING last",
            [region_id, year],
        )
        last = cursor.fetchone()[0]
    return f"{region_id}/{year}/{last:06d}"


def open_case_for_report(report: Report, *, actor: Actor | None = None) -> Case:
    """Put a new intake report into the workflow: a case in state `received` (channel, daluwarsa,
    a Transition "" → received and the initial-review deadline). Call inside the report's transaction."""
    user = user_of(actor)
    received_at = report.created_at
    step = workflow.STEP_BY_NAME[OPEN_CASE]
    # No savepoint of its own: a failure here fails the report's whole transaction.
    with transaction.atomic(savepoint=False):
        region = report.region
        year = received_at.astimezone(region.zoneinfo).year
        case = Case.objects.create(
            number=_next_number(region.code, year),
            region=region,
            election=report.election,
            state=State.RECEIVED,
            daluwarsa=report.daluwarsa,
            channel=report.channel,
            received_at=received_at,
            occurred_on=report.occurred_on,
        )
        CaseReport.objects.create(case=case, report=report)
        Transition.objects.create(
            case=case,
            from_state="",
            to_state=State.RECEIVED,
            action=OPEN_CASE,
            actor=user,
            actor_role=user.role if user else "",
            at=received_at,
        )
        _apply_clocks(case, step, received_at)
        tally.count_new_case(case)
        _audit(case, OPEN_CASE, "", user, None if user else f"public ({report.channel})")
        _emit(case, OPEN_CASE, "", user.pk if user else None)
    return case


# --- the steps without data of their own (the others: sanctions, routes, extension, known_on, merging) ---


def start_initial_review(
    case: Case, *, actor: Actor, reason: str = "", at: dt.datetime | None = None
) -> Case:
    """received → initial_review."""
    return transition(case, "start_initial_review", actor=actor, reason=reason, at=at)


def register(case: Case, *, actor: Actor, reason: str = "", at: dt.datetime | None = None) -> Case:
    """initial_review → registered (meets the initial review, starts the decision clock)."""
    return transition(case, "register", actor=actor, reason=reason, at=at)


def reject_formal(case: Case, *, actor: Actor, reason: str = "", at: dt.datetime | None = None) -> Case:
    """initial_review → rejected_formal (a reason is required on the workspace)."""
    return transition(case, "reject_formal", actor=actor, reason=reason, at=at)


def reject_expired(case: Case, *, actor: Actor, reason: str = "", at: dt.datetime | None = None) -> Case:
    """initial_review → rejected_expired (filed after the reporting window)."""
    return transition(case, "reject_expired", actor=actor, reason=reason, at=at)


def start_clarification(case: Case, *, actor: Actor, reason: str = "", at: dt.datetime | None = None) -> Case:
    """registered → clarification."""
    return transition(case, "start_clarification", actor=actor, reason=reason, at=at)


def start_study(case: Case, *, actor: Actor, reason: str = "", at: dt.datetime | None = None) -> Case:
    """clarification → study."""
    return transition(case, "start_study", actor=actor, reason=reason, at=at)


def to_plenary(case: Case, *, actor: Actor, reason: str = "", at: dt.datetime | None = None) -> Case:
    """study → plenary."""
    return transition(case, "to_plenary", actor=actor, reason=reason, at=at)


def decide_violation(case: Case, *, actor: Actor, reason: str = "", at: dt.datetime | None = None) -> Case:
    """plenary → violation (commissioners; meets the decision clock)."""
    return transition(case, "decide_violation", actor=actor, reason=reason, at=at)


def decide_not_violation(
    case: Case, *, actor: Actor, reason: str = "", at: dt.datetime | None = None
) -> Case:
    """plenary → not_violation (commissioners; meets the decision clock)."""
    return transition(case, "decide_not_violation", actor=actor, reason=reason, at=at)


def forward_to_authority(
    case: Case, *, actor: Actor, reason: str = "", at: dt.datetime | None = None
) -> Case:
    """violation → forwarded_asn_authority (the package; starts the verification clock)."""
    return transition(case, "forward_to_authority", actor=actor, reason=reason, at=at)


def acknowledge_receipt(case: Case, *, actor: Actor, reason: str = "", at: dt.datetime | None = None) -> Case:
    """forwarded_asn_authority → authority_received (marks the package received)."""
    return transition(case, "acknowledge_receipt", actor=actor, reason=reason, at=at)


def verify(case: Case, *, actor: Actor, reason: str = "", at: dt.datetime | None = None) -> Case:
    """authority_received → verified."""
    return transition(case, "verify", actor=actor, reason=reason, at=at)


def find_not_proven(case: Case, *, actor: Actor, reason: str = "", at: dt.datetime | None = None) -> Case:
    """verified → not_proven (meets the verification clock)."""
    return transition(case, "find_not_proven", actor=actor, reason=reason, at=at)


def reject_at_authority(case: Case, *, actor: Actor, reason: str = "", at: dt.datetime | None = None) -> Case:
    """verified → rejected (meets the verification clock)."""
    return transition(case, "reject_at_authority", actor=actor, reason=reason, at=at)
