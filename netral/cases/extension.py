"""The extension of the decision clock when Bawaslu needs more information (docs/clocks.md, docs/cases.md).

`extend_decision(case, *, actor, reason)` takes the `extend_decision` rule (registered, clarification or
study → the same state; Bawaslu staff) through `actions.transition` and, in the same database transaction,
moves the open decision `Deadline` to its extended due moment and stores a `DecisionExtension` with the old
one. Once per case; never shortens a deadline; refused once the decision deadline has passed.

How the extended due date is counted (`EXTENSION_FROM`, per election type; the number of days and the day
type are the `workdays` clocks `<type>.extension`, editable in the admin):

- **Pemilu** (`pemilu.extension`, 14 working days): from day 0 of the decision clock, i.e. the registration
  (UU 7/2017 Pasal 454: "paling lama 14 hari kerja setelah laporan diterima dan diregistrasi").
- **Pilkada** (`pilkada.extension`, 2 calendar days): from the original decision due date, i.e. 2 more days
  (UU 10/2016 Pasal 134: 3 days after receipt, up to 5 when more information is needed).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netral.accounts.models import User
from netral.audit.services import record
from netral.cases.actions import check, clock_name, ensure_current, transition
from netral.cases.errors import ConcurrentChange, TransitionRefused
from netral.cases.models import Case, Deadline, DecisionExtension
from netral.workdays.services import compute_deadline

ACTION = "extend_decision"
# Per election type: count the extension from the decision clock's day 0 ("start") or its due date ("due").
EXTENSION_FROM: dict[str, str] = {"pemilu": "start", "pilkada": "due"}


def decision_deadline(case: Case) -> Deadline | None:
    """The case's latest decision deadline (whatever its state), or None."""
    return Deadline.objects.filter(case=case, clock=clock_name(case, "decision")).order_by("-pk").first()


def may_extend(case: Case) -> bool:
    """Whether the case's decision deadline can still be extended (not yet extended, a deadline running)."""
    if DecisionExtension.objects.filter(case_id=case.pk).exists():
        return False
    deadline = decision_deadline(case)
    return deadline is not None and deadline.state == Deadline.State.OPEN


def extended_due(case: Case, deadline: Deadline) -> tuple[dt.date, dt.datetime, str]:
    """The due date and moment the decision deadline would have once extended, and the clock used."""
    clock = clock_name(case, "extension")
    anchor = (
        deadline.started_on
        if EXTENSION_FROM.get(case.election.type, "start") == "start"
        else deadline.due_date
    )
    due = compute_deadline(clock, anchor, region_code=case.region_id)
    return due.due_date, due.due_at, clock


def extend_decision(
    case: Case, *, actor: User, reason: str, at: dt.datetime | None = None
) -> DecisionExtension:
    """Extend the open decision deadline of `case` once. `reason` says which information is needed.

    Raises TransitionRefused: the step's own codes (role, scope, wrong_state, concurrent_change), or
    `invalid` (no reason), `already_extended`, `no_deadline` (no open decision deadline), `deadline_passed`,
    `not_later` (the extension would not move the deadline on). Everything is checked before anything is
    written; role, state and scope first, so an unauthorised user learns nothing more.
    """
    at = at or timezone.now()
    if timezone.is_naive(at):
        raise ValueError("at must be timezone-aware")
    reason = reason.strip()
    check(case, ACTION, actor)
    if not reason:
        raise TransitionRefused(_("Write which information is still needed."), "invalid")
    if DecisionExtension.objects.filter(case_id=case.pk).exists():
        raise TransitionRefused(
            _("The decision deadline of this case was already extended once."), "already_extended"
        )
    ensure_current(case)  # the deadline below is as the caller's copy of the case knew it
    deadline = decision_deadline(case)
    if deadline is None or deadline.state != Deadline.State.OPEN:
        raise TransitionRefused(_("This case has no open decision deadline to extend."), "no_deadline")
    if deadline.due_at < at:
        raise TransitionRefused(
            _("The decision deadline has already passed; it can no longer be extended."), "deadline_passed"
        )
    due_date, due_at, clock = extended_due(case, deadline)
    if due_at <= deadline.due_at:
        raise TransitionRefused(_("The extension would not move the decision deadline later."), "not_later")
    try:
        with transaction.atomic():
            transition(case, ACTION, actor=actor, reason=reason, at=at)
            moved = Deadline.objects.filter(pk=deadline.pk, state=Deadline.State.OPEN, due_at=deadline.due_at)
            if not moved.update(due_date=due_date, due_at=due_at):
                raise ConcurrentChange(
                    _("The case was changed by someone else in the meantime; reload it and try again."),
                    "concurrent_change",
                )
            row = DecisionExtension.objects.create(
                case=case,
                deadline=deadline,
                clock=clock,
                previous_due_date=deadline.due_date,
                previous_due_at=deadline.due_at,
                due_date=due_date,
                due_at=due_at,
                actor=actor,
                reason=reason,
                at=at,
            )
            record(
                "cases.decision_extended",
                actor=actor,
                obj=case,
                data={
                    "number": case.number,
                    "clock": clock,
                    "previous_due_date": deadline.due_date.isoformat(),
                    "due_date": due_date.isoformat(),
                },
            )
    except TransitionRefused:
        case.refresh_from_db(fields=["state", "version", "updated_at"])  # as stored
        raise
    return row
