"""Analytics pages (staff): the dashboard `/analitik/`, the map `/analitik/peta/`, the case list behind every
number `/analitik/perkara/` and the JSON data of the charts `/analitik/data/<name>.json`.

Who gets in: the case roles (`cases.workspace.may_open_cases`); anonymous users are sent to the login,
other users get 403. What they see: `Case.objects.visible_to(user)` narrowed by the filters, nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _

from netral.analytics import payloads, queries
from netral.analytics.forms import FilterForm
from netral.analytics.map import map_data
from netral.analytics.queries import Filters
from netral.analytics.queries.cache import cached
from netral.analytics.queries.labels import DIMENSION_LABELS
from netral.cases.workspace import may_open_cases, state_label
from netral.regions.models import Region

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

PAGE_SIZE = 50
ECHARTS = "vendor/echarts/echarts.min.js"
# The breakdowns shown on the dashboard page, in order.
PAGE_BREAKDOWNS: tuple[str, ...] = (
    "state",
    "group",
    "item",
    "position_class",
    "employment",
    "agency",
    "region",
)
View = Callable[..., HttpResponseBase]


def analytics_view(view: View) -> View:
    """Login required; users outside the case roles get the 403 page; responses are never cached."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not may_open_cases(request.user):
            return render(request, "cases/forbidden.html", status=403)
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "no-store, private"
        return response

    return wrapped


def parse_filters(request: HttpRequest, choices: bool = True) -> tuple[FilterForm, Filters]:
    """The filter form and the valid filters; `choices=False` for endpoints that render no form."""
    form = FilterForm(request.GET or None, user=request.user, choices=choices)
    return form, form.filters() if request.GET else Filters()


def charts_available() -> bool:
    return finders.find(ECHARTS) is not None


def _sort(request: HttpRequest) -> tuple[str, bool]:
    return request.GET.get("sort", ""), request.GET.get("dir", "desc") != "asc"


BUILDERS: dict[str, Callable[..., Any]] = {
    "summary": payloads.summary,
    "funnel": payloads.funnel,
    "breakdown": payloads.breakdown,
    "weekly": payloads.weekly,
    "deadlines": payloads.deadlines,
    "ppk": payloads.ppk,
    "map": map_data,
}


def payload(name: str, user: RequestUser, filters: Filters, *args: Any) -> Any:
    """A dashboard payload, from the short-lived cache keyed by the selection (queries/cache.py)."""
    return cached(name, user, filters, lambda: BUILDERS[name](user, filters, *args), *args)


@analytics_view
def dashboard(request: HttpRequest) -> HttpResponse:
    form, filters = parse_filters(request)
    user = request.user
    sort, desc = _sort(request)
    breakdowns = [
        {"dimension": name, "title": DIMENSION_LABELS[name], **payload("breakdown", user, filters, name)}
        for name in PAGE_BREAKDOWNS
    ]
    context = {
        "form": form,
        "filters": filters,
        "query": filters.as_params(),
        "summary": payload("summary", user, filters),
        "funnel": payload("funnel", user, filters),
        "weekly": payload("weekly", user, filters),
        "deadlines": payload("deadlines", user, filters),
        "ppk": payload("ppk", user, filters, sort, desc),
        "breakdowns": breakdowns,
        "charts": charts_available(),
        "echarts": ECHARTS,
    }
    return render(request, "analytics/dashboard.html", context)


@analytics_view
def map_page(request: HttpRequest) -> HttpResponse:
    form, filters = parse_filters(request)
    province = request.GET.get("province", "")
    if province and not Region.objects.filter(code=province, level=Region.Level.PROVINCE).exists():
        raise Http404
    metric = request.GET.get("metric", "cases")
    if metric not in queries.METRICS:
        metric = "cases"
    data = payload("map", request.user, filters, province)
    context = {
        "form": form,
        "filters": filters,
        "query": filters.as_params(),
        "map": data,
        "metric": metric,
        "province_name": Region.objects.filter(code=province).values_list("name", flat=True).first() or "",
        "extra_hidden": {key: value for key, value in (("province", province), ("metric", metric)) if value},
        "charts": charts_available(),
        "echarts": ECHARTS,
    }
    return render(request, "analytics/map.html", context)


@analytics_view
def case_list(request: HttpRequest) -> HttpResponse:
    form, filters = parse_filters(request)
    params = {key: request.GET.get(key, "") for key in queries.DRILL_KEYS}
    try:
        cases = queries.drill_down(request.user, filters, params)
    except ValueError:
        return HttpResponseBadRequest(_("Unknown filter value."))
    cases = cases.select_related("region", "election", "item", "agency")
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(case, state_label(case.state)) for case in page.object_list]
    query = {**filters.as_params(), **{key: value for key, value in params.items() if value}}
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "query": query,
        "drill": {k: v for k, v in params.items() if v},
    }
    return render(request, "analytics/cases.html", context)


def _json(data: Any) -> JsonResponse:
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@analytics_view
def data(request: HttpRequest, name: str) -> HttpResponseBase:
    """The JSON behind the charts (also what the dashboard benchmark times)."""
    _form, filters = parse_filters(request, choices=False)
    user = request.user
    if name == "breakdown":
        dimension = request.GET.get("dimension", "group")
        if dimension not in queries.BREAKDOWNS:
            return HttpResponseBadRequest(_("Unknown dimension."))
        return _json(payload("breakdown", user, filters, dimension))
    if name == "ppk":
        sort, desc = _sort(request)
        return _json(payload("ppk", user, filters, sort, desc))
    if name == "map":
        province = request.GET.get("province", "")
        if province and not Region.objects.filter(code=province, level=Region.Level.PROVINCE).exists():
            raise Http404
        return _json(payload("map", user, filters, province))
    if name in ("summary", "funnel", "weekly", "deadlines"):
        return _json(payload(name, user, filters))
    if name == "geo":
        level = Region.Level.REGENCY if request.GET.get("level") == "regency" else Region.Level.PROVINCE
        return _json(queries.geojson(level, request.GET.get("province", "")))
    raise Http404
