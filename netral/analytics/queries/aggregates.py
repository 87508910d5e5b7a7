"""Dashboard aggregates, each one SQL query (GROUP BY / conditional COUNT) over the selection.

Each function takes the user and the `Filters` and returns plain data (dicts and lists of dicts, keys
as used in the JSON endpoints); labels are added by `labels.py`, links by the views. Designed for a
million cases on PostgreSQL: no Python loops over cases, no per-row queries, and related tables
(transitions, deadlines) are restricted by a semi-join on the selection only when it is not every case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db.models import Aggregate, Count, F, Q, QuerySet, Sum
from django.db.models.functions import Substr
from django.utils import timezone

from netral.analytics.queries.filters import (
    NONE,
    STATE_LOOKUPS,
    Filters,
    cases_for,
    copied_q,
    effective_region,
    related_q,
    tally_q,
)
from netral.analytics.queries.planner import without_hash_joins
from netral.analytics.queries.states import (
    CLOSED_STATES,
    PPK_OVERDUE_STATES,
    maybe_passed_through,
    passed_through,
)
from netral.cases.models import (
    Case,
    CaseTally,
    Deadline,
    DeadlineTally,
    DimensionTally,
    Transition,
    WeekTally,
)
from netral.cases.services import FUNNEL_STAGES
from netral.cases.tally import week_of
from netral.cases.workflow import State

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

# Dimension → the Case column it groups by. "region" is computed (province or regency level).
DIMENSIONS: dict[str, str] = {
    "state": "state",
    "group": "group",
    "item": "item__code",
    "position_class": "position_class",
    "employment": "employment",
    "agency": "agency_id",
}
BREAKDOWNS: tuple[str, ...] = (*DIMENSIONS, "region")

# The funnel shown as a chart, in order (keys of cases.services.FUNNEL_STAGES).
FUNNEL_MAIN: tuple[str, ...] = ("reported", "proven", "recommended", "sanctioned")
FUNNEL_SIDE: tuple[str, ...] = ("blocked",)

# Case columns a deadline keeps a copy of (`Deadline.authority`, kept by cases.actions).
DEADLINE_CASE_COPIES = frozenset({"authority_id"})


def current(user: RequestUser, filters: Filters | None = None) -> tuple[QuerySet[Any], Any]:
    """The selection's cases as rows to group by state, group or region, with the expression that counts
    them: `CaseTally` rows and `Sum("current")` when the selection is on the tally's keys (`tally_q`),
    else the cases themselves and `Count("pk")`. Both have the columns `state`, `group` and `region_id`."""
    on_tally = tally_q(user, filters)
    if on_tally is None:
        return cases_for(user, filters), Count("pk")
    return CaseTally.objects.filter(on_tally), Sum("current")


def state_counts(user: RequestUser, filters: Filters | None = None) -> list[dict[str, Any]]:
    """Per current state: cases, unclassified cases and expired cases (one GROUP BY query)."""
    rows, count = current(user, filters)
    measures: dict[str, Aggregate]
    if isinstance(count, Sum):
        measures = {
            "unclassified": Sum("current", filter=Q(group="")),
            "daluwarsa": Sum("daluwarsa"),
        }
    else:
        measures = {
            "unclassified": Count("pk", filter=Q(group="")),
            "daluwarsa": Count("pk", filter=Q(daluwarsa=True)),
        }
    counted = rows.values("state").annotate(count=count, **measures).filter(count__gt=0).order_by()
    return [{**row, **{key: row[key] or 0 for key in measures}} for row in counted]


def per_state(cases: QuerySet[Case]) -> dict[str, int]:
    """Cases per current state: `COUNT(*)`, so PostgreSQL can answer from the index on the state alone."""
    rows = cases.order_by().values("state").annotate(count=Count("*"))
    return {row["state"]: row["count"] for row in rows}


def counts_from_states(by_state: dict[str, int]) -> dict[str, int]:
    """total, open, closed, proven and PPK-overdue counts from cases per current state."""
    proven = passed_through(State.VIOLATION)
    total = sum(by_state.values())
    closed = sum(count for state, count in by_state.items() if state in CLOSED_STATES)
    return {
        "total": total,
        "open": total - closed,
        "closed": closed,
        "proven": sum(count for state, count in by_state.items() if state in proven),
        "ppk_overdue": sum(count for state, count in by_state.items() if state in PPK_OVERDUE_STATES),
    }


def summary(user: RequestUser, filters: Filters | None = None) -> dict[str, int]:
    """Headline counts from one query: total, open, closed, proven, PPK overdue, unclassified, expired.

    Proven counts the cases whose current state proves they went through `violation` (see states.py)."""
    rows = state_counts(user, filters)
    counts = counts_from_states({row["state"]: row["count"] for row in rows})
    counts["unclassified"] = sum(row["unclassified"] for row in rows)
    counts["daluwarsa"] = sum(row["daluwarsa"] for row in rows)
    return counts


def region_level(user: RequestUser, filters: Filters | None) -> str:
    """ "province" for a national selection, "regency" inside a province, "single" inside a regency."""
    region = effective_region(user, filters)
    if not region:
        return "province"
    return "regency" if "." not in region else "single"


def breakdown(user: RequestUser, filters: Filters | None, dimension: str) -> list[dict[str, Any]]:
    """Counts per value of `dimension` (largest first); empty values are reported as `NONE`.

    State, group and region come from `current` (the case tally when it can answer), the other
    dimensions from `DimensionTally` or, when the selection is not on its keys, the cases."""
    if dimension not in BREAKDOWNS:
        raise ValueError(f"unknown dimension {dimension!r}")
    if dimension in ("state", "group", "region"):
        rows, count = current(user, filters)
        if dimension != "region":
            key: Any = F(dimension)
        else:
            key = Substr("region_id", 1, 2) if region_level(user, filters) == "province" else F("region_id")
    else:
        on_tally = tally_q(user, filters)
        if on_tally is not None:
            rows = DimensionTally.objects.filter(on_tally, dimension=dimension)
            key, count = F("value"), Sum("cases")
        else:
            rows, key, count = cases_for(user, filters), F(DIMENSIONS[dimension]), Count("pk")
    counted = rows.annotate(key=key).values("key").annotate(count=count).filter(count__gt=0).order_by()
    result = [
        {"key": NONE if row["key"] in (None, "") else str(row["key"]), "count": row["count"]}
        for row in counted
    ]
    return sorted(result, key=lambda row: (-row["count"], row["key"]))  # the same order either way


def weekly(user: RequestUser, filters: Filters | None = None) -> list[dict[str, Any]]:
    """Cases received per ISO week (weeks start on Monday, in the project's time zone); weeks without
    cases left out. From `WeekTally` when the selection is on its keys (`tally_q`), else one GROUP BY."""
    on_tally = tally_q(user, filters)
    rows: QuerySet[Any, dict[str, Any]]
    if on_tally is not None:
        rows = WeekTally.objects.filter(on_tally).values("week").annotate(count=Sum("cases"))
        rows = rows.filter(count__gt=0).order_by("week")
    else:
        rows = (
            cases_for(user, filters)
            .annotate(week=week_of("received_at"))
            .values("week")
            .annotate(count=Count("pk"))
            .order_by("week")
        )
    result = []
    for row in rows:
        monday: dt.date = row["week"]
        year, week, _ = monday.isocalendar()
        result.append({"key": f"{year}-W{week:02d}", "monday": monday.isoformat(), "count": row["count"]})
    return result


def state_entries(
    user: RequestUser, filters: Filters | None = None, states: Iterable[str] | None = None
) -> dict[str, int]:
    """How many cases of the selection ever entered each state (default: every state of the funnel).

    The result is what counting Transition rows per `to_state` gives (a test compares them), computed so
    that it stays cheap at a million cases: see `entries_from`."""
    wanted = (
        set(states) if states is not None else {state for group in FUNNEL_STAGES.values() for state in group}
    )
    on_tally = tally_q(user, filters)
    if on_tally is not None:
        return entries_tallied(on_tally, wanted)
    by_state = per_state(cases_for(user, filters))
    return entries_from(cases_for(user, filters), related_q(user, filters), by_state, wanted)


def entries_tallied(on_tally: Q, wanted: Iterable[str]) -> dict[str, int]:
    """How many cases of the selection (`on_tally`: a `Q` on `CaseTally`) ever entered each state."""
    states = sorted(set(wanted))
    rows = CaseTally.objects.filter(on_tally, state__in=states).values("state").annotate(n=Sum("entered"))
    counted = {row["state"]: row["n"] or 0 for row in rows.order_by()}
    return {state: counted.get(state, 0) for state in states}


def entries_from(
    cases: QuerySet[Case], related: Q, by_state: dict[str, int], wanted: Iterable[str]
) -> dict[str, int]:
    """How many of `cases` (with `by_state`: their count per current state, and `related`: a `Q` that
    restricts Transition rows to them) ever entered each state of `wanted`.

    A case now in `passed_through(S)` went through S, so the cases per current state settle most states.
    For a state S that cases now in `maybe_passed_through(S)` may or may not have entered (e.g.
    "sanctioned": an unblocked case was sanctioned or left the service), only those cases' transition rows
    are looked at when they are the fewer and the selection is not every case (one query per such state,
    an index-only probe per case); otherwise the transition rows into S are counted (one query for all of
    them; the graph is acyclic, so one row per case and state). Both read the partial index of
    transitions that change the state (`cases.0008_dashboard_indexes`).
    """
    entries: dict[str, int] = {}
    from_rows: list[str] = []
    for state in sorted(wanted):
        surely = sum(by_state.get(current, 0) for current in passed_through(state))
        uncertain = [current for current in sorted(maybe_passed_through(state)) if by_state.get(current)]
        entries[state] = surely
        if not uncertain:
            continue
        # Every case selected (`related` is empty): the rows into S are one index-only range, cheaper
        # than probing even a few cases. Otherwise probe the uncertain cases when they are the fewer.
        if related and sum(by_state[current] for current in uncertain) <= surely:
            entered = _entered(state).values("case_id")
            entries[state] += cases.filter(state__in=uncertain, pk__in=entered).count()
        else:
            from_rows.append(state)
    if from_rows:
        rows = (
            Transition.objects.filter(related)
            .filter(to_state__in=from_rows)
            .exclude(from_state=F("to_state"))
            .values("to_state")
            .annotate(count=Count("*"))  # index-only: no column outside the partial index
            .order_by()
        )
        counted = {row["to_state"]: row["count"] for row in rows}
        for state in from_rows:
            entries[state] = counted.get(state, 0)
    return entries


def _entered(state: str) -> QuerySet[Transition]:
    """The transition rows by which cases entered `state` (steps that keep the state left out)."""
    return Transition.objects.filter(to_state=state).exclude(from_state=F("to_state"))


def funnel_states() -> set[str]:
    """The states the funnel counts: those of the chart, and those settled by the current state alone."""
    chart = {state for key in FUNNEL_MAIN + FUNNEL_SIDE for state in FUNNEL_STAGES[key]}
    settled = {
        state for states in FUNNEL_STAGES.values() for state in states if not maybe_passed_through(state)
    }
    return chart | settled


def funnel(user: RequestUser, filters: Filters | None = None) -> dict[str, Any]:
    """The funnel reported → proven → recommended → sanctioned (and blocked): how many cases ever
    reached each stage, plus under "stages" every stage of `cases.services.FUNNEL_STAGES` that the current
    states settle alone (the PPK-overdue and warning stages, which need many transition rows, are left out;
    `state_entries` counts them on request)."""
    entries = state_entries(user, filters, funnel_states())
    stages = {
        stage: sum(entries[state] for state in states)
        for stage, states in FUNNEL_STAGES.items()
        if all(state in entries for state in states)
    }
    return {
        "main": [{"key": key, "count": stages[key]} for key in FUNNEL_MAIN],
        "side": [{"key": key, "count": stages[key]} for key in FUNNEL_SIDE],
        "stages": stages,
    }


def deadlines(
    user: RequestUser, filters: Filters | None = None, now: dt.datetime | None = None
) -> dict[str, Any]:
    """Deadline health per clock and in total.

    on_time: met no later than due; late: met after due; overdue: passed without being met (marked by
    the escalation sweep, or still open past due); pending: open and not yet due. share_on_time is
    on_time / (on_time + late + overdue), the share of deadlines that ended on time.

    Ended deadlines come from `DeadlineTally` when the selection can be put on its keys (`tally_q`; one
    small query), open ones are counted live (a second query); otherwise every deadline of the selection
    is counted (one query).
    """
    now = now or timezone.now()
    on_tally = tally_q(user, filters, STATE_LOOKUPS)
    clocks = _scanned(user, filters, now) if on_tally is None else _tallied(on_tally, user, filters, now)
    clocks = [{**row, "share_on_time": _share(row)} for row in clocks if row["total"]]
    keys = ("total", "on_time", "late", "overdue", "pending")
    totals: dict[str, Any] = {key: sum(row[key] for row in clocks) for key in keys}
    totals["share_on_time"] = _share(totals)
    return {"clocks": clocks, "totals": totals}


def _tallied(
    on_tally: Q, user: RequestUser, filters: Filters | None, now: dt.datetime
) -> list[dict[str, Any]]:
    ended = (
        DeadlineTally.objects.filter(on_tally)
        .values("clock")
        .annotate(on_time=Sum("on_time"), late=Sum("late"), overdue=Sum("overdue"))
        .order_by("clock")
    )
    rows: dict[str, dict[str, Any]] = {row["clock"]: {**row, "pending": 0} for row in ended}
    # Open deadlines: an ASN authority's through the deadlines' copy of the case's authority, others by a
    # semi-join on the selection (partial index `cases_deadline_open_health` on PostgreSQL).
    live = (
        Deadline.objects.filter(copied_q(user, filters, DEADLINE_CASE_COPIES), state=Deadline.State.OPEN)
        .values("clock")
        .annotate(
            overdue=Count("case", filter=Q(due_at__lt=now)),
            pending=Count("case", filter=Q(due_at__gte=now)),
        )
        .order_by("clock")
    )
    for row in live:
        into = rows.setdefault(row["clock"], {"clock": row["clock"], "on_time": 0, "late": 0, "overdue": 0})
        into["overdue"] += row["overdue"]
        into["pending"] = row["pending"]
    result = []
    for clock in sorted(rows):
        row = {key: rows[clock][key] or 0 for key in ("on_time", "late", "overdue", "pending")}
        row["total"] = sum(row.values())
        result.append({"clock": clock, **row})
    return result


def _scanned(user: RequestUser, filters: Filters | None, now: dt.datetime) -> list[dict[str, Any]]:
    met = Q(state=Deadline.State.MET)
    overdue = Q(state=Deadline.State.OVERDUE) | Q(state=Deadline.State.OPEN, due_at__lt=now)
    # COUNT(case_id), not of the id: over the covering index on deadlines by case
    # (cases.0009_dashboard_indexes_2) a scoped selection is an index-only probe per case (planner.py).
    rows = (
        Deadline.objects.filter(copied_q(user, filters, DEADLINE_CASE_COPIES))
        .values("clock")
        .annotate(
            total=Count("case"),
            on_time=Count("case", filter=met & Q(met_at__lte=F("due_at"))),
            late=Count("case", filter=met & Q(met_at__gt=F("due_at"))),
            overdue=Count("case", filter=overdue),
            pending=Count("case", filter=Q(state=Deadline.State.OPEN, due_at__gte=now)),
        )
        .order_by("clock")
    )
    with without_hash_joins():
        return list(rows)


def _share(row: dict[str, Any]) -> float | None:
    ended = row["on_time"] + row["late"] + row["overdue"]
    return round(row["on_time"] / ended, 4) if ended else None
