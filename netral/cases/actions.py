"""The only code that changes a case's state.

`transition(case, action, actor=..., reason=...)` checks the rule (transitions.RULES), the actor's
role and scope, then in one database transaction: a conditional UPDATE on `version` (two people
acting at once: one wins, the other gets ConcurrentChange), the Transition row, the clocks, the
audit entry, and notifications scheduled with `transaction.on_commit`.

Notifications: every callable in `NOTIFICATION_HOOKS` is called with a `CaseEvent` after the
transaction commits (a stub until the notifications part of issue 4 plugs in; tests append to it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from netral.accounts.services import NoAuthorityError, current_asn_authority
from netral.audit.services import record
from netral.cases import tally, transitions
from netral.cases.models import BlockRecord, Case, CaseNumberCounter, CaseReport, Deadline, Transition
from netral.cases.transitions import OPEN_CASE, SYSTEM_ROLE, State
from netral.workdays.services import compute_deadline


class TransitionRefused(Exception):
    """The action may not be taken (unknown, wrong state, wrong role, out of scope). `str()` is
    the translated message; `code` is stable for programs."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class ConcurrentChange(TransitionRefused):
    """Someone else changed the case between reading and acting."""


class SystemActor:
    """The actor of automatic steps (the escalation worker): role `system`, no user row, no scope
    check. Only code passes it; no user can have this role."""

    is_authenticated = True
    is_active = True
    is_superuser = False
    role = SYSTEM_ROLE
    pk = None
    institution = None

    def __repr__(self) -> str:
        return "SYSTEM"


SYSTEM = SystemActor()


@dataclass(frozen=True)
class CaseEvent:
    case_id: int
    number: str
    action: str
    from_state: str
    to_state: str
    actor_id: int | None


# Called after commit with each CaseEvent; exceptions in a hook are not caught.
NOTIFICATION_HOOKS: list[Callable[[CaseEvent], None]] = []


@dataclass(frozen=True)
class ClockEffect:
    meet: tuple[str, ...] = ()  # clocks met by the action
    start: tuple[str, ...] = ()  # clocks started by the action
    overdue: tuple[str, ...] = ()  # open clocks marked overdue by the action


# A bare suffix means the clock "<election type>.<suffix>"; a dotted name ("ppk.follow_up") is a
# workdays clock of its own that applies to any election type. OPEN_CASE starts initial_review.
CLOCK_EFFECTS: dict[str, ClockEffect] = {
    OPEN_CASE: ClockEffect(start=("initial_review",)),
    "register": ClockEffect(meet=("initial_review",), start=("decision",)),
    "reject_formal": ClockEffect(meet=("initial_review",)),
    "reject_expired": ClockEffect(meet=("initial_review",)),
    "merge_into": ClockEffect(meet=("initial_review",)),
    "decide_violation": ClockEffect(meet=("decision",)),
    "decide_not_violation": ClockEffect(meet=("decision",)),
    # The receiver's clock starts at the forwarding; a timely acknowledgement of the package restarts
    # it from the acknowledgement (forwarding.restart_clock, docs/documents.md).
    "forward_to_authority": ClockEffect(start=("authority.verification",)),
    "find_not_proven": ClockEffect(meet=("authority.verification",)),
    "reject_at_authority": ClockEffect(meet=("authority.verification",)),
    "recommend": ClockEffect(meet=("authority.verification",)),
    "send_to_ppk": ClockEffect(start=("ppk.follow_up",)),
    "mark_ppk_overdue": ClockEffect(overdue=("ppk.follow_up",)),
    "warn_ppk": ClockEffect(start=("ppk.follow_up_after_warning",)),
    "block": ClockEffect(overdue=("ppk.follow_up_after_warning",)),
    "record_sanction": ClockEffect(meet=("ppk.follow_up", "ppk.follow_up_after_warning")),
    "record_left_service": ClockEffect(meet=("ppk.follow_up", "ppk.follow_up_after_warning")),
}


def clock_name(case: Case, clock: str) -> str:
    return clock if "." in clock else f"{case.election.type}.{clock}"


# Clocks counted from the receipt of the report rather than from the action that starts them
# (pilkada.decision: 3 days after receipt; pemilu.decision: 7 working days after registration).
FROM_RECEIPT = frozenset({"pilkada.decision", "pemilu.initial_review", "pilkada.initial_review"})


def _apply_clocks(case: Case, action: str, at: dt.datetime) -> None:
    effect = CLOCK_EFFECTS.get(action)
    if effect is None:
        return
    if effect.meet:
        names = [clock_name(case, clock) for clock in effect.meet]
        meeting = Deadline.objects.filter(case=case, clock__in=names, state=Deadline.State.OPEN)
        meeting.update(state=Deadline.State.MET, met_at=at)
    if effect.overdue:
        names = [clock_name(case, clock) for clock in effect.overdue]
        missed = Deadline.objects.filter(case=case, clock__in=names, state=Deadline.State.OPEN)
        missed.update(state=Deadline.State.OVERDUE)
    for suffix in effect.start:
        clock = clock_name(case, suffix)
        start = case.received_at if clock in FROM_RECEIPT else at
        due = compute_deadline(clock, start, region_code=case.region_id)
        Deadline.objects.create(
            case=case,
            clock=clock,
            started_on=due.start,
            due_date=due.due_date,
            due_at=due.due_at,
            authority_id=case.authority_id,
        )


def _schedule(event: CaseEvent) -> None:
    def notify() -> None:
        for hook in list(NOTIFICATION_HOOKS):
            hook(event)

    transaction.on_commit(notify)


def _audit(case: Case, action: str, from_state: str, actor: Any, label: str | None) -> None:
    record(
        f"cases.{action}",
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


def _check(case: Case, action: str, actor: Any) -> transitions.Rule:
    rule = transitions.rule_for(action)
    if rule is None:
        raise TransitionRefused(_("Unknown action “%(action)s”.") % {"action": action}, "unknown_action")
    if case.state not in rule.from_states:
        raise TransitionRefused(
            _("This action is not possible while the case is in state “%(state)s”.") % {"state": case.state},
            "wrong_state",
        )
    active = actor is not None and getattr(actor, "is_authenticated", False) and actor.is_active
    if not active or getattr(actor, "role", "") not in rule.roles:
        raise TransitionRefused(_("Your role may not take this action."), "role")
    if actor is not SYSTEM:
        if actor.role == SYSTEM_ROLE:  # pragma: no cover - only SYSTEM has the system role
            raise TransitionRefused(_("Your role may not take this action."), "role")
        if not Case.objects.visible_to(actor).filter(pk=case.pk).exists():
            raise TransitionRefused(_("This case is outside your area of supervision."), "scope")
    refusal = precondition_refusal(case, action)
    if refusal is not None:
        raise refusal
    return rule


def precondition_refusal(case: Case, action: str) -> TransitionRefused | None:
    """What the case's own data forbids beyond its state, for every actor: a daluwarsa report cannot be
    registered; only a case that was blocked can be unblocked (a case sanctioned or out of service without
    ever being blocked has nothing to lift)."""
    if action == "register" and case.daluwarsa:
        # The reporting-window check at registration (intake set `daluwarsa` at receipt).
        return TransitionRefused(
            _(
                "This report was filed after the reporting window (daluwarsa) and cannot be registered; "
                "reject it as expired (“Reject: expired (daluwarsa)”) instead."
            ),
            "daluwarsa",
        )
    if action == "unblock" and not BlockRecord.objects.filter(recommendation__case=case).exists():
        message = _("This case was never blocked, so there is no block to lift.")
        return TransitionRefused(message, "never_blocked")
    return None


def transition(
    case: Case, action: str, *, actor: Any, reason: str = "", at: dt.datetime | None = None
) -> Case:
    """Take `action` on `case` as `actor`; returns the case with its new state and version.

    Raises TransitionRefused (with a translated message) or ConcurrentChange. `at` (aware) is the
    moment of the action, for imports and tests; default now.
    """
    rule = _check(case, action, actor)
    at = at or timezone.now()
    if timezone.is_naive(at):
        raise ValueError("at must be timezone-aware")
    from_state = case.state
    to_state = rule.to_state or from_state  # transitions.STAY: the state does not change
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
        Transition.objects.create(
            case=case,
            from_state=from_state,
            to_state=to_state,
            action=action,
            actor=None if actor is SYSTEM else actor,
            actor_role=actor.role,
            reason=reason,
            at=at,
        )
        _apply_clocks(case, action, at)
        _side_effects(case, action, at, actor)
        system = actor is SYSTEM
        _audit(case, action, from_state, None if system else actor, "system" if system else None)
        _schedule(CaseEvent(case.pk, case.number, action, from_state, case.state, actor.pk))
    return case


def _side_effects(case: Case, action: str, at: dt.datetime, actor: Any) -> None:
    """Fields a transition sets on the case itself (the stage rows are written by `sanctions`), and the
    forwarding package of a forwarding action and its acknowledgement (`forwarding`)."""
    from netral.cases import forwarding

    if action == "forward_to_authority":
        on = at.astimezone(case.region.zoneinfo).date()
        try:
            case.authority = current_asn_authority(on=on)
        except NoAuthorityError as error:
            raise TransitionRefused(str(error), "no_authority") from error
        Case.objects.filter(pk=case.pk).update(authority=case.authority)
        # The deadlines carry a copy of the authority (Deadline.authority), the ones started by this
        # transition included.
        Deadline.objects.filter(case=case).update(authority=case.authority)
    if action in forwarding.PACKAGE_ACTIONS:
        forwarding.create_package(case, action, actor=actor, at=at)
    elif action == "acknowledge_receipt":
        forwarding.on_receipt_acknowledged(case, actor=actor, at=at)


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


def open_case_for_report(report: Any, *, actor: Any = None) -> Case:
    """Put a new intake report into the workflow: a case in state `received` (channel, daluwarsa,
    a Transition "" → received and the initial-review deadline). Call inside the report's transaction."""
    actor_user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    received_at = report.created_at
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
            actor=actor_user,
            actor_role=getattr(actor_user, "role", "") if actor_user else "",
            at=received_at,
        )
        _apply_clocks(case, OPEN_CASE, received_at)
        tally.count_new_case(case)
        label = None if actor_user else f"public ({report.channel})"
        _audit(case, OPEN_CASE, "", actor_user, label)
        _schedule(
            CaseEvent(case.pk, case.number, OPEN_CASE, "", case.state, actor_user.pk if actor_user else None)
        )
    return case


def _named(action: str) -> Callable[..., Case]:
    def act(case: Case, *, actor: Any, reason: str = "", at: dt.datetime | None = None) -> Case:
        return transition(case, action, actor=actor, reason=reason, at=at)

    act.__name__ = action
    act.__doc__ = f"`transition(case, {action!r}, ...)`."
    return act


start_initial_review = _named("start_initial_review")
register = _named("register")
reject_formal = _named("reject_formal")
reject_expired = _named("reject_expired")
start_clarification = _named("start_clarification")
start_study = _named("start_study")
to_plenary = _named("to_plenary")
decide_violation = _named("decide_violation")
decide_not_violation = _named("decide_not_violation")
forward_to_authority = _named("forward_to_authority")
forward_to_gakkumdu = _named("forward_to_gakkumdu")
forward_to_other = _named("forward_to_other")
acknowledge_receipt = _named("acknowledge_receipt")
verify = _named("verify")
find_not_proven = _named("find_not_proven")
reject_at_authority = _named("reject_at_authority")
