"""Public statistics (`/statistik/`, `GET /api/v1/stats`): aggregates only, no login, no scope.

What is counted (docs/public-statistics.md): cases (every report or finding that opened a case) by
province, violation group and position class of the reported civil servant; outcomes from the
transition rows (how many cases ever reached a stage). Only codes and counts leave this module:
no name, no text, no identifier of a person is ever selected.

Small counts are suppressed: a count from 1 to NETRAL_STATS_MIN_COUNT - 1 is published as null.
Where a dimension's cells add up to the published total, one suppressed cell could be recovered by
subtraction, so the next smallest cell is suppressed as well (complementary suppression).
The numbers are cached (NETRAL_STATS_CACHE_SECONDS, default 300) in Django's cache.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from netral.analytics.queries.aggregates import entries_tallied
from netral.cases.models import CaseTally, DimensionTally, Transition
from netral.catalogue.services import groups
from netral.elections.models import Election
from netral.personnel.models import Employee
from netral.regions.models import Region

# Outcome → the states whose entry counts a case (a subset of cases.services.FUNNEL_STAGES).
OUTCOMES: dict[str, tuple[str, ...]] = {
    "reported": ("received",),
    "registered": ("registered",),
    "proven": ("violation",),
    "not_proven": ("not_violation", "not_proven"),
    "forwarded": ("forwarded_asn_authority",),
    "recommended": ("recommended",),
    "sanctioned": ("sanctioned",),
    "ppk_overdue": ("ppk_overdue",),
    "blocked": ("blocked",),
}
OUTCOME_LABELS = {
    "reported": pgettext_lazy("public statistics", "reported"),
    "registered": pgettext_lazy("public statistics", "registered"),
    "proven": gettext_lazy("proven violation (Bawaslu)"),
    "not_proven": gettext_lazy("not a violation or not proven"),
    "forwarded": gettext_lazy("forwarded to the ASN authority"),
    "recommended": gettext_lazy("sanction recommended"),
    "sanctioned": gettext_lazy("sanctioned by the PPK"),
    "ppk_overdue": gettext_lazy("PPK follow-up overdue"),
    "blocked": gettext_lazy("personnel data blocked"),
}
UNKNOWN = "unknown"
CACHE_PREFIX = "netral:stats:v1"


def method_text() -> str:
    return _(
        "Counts of cases (reports and findings that opened a case) held by netral, by province of the "
        "reported event, violation group and position class of the reported civil servant; outcomes "
        "count the cases that ever reached a stage, from the recorded transitions. Counts from 1 to "
        "%(limit)s are not shown (and where needed a second cell) so that no person can be identified. "
        "Names of reported civil servants and of reporters are never published."
    ) % {"limit": settings.NETRAL_STATS_MIN_COUNT - 1}


def _counts(election: Election | None) -> dict[str, Any]:
    """The raw counts (codes → numbers), before suppression: cases by region and group and the outcomes
    ("how many cases ever entered S") from `CaseTally` (kept by the action layer; ~130,000 rows at a
    million cases instead of the cases and ten million transitions), cases by position class from
    `DimensionTally`, and the latest transition (one index read)."""
    by_region: Counter[str] = Counter()
    by_group: Counter[str] = Counter()
    by_position: Counter[str] = Counter()
    tallied = CaseTally.objects.all() if election is None else CaseTally.objects.filter(election=election)
    for region_id, group, count in tallied.values_list("region_id", "group").annotate(n=Sum("current")):
        by_region[region_id[:2]] += count or 0
        by_group[group or UNKNOWN] += count or 0
    positions = DimensionTally.objects.filter(dimension="position_class")
    if election is not None:
        positions = positions.filter(election=election)
    for position_class, count in positions.values_list("value").annotate(n=Sum("cases")):
        if count:
            by_position[position_class or UNKNOWN] += count
    wanted = {state for states in OUTCOMES.values() for state in states}
    # A case enters each state at most once (the transition graph is acyclic; steps that keep the state
    # do not count).
    entered = entries_tallied(Q() if election is None else Q(election=election), wanted)
    # The latest recorded transition (rows are appended, so the highest id; no scan of `at`).
    related = Q() if election is None else Q(case__election=election)
    latest = Transition.objects.filter(related).order_by("-pk").values_list("at", flat=True).first()
    return {
        "total": sum(by_region.values()),
        "region": {key: count for key, count in by_region.items() if count},
        "group": {key: count for key, count in by_group.items() if count},
        "position_class": dict(by_position),
        # not_proven: two exclusive states, so their entries add up.
        "outcome": {key: sum(entered.get(s, 0) for s in states) for key, states in OUTCOMES.items()},
        "data_as_of": latest.isoformat() if latest else None,
        "generated_at": timezone.now().isoformat(),
    }


def raw_counts(election: Election | None) -> dict[str, Any]:
    """`_counts`, from the cache when fresh."""
    key = f"{CACHE_PREFIX}:{election.code if election else '-'}"
    ttl = settings.NETRAL_STATS_CACHE_SECONDS
    counts = cache.get(key) if ttl else None
    if counts is None:
        counts = _counts(election)
        if ttl:
            cache.set(key, counts, timeout=ttl)
    return counts


def suppress(cells: dict[str, int], limit: int, *, partition_of: int | None) -> dict[str, int | None]:
    """Counts from 1 to `limit` - 1 become None. When the cells partition a published total
    (`partition_of`) and exactly one cell was suppressed, the smallest other non-zero cell is too."""
    result: dict[str, int | None] = {
        key: (None if 0 < count < limit else count) for key, count in cells.items()
    }
    hidden = [key for key, value in result.items() if value is None]
    if partition_of is not None and len(hidden) == 1:
        others = sorted((count, key) for key, count in cells.items() if key not in hidden and count > 0)
        if others:
            result[others[0][1]] = None
    return result


def _rows(cells: dict[str, int | None], labels: dict[str, str], order: list[str]) -> list[dict[str, Any]]:
    keys = order + sorted(key for key in cells if key not in order)
    return [
        {
            "code": key,
            "label": labels.get(key, key),
            "count": cells.get(key, 0),
            "suppressed": cells.get(key, 0) is None,
        }
        for key in keys
    ]


def statistics(election: Election | None = None) -> dict[str, Any]:
    """The documented public statistics (`GET /api/v1/stats`), labels in the active language."""
    limit = settings.NETRAL_STATS_MIN_COUNT
    counts = raw_counts(election)
    total = counts["total"]
    published_total = None if 0 < total < limit else total
    partition = published_total
    provinces = list(Region.objects.provinces().order_by("code").values_list("code", "name"))
    group_rows = list(groups())
    group_labels = {group.code: group.label for group in group_rows}
    position_labels = {str(value): str(label) for value, label in Employee.PositionClass.choices}
    unknown = {UNKNOWN: _("not yet classified")}
    regions = {code: counts["region"].get(code, 0) for code, _name in provinces}
    return {
        "election": election.code if election else None,
        "min_count": limit,
        "generated_at": counts["generated_at"],
        "data_as_of": counts["data_as_of"],
        "method": method_text(),
        "total": {"count": published_total, "suppressed": published_total is None},
        "by_region": _rows(
            suppress(regions, limit, partition_of=partition),
            dict(provinces),
            [code for code, _n in provinces],
        ),
        "by_group": _rows(
            suppress(counts["group"], limit, partition_of=partition),
            {**group_labels, **unknown},
            [group.code for group in group_rows],
        ),
        "by_position_class": _rows(
            suppress(counts["position_class"], limit, partition_of=partition),
            {**position_labels, **unknown},
            list(position_labels),
        ),
        "by_outcome": _rows(
            suppress(counts["outcome"], limit, partition_of=None),
            {key: str(label) for key, label in OUTCOME_LABELS.items()},
            list(OUTCOMES),
        ),
    }


def parse_time(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None
