"""The public statistics page (`/statistik/`): no login, aggregates only (netral.analytics.public)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _

from netral.analytics.public import parse_time, statistics
from netral.api import throttle
from netral.elections.models import Election


def stats_page(request: HttpRequest) -> HttpResponse:
    """The page shares the rate limit of the public API reads (`NETRAL_API_RATE_PUBLIC`)."""
    if not throttle.public.allow_request(request):
        response = HttpResponse(_("Too many requests. Try again later."), status=429)
        response["Retry-After"] = str(int(throttle.public.wait() or 1))
        return response
    elections = list(Election.objects.order_by("-voting_date"))
    chosen = request.GET.get("election") or ""
    election = next((e for e in elections if e.code == chosen), None)
    stats = statistics(election)
    response = render(
        request,
        "analytics/public/statistics.html",
        {
            "elections": elections,
            "election": election,
            "stats": stats,
            "generated_at": parse_time(stats["generated_at"]),
            "data_as_of": parse_time(stats["data_as_of"]),
            "sections": [
                ("region", stats["by_region"]),
                ("group", stats["by_group"]),
                ("position_class", stats["by_position_class"]),
                ("outcome", stats["by_outcome"]),
            ],
        },
    )
    response["Cache-Control"] = "public, max-age=60"
    return response


urlpatterns = [path("", stats_page, name="page")]
