"""The NinjaAPI instance of API v1: routers, error contract, docs without CDN."""

from __future__ import annotations

from ninja import NinjaAPI

from netral.api import errors, stats
from netral.api.docs import OfflineSwagger
from netral.api.routers import me, reference, reports

DESCRIPTION = """\
Public JSON API of netral, the system for supervising the neutrality of civil servants (ASN) in
Indonesian elections.

* Reference data (regions, violation catalogue, elections, legal deadlines) is public.
* Integrations authenticate with a staff API token: `Authorization: Bearer ntr_...`.
* Errors: `422 {"detail": [{"field", "message"}]}` for invalid input, `404 {"detail"}` for an
  unknown resource, `429` with `Retry-After` when a client sends too many requests.
  Messages, labels and descriptions are in Indonesian.
"""


def build_api() -> NinjaAPI:
    api = NinjaAPI(
        title="netral API",
        version="1",
        description=DESCRIPTION,
        urls_namespace="api-v1",
        docs=OfflineSwagger(),
        docs_url=None,  # served at /api/docs by netral.api.urls
    )
    errors.install(api)
    api.add_router("/", reference.router)
    api.add_router("/", me.router)
    api.add_router("/", reports.router)
    api.add_router("/", stats.router)
    return api


api = build_api()
