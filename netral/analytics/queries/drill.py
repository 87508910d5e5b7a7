"""The cases behind a number: the selection narrowed by one dashboard dimension.

`/analitik/perkara/?<filters>&<key>=<value>` calls `drill_down(user, filters, params)`; every
dashboard number links there with the same filters, so the list shows exactly the cases counted
(always inside `Case.objects.visible_to(user)`). Unknown values raise `ValueError` (the view answers 400).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from netral.analytics.queries.filters import NONE, Filters, cases_for, day_start
from netral.analytics.queries.ppk import status_q, with_follow_up
from netral.analytics.queries.states import (
    CLOSED_STATES,
    PPK_OVERDUE_STATES,
    all_states,
    maybe_passed_through,
    passed_through,
)
from netral.cases.models import Case, Deadline, Recommendation, Transition
from netral.cases.services import FUNNEL_STAGES
from netral.cases.workflow import State

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

# Query-string keys understood besides the filters (election, date_from, date_to, region, group).
DRILL_KEYS: tuple[str, ...] = (
    "state",
    "item",
    "position_class",
    "employment",
    "agency",
    "week",
    "stage",
    "deadline",
    "clock",
    "ppk_agency",
    "ppk_status",
    "metric",
)
DEADLINE_STATUSES = ("on_time", "late", "overdue", "pending")
WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def _text_q(field: str, value: str) -> Q:
    return Q(**{field: ""}) if value == NONE else Q(**{field: value})


def _week_q(value: str) -> Q:
    match = WEEK.match(value)
    if not match:
        raise ValueError("week")
    monday = dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    return Q(received_at__gte=day_start(monday), received_at__lt=day_start(monday + dt.timedelta(days=7)))


def _deadline_q(status: str, clock: str, now: dt.datetime) -> Q:
    conditions = {
        "on_time": Q(state=Deadline.State.MET, met_at__lte=F("due_at")),
        "late": Q(state=Deadline.State.MET, met_at__gt=F("due_at")),
        "overdue": Q(state=Deadline.State.OVERDUE) | Q(state=Deadline.State.OPEN, due_at__lt=now),
        "pending": Q(state=Deadline.State.OPEN, due_at__gte=now),
    }
    if status not in conditions:
        raise ValueError("deadline")
    rows = Deadline.objects.filter(conditions[status])
    if clock:
        rows = rows.filter(clock=clock)
    return Q(pk__in=rows.values("case_id"))


def _stage_q(states: tuple[str, ...]) -> Q:
    """Cases that ever entered one of `states`: by their current state where it settles it (see
    states.py), else by their transition rows (only for cases in the uncertain states)."""
    q = Q()
    for state in states:
        q |= Q(state__in=passed_through(state))
        uncertain = maybe_passed_through(state)
        if uncertain:
            entered = Transition.objects.filter(to_state=state).exclude(from_state=F("to_state"))
            q |= Q(state__in=uncertain, pk__in=entered.values("case_id"))
    return q


def _metric_q(metric: str) -> Q:
    conditions = {
        "cases": Q(),
        "open": ~Q(state__in=CLOSED_STATES),
        "proven": Q(state__in=passed_through(State.VIOLATION)),
        "ppk_overdue": Q(state__in=PPK_OVERDUE_STATES),
    }
    if metric not in conditions:
        raise ValueError("metric")
    return conditions[metric]


def _ppk_q(agency: str, status: str, now: dt.datetime) -> Q:
    recommendations = with_follow_up(Recommendation.objects.all())
    if agency:
        if not agency.isdigit():
            raise ValueError("ppk_agency")
        recommendations = recommendations.filter(agency_id=int(agency))
    if status == "blocks":
        recommendations = recommendations.filter(blocks__isnull=False)
    elif status:
        recommendations = recommendations.filter(status_q(status, now))
    return Q(pk__in=recommendations.values("case_id"))


def drill_q(params: Mapping[str, str], now: dt.datetime | None = None) -> Q:
    """The drill-down parameters as one `Q` on Case (raises ValueError on an unknown value)."""
    now = now or timezone.now()
    q = Q()
    value = params.get
    if value("state"):
        if value("state") not in all_states():
            raise ValueError("state")
        q &= Q(state=value("state"))
    for key in ("position_class", "employment"):
        if value(key):
            q &= _text_q(key, str(value(key)))
    if value("item"):
        q &= Q(item__isnull=True) if value("item") == NONE else Q(item__code=value("item"))
    if value("agency"):
        agency = str(value("agency"))
        if agency != NONE and not agency.isdigit():
            raise ValueError("agency")
        q &= Q(agency__isnull=True) if agency == NONE else Q(agency_id=int(agency))
    if value("week"):
        q &= _week_q(str(value("week")))
    if value("stage"):
        states = FUNNEL_STAGES.get(str(value("stage")))
        if states is None:
            raise ValueError("stage")
        q &= _stage_q(states)
    if value("deadline"):
        q &= _deadline_q(str(value("deadline")), str(value("clock") or ""), now)
    if value("ppk_agency") or value("ppk_status"):
        q &= _ppk_q(str(value("ppk_agency") or ""), str(value("ppk_status") or ""), now)
    if value("metric"):
        q &= _metric_q(str(value("metric")))
    return q


def drill_down(
    user: RequestUser, filters: Filters | None, params: Mapping[str, str], now: dt.datetime | None = None
) -> QuerySet[Case]:
    """The visible, filtered cases matching the drill-down parameters, newest first."""
    return cases_for(user, filters).filter(drill_q(params, now)).order_by("-received_at", "-pk")
