"""Dashboard numbers equal counts computed here from the rows, and every number links to exactly the cases
it counts."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.db.models import F

from netral.analytics import queries
from netral.analytics.queries import Filters
from netral.analytics.queries.states import is_acyclic
from netral.cases.models import Case, Deadline, Transition
from netral.cases.services import FUNNEL_STAGES
from netral.cases.services import funnel as services_funnel
from tests.test_analytics_dash_support import World, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(users_by_role: dict[str, Any]) -> World:
    return build_world(users_by_role)


def entered(state: str, cases: Any) -> set[int]:
    """Cases (ids) with a transition row into `state`, from the rows."""
    return set(Transition.objects.filter(case__in=cases, to_state=state).values_list("case_id", flat=True))


def test_transition_graph_is_acyclic() -> None:
    # The funnel counts transition rows per state; that counts cases only while no state can be re-entered.
    assert is_acyclic()


def test_summary_and_funnel_equal_row_counts(world: World, bawaslu_ri: Any) -> None:
    cases = Case.objects.all()
    summary = queries.summary(bawaslu_ri, Filters())
    assert summary["total"] == cases.count() == 7
    assert summary["proven"] == len(entered("violation", cases)) == 4
    assert summary["ppk_overdue"] == cases.filter(state__in=["ppk_overdue", "warned", "blocked"]).count() == 1
    assert summary["unclassified"] == cases.filter(group="").count() == 1
    assert summary["open"] + summary["closed"] == 7
    assert summary["closed"] == len(world.ids("s_rejected", "s_sanctioned", "m_late"))

    funnel = queries.funnel(bawaslu_ri, Filters())
    main = {row["key"]: row["count"] for row in funnel["main"] + funnel["side"]}
    assert main == {
        "reported": len(entered("received", cases)),
        "proven": len(entered("violation", cases)),
        "recommended": len(entered("recommended", cases)),
        "sanctioned": len(entered("sanctioned", cases)),
        "blocked": len(entered("blocked", cases)),
    }
    assert main == {"reported": 7, "proven": 4, "recommended": 4, "sanctioned": 2, "blocked": 1}
    # The same numbers as the cases app's own (per-stage DISTINCT) funnel, and every stage of the
    # state_entries default.
    expected = services_funnel(cases)
    assert funnel["stages"] == {key: expected[key] for key in funnel["stages"]}
    assert {"reported", "proven", "recommended", "sanctioned", "blocked"} <= set(funnel["stages"])
    every = queries.state_entries(bawaslu_ri, Filters())
    for stage, states in FUNNEL_STAGES.items():
        assert sum(every[state] for state in states) == expected[stage], stage


def test_breakdowns_for_a_regency_user(world: World, bawaslu_kab_sleman: Any) -> None:
    rows = {row["key"]: row["count"] for row in queries.breakdown(bawaslu_kab_sleman, Filters(), "group")}
    assert rows == {"media_sosial": 3, "foto_gestur": 1, queries.NONE: 1}
    rows = {
        row["key"]: row["count"] for row in queries.breakdown(bawaslu_kab_sleman, Filters(), "position_class")
    }
    assert rows == {"jpt": 2, "fungsional": 1, "pelaksana": 1, queries.NONE: 1}
    rows = {row["key"]: row["count"] for row in queries.breakdown(bawaslu_kab_sleman, Filters(), "item")}
    assert rows == {"D6": 3, "D7": 1, queries.NONE: 1}
    states = {row["key"]: row["count"] for row in queries.breakdown(bawaslu_kab_sleman, Filters(), "state")}
    expected: dict[str, int] = {}
    for state in Case.objects.filter(region_id="34.04").values_list("state", flat=True):
        expected[state] = expected.get(state, 0) + 1
    assert states == expected
    assert queries.region_level(bawaslu_kab_sleman, Filters()) == "single"


def test_region_breakdown_levels(world: World, bawaslu_ri: Any, bawaslu_prov_diy: Any) -> None:
    national = {row["key"]: row["count"] for row in queries.breakdown(bawaslu_ri, Filters(), "region")}
    assert national == {"34": 5, "71": 2}
    province = {row["key"]: row["count"] for row in queries.breakdown(bawaslu_prov_diy, Filters(), "region")}
    assert province == {"34.04": 5}
    filtered = {
        row["key"]: row["count"] for row in queries.breakdown(bawaslu_ri, Filters(region="71"), "region")
    }
    assert filtered == {"71.71": 2}


def test_weekly_counts_and_filters(world: World, bawaslu_ri: Any) -> None:
    weeks = queries.weekly(bawaslu_ri, Filters())
    assert weeks == [{"key": "2024-W41", "monday": "2024-10-07", "count": 7}]
    assert queries.summary(bawaslu_ri, Filters(date_from=dt.date(2024, 10, 8)))["total"] == 2  # Manado's
    assert queries.summary(bawaslu_ri, Filters(date_to=dt.date(2024, 10, 7)))["total"] == 5
    assert queries.summary(bawaslu_ri, Filters(election="pemilu-2024"))["total"] == 0
    assert queries.summary(bawaslu_ri, Filters(group="media_sosial"))["total"] == 4
    assert queries.summary(bawaslu_ri, Filters(group=queries.NONE))["total"] == 1


def test_deadline_health_equals_rows(world: World, bawaslu_ri: Any) -> None:
    now = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    data = queries.deadlines(bawaslu_ri, Filters(), now)
    rows = Deadline.objects.all()
    on_time = rows.filter(state="met", met_at__lte=F("due_at")).count()
    late = rows.filter(state="met", met_at__gt=F("due_at")).count()
    overdue = rows.filter(state="overdue").count() + rows.filter(state="open", due_at__lt=now).count()
    totals = data["totals"]
    assert (totals["total"], totals["on_time"], totals["late"], totals["overdue"]) == (
        rows.count(),
        on_time,
        late,
        overdue,
    )
    assert totals["share_on_time"] == round(on_time / (on_time + late + overdue), 4)
    follow_up = next(row for row in data["clocks"] if row["clock"] == "ppk.follow_up")
    # Sleman sanctioned on time, Manado late, the blocked case overdue, s_sent open past due.
    assert (follow_up["on_time"], follow_up["late"], follow_up["overdue"]) == (1, 1, 2)


def test_ppk_compliance_table(world: World, bawaslu_ri: Any) -> None:
    rows = {row["agency_code"]: row for row in queries.compliance(bawaslu_ri, Filters())}
    sleman, manado = rows["pemkab-34.04"], rows["pemkot-71.71"]
    assert {key: sleman[key] for key in queries.PPK_COLUMNS} == {
        "received": 3,
        "on_time": 1,
        "late": 0,
        "overdue_now": 2,
        "pending": 0,
        "blocks": 1,
    }
    assert {key: manado[key] for key in queries.PPK_COLUMNS} == {
        "received": 1,
        "on_time": 0,
        "late": 1,
        "overdue_now": 0,
        "pending": 0,
        "blocks": 0,
    }
    assert sleman["compliance"] == round(1 / 3, 4)
    # Before the deadline of s_sent had passed, it was pending, not overdue.
    early = {
        row["agency_code"]: row for row in queries.compliance(bawaslu_ri, Filters(), now=_day(2024, 10, 18))
    }
    assert (early["pemkab-34.04"]["pending"], early["pemkab-34.04"]["overdue_now"]) == (1, 1)
    ordered = queries.compliance(bawaslu_ri, Filters(), sort="late", desc=True)
    assert [row["agency_code"] for row in ordered] == ["pemkot-71.71", "pemkab-34.04"]


def _day(year: int, month: int, day: int) -> dt.datetime:
    return dt.datetime(year, month, day, 3, tzinfo=dt.UTC)


def _urls(data: Any) -> list[tuple[str, int]]:
    """Every (url, count) pair in a payload (rows with "url" and "count", or "urls" beside the counts)."""
    found: list[tuple[str, int]] = []
    if isinstance(data, dict):
        if isinstance(data.get("url"), str) and isinstance(data.get("count"), int) and data["url"]:
            found.append((data["url"], data["count"]))
        if isinstance(data.get("urls"), dict):
            counts = data.get("values") or data.get("counts") or data
            for key, url in data["urls"].items():
                if url and isinstance(counts.get(key), int):
                    found.append((url, counts[key]))
        for value in data.values():
            found.extend(_urls(value))
    elif isinstance(data, list):
        for value in data:
            found.extend(_urls(value))
    return found


def listed(client: Any, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    match = re.search(r'id="case-count">\s*(\d+)', response.content.decode())
    assert match, url
    return int(match.group(1))


@pytest.mark.parametrize(
    "endpoint",
    ["summary", "funnel", "breakdown?dimension=group", "breakdown?dimension=region", "weekly", "ppk"],
)
def test_every_number_links_to_the_cases_it_counts(
    client: Any, world: World, bawaslu_ri: Any, endpoint: str
) -> None:
    client.force_login(bawaslu_ri)
    data = client.get(
        f"/analitik/data/{endpoint.replace('?', '.json?') if '?' in endpoint else endpoint + '.json'}"
    )
    assert data.status_code == 200
    pairs = _urls(data.json())
    assert pairs
    for url, count in pairs:
        if "ppk_status=" in url and "blocks" in url:
            continue  # a block count counts block requests, the list shows their cases
        assert listed(client, url) == count, url


def test_funnel_counts_blocked_cases_that_were_sanctioned_later(
    world: World, bawaslu_ri: Any, ppk_kab_sleman: Any
) -> None:
    # The PPK sanctions the blocked case: the block is lifted and the case ends "unblocked", so only its
    # transition rows tell that it was blocked and sanctioned.
    from netral.cases import sanctions
    from netral.cases.models import Recommendation
    from tests.test_analytics_dash_support import RECEIVED, at, decree

    recommendation = Recommendation.objects.get(case=world.cases["s_blocked"])
    sanctions.record_sanction(
        recommendation,
        actor=ppk_kab_sleman,
        decree=decree(RECEIVED + dt.timedelta(days=60)),
        at=at(RECEIVED, 60),
    )
    assert Case.objects.get(pk=world.cases["s_blocked"].pk).state == "unblocked"
    funnel = queries.funnel(bawaslu_ri, Filters())
    main = {row["key"]: row["count"] for row in funnel["main"] + funnel["side"]}
    assert main == {"reported": 7, "proven": 4, "recommended": 4, "sanctioned": 3, "blocked": 1}
    expected = services_funnel(Case.objects.all())
    assert funnel["stages"] == {key: expected[key] for key in funnel["stages"]}
    every = queries.state_entries(bawaslu_ri, Filters())
    for stage, states in FUNNEL_STAGES.items():
        assert sum(every[state] for state in states) == expected[stage], stage
    assert queries.summary(bawaslu_ri, Filters())["ppk_overdue"] == 0
    # The case list behind the funnel numbers holds the same cases.
    for stage, count in main.items():
        listed = queries.drill_down(bawaslu_ri, Filters(), {"stage": stage})
        assert set(listed.values_list("pk", flat=True)) == set(
            Transition.objects.filter(to_state__in=FUNNEL_STAGES[stage]).values_list("case_id", flat=True)
        )
        assert listed.count() == count, stage
