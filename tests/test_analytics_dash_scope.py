"""Access and scope of the dashboards: who gets in, and no page or JSON shows another region's cases."""

from __future__ import annotations

from typing import Any

import pytest

from netral.accounts.models import User
from tests.test_analytics_dash_support import World, build_world

pytestmark = pytest.mark.django_db

PAGES = ["/analitik/", "/analitik/peta/", "/analitik/perkara/"]
DATA = ["summary", "funnel", "breakdown", "weekly", "deadlines", "ppk", "map", "geo"]


@pytest.fixture
def world(users_by_role: dict[str, Any]) -> World:
    return build_world(users_by_role)


@pytest.mark.parametrize("url", PAGES + [f"/analitik/data/{name}.json" for name in DATA])
def test_anonymous_users_are_sent_to_the_login(client: Any, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert "/masuk/" in response["Location"] or "login" in response["Location"]


@pytest.mark.parametrize("url", [*PAGES, "/analitik/data/summary.json"])
def test_users_without_a_case_role_get_403(client: Any, url: str) -> None:
    user = User.objects.create_user("no_role", password="x-unused-password-1")
    client.force_login(user)
    assert client.get(url).status_code == 403


def test_every_case_role_opens_the_dashboard(client: Any, users_by_role: dict[str, Any]) -> None:
    for name, user in users_by_role.items():
        client.force_login(user)
        response = client.get("/analitik/")
        assert response.status_code == 200, name
        assert response["Cache-Control"] == "no-store, private"


def _numbers(client: Any) -> dict[str, Any]:
    return {
        "summary": client.get("/analitik/data/summary.json").json()["counts"],
        "regions": client.get("/analitik/data/breakdown.json?dimension=region").json()["rows"],
        "ppk": client.get("/analitik/data/ppk.json").json()["rows"],
        "map": client.get("/analitik/data/map.json").json()["regions"],
        "manado_map": client.get("/analitik/data/map.json?province=71").json()["regions"],
        "list": client.get("/analitik/perkara/").content.decode(),
    }


def _map_totals(regions: list[dict[str, Any]]) -> dict[str, int]:
    return {region["code"]: region["values"]["cases"] for region in regions if region["values"]["cases"]}


def test_a_regency_sees_only_its_own_cases(client: Any, world: World, bawaslu_kab_sleman: Any) -> None:
    client.force_login(bawaslu_kab_sleman)
    numbers = _numbers(client)
    assert numbers["summary"]["total"] == 5
    assert {row["key"] for row in numbers["regions"]} == {"34.04"}
    assert {row["agency_code"] for row in numbers["ppk"]} == {"pemkab-34.04"}
    assert _map_totals(numbers["map"]) == {"34": 5}
    assert _map_totals(numbers["manado_map"]) == {}
    for name in ("m_late", "m_received"):
        assert world.cases[name].number not in numbers["list"]
    assert world.cases["s_received"].number in numbers["list"]
    # A filter on another region cannot widen the scope: it is refused and the user's own area shown.
    response = client.get("/analitik/data/summary.json?region=71.71")
    assert response.json()["counts"]["total"] == 5
    listing = client.get("/analitik/perkara/?region=71.71").content.decode()
    assert world.cases["m_late"].number not in listing


def test_manado_sees_only_manado(client: Any, world: World, bawaslu_kota_manado: Any) -> None:
    client.force_login(bawaslu_kota_manado)
    numbers = _numbers(client)
    assert numbers["summary"]["total"] == 2
    assert {row["key"] for row in numbers["regions"]} == {"71.71"}
    assert {row["agency_code"] for row in numbers["ppk"]} == {"pemkot-71.71"}
    assert _map_totals(numbers["map"]) == {"71": 2}
    assert _map_totals(numbers["manado_map"]) == {"71.71": 2}
    for name in ("s_received", "s_sanctioned", "s_blocked"):
        assert world.cases[name].number not in numbers["list"]


def test_a_ppk_sees_only_what_was_addressed_to_its_agency(
    client: Any, world: World, ppk_kab_sleman: Any, ppk_kota_manado: Any
) -> None:
    client.force_login(ppk_kab_sleman)
    numbers = _numbers(client)
    assert numbers["summary"]["total"] == 3  # s_sanctioned, s_blocked, s_sent
    assert {row["agency_code"] for row in numbers["ppk"]} == {"pemkab-34.04"}
    assert world.cases["s_received"].number not in numbers["list"]
    client.force_login(ppk_kota_manado)
    numbers = _numbers(client)
    assert numbers["summary"]["total"] == 1
    assert _map_totals(numbers["map"]) == {"71": 1}


def test_the_asn_authority_sees_only_forwarded_cases(client: Any, world: World, bkn_analyst: Any) -> None:
    client.force_login(bkn_analyst)
    assert client.get("/analitik/data/summary.json").json()["counts"]["total"] == 4


def test_drill_down_with_unknown_values_is_refused(client: Any, bawaslu_ri: Any) -> None:
    client.force_login(bawaslu_ri)
    for query in ("state=nope", "week=2024-41", "stage=nope", "deadline=nope", "agency=x", "ppk_agency=x"):
        assert client.get(f"/analitik/perkara/?{query}").status_code == 400, query
    assert client.get("/analitik/data/breakdown.json?dimension=nope").status_code == 400
    assert client.get("/analitik/data/nope.json").status_code == 404
    assert client.get("/analitik/data/map.json?province=99").status_code == 404


def test_kemendagri_sees_only_overdue_warned_and_blocked_cases(
    client: Any, world: World, kemendagri_officer: Any
) -> None:
    client.force_login(kemendagri_officer)
    numbers = _numbers(client)
    assert numbers["summary"]["total"] == 1
    assert world.cases["s_blocked"].number in numbers["list"]
    assert world.cases["s_sent"].number not in numbers["list"]


def test_exports_of_a_ppk_hold_only_its_agency(client: Any, world: World, ppk_kota_manado: Any) -> None:
    client.force_login(ppk_kota_manado)
    text = b"".join(client.get("/analitik/ekspor/perkara.csv").streaming_content).decode("utf-8-sig")
    assert world.cases["m_late"].number in text
    assert world.cases["m_received"].number not in text  # no recommendation to the PPK
    assert all(world.cases[name].number not in text for name in world.cases if name.startswith("s_"))
    ppk = b"".join(client.get("/analitik/ekspor/ppk.csv").streaming_content).decode("utf-8-sig")
    assert "pemkot-71.71" in ppk and "pemkab-34.04" not in ppk
