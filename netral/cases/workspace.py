"""What the staff pages show of a case: labels, the actions open to one user, the inboxes and the
deadlines as each reader reads them. Read-only; every state change goes through `actions.transition`.

`button_actions(case, user)`, `form_actions(case, user)` and `awaiting_states(user)` are computed from
`workflow.STEPS` (the same data `transition` checks, less what the case's data refuses:
`actions.precondition_refusal`), so later stages appear here without changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from netral.accounts.models import Role, User
from netral.cases import workflow
from netral.cases.actions import precondition_refusal
from netral.cases.models import (
    Case,
    CaseAssignment,
    CaseTask,
    Deadline,
    DecisionExtension,
    ExternalRoute,
    Recommendation,
)
from netral.cases.workflow import Step
from netral.catalogue.models import ViolationGroup
from netral.personnel.models import Employee
from netral.regions.models import ZONE_INFO, TimeZone
from netral.workdays.services import get_calendar

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

# Who may open the case pages (others get the 403 page). What they see is `Case.objects.visible_to`.
CASE_ROLES = frozenset(
    {
        Role.BAWASLU_STAFF,
        Role.BAWASLU_COMMISSIONER,
        Role.AUTHORITY_ANALYST,
        Role.PPK_OFFICER,
        Role.KEMENDAGRI_OFFICER,
        Role.ADMINISTRATOR,
        Role.DATA_CUSTODIAN,
    }
)
DUE_SOON_WORKING_DAYS = 2

state_label = workflow.state_label
action_label = workflow.step_label
clock_label = workflow.clock_label


def role_label(role: str) -> str:
    if role == workflow.SYSTEM_ROLE:  # the escalation worker
        return str(gettext_lazy("the system"))
    return str(Role(role).label) if role in Role.values else (role or "—")


def may_open_cases(user: RequestUser) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and (user.is_superuser or getattr(user, "role", "") in CASE_ROLES)
    )


# --- actions ----------------------------------------------------------------------------------------


def _acting_role(user: RequestUser) -> str:
    active = getattr(user, "is_authenticated", False) and user.is_active
    return str(getattr(user, "role", "")) if active else ""


def _may_take(case: Case, user: RequestUser) -> list[Step]:
    """The steps this user's role may take in the case's state, less those the case's data refuses
    (`actions.precondition_refusal`: no "register" button on a daluwarsa case)."""
    role = _acting_role(user)
    return [
        step
        for step in workflow.steps_from(case.state)
        if role in step.roles and precondition_refusal(case, step.name) is None
    ]


def button_actions(case: Case, user: RequestUser) -> list[Step]:
    """The steps this user may take now as a button (no data besides a reason)."""
    return [step for step in _may_take(case, user) if not step.form]


def form_actions(case: Case, user: RequestUser) -> list[Step]:
    """The steps this user may take now through their own form."""
    return [step for step in _may_take(case, user) if step.form]


def awaiting_states(user: RequestUser) -> set[str]:
    """The states in which this user's role has something to do."""
    role = _acting_role(user)
    return {state for step in workflow.steps_of(role) for state in step.sources}


# --- inboxes ----------------------------------------------------------------------------------------


def visible_cases(user: RequestUser) -> QuerySet[Case]:
    return Case.objects.visible_to(user)


def awaiting_me(user: RequestUser) -> QuerySet[Case]:
    states = awaiting_states(user)
    return (
        visible_cases(user)
        .filter(state__in=states)
        .select_related("region", "election")
        .order_by("received_at", "pk")
    )


def due_soon_cutoff(now: dt.datetime) -> dt.datetime:
    """The end of the office day `DUE_SOON_WORKING_DAYS` national working days after today (WIB)."""
    calendar = get_calendar(None)
    today = calendar.local_date(now)
    return calendar.due_at(calendar.add_days(today, DUE_SOON_WORKING_DAYS, "working"))


def _open_deadlines(user: RequestUser) -> QuerySet[Deadline]:
    return (
        Deadline.objects.filter(state=Deadline.State.OPEN, case__in=visible_cases(user).values("pk"))
        .select_related("case", "case__region", "case__election", "extension")
        .order_by("due_at", "pk")
    )


def due_soon(user: RequestUser, now: dt.datetime | None = None) -> QuerySet[Deadline]:
    now = now or timezone.now()
    return _open_deadlines(user).filter(due_at__gte=now, due_at__lte=due_soon_cutoff(now))


def overdue(user: RequestUser, now: dt.datetime | None = None) -> QuerySet[Deadline]:
    return _open_deadlines(user).filter(due_at__lt=now or timezone.now())


def assigned_to_me(user: User) -> QuerySet[Case]:
    """Visible cases the user is assigned to or has an open task on, each with `my_open_tasks` (the user's
    open tasks, earliest due first): three queries for a page whatever its size."""
    mine = Q(pk__in=CaseAssignment.objects.filter(user_id=user.pk, active=True).values("case_id")) | Q(
        pk__in=CaseTask.objects.filter(assignee_id=user.pk, done_at__isnull=True).values("case_id")
    )
    open_tasks = CaseTask.objects.filter(assignee_id=user.pk, done_at__isnull=True).order_by(
        F("due_date").asc(nulls_last=True), "pk"
    )
    return (
        visible_cases(user)
        .filter(mine)
        .select_related("region", "election")
        .prefetch_related(Prefetch("tasks", queryset=open_tasks, to_attr="my_open_tasks"))
        .order_by("received_at", "pk")
    )


# --- times ------------------------------------------------------------------------------------------


def local_today(case: Case, now: dt.datetime | None = None) -> dt.date:
    """Today's date in the case's region."""
    return (now or timezone.now()).astimezone(case.region.zoneinfo).date()


def date_text(day: dt.date) -> str:
    """`23 April 2024`."""
    return str(formats.date_format(day, "j F Y"))


def viewer_zone(user: RequestUser) -> tuple[ZoneInfo, str]:
    """The reader's own time zone: their institution's region (WIB for national institutions)."""
    institution = getattr(user, "institution", None)
    region = getattr(institution, "region", None) if institution is not None else None
    code = region.timezone if region is not None else TimeZone.WIB
    return ZONE_INFO[code], str(code)


def moment_text(moment: dt.datetime, zone: ZoneInfo, zone_name: str) -> str:
    """`23 April 2024, 16:00 WITA`."""
    return f"{formats.date_format(moment.astimezone(zone), 'j F Y, H:i')} {zone_name}"


def countdown(due_at: dt.datetime, now: dt.datetime) -> str:
    """`3 days 4 hours left`, `5 hours left` or `overdue by 2 days 1 hour`."""
    seconds = int((due_at - now).total_seconds())
    left = seconds >= 0
    minutes = abs(seconds) // 60
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(ngettext("%(n)d day", "%(n)d days", days) % {"n": days})
    if hours:
        parts.append(ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours})
    if not days and (mins or not hours):
        parts.append(ngettext("%(n)d minute", "%(n)d minutes", mins) % {"n": mins})
    span = " ".join(parts)
    if left:
        return _("%(span)s left") % {"span": span}
    return _("overdue by %(span)s") % {"span": span}


@dataclass(frozen=True)
class DeadlineView:
    deadline: Deadline
    label: str
    region_time: str
    viewer_time: str
    countdown: str
    overdue: bool
    iso: str = ""  # the due moment in ISO 8601 (UTC), for the browser's own clock
    extended_from: str = ""  # the region's time of the due moment before an extension, if any


def deadline_view(deadline: Deadline, user: RequestUser, now: dt.datetime) -> DeadlineView:
    zone, name = viewer_zone(user)
    region = deadline.case.region
    due_at = deadline.due_at
    return DeadlineView(
        deadline=deadline,
        label=clock_label(deadline.clock),
        region_time=moment_text(due_at, region.zoneinfo, str(region.timezone)),
        viewer_time=moment_text(due_at, zone, name),
        countdown=countdown(due_at, now) if deadline.state == Deadline.State.OPEN else "",
        overdue=deadline.state == Deadline.State.OPEN and due_at < now,
        iso=due_at.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
        extended_from=_extended_from(deadline, region.zoneinfo, str(region.timezone)),
    )


def _extended_from(deadline: Deadline, zone: ZoneInfo, zone_name: str) -> str:
    try:
        extension = deadline.extension  # select_related by the callers (no query per row)
    except DecisionExtension.DoesNotExist:
        return ""
    return moment_text(extension.previous_due_at, zone, zone_name)


# --- what the stages stored -----------------------------------------------------------------------


def stage_view(case: Case) -> dict[str, Any]:
    """The rows the steps of a case stored: recommendations with their decrees and blocks, the external
    routes, the decision extension and the classification (for the workspace)."""
    recommendations = list(
        Recommendation.objects.filter(case=case)
        .select_related("item", "agency", "reported_person")
        .prefetch_related("decrees", "blocks")
    )
    return {
        "recommendations": recommendations,
        "routes": list(ExternalRoute.objects.filter(case=case)),
        "extension": DecisionExtension.objects.filter(case=case).first(),
        "classification": {
            "group": ViolationGroup.objects.filter(code=case.group).first() if case.group else None,
            "item": case.item,
            "employment": case.get_employment_display(),
            "position_class": (
                Employee.PositionClass(case.position_class).label
                if case.position_class in Employee.PositionClass.values
                else case.position_class
            ),
            "agency": case.agency,
        },
    }
