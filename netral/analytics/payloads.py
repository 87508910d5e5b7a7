"""The dashboard data as plain dicts: the query results with labels and drill-down links.

The HTML page renders these as tables and the JSON endpoints (`/analitik/data/<name>.json`) return them
for the charts, so both show the same numbers. Every count carries `url`: the scoped case list
`/analitik/perkara/?<same filters>&<dimension>=<value>` showing the cases behind it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from netral.analytics import queries
from netral.analytics.queries import NONE, Filters
from netral.analytics.queries.labels import (
    DEADLINE_LABELS,
    METRIC_LABELS,
    PPK_LABELS,
    STAGE_LABELS,
    label_rows,
    labels_for,
)
from netral.elections.models import Election
from netral.elections.services import stages_for

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

# The election stages drawn on the weekly trend: lines for one-day stages, an area for the campaign.
TREND_STAGES: tuple[str, ...] = ("determination", "campaign", "voting")


@functools.cache
def _list_url() -> str:
    return reverse("analytics:cases")


def cases_url(filters: Filters, **params: str) -> str:
    """The case list behind a number: the filters plus drill-down parameters (these win)."""
    return url_maker(filters)(**params)


def url_maker(filters: Filters) -> Callable[..., str]:
    """`cases_url` for one set of filters, encoding the filters once (the PPK table makes thousands)."""
    base = filters.as_params()
    encoded = urlencode(base)

    def make(**params: str) -> str:
        extra = {key: value for key, value in params.items() if value}
        if not extra:
            return _list_url() + ("?" + encoded if encoded else "")
        if any(key in base for key in extra):
            merged = {**{key: value for key, value in base.items() if key not in extra}, **extra}
            return _list_url() + "?" + urlencode(merged)
        return _list_url() + "?" + (encoded + "&" if encoded else "") + urlencode(extra)

    return make


def summary(user: RequestUser, filters: Filters) -> dict[str, Any]:
    counts = queries.summary(user, filters)
    links = {
        "total": cases_url(filters),
        "open": cases_url(filters, metric="open"),
        "closed": "",
        "proven": cases_url(filters, metric="proven"),
        "ppk_overdue": cases_url(filters, metric="ppk_overdue"),
        "unclassified": cases_url(filters, group=NONE),
        "daluwarsa": "",
    }
    return {"counts": counts, "urls": links}


def _drill_key(dimension: str) -> str:
    return {"group": "group", "region": "region"}.get(dimension, dimension)


def breakdown(user: RequestUser, filters: Filters, dimension: str) -> dict[str, Any]:
    rows = label_rows(dimension, queries.breakdown(user, filters, dimension))
    key = _drill_key(dimension)
    for row in rows:
        row["url"] = cases_url(filters, **{key: row["key"]})
    level = queries.region_level(user, filters) if dimension == "region" else ""
    return {"dimension": dimension, "level": level, "rows": rows, "total": sum(row["count"] for row in rows)}


def _trend_election(filters: Filters) -> Election | None:
    if filters.election:
        return Election.objects.filter(code=filters.election).first()
    return Election.objects.order_by("-voting_date").first()


def weekly(user: RequestUser, filters: Filters) -> dict[str, Any]:
    rows = queries.weekly(user, filters)
    for row in rows:
        row["url"] = cases_url(filters, week=row["key"])
    election = _trend_election(filters)
    stages = []
    if election is not None:
        for window in stages_for(election):
            if window.code in TREND_STAGES:
                stages.append(
                    {
                        "code": window.code,
                        "name": window.name,
                        "start": window.start.isoformat(),
                        "end": window.end.isoformat(),
                    }
                )
    return {
        "rows": rows,
        "election": {"code": election.code, "name": election.name} if election else None,
        "stages": stages,
    }


def funnel(user: RequestUser, filters: Filters) -> dict[str, Any]:
    data = queries.funnel(user, filters)
    for part in ("main", "side"):
        for row in data[part]:
            row["label"] = str(STAGE_LABELS[row["key"]])
            row["url"] = cases_url(filters, stage=row["key"])
    data["stages"] = [
        {
            "key": key,
            "label": str(STAGE_LABELS.get(key, key)),
            "count": count,
            "url": cases_url(filters, stage=key),
        }
        for key, count in data["stages"].items()
    ]
    return data


def deadlines(user: RequestUser, filters: Filters, now: dt.datetime | None = None) -> dict[str, Any]:
    now = now or timezone.now()
    data = queries.deadlines(user, filters, now)
    labels = labels_for("clock", [row["clock"] for row in data["clocks"]])
    statuses = ("on_time", "late", "overdue", "pending")
    for row in data["clocks"]:
        row["label"] = labels.get(row["clock"], row["clock"])
        row["urls"] = {status: cases_url(filters, deadline=status, clock=row["clock"]) for status in statuses}
    data["totals"]["urls"] = {status: cases_url(filters, deadline=status) for status in statuses}
    data["labels"] = {key: str(label) for key, label in DEADLINE_LABELS.items()}
    return data


def ppk(user: RequestUser, filters: Filters, sort: str = "", desc: bool = True) -> dict[str, Any]:
    rows = queries.compliance(user, filters, sort=sort, desc=desc)
    make = url_maker(filters)
    for row in rows:
        base = make(ppk_agency=str(row["agency_id"]))
        row["urls"] = {column: f"{base}&ppk_status={column}" for column in queries.PPK_COLUMNS}
    current = sort if sort in queries.PPK_SORTABLE else "overdue_now"
    return {
        "rows": rows,
        "columns": list(queries.PPK_COLUMNS),
        # The direction a click on each heading sorts by: the other way round for the current column.
        "next_dir": {key: "asc" if key == current and desc else "desc" for key in queries.PPK_SORTABLE},
        "labels": {key: str(label) for key, label in PPK_LABELS.items()},
        "sort": current,
        "desc": desc,
    }


def metric_labels() -> dict[str, str]:
    return {key: str(label) for key, label in METRIC_LABELS.items()}
