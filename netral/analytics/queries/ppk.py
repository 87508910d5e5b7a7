"""PPK compliance: per addressed agency, what happened to the recommendations it received.

Everything is read from the recommendation and its PPK follow-up deadline (`send_to_ppk` starts exactly
one `ppk.follow_up` clock per case; a FilteredRelation joins it 1:1). When the selection is on the keys of
`PpkTally` (kept by the action layer; `filters.tally_q`), received, ended follow-ups and block requests are
summed from it and only the open follow-ups are counted live (`_tallied`); otherwise one GROUP BY agency
query over the recommendations and one over the block requests (`_scanned`). Agency names and PPK titles
take one small query each. Columns (a received
recommendation counts in exactly one of on_time / late / overdue_now / pending):
- received: sent to the PPK (it has a follow-up deadline);
- on_time: the deadline was met (decree or left service) no later than due;
- late: met after due, or executed after the escalation sweep had marked the deadline overdue;
- overdue_now: not executed and past due (marked overdue, or still open past due);
- pending: not executed, not yet due;
- blocks: block requests (BlockRecord rows) for the agency's recommendations.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db.models import Count, F, FilteredRelation, Q, Sum
from django.utils import timezone

from netral.analytics.queries.filters import STATE_LOOKUPS, Filters, joined_q, related_q, tally_q
from netral.analytics.queries.planner import without_hash_joins
from netral.analytics.queries.states import PPK_OVERDUE_STATES
from netral.cases.models import BlockRecord, Deadline, PpkTally, Recommendation
from netral.cases.workflow import PPK_FOLLOW_UP, State
from netral.personnel.models import PPK, Agency

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

# A sent recommendation not executed yet (the PPK has to act).
NOT_EXECUTED_STATES: frozenset[str] = PPK_OVERDUE_STATES | {State.SENT_TO_PPK}

COLUMNS: tuple[str, ...] = ("received", "on_time", "late", "overdue_now", "pending", "blocks")
SORTABLE: tuple[str, ...] = ("agency", *COLUMNS, "compliance")
COUNTED: tuple[str, ...] = COLUMNS[:-1]  # from the recommendation and its deadline ("blocks" apart)


def status_q(status: str, now: dt.datetime) -> Q:
    """The recommendations (annotated with `fu`, their PPK follow-up deadline) in one column."""
    met = Q(fu__state=Deadline.State.MET)
    overdue = Q(fu__state=Deadline.State.OVERDUE)
    open_ = Q(fu__state=Deadline.State.OPEN)
    # The recommendation's case is already joined (the follow-up deadline is reached through it): its
    # state says whether the PPK still has to act, with no subquery over the cases.
    waiting = Q(case__state__in=NOT_EXECUTED_STATES)
    conditions = {
        "received": Q(fu__isnull=False),
        "on_time": met & Q(fu__met_at__lte=F("fu__due_at")),
        "late": (met & Q(fu__met_at__gt=F("fu__due_at"))) | (overdue & ~waiting),
        "overdue_now": (overdue & waiting) | (open_ & Q(fu__due_at__lt=now)),
        "pending": open_ & Q(fu__due_at__gte=now),
    }
    if status not in conditions:
        raise ValueError(f"unknown PPK status {status!r}")
    return conditions[status]


def with_follow_up(recommendations: Any) -> Any:
    return recommendations.annotate(
        fu=FilteredRelation("case__deadlines", condition=Q(case__deadlines__clock=PPK_FOLLOW_UP))
    )


def recommendations_for(user: RequestUser, filters: Filters | None = None) -> Any:
    """The selection's recommendations that were sent to the PPK (they have a follow-up deadline: an
    inner join, served by the partial index on follow-up deadlines of `cases.0008_dashboard_indexes`).
    The case is joined anyway (for its state), so the selection is applied to that row (`joined_q`)."""
    recommendations = with_follow_up(Recommendation.objects.filter(joined_q(user, filters)))
    return recommendations.filter(fu__state__isnull=False)


def compliance(
    user: RequestUser,
    filters: Filters | None = None,
    now: dt.datetime | None = None,
    sort: str = "",
    desc: bool = True,
) -> list[dict[str, Any]]:
    """One row per agency that received recommendations in the selection, sorted by `sort`."""
    now = now or timezone.now()
    on_tally = tally_q(user, filters, STATE_LOOKUPS)
    counted = _scanned(user, filters, now) if on_tally is None else _tallied(on_tally, user, filters, now)
    table: dict[int, dict[str, Any]] = {
        row["agency_id"]: {"agency_code": "", "agency": "", "ppk": "", **row}
        for row in counted
        if row["received"]
    }
    if not table:
        return []
    for agency_id, code, name in Agency.objects.filter(pk__in=list(table)).values_list("pk", "code", "name"):
        table[agency_id].update(agency_code=code, agency=name)
    titles = PPK.objects.filter(agency_id__in=list(table), end_date__isnull=True).values_list(
        "agency_id", "title", "name"
    )
    for agency_id, title, name in titles:
        table[agency_id]["ppk"] = f"{title} {name}".strip()
    result = list(table.values())
    for row in result:
        ended = row["on_time"] + row["late"] + row["overdue_now"]
        row["compliance"] = round(row["on_time"] / ended, 4) if ended else None
    return sort_rows(result, sort or "overdue_now", desc)


def _tallied(
    on_tally: Q, user: RequestUser, filters: Filters | None, now: dt.datetime
) -> list[dict[str, Any]]:
    """From `PpkTally` (received, ended follow-ups and blocks; the case's state in its key tells "overdue
    now" from "late") plus the open follow-ups of the selection counted live."""
    waiting = Q(state__in=NOT_EXECUTED_STATES)
    ended = (
        PpkTally.objects.filter(on_tally)
        .values("agency_key")
        .annotate(
            received=Sum("received"),
            on_time=Sum("on_time"),
            late=Sum("late"),
            overdue_done=Sum("overdue", filter=~waiting),
            overdue_waiting=Sum("overdue", filter=waiting),
            blocks=Sum("blocks"),
        )
        .order_by()
    )
    rows: dict[int, dict[str, Any]] = {}
    for row in ended:
        rows[row["agency_key"]] = {
            "agency_id": row["agency_key"],
            "received": row["received"] or 0,
            "on_time": row["on_time"] or 0,
            "late": (row["late"] or 0) + (row["overdue_done"] or 0),
            "overdue_now": row["overdue_waiting"] or 0,
            "pending": 0,
            "blocks": row["blocks"] or 0,
        }
    # From the open follow-up deadlines (partial index of open deadlines) to their case's recommendation:
    # a few index probes per open follow-up instead of a pass over every recommendation.
    still_open = (
        Deadline.objects.filter(joined_q(user, filters), clock=PPK_FOLLOW_UP, state=Deadline.State.OPEN)
        .values(agency_id=F("case__recommendations__agency_id"))
        .annotate(
            overdue=Count("case", filter=Q(due_at__lt=now)),
            pending=Count("case", filter=Q(due_at__gte=now)),
        )
        .order_by()
    )
    for row in still_open:
        into = rows.get(row["agency_id"])
        if into is not None:  # counted as received when the follow-up started
            into["overdue_now"] += row["overdue"]
            into["pending"] += row["pending"]
    return list(rows.values())


def _scanned(user: RequestUser, filters: Filters | None, now: dt.datetime) -> list[dict[str, Any]]:
    """Every sent recommendation of the selection with its follow-up deadline and case (one query), and
    the block requests (a second one)."""
    rows = (
        recommendations_for(user, filters)
        .values("agency_id")
        .annotate(
            received=Count("pk"),
            **{column: Count("pk", filter=status_q(column, now)) for column in COUNTED[1:]},
        )
        .order_by()
    )
    # Merge-joined in case-id order over covering indexes (planner.py, cases.0009_dashboard_indexes_2).
    with without_hash_joins():
        counted = {row["agency_id"]: {**row, "blocks": 0} for row in rows}
    blocks = (
        BlockRecord.objects.filter(related_q(user, filters, field="recommendation__case"))
        .values("recommendation__agency_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for block in blocks:
        if block["recommendation__agency_id"] in counted:
            counted[block["recommendation__agency_id"]]["blocks"] = block["count"]
    return list(counted.values())


def sort_rows(rows: list[dict[str, Any]], sort: str, desc: bool) -> list[dict[str, Any]]:
    key = sort if sort in SORTABLE else "overdue_now"
    if key == "agency":
        return sorted(rows, key=lambda row: (row["agency"] or "").lower(), reverse=desc)
    # None (no ended recommendation) sorts last either way; ties by agency name.
    present = [row for row in rows if row[key] is not None]
    missing = [row for row in rows if row[key] is None]
    present.sort(key=lambda row: (row["agency"] or "").lower())
    present.sort(key=lambda row: row[key], reverse=desc)
    return present + sorted(missing, key=lambda row: (row["agency"] or "").lower())
