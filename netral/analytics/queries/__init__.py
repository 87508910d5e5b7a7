"""The analytics queries: what every dashboard, export, map and benchmark counts.

Public entry points (other modules, e.g. the vulnerability index and the public statistics, build on
these): `Filters`, `cases_for(user, filters)` (the only way to the selection: `Case.objects.visible_to`
narrowed by the filters), `summary`, `breakdown`, `weekly`, `funnel`, `state_entries`, `deadlines`,
`compliance` (PPK table), `by_province` / `by_regency` (map), `drill_down` (the cases behind a number).
"""

from netral.analytics.queries.aggregates import (
    BREAKDOWNS,
    DIMENSIONS,
    FUNNEL_MAIN,
    FUNNEL_SIDE,
    breakdown,
    deadlines,
    funnel,
    region_level,
    state_entries,
    summary,
    weekly,
)
from netral.analytics.queries.drill import DRILL_KEYS, drill_down
from netral.analytics.queries.filters import NONE, Filters, cases_for, effective_region, filters_q
from netral.analytics.queries.geo import METRICS, by_province, by_regency, geojson, has_boundaries, tilegrid
from netral.analytics.queries.ppk import COLUMNS as PPK_COLUMNS
from netral.analytics.queries.ppk import SORTABLE as PPK_SORTABLE
from netral.analytics.queries.ppk import compliance
from netral.analytics.queries.states import CLOSED_STATES, EXECUTED_STATES, PPK_OVERDUE_STATES, passed_through

__all__ = [
    "BREAKDOWNS",
    "CLOSED_STATES",
    "DIMENSIONS",
    "DRILL_KEYS",
    "EXECUTED_STATES",
    "FUNNEL_MAIN",
    "FUNNEL_SIDE",
    "METRICS",
    "NONE",
    "PPK_COLUMNS",
    "PPK_OVERDUE_STATES",
    "PPK_SORTABLE",
    "Filters",
    "breakdown",
    "by_province",
    "by_regency",
    "cases_for",
    "compliance",
    "deadlines",
    "drill_down",
    "effective_region",
    "filters_q",
    "funnel",
    "geojson",
    "has_boundaries",
    "passed_through",
    "region_level",
    "state_entries",
    "summary",
    "tilegrid",
    "weekly",
]
