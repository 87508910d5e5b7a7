"""`GET /api/v1/stats`: the public statistics (aggregates only, small counts suppressed, no login).

Same numbers as the page `/statistik/`; see netral.analytics.public and docs/public-statistics.md.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from netral.analytics.public import statistics
from netral.api import throttle
from netral.api.errors import invalid
from netral.api.schemas import ErrorOut, ValidationErrorOut
from netral.elections.models import Election

router = Router(tags=["public statistics"], throttle=[throttle.public])


class StatsFilter(Schema):
    election: str | None = Field(
        None, description="Election code, e.g. pilkada-2024; default every election."
    )


class CountOut(Schema):
    count: int | None = Field(description="null when suppressed (a small count).")
    suppressed: bool


class CellOut(CountOut):
    code: str = Field(
        description='Province code, group code, position class or outcome; "unknown" if unclassified.'
    )
    label: str


class StatsOut(Schema):
    election: str | None
    min_count: int = Field(description="Counts from 1 to min_count - 1 are suppressed.")
    generated_at: str = Field(description="When these numbers were computed (ISO 8601, UTC).")
    data_as_of: str | None = Field(description="The latest recorded case transition counted.")
    method: str
    total: CountOut
    by_region: list[CellOut] = Field(description="Cases per province.")
    by_group: list[CellOut] = Field(description="Cases per violation group.")
    by_position_class: list[CellOut] = Field(description="Cases per position class of the reported ASN.")
    by_outcome: list[CellOut] = Field(description="Cases that ever reached each stage.")


@router.get(
    "/stats",
    response={200: StatsOut, 422: ValidationErrorOut, 429: ErrorOut},
    summary="Public statistics",
    auth=None,
)
def public_stats(request: HttpRequest, filters: Query[StatsFilter]) -> dict[str, Any]:
    """Aggregate counts of cases by province, violation group, position class and outcome, with the
    method and the time of the last update. No names; small counts are null."""
    election = None
    if filters.election is not None:
        election = Election.objects.filter(code=filters.election).first()
        if election is None:
            raise invalid("election", _("Unknown election code: %(code)s.") % {"code": filters.election})
    return statistics(election)
