"""The escalation sweep: overdue legal clocks escalate by themselves.

`sweep(now)` claims the open deadlines whose `due_at` is before `now`, in batches, each batch in one
database transaction with its rows locked (`SELECT ... FOR UPDATE SKIP LOCKED` where the database
supports it, so two workers never claim the same deadline; SQLite serialises writers anyway). For
each claimed deadline it:

- marks the deadline `overdue` (one conditional UPDATE ... RETURNING for the whole batch);
- takes the step the clock declares for when it passes (`workflow.Clock.on_overdue`), as the system
  actor, when the case is in one of that step's states: `ppk.follow_up` → `mark_ppk_overdue`,
  `ppk.follow_up_after_warning` → `block` with the reason `block_reason()` (Indonesian); any other clock:
  the deadline is marked overdue only (no state change);
- stores one `case.clock_overdue` outbox event per deadline, naming the owner role of the step and their
  superior (`workflow.Clock.owner` / `superior`), in the batch's transaction. The state changes store
  their `case.step` events like every transition; the batch's events are processed together after the
  commit (notifications writes the batch's notices at once). The audit entries of a batch are appended
  together (`audit.batch()`).

A deadline leaves the `open` state when claimed, so a second sweep does nothing new; the claim is a
conditional UPDATE (`state = open`), so a row two workers read at once is processed by one of them
only (`skipped` counts the other's). The cases of a batch are locked (skipping, on PostgreSQL, a case a
user's action holds at that moment: its deadline waits for the next sweep) and the batch's changes are
counted in the tallies at once (`tally.tracking`). `ensure_schedule()` keeps the django-q2 schedule that runs
`schedule_sweep` every minute (`netral worker`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from netral.audit import services as audit
from netral.cases import sanctions, tally, workflow
from netral.cases.actions import transition
from netral.cases.actors import SYSTEM
from netral.cases.errors import TransitionRefused
from netral.cases.models import Case, Deadline
from netral.core import schedules
from netral.outbox.models import Event
from netral.outbox.services import emit_many

# The block reason, stored (in the Transition and BlockRecord rows) in Indonesian: `block_reason()`.
BLOCK_REASON = gettext_noop(
    "The PPK follow-up deadline after the Kemendagri warning has passed; "
    "a block of the ASN's personnel data is requested automatically."
)


def block_reason() -> str:
    with translation.override("id"):
        return translation.gettext(BLOCK_REASON)


# A clock no declaration names (an older or configured one) is owned by Bawaslu.
BAWASLU = workflow.Clock("", "")


def escalation_for(clock: str) -> workflow.Clock:
    """The declaration of a clock: who owns it (`owner`), their superior and the step taken when it passes."""
    return workflow.clock_for(clock) or BAWASLU


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

    def payload(self) -> dict[str, Any]:
        return {**asdict(self), "due_at": self.due_at.isoformat()}

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> EscalationEvent:
        return cls(**{**payload, "due_at": dt.datetime.fromisoformat(payload["due_at"])})


@dataclass
class SweepResult:
    claimed: int = 0
    overdue_marked: int = 0
    ppk_overdue: int = 0
    blocked: int = 0
    refused: int = 0  # state changes refused (the case moved on in the meantime)
    skipped: int = 0  # claimed but marked by another worker first, or its case busy (left to the next sweep)

    def as_dict(self) -> dict[str, int]:
        """The counts printed by `netral escalate --json` (`skipped` is not part of that output)."""
        counts = asdict(self)
        counts.pop("skipped")
        return counts


def _claim(now: dt.datetime, batch: int) -> list[Deadline]:
    query = Deadline.objects.filter(state=Deadline.State.OPEN, due_at__lt=now).order_by("due_at", "pk")
    if connection.features.has_select_for_update_skip_locked:
        query = query.select_for_update(skip_locked=True)
    else:
        query = query.select_for_update()
    return list(query[:batch])


def _lock_cases(ids: set[int]) -> set[int]:
    """Lock the cases (in id order); where the database can, skip those another transaction holds."""
    query = Case.objects.filter(pk__in=ids).order_by("pk")
    if connection.features.has_select_for_update_skip_locked:
        query = query.select_for_update(skip_locked=True)
    else:
        query = query.select_for_update()
    return set(query.values_list("pk", flat=True))


def _mark_overdue(ids: list[int]) -> set[int]:
    """Mark the claimed deadlines overdue in one conditional UPDATE (`state = open`); returns the ids
    this call marked (a row another worker marked first is not among them)."""
    if not ids:
        return set()
    table = connection.ops.quote_name(Deadline._meta.db_table)
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET state = %s WHERE id IN ({marks}) AND state = %s RETURNING id",  # noqa: S608
            [Deadline.State.OVERDUE.value, *ids, Deadline.State.OPEN.value],
        )
        return {int(row[0]) for row in cursor.fetchall()}


def _escalate_case(deadline: Deadline, case: Case | None, now: dt.datetime, result: SweepResult) -> str:
    """The state change an overdue deadline causes; returns the action taken or "".

    `block_reason()` is computed per call (translation catalogues may change between sweeps)."""
    step = workflow.step_for(escalation_for(deadline.clock).on_overdue)
    if step is None or case is None or case.state not in step.sources:
        return ""
    # No savepoint of our own: a refused action raises before writing or inside its own atomic block
    # (rolled back to its savepoint), so the batch goes on either way.
    try:
        if step.name == "block":  # writes the block record (a step with data of its own)
            sanctions.block(case, actor=SYSTEM, reason=block_reason(), at=now)
            result.blocked += 1
        else:
            transition(case, step.name, actor=SYSTEM, at=now)
            result.ppk_overdue += 1
    except TransitionRefused:
        result.refused += 1
        return ""
    return step.name


def _sweep_batch(now: dt.datetime, batch: int, result: SweepResult) -> int:
    # The audit entries of the batch's state changes are appended together at its end (the chain
    # head is locked only for that append and the commit, so parallel workers do not queue on it).
    overdue: list[tuple[dict[str, Any], int | None]] = []
    with transaction.atomic(), audit.batch():
        claimed = _claim(now, batch)
        # A case another transaction is changing right now (a user's action) is left to the next sweep:
        # waiting for it while holding its deadline could deadlock with that action.
        locked = _lock_cases({deadline.case_id for deadline in claimed})
        busy = [deadline for deadline in claimed if deadline.case_id not in locked]
        result.claimed += len(busy)
        result.skipped += len(busy)
        claimed = [deadline for deadline in claimed if deadline.case_id in locked]
        # Marking deadlines overdue and the state changes it causes, counted in the tallies once for the
        # whole batch (the cases' actions inside are part of this tracked block).
        with tally.tracking(*locked):
            marked = _mark_overdue([deadline.pk for deadline in claimed])
            changing = {d.case_id for d in claimed if d.pk in marked and escalation_for(d.clock).on_overdue}
            cases = Case.objects.in_bulk(changing) if changing else {}
            numbers = dict(Case.objects.filter(pk__in=locked).values_list("pk", "number"))
            for deadline in claimed:
                result.claimed += 1
                if deadline.pk not in marked:
                    # Another worker marked it between our read and this update (SQLite, or a database
                    # without SKIP LOCKED): it is theirs, so it is neither escalated nor notified twice.
                    result.skipped += 1
                    continue
                result.overdue_marked += 1
                action = _escalate_case(deadline, cases.get(deadline.case_id), now, result)
                roles = escalation_for(deadline.clock)
                event = EscalationEvent(
                    deadline.pk,
                    deadline.case_id,
                    numbers[deadline.case_id],
                    deadline.clock,
                    deadline.due_at,
                    roles.owner,
                    roles.superior,
                    action,
                )
                overdue.append((event.payload(), deadline.case_id))
        emit_many(Event.Kind.CLOCK_OVERDUE, overdue)
    # Fewer than `batch` when cases were busy: this sweep ends there, the next one retries them.
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


SCHEDULE_NAME = "netral: escalation sweep"
SCHEDULE_FUNC = "netral.cases.escalation.schedule_sweep"


def ensure_schedule(minutes: int = 1) -> tuple[Any, bool]:
    """The django-q2 `Schedule` running `schedule_sweep` every `minutes`; returns (schedule, created)."""
    return schedules.ensure_schedule(SCHEDULE_NAME, SCHEDULE_FUNC, minutes)
