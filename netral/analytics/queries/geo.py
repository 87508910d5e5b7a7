"""Map data: metrics per province (or per regency/city of one province) and the tile-grid layout.

One aggregate query per call, grouped by the province part of the region code (`Substr(region_id, 1,
2)`) or by the regency code, and by state. The metrics come from the current state (the transition graph
says which states prove a case went through `violation`): the case tally's rows when the selection is on
its keys, else one scan of the selection (`aggregates.current`).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.db.models import F
from django.db.models.functions import Substr

from netral.analytics.queries.aggregates import counts_from_states, current
from netral.analytics.queries.filters import Filters
from netral.regions.models import Region

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

TILEGRID_FILE = Path(__file__).resolve().parent.parent / "data" / "tilegrid.json"
METRICS: tuple[str, ...] = ("cases", "open", "proven", "ppk_overdue")


@cache
def tilegrid() -> list[dict[str, Any]]:
    """The built-in tile-grid layout: one tile per province (code, abbreviation, row, col)."""
    with TILEGRID_FILE.open(encoding="utf-8") as handle:
        data: list[dict[str, Any]] = json.load(handle)["tiles"]
    return data


def _metrics(rows: Any) -> dict[str, dict[str, int]]:
    """key → metrics, from rows of (key, state, count)."""
    by_key: dict[str, dict[str, int]] = {}
    for row in rows:
        by_key.setdefault(row["key"], {})[row["state"]] = row["count"]
    result = {}
    for key, by_state in by_key.items():
        counts = counts_from_states(by_state)
        result[key] = {
            "cases": counts["total"],
            "open": counts["open"],
            "proven": counts["proven"],
            "ppk_overdue": counts["ppk_overdue"],
        }
    return result


def by_province(user: RequestUser, filters: Filters | None = None) -> dict[str, dict[str, int]]:
    """Metrics per province code (one GROUP BY province, state query)."""
    rows, count = current(user, filters)
    counted = rows.annotate(key=Substr("region_id", 1, 2)).values("key", "state").annotate(count=count)
    counted = counted.filter(count__gt=0)
    return _metrics(counted.order_by())


def by_regency(user: RequestUser, filters: Filters | None, province: str) -> dict[str, dict[str, int]]:
    """Metrics per regency/city code of one province (one query)."""
    rows, count = current(user, filters)
    counted = (
        rows.filter(region__code__startswith=province + ".")
        .annotate(key=F("region_id"))
        .values("key", "state")
        .annotate(count=count)
        .filter(count__gt=0)
    )
    return _metrics(counted.order_by())


def regions_with_boundaries(level: int, province: str = "") -> Any:
    regions = Region.objects.filter(level=level, boundary__isnull=False)
    if province:
        regions = regions.filter(parent_id=province)
    return regions


def has_boundaries(level: int, province: str = "") -> bool:
    return regions_with_boundaries(level, province).exists()


def geojson(level: int, province: str = "") -> dict[str, Any]:
    """The loaded boundary polygons as a FeatureCollection (property `code`, `name`)."""
    features = [
        {"type": "Feature", "properties": {"code": code, "name": name}, "geometry": geometry}
        for code, name, geometry in regions_with_boundaries(level, province)
        .order_by("code")
        .values_list("code", "name", "boundary")
    ]
    return {"type": "FeatureCollection", "features": features}
