"""Public statistics: suppression of small counts, no names, the same numbers for everyone, API shape."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from netral.analytics.public import statistics, suppress
from netral.cases.models import Case
from tests.test_cases_support import ORDER, new_case, walk

DAY = dt.date(2024, 10, 7)
RECEIVED = dt.datetime(2024, 10, 7, 3, 0, tzinfo=dt.UTC)


def _cases(region_code: str, count: int) -> list[Case]:
    return [
        new_case(region_code=region_code, election="pilkada-2024", received_at=RECEIVED, known_on=DAY)
        for _ in range(count)
    ]


@pytest.fixture
def cases(db: None) -> dict[str, list[Case]]:
    """6 cases in Sleman (DIY, 34), 7 in Surabaya (Jatim, 35), 2 in Manado (Sulut, 71)."""
    return {"34": _cases("34.04", 6), "35": _cases("35.78", 7), "71": _cases("71.71", 2)}


def _cell(rows: list[dict[str, Any]], code: str) -> dict[str, Any]:
    return next(row for row in rows if row["code"] == code)


def test_suppression_rule() -> None:
    assert suppress({"a": 0, "b": 4, "c": 5}, 5, partition_of=None) == {"a": 0, "b": None, "c": 5}
    # One hidden cell of a partition would be total - the others: the next smallest goes too.
    assert suppress({"a": 2, "b": 6, "c": 7}, 5, partition_of=15) == {"a": None, "b": None, "c": 7}
    assert suppress({"a": 2, "b": 3, "c": 7}, 5, partition_of=12) == {"a": None, "b": None, "c": 7}


def test_counts_and_suppression_below_threshold(cases: dict[str, list[Case]]) -> None:
    stats = statistics()
    assert stats["min_count"] == 5
    assert stats["total"] == {"count": 15, "suppressed": False}
    regions = stats["by_region"]
    assert len(regions) == 38
    assert _cell(regions, "35")["count"] == 7
    assert _cell(regions, "71") | {"label": ""} == {
        "code": "71",
        "label": "",
        "count": None,
        "suppressed": True,
    }
    # Manado's 2 alone would be 15 - 7 - 6: DIY's 6 is suppressed as well.
    assert _cell(regions, "34")["suppressed"] is True
    assert _cell(regions, "11") == {"code": "11", "label": "Aceh", "count": 0, "suppressed": False}
    # Nothing is classified yet: every case is in "unknown".
    assert _cell(stats["by_group"], "unknown")["count"] == 15
    assert _cell(stats["by_position_class"], "unknown")["count"] == 15
    assert _cell(stats["by_outcome"], "reported")["count"] == 15
    assert _cell(stats["by_outcome"], "proven")["count"] == 0


def test_threshold_is_a_setting(cases: dict[str, list[Case]], settings: Any) -> None:
    settings.NETRAL_STATS_MIN_COUNT = 2
    stats = statistics()
    assert _cell(stats["by_region"], "71")["count"] == 2
    assert _cell(stats["by_region"], "34")["count"] == 6


def test_outcomes_from_transitions(
    cases: dict[str, list[Case]], bawaslu_kab_sleman: Any, commissioner_kab_sleman: Any, settings: Any
) -> None:
    settings.NETRAL_STATS_MIN_COUNT = 1
    for case in cases["34"][:3]:
        walk(case, ORDER, bawaslu_kab_sleman, commissioner_kab_sleman)
    outcomes = statistics()["by_outcome"]
    assert _cell(outcomes, "registered")["count"] == 3
    assert _cell(outcomes, "proven")["count"] == 3
    assert _cell(outcomes, "sanctioned")["count"] == 0


def test_api_shape_and_no_names(client: Any, cases: dict[str, list[Case]]) -> None:
    response = client.get("/api/v1/stats")
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {
        "election",
        "min_count",
        "generated_at",
        "data_as_of",
        "method",
        "total",
        "by_region",
        "by_group",
        "by_position_class",
        "by_outcome",
    }
    assert data["data_as_of"].startswith("2024-10-07")
    assert set(data["by_group"][0]) == {"code", "label", "count", "suppressed"}
    text = response.content.decode()
    # The reported person, the description and case numbers never appear.
    for private in ("Budi Santoso", "Kepala Dinas", "Kepala dinas", cases["35"][0].number, "/2024/"):
        assert private not in text
    page = client.get("/statistik/")
    assert page.status_code == 200
    assert "Budi Santoso" not in page.content.decode() and "&lt; 5" in page.content.decode()


def test_same_numbers_for_everyone(
    client: Any, cases: dict[str, list[Case]], bawaslu_kota_manado: Any, ppk_kab_sleman: Any
) -> None:
    anonymous = client.get("/api/v1/stats").json()
    for user in (bawaslu_kota_manado, ppk_kab_sleman):
        client.force_login(user)
        logged_in = client.get("/api/v1/stats").json()
        assert logged_in["by_region"] == anonymous["by_region"] and logged_in["total"] == anonymous["total"]


def test_election_filter_and_unknown_election(client: Any, cases: dict[str, list[Case]]) -> None:
    assert client.get("/api/v1/stats?election=pilkada-2024").json()["total"]["count"] == 15
    assert client.get("/api/v1/stats?election=pemilu-2024").json()["total"] == {
        "count": 0,
        "suppressed": False,
    }
    response = client.get("/api/v1/stats?election=nope")
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "election"


def test_cached_until_the_ttl(cases: dict[str, list[Case]], settings: Any) -> None:
    settings.NETRAL_STATS_CACHE_SECONDS = 300
    assert statistics()["total"]["count"] == 15
    _cases("35.78", 1)
    assert statistics()["total"]["count"] == 15  # from the cache
    settings.NETRAL_STATS_CACHE_SECONDS = 0
    assert statistics()["total"]["count"] == 16


def test_rate_limited_like_the_public_api(client: Any, db: None, settings: Any) -> None:
    settings.NETRAL_API_RATE_PUBLIC = "2/min"
    assert [client.get("/api/v1/stats").status_code for _ in range(3)] == [200, 200, 429]


def test_page_rate_limited_too(client: Any, db: None, settings: Any) -> None:
    settings.NETRAL_API_RATE_PUBLIC = "2/min"
    assert [client.get("/statistik/").status_code for _ in range(3)] == [200, 200, 429]
