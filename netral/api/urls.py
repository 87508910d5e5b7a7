"""Mounted at /api/: v1 at /api/v1/, the docs page at /api/docs."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path, re_path
from django.utils.translation import gettext as _

from netral.api import docs
from netral.api.api import api


def docs_page(request: HttpRequest) -> HttpResponse:
    return api.docs.render_page(request, api)


def unknown_endpoint(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Any other path under /api/: the JSON 404 of the error contract instead of an HTML page."""
    return JsonResponse({"detail": _("Not found.")}, status=404)


urlpatterns = [
    path("docs", docs_page, name="api-docs"),
    path("docs/assets/<str:name>", docs.asset, name="api-docs-asset"),
    path("v1/", api.urls),
    re_path(r"^(?P<rest>.*)$", unknown_endpoint),
]
