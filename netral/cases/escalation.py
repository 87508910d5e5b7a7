"""The escalation sweep: overdue legal clocks escalate by themselves.

`sweep(now)` claims the open deadlines whose `due_at` is before `now`, in batches, each batch in one
database transaction with its rows locked (`SELECT ... FOR UPDATE SKIP LOCKED` where the database
supports it, so two workers never claim the same deadline; SQLite serialises writers anyway). For
each claimed deadline it:

- marks the deadline `overdue`;
- `ppk.follow_up` overdue on a case in `sent_to_ppk`: `sanctions.mark_ppk_overdue` (system actor);
- `ppk.follow_up_after_warning` overdue on a `warned` case: `sanctions.block` (system actor) with
  the reason `block_reason()` (Indonesian);
- any other clock: the deadline is marked overdue only (no state change);
- after commit, calls every hook in `ESCALATION_HOOKS` with an `EscalationEvent` naming the owner
  role of the step and their superior (`ESCALATION_ROLES`). State changes also go through
  `actions.NOTIFICATION_HOOKS` like every transition.

A deadline leaves the `open` state when claimed, so a second sweep does nothing new.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from netral.cases import sanctions
from netral.cases.actions import SYSTEM, TransitionRefused
from netral.cases.models import Case, Deadline
from netral.cases.transitions import State

PPK_FOLLOW_UP = "ppk.follow_up"
PPK_AFTER_WARNING = "ppk.follow_up_after_warning"

# The block reason, stored (in the Transition and BlockRecord rows) in Indonesian: `block_reason()`.
BLOCK_REASON = gettext_noop(
    "The PPK follow-up deadline after the Kemendagri warning has passed; "
    "a block of the ASN's personnel data is requested automatically."
)


def block_reason() -> str:
    with translation.override("id"):
        return translation.gettext(BLOCK_REASON)


@dataclass(frozen=True)
class Escalation:
    owner: str
    superior: str


BAWASLU = Escalation("bawaslu_staff", "bawaslu_commissioner")
# Who owns each clock and who is their superior (clocks not listed: Bawaslu's own clocks,
# `<election type>.initial_review` / `.decision`).
ESCALATION_ROLES: dict[str, Escalation] = {
    # The forwarding Bawaslu follows up what it forwarded.
    "authority.verification": Escalation("authority_analyst", "bawaslu_commissioner"),
    # Kemendagri issues the warning letter to an overdue PPK.
    PPK_FOLLOW_UP: Escalation("ppk_officer", "kemendagri_officer"),
    # The ASN authority requests (and lifts) the block of the ASN's personnel data.
    PPK_AFTER_WARNING: Escalation("ppk_officer", "authority_analyst"),
}


def escalation_for(clock: str) -> Escalation:
    return ESCALATION_ROLES.get(clock, BAWASLU)


@dataclass(frozen=True)
class EscalationEvent:
    deadline_id: int
    case_id: int
    number: str
    clock: str
    due_at: dt.datetime
    owner_role: str
    superior_role: str
    action: str  # the state change taken ("mark_ppk_overdue", "block") or "" for none


# Called after commit with each EscalationEvent; exceptions in a hook are not caught.
ESCALATION_HOOKS: list[Callable[[EscalationEvent], None]] = []


@dataclass
class SweepResult:
    claimed: int = 0
    overdue_marked: int = 0
    ppk_overdue: int = 0
    blocked: int = 0
    refused: int = 0  # state changes refused (the case moved on in the meantime)

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def _claim(now: dt.datetime, batch: int) -> list[Deadline]:
    query = Deadline.objects.filter(state=Deadline.State.OPEN, due_at__lt=now).order_by("due_at", "pk")
    if connection.features.has_select_for_update_skip_locked:
        query = query.select_for_update(skip_locked=True)
    else:
        query = query.select_for_update()
    return list(query[:batch])


def _escalate_case(deadline: Deadline, now: dt.datetime, result: SweepResult) -> str:
    """The state change an overdue deadline causes; returns the action taken or ""."""
    if deadline.clock not in (PPK_FOLLOW_UP, PPK_AFTER_WARNING):
        return ""
    case = Case.objects.get(pk=deadline.case_id)
    try:
        with transaction.atomic():
            if deadline.clock == PPK_FOLLOW_UP and case.state == State.SENT_TO_PPK:
                sanctions.mark_ppk_overdue(case, at=now)
                result.ppk_overdue += 1
                return "mark_ppk_overdue"
            if deadline.clock == PPK_AFTER_WARNING and case.state == State.WARNED:
                sanctions.block(case, actor=SYSTEM, reason=block_reason(), at=now)
                result.blocked += 1
                return "block"
    except TransitionRefused:
        result.refused += 1
    return ""


def _notify(event: EscalationEvent) -> None:
    def run() -> None:
        for hook in list(ESCALATION_HOOKS):
            hook(event)

    transaction.on_commit(run)


def _sweep_batch(now: dt.datetime, batch: int, result: SweepResult) -> int:
    with transaction.atomic():
        claimed = _claim(now, batch)
        numbers = dict(Case.objects.filter(pk__in={d.case_id for d in claimed}).values_list("pk", "number"))
        for deadline in claimed:
            result.claimed += 1
            marked = Deadline.objects.filter(pk=deadline.pk, state=Deadline.State.OPEN).update(
                state=Deadline.State.OVERDUE
            )
            if not marked:  # pragma: no cover - the row is locked by this transaction
                continue
            result.overdue_marked += 1
            action = _escalate_case(deadline, now, result)
            roles = escalation_for(deadline.clock)
            _notify(
                EscalationEvent(
                    deadline.pk,
                    deadline.case_id,
                    numbers[deadline.case_id],
                    deadline.clock,
                    deadline.due_at,
                    roles.owner,
                    roles.superior,
                    action,
                )
            )
    return len(claimed)


def sweep(now: dt.datetime | None = None, *, batch: int = 500) -> SweepResult:
    """Escalate every open deadline due before `now` (aware; default the current time)."""
    now = now or timezone.now()
    if timezone.is_naive(now):
        raise ValueError("now must be timezone-aware")
    if batch < 1:
        raise ValueError("batch must be at least 1")
    result = SweepResult()
    while _sweep_batch(now, batch, result) == batch:
        pass
    return result


def schedule_sweep(**_kwargs: Any) -> dict[str, int]:
    """Entry point for a task scheduler (django-q2 `Schedule` on `netral.cases.escalation.schedule_sweep`)."""
    return sweep().as_dict()
