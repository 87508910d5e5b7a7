"""Query counts: every dashboard endpoint runs a fixed, small number of queries whatever the number of
cases, so it cannot regress into N+1 (the ceilings include the session, the user and the institution)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netral.analytics.queries import planner
from tests.test_analytics_dash_support import build_world
from tests.test_cases_support import new_case

# The queries themselves are counted: the short-lived result cache is off here (tested on its own).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_result_cache")]


@pytest.fixture
def no_result_cache(settings: Any) -> None:
    settings.NETRAL_ANALYTICS_CACHE_SECONDS = 0


FILTERS = "election=pilkada-2024&region=34&group=media_sosial&date_from=2024-10-01&date_to=2024-12-31"
# (url, ceiling). The JSON endpoints: 1-3 aggregate queries each (+ labels, + stage dates).
ENDPOINTS = [
    ("/analitik/data/summary.json", 5),
    ("/analitik/data/funnel.json", 6),
    ("/analitik/data/breakdown.json?dimension=group", 6),
    ("/analitik/data/breakdown.json?dimension=region", 6),
    ("/analitik/data/breakdown.json?dimension=agency", 6),
    ("/analitik/data/breakdown.json?dimension=item", 6),
    ("/analitik/data/weekly.json", 7),
    ("/analitik/data/deadlines.json", 6),
    ("/analitik/data/ppk.json", 8),
    ("/analitik/data/map.json", 7),
    ("/analitik/data/map.json?province=34", 8),
    ("/analitik/data/geo.json", 5),
    (f"/analitik/data/summary.json?{FILTERS}", 8),
    (f"/analitik/data/ppk.json?{FILTERS}", 11),
    ("/analitik/", 31),
    ("/analitik/peta/", 12),
    ("/analitik/perkara/", 10),
    ("/analitik/perkara/?stage=proven&metric=open", 10),
    ("/analitik/perkara/?ppk_agency=1&ppk_status=late", 10),
]


# Dashboard queries run under planner hints on PostgreSQL (analytics/queries/planner.py), each costing a few
# statements more there; SQLite runs them plain. (The deadline health of this province-level user comes
# from the tally, unhinted.)
PLANNER_HINTED = {
    "/analitik/data/ppk.json": 1,
    f"/analitik/data/ppk.json?{FILTERS}": 1,
    "/analitik/": 1,
}


def _count(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize(("url", "ceiling"), ENDPOINTS)
def test_query_count_is_small(
    client: Any, users_by_role: dict[str, Any], url: str, ceiling: int, django_assert_max_num_queries: Any
) -> None:
    build_world(users_by_role)
    client.force_login(users_by_role["bawaslu_prov_diy"])
    client.get("/analitik/data/summary.json")  # the session is loaded once
    if connection.vendor == "postgresql":
        ceiling += planner.EXTRA_STATEMENTS * PLANNER_HINTED.get(url, 0)
    with django_assert_max_num_queries(ceiling):
        response = client.get(url)
    assert response.status_code == 200


def test_query_counts_do_not_grow_with_the_cases(client: Any, users_by_role: dict[str, Any]) -> None:
    build_world(users_by_role)
    client.force_login(users_by_role["bawaslu_ri"])
    before = {url: _count(client, url) for url, _ceiling in ENDPOINTS}
    for _ in range(3):
        new_case(election="pilkada-2024")
        new_case(region_code="71.71", election="pilkada-2024")
    after = {url: _count(client, url) for url, _ceiling in ENDPOINTS}
    assert after == before


def test_the_result_cache_is_per_selection(
    client: Any, users_by_role: dict[str, Any], settings: Any, django_assert_max_num_queries: Any
) -> None:
    settings.NETRAL_ANALYTICS_CACHE_SECONDS = 60
    build_world(users_by_role)
    totals = {}
    for name in ("bawaslu_kab_sleman", "bawaslu_kota_manado", "ppk_kab_sleman", "bawaslu_kab_sleman"):
        client.force_login(users_by_role[name])
        totals[name] = client.get("/analitik/data/summary.json").json()["counts"]["total"]
        with django_assert_max_num_queries(4):  # a cached answer: session, user, institution only
            assert client.get("/analitik/data/summary.json").json()["counts"]["total"] == totals[name]
    assert totals == {"bawaslu_kab_sleman": 5, "bawaslu_kota_manado": 2, "ppk_kab_sleman": 3}
    # The cached answer is reused (a new case shows up only once the entry expires) ...
    new_case(election="pilkada-2024")
    assert client.get("/analitik/data/summary.json").json()["counts"]["total"] == 5
    # ... and never for other filters.
    assert client.get("/analitik/data/summary.json?group=foto_gestur").json()["counts"]["total"] == 1
