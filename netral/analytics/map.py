"""The map: metrics per province on the built-in tile grid (or on loaded polygons), and per regency/city of
one province when a province is clicked. Values count only the user's visible, filtered cases; tiles of
provinces outside the user's scope show 0 and are marked `in_scope: false`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from netral.accounts.scope import scope_for
from netral.analytics import queries
from netral.analytics.payloads import cases_url, metric_labels
from netral.analytics.queries import METRICS, Filters
from netral.regions.models import Region

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser


def _region_entry(
    code: str, name: str, values: dict[str, int] | None, filters: Filters, in_scope: bool
) -> dict[str, Any]:
    values = values or dict.fromkeys(METRICS, 0)
    return {
        "code": code,
        "name": name,
        "values": values,
        "urls": {metric: cases_url(filters, region=code, metric=metric) for metric in METRICS},
        "in_scope": in_scope,
    }


def map_data(user: RequestUser, filters: Filters, province: str = "") -> dict[str, Any]:
    """Provinces (tile grid positions included), or the regencies/cities of `province`."""
    scope = scope_for(user)
    if province:
        values = queries.by_regency(user, filters, province)
        regions = Region.objects.filter(parent_id=province).order_by("code").values_list("code", "name")
        entries = [
            _region_entry(code, name, values.get(code), filters, scope.covers_region(code))
            for code, name in regions
        ]
        level = "regency"
        polygons = queries.has_boundaries(Region.Level.REGENCY, province)
    else:
        values = queries.by_province(user, filters)
        names = dict(Region.objects.provinces().values_list("code", "name"))
        entries = []
        for tile in queries.tilegrid():
            code = tile["code"]
            entry = _region_entry(
                code, names.get(code, code), values.get(code), filters, scope.overlaps_region(code)
            )
            entry.update(abbr=tile["abbr"], row=tile["row"], col=tile["col"])
            entries.append(entry)
        level = "province"
        polygons = queries.has_boundaries(Region.Level.PROVINCE)
    maxima = {metric: max((entry["values"][metric] for entry in entries), default=0) for metric in METRICS}
    return {
        "level": level,
        "province": province,
        "metrics": list(METRICS),
        "labels": metric_labels(),
        "regions": entries,
        "max": maxima,
        "polygons": polygons,
    }
