"""What each tally counts: the GROUP BY queries over the case rows (all cases, or a few tracked ones), the
`Tally` declarations (`TALLIES`) and `snapshot`, their result as (tally, key) → measure → count."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Any

from django.apps import apps as django_apps
from django.db.models import Count, DateField, F, FilteredRelation, Q, Value
from django.db.models.functions import Coalesce, TruncWeek
from django.utils import timezone

from netral.cases.workflow import PPK_FOLLOW_UP

ON_TIME, LATE, OVERDUE = "on_time", "late", "overdue"

# Returns a model of the app "cases" by name (the installed ones, `_installed`; the counting code names no
# model class).
GetModel = Callable[[str], Any]
# (tally model name, key values in the order of `Tally.keys`) → measure → count.
Snapshot = dict[tuple[str, tuple[Any, ...]], Counter[str]]


def _case_keys(path: str) -> dict[str, Any]:
    """The key columns every tally shares, read from the case at `path` ("" for Case itself)."""
    return {
        "k_election": F(f"{path}election_id"),
        "k_region": F(f"{path}region_id"),
        "k_authority": Coalesce(F(f"{path}authority_id"), Value(0)),
        "k_group": F(f"{path}group"),
    }


# (alias in the counting queries, key column of every tally model)
CASE_KEYS = (
    ("k_election", "election_id"),
    ("k_region", "region_id"),
    ("k_authority", "authority_key"),
    ("k_group", "group"),
)


def _only(rows: Any, field: str, case_ids: Collection[int] | None) -> Any:
    return rows if case_ids is None else rows.filter(**{f"{field}__in": list(case_ids)})


# Grouped rows read per round trip by a full recount.
STREAM_CHUNK = 5000


def _stream(rows: Any, case_ids: Collection[int] | None) -> Iterable[dict[str, Any]]:
    """A full recount (`case_ids` None) reads its grouped rows in chunks, never the whole result at once."""
    return rows.iterator(chunk_size=STREAM_CHUNK) if case_ids is None else rows


# The values of a case row that the tallies count by (`_case_rows`, `_count_*` with rows, `count_new_case`).
ROW_FIELDS = ("daluwarsa", "received_at")  # and the state and DIMENSION_VALUES as `k_state`, `d_<dimension>`
# The rows of the tracked cases (given whenever case ids are); None for a recount of all cases.
CaseRows = list[dict[str, Any]] | None


def _case_rows(get: GetModel, case_ids: Collection[int]) -> list[dict[str, Any]]:
    """The tracked cases' rows with the values the tallies count by (one query)."""
    cases = get("Case").objects.filter(pk__in=list(case_ids))
    values = {f"d_{dimension}": F(lookup) for dimension, lookup in DIMENSION_VALUES.items()}
    return list(cases.values(*ROW_FIELDS, **_case_keys(""), k_state=F("state"), **values))


def _week(moment: dt.datetime) -> dt.date:
    """The Monday of the week of `moment` in the project's time zone (what `week_of` gives in SQL)."""
    day = timezone.localtime(moment, timezone.get_default_timezone()).date()
    return day - dt.timedelta(days=day.weekday())


def _count_deadlines(
    get: GetModel, case_ids: Collection[int] | None, rows: CaseRows = None
) -> Iterable[dict[str, Any]]:
    met = Q(state="met")
    ended = _only(get("Deadline").objects.exclude(state="open"), "case_id", case_ids)
    counted = (
        ended.values(k_clock=F("clock"), k_state=F("case__state"), **_case_keys("case__"))
        .annotate(
            on_time=Count("pk", filter=met & Q(met_at__lte=F("due_at"))),
            late=Count("pk", filter=met & Q(met_at__gt=F("due_at"))),
            overdue=Count("pk", filter=Q(state="overdue")),
        )
        .order_by()
    )
    return _stream(counted, case_ids)


def _current_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**row, "current": 1, "daluwarsa": int(bool(row["daluwarsa"]))} for row in rows]


def _count_cases(
    get: GetModel, case_ids: Collection[int] | None, rows: CaseRows = None
) -> Iterable[dict[str, Any]]:
    current: Iterable[dict[str, Any]]
    if rows is not None:
        current = _current_rows(rows)
    else:
        current = _stream(
            get("Case")
            .objects.values(k_state=F("state"), **_case_keys(""))
            .annotate(current=Count("*"), daluwarsa=Count("pk", filter=Q(daluwarsa=True)))
            .order_by(),
            case_ids,
        )
    # The rows that change the state (the case's opening row "" → received included).
    entered = (
        _only(get("Transition").objects, "case_id", case_ids)
        .exclude(from_state=F("to_state"))
        .values(k_state=F("to_state"), **_case_keys("case__"))
        .annotate(entered=Count("*"))
        .order_by()
    )
    return chain(current, _stream(entered, case_ids))


# Dimension of the breakdowns → the case column or lookup whose value `DimensionTally` keeps.
DIMENSION_VALUES: dict[str, str] = {
    "item": "item__code",
    "position_class": "position_class",
    "employment": "employment",
    "agency": "agency_id",
}


def _dimension_value(value: Any) -> str:
    return "" if value is None else str(value)


def _dimension_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {**row, "k_dimension": dimension, "k_value": _dimension_value(row[f"d_{dimension}"]), "cases": 1}
        for row in rows
        for dimension in DIMENSION_VALUES
    ]


def _count_dimensions(
    get: GetModel, case_ids: Collection[int] | None, rows: CaseRows = None
) -> Iterable[dict[str, Any]]:
    if rows is not None:
        return _dimension_rows(rows)
    return chain.from_iterable(_count_dimension(get, *item) for item in DIMENSION_VALUES.items())


def _count_dimension(get: GetModel, dimension: str, lookup: str) -> Iterator[dict[str, Any]]:
    found = get("Case").objects.values(k_value=F(lookup), **_case_keys("")).annotate(cases=Count("*"))
    for row in _stream(found.order_by(), None):
        yield {**row, "k_dimension": dimension, "k_value": _dimension_value(row["k_value"])}


def week_of(field: str) -> TruncWeek:
    """The Monday of the week of `field` in the project's time zone (the weekly chart's buckets)."""
    return TruncWeek(field, output_field=DateField(), tzinfo=timezone.get_default_timezone())


def _week_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**row, "k_week": _week(row["received_at"]), "cases": 1} for row in rows]


def _count_weeks(
    get: GetModel, case_ids: Collection[int] | None, rows: CaseRows = None
) -> Iterable[dict[str, Any]]:
    if rows is not None:
        return _week_rows(rows)
    return _stream(
        get("Case")
        .objects.values(k_week=week_of("received_at"), **_case_keys(""))
        .annotate(cases=Count("*"))
        .order_by(),
        case_ids,
    )


def _count_ppk(
    get: GetModel, case_ids: Collection[int] | None, rows: CaseRows = None
) -> Iterable[dict[str, Any]]:
    # A deadline met no later than due is met on time (the dashboards' rule, as in queries/ppk.py).
    sent = (
        _only(get("Recommendation").objects, "case_id", case_ids)
        .annotate(fu=FilteredRelation("case__deadlines", condition=Q(case__deadlines__clock=PPK_FOLLOW_UP)))
        .filter(fu__state__isnull=False)
    )
    met = Q(fu__state="met")
    followed = (
        sent.values(k_state=F("case__state"), k_agency=F("agency_id"), **_case_keys("case__"))
        .annotate(
            received=Count("pk"),
            on_time=Count("pk", filter=met & Q(fu__met_at__lte=F("fu__due_at"))),
            late=Count("pk", filter=met & Q(fu__met_at__gt=F("fu__due_at"))),
            overdue=Count("pk", filter=Q(fu__state="overdue")),
        )
        .order_by()
    )
    blocks = (
        _only(get("BlockRecord").objects, "recommendation__case_id", case_ids)
        .values(
            k_state=F("recommendation__case__state"),
            k_agency=F("recommendation__agency_id"),
            **_case_keys("recommendation__case__"),
        )
        .annotate(blocks=Count("pk"))
        .order_by()
    )
    return chain(_stream(followed, case_ids), _stream(blocks, case_ids))


@dataclass(frozen=True)
class Tally:
    model: str  # model name in the app "cases"
    keys: tuple[tuple[str, str], ...]  # (alias in the counting query, column of the tally model)
    measures: tuple[str, ...]
    # (model getter, case ids or None for all, the tracked cases' rows or None) -> counted rows
    count: Callable[[GetModel, Collection[int] | None, CaseRows], Iterable[dict[str, Any]]]


TALLIES: tuple[Tally, ...] = (
    Tally(
        "DeadlineTally",
        (("k_clock", "clock"), *CASE_KEYS, ("k_state", "state")),
        (ON_TIME, LATE, OVERDUE),
        _count_deadlines,
    ),
    Tally("CaseTally", (*CASE_KEYS, ("k_state", "state")), ("current", "entered", "daluwarsa"), _count_cases),
    Tally(
        "DimensionTally",
        (*CASE_KEYS, ("k_dimension", "dimension"), ("k_value", "value")),
        ("cases",),
        _count_dimensions,
    ),
    Tally("WeekTally", (*CASE_KEYS, ("k_week", "week")), ("cases",), _count_weeks),
    Tally(
        "PpkTally",
        (*CASE_KEYS, ("k_state", "state"), ("k_agency", "agency_key")),
        ("received", ON_TIME, LATE, OVERDUE, "blocks"),
        _count_ppk,
    ),
)


def _installed(name: str) -> Any:
    return django_apps.get_model("cases", name)


def snapshot(
    case_ids: Collection[int] | None, get: GetModel = _installed, only: Iterable[str] | None = None
) -> Snapshot:
    """What the cases `case_ids` (None: every case) contribute to the tallies (`only`: those model names)."""
    wanted = set(only) if only is not None else None
    rows = None if case_ids is None else _case_rows(get, case_ids)
    return _counted(lambda tally: tally.count(get, case_ids, rows), wanted)


def _counted(count: Callable[[Tally], Iterable[dict[str, Any]]], wanted: set[str] | None = None) -> Snapshot:
    result: Snapshot = {}
    for tally in TALLIES:
        if wanted is not None and tally.model not in wanted:
            continue
        for row in count(tally):
            key = (tally.model, tuple(row[alias] for alias, _column in tally.keys))
            counts = result.setdefault(key, Counter())
            for measure in tally.measures:
                counts[measure] += row.get(measure) or 0
    return result
