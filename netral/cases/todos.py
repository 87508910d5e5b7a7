"""Assignees and tasks of a case: the only code that writes `CaseAssignment` and `CaseTask` rows.

`assign`, `unassign`, `add_task` and `complete_task` check the actor and the assignee, save, write an audit
row (ids and dates only, never the task's text) and notify the assignee after commit
(`notifications.services.notify`, in the assignee's language). Refusals raise `TaskRefused` (a
`TransitionRefused`, so the workspace shows them like any refused step) with a translated message.

Who may be assigned (`eligible_assignees`): active users of an institution that may act on the case at its
current stage (`stage_of`):

- Bawaslu stage: Bawaslu staff and commissioners of the Bawaslu of the case's own region;
- ASN-authority stage: analysts of the authority the case was forwarded to (`Case.authority`);
- PPK stage: PPK officers of the agencies the case's recommendations are addressed to, and the analysts of the
  case's authority (they block and unblock).

Who may manage (assign, unassign, add tasks, complete anyone's task; `may_manage`): users who see the case
(`Case.objects.visible_to`) and either are eligible themselves or, at the Bawaslu stage, are Bawaslu staff or
commissioners whose scope covers the case's region (a province or Bawaslu RI supervising a regency). An
assignee may complete their own tasks. Administrators, data custodians and Kemendagri officers read only.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from netral.accounts.models import Institution, Role, User
from netral.accounts.scope import scope_for
from netral.accounts.types import signed_in
from netral.audit.services import record
from netral.cases.errors import TransitionRefused
from netral.cases.models import Case, CaseAssignment, CaseTask, Recommendation
from netral.cases.workflow import State

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

TITLE_MAX = 200
BAWASLU = "bawaslu"
AUTHORITY = "authority"
PPK = "ppk"
S = State
AUTHORITY_STATES = frozenset(
    {S.FORWARDED_ASN_AUTHORITY, S.AUTHORITY_RECEIVED, S.VERIFIED, S.RECOMMENDED, S.NOT_PROVEN, S.REJECTED}
)
PPK_STATES = frozenset(
    {S.SENT_TO_PPK, S.PPK_OVERDUE, S.WARNED, S.BLOCKED, S.SANCTIONED, S.LEFT_SERVICE, S.UNBLOCKED}
)
BAWASLU_ROLES = (Role.BAWASLU_STAFF.value, Role.BAWASLU_COMMISSIONER.value)


# Notification texts (English source strings, translated in the recipient's language when composed).
ASSIGNED_TITLE = gettext_noop("Case %(number)s: you were assigned")
ASSIGNED_BODY = gettext_noop("%(actor)s assigned you to case %(number)s. Open the case to see what is due.")
TASK_TITLE = gettext_noop("Case %(number)s: a task for you")
TASK_BODY = gettext_noop(
    "%(actor)s gave you a task on case %(number)s (due: %(due)s). Open the case to read it."
)


class TaskRefused(TransitionRefused):
    """An assignment or task change that may not be made (`message` translated, `code` stable)."""


def stage_of(case: Case) -> str:
    """`bawaslu`, `authority` or `ppk`: whose institution works on the case in its current state."""
    if case.state in PPK_STATES:
        return PPK
    if case.state in AUTHORITY_STATES:
        return AUTHORITY
    return BAWASLU


def _agencies(case: Case) -> list[int]:
    return list(Recommendation.objects.filter(case=case).values_list("agency_id", flat=True).distinct())


def _eligible_condition(case: Case) -> Q:
    stage = stage_of(case)
    if stage == BAWASLU:
        return Q(
            role__in=BAWASLU_ROLES,
            institution__kind=Institution.Kind.BAWASLU,
            institution__region_id=case.region_id,
        )
    analysts = (
        Q(role=Role.AUTHORITY_ANALYST, institution_id=case.authority_id)
        if case.authority_id
        else Q(pk__in=[])
    )
    if stage == AUTHORITY:
        return analysts
    ppk = Q(
        role=Role.PPK_OFFICER,
        institution__kind=Institution.Kind.PPK,
        institution__agency_id__in=_agencies(case),
    )
    return ppk | analysts


def eligible_assignees(case: Case) -> QuerySet[User]:
    """The active users who may be assigned to the case (or given a task) at its current stage."""
    return (
        User.objects.filter(_eligible_condition(case), is_active=True)
        .select_related("institution")
        .order_by("institution__name", "first_name", "username")
    )


def _active(user: RequestUser | None) -> bool:
    return signed_in(user) is not None


def _sees(case: Case, user: RequestUser) -> bool:
    return Case.objects.visible_to(user).filter(pk=case.pk).exists()


def may_manage(case: Case, user: RequestUser) -> bool:
    """Whether `user` may assign, unassign and add or complete tasks on `case` (see the module's text)."""
    staff = signed_in(user)
    if staff is None or staff.role not in {
        *BAWASLU_ROLES,
        Role.AUTHORITY_ANALYST,
        Role.PPK_OFFICER,
    }:
        return False
    if not _sees(case, staff):
        return False
    if eligible_assignees(case).filter(pk=staff.pk).exists():
        return True
    scope = scope_for(staff)
    return (
        stage_of(case) == BAWASLU
        and staff.role in BAWASLU_ROLES
        and scope.is_bawaslu
        and scope.covers_region(case.region_id)
    )


def _check_manager(case: Case, actor: User) -> None:
    if not _active(actor) or not _sees(case, actor):
        raise TaskRefused(_("This case is outside your area of supervision."), "scope")
    if not may_manage(case, actor):
        raise TaskRefused(_("Your role may not assign people or tasks on this case."), "role")


def _check_assignee(case: Case, assignee: User | None) -> None:
    if assignee is None or not eligible_assignees(case).filter(pk=assignee.pk).exists():
        raise TaskRefused(
            _(
                "This person cannot be assigned: only the officers of the institution handling the case "
                "at its current stage can."
            ),
            "assignee",
        )


def _notify_after_commit(case: Case, user: User, kind: str, title: str, body: str, **params: Any) -> None:
    """Tell `user` (composed in their language after the commit); `title`/`body` are English source
    strings (marked with gettext_noop above) formatted with `params`; no reporter data, no task text."""
    from netral.notifications.services import Message, notify

    url = reverse("cases:detail", args=[case.pk])

    def compose(recipient: User) -> Message:
        values = {"number": case.number, **params}
        return Message(title=_(title) % values, body=_(body) % values, url=url)

    transaction.on_commit(lambda: notify([user], case, kind, compose))


def _name(user: User) -> str:
    return str(user.get_full_name() or user.get_username())


def assign(case: Case, user: User, *, actor: User, at: dt.datetime | None = None) -> CaseAssignment:
    """Assign `user` to `case`; refused when already assigned, not eligible, or the actor may not manage."""
    _check_manager(case, actor)
    _check_assignee(case, user)
    at = at or timezone.now()
    try:
        with transaction.atomic():
            assignment = CaseAssignment.objects.create(
                case=case, user=user, assigned_by=actor, assigned_at=at
            )
            record(
                "cases.assigned",
                actor=actor,
                obj=case,
                data={"number": case.number, "assignee": user.pk, "assignment": assignment.pk},
            )
            _notify_after_commit(
                case,
                user,
                "assignment",
                ASSIGNED_TITLE,
                ASSIGNED_BODY,
                actor=_name(actor),
            )
    except IntegrityError:
        raise TaskRefused(_("This person is already assigned to the case."), "already_assigned") from None
    return assignment


def unassign(assignment: CaseAssignment, *, actor: User, at: dt.datetime | None = None) -> CaseAssignment:
    """End an active assignment (the row stays, inactive). Open tasks of the person stay theirs."""
    case = assignment.case
    _check_manager(case, actor)
    at = at or timezone.now()
    with transaction.atomic():
        ended = CaseAssignment.objects.filter(pk=assignment.pk, active=True).update(
            active=False, unassigned_by=actor, unassigned_at=at
        )
        if not ended:
            raise TaskRefused(_("This assignment has already ended."), "already_ended")
        record(
            "cases.unassigned",
            actor=actor,
            obj=case,
            data={"number": case.number, "assignee": assignment.user_id, "assignment": assignment.pk},
        )
    assignment.active, assignment.unassigned_by, assignment.unassigned_at = False, actor, at
    return assignment


def add_task(
    case: Case,
    *,
    actor: User,
    title: str,
    assignee: User,
    due_date: dt.date | None = None,
    at: dt.datetime | None = None,
) -> CaseTask:
    """A task on `case` for `assignee` (eligible at the case's stage), optionally due on a calendar day."""
    _check_manager(case, actor)
    _check_assignee(case, assignee)
    text = (title or "").strip()
    if not text or len(text) > TITLE_MAX:
        raise TaskRefused(_("Write the task in 1 to %(max)d characters.") % {"max": TITLE_MAX}, "title")
    at = at or timezone.now()
    if due_date is not None and due_date < at.astimezone(case.region.zoneinfo).date():
        raise TaskRefused(_("The due date cannot be in the past."), "due_date")
    with transaction.atomic():
        task = CaseTask.objects.create(
            case=case, title=text, assignee=assignee, due_date=due_date, created_by=actor, created_at=at
        )
        record(
            "cases.task_added",
            actor=actor,
            obj=case,
            data={"number": case.number, "task": task.pk, "assignee": assignee.pk, "due_date": due_date},
        )
        due = due_date.strftime("%d-%m-%Y") if due_date else "—"
        _notify_after_commit(
            case,
            assignee,
            "task",
            TASK_TITLE,
            TASK_BODY,
            actor=_name(actor),
            due=due,
        )
    return task


def may_complete(task: CaseTask, user: RequestUser) -> bool:
    staff = signed_in(user)
    if task.done_at is not None or staff is None:
        return False
    if task.assignee_id == staff.pk:
        return _sees(task.case, staff)
    return may_manage(task.case, staff)


def complete_task(task: CaseTask, *, actor: User, at: dt.datetime | None = None) -> CaseTask:
    """Mark the task done (once: a second completion, e.g. by two people at once, is refused)."""
    case = task.case
    if not _active(actor) or not _sees(case, actor):
        raise TaskRefused(_("This case is outside your area of supervision."), "scope")
    if task.assignee_id != actor.pk and not may_manage(case, actor):
        raise TaskRefused(
            _("Only the assignee or the officers handling the case may complete this task."), "role"
        )
    at = at or timezone.now()
    with transaction.atomic():
        done = CaseTask.objects.filter(pk=task.pk, done_at__isnull=True).update(done_at=at, done_by=actor)
        if not done:
            raise TaskRefused(_("This task is already done."), "already_done")
        record("cases.task_completed", actor=actor, obj=case, data={"number": case.number, "task": task.pk})
    task.done_at, task.done_by = at, actor
    return task
