"""The map: the built-in tile grid, metrics per province and regency equal to the rows, polygons when
boundaries are loaded, the accessible table, and scope."""

from __future__ import annotations

from typing import Any

import pytest

from netral.analytics import queries
from netral.analytics.map import map_data
from netral.analytics.queries import Filters
from netral.cases.models import Case
from netral.regions.models import Region
from tests.test_analytics_dash_support import World, build_world

pytestmark = pytest.mark.django_db

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[110.2, -7.8], [110.5, -7.8], [110.5, -7.6], [110.2, -7.6], [110.2, -7.8]]],
}


@pytest.fixture
def world(users_by_role: dict[str, Any]) -> World:
    return build_world(users_by_role)


def test_tile_grid_has_one_tile_per_province() -> None:
    tiles = queries.tilegrid()
    assert sorted(tile["code"] for tile in tiles) == sorted(
        Region.objects.provinces().values_list("code", flat=True)
    )
    assert len(tiles) == 38
    assert len({(tile["row"], tile["col"]) for tile in tiles}) == 38
    by_code = {tile["code"]: tile for tile in tiles}
    # Roughly geographic: Aceh west of Papua, Java south of Kalimantan, DIY south of Central Java.
    assert by_code["11"]["col"] < by_code["91"]["col"]
    assert by_code["33"]["row"] > by_code["62"]["row"]
    assert by_code["34"]["row"] > by_code["33"]["row"]


def test_province_values_equal_the_rows(world: World, bawaslu_ri: Any) -> None:
    data = map_data(bawaslu_ri, Filters())
    values = {region["code"]: region["values"] for region in data["regions"]}
    assert len(values) == 38
    for code in ("34", "71"):
        cases = Case.objects.filter(region__code__startswith=code)
        assert values[code]["cases"] == cases.count()
        assert (
            values[code]["ppk_overdue"]
            == cases.filter(state__in=["ppk_overdue", "warned", "blocked"]).count()
        )
        assert values[code]["proven"] == cases.filter(transitions__to_state="violation").count()
    assert values["34"] == {"cases": 5, "open": 3, "proven": 3, "ppk_overdue": 1}
    assert values["71"]["cases"] == 2
    assert values["11"] == {"cases": 0, "open": 0, "proven": 0, "ppk_overdue": 0}
    assert data["max"]["cases"] == 5
    assert data["polygons"] is False


def test_regency_level_and_scope(world: World, bawaslu_kab_sleman: Any) -> None:
    data = map_data(bawaslu_kab_sleman, Filters(), "34")
    assert data["level"] == "regency"
    codes = {region["code"]: region for region in data["regions"]}
    assert set(codes) == set(Region.objects.filter(parent_id="34").values_list("code", flat=True))
    assert codes["34.04"]["values"]["cases"] == 5 and codes["34.04"]["in_scope"]
    assert not codes["34.71"]["in_scope"]
    provinces = {region["code"]: region for region in map_data(bawaslu_kab_sleman, Filters())["regions"]}
    assert provinces["34"]["in_scope"] and not provinces["71"]["in_scope"]
    assert provinces["71"]["values"]["cases"] == 0  # Manado's cases are not counted for Sleman
    manado = map_data(bawaslu_kab_sleman, Filters(), "71")
    assert all(region["values"]["cases"] == 0 for region in manado["regions"])


def test_polygons_when_boundaries_are_loaded(client: Any, world: World, bawaslu_ri: Any) -> None:
    Region.objects.filter(code="34").update(boundary=SQUARE)
    Region.objects.filter(code="34.04").update(boundary=SQUARE)
    assert map_data(bawaslu_ri, Filters())["polygons"] is True
    assert map_data(bawaslu_ri, Filters(), "34")["polygons"] is True
    assert map_data(bawaslu_ri, Filters(), "71")["polygons"] is False
    client.force_login(bawaslu_ri)
    geo = client.get("/analitik/data/geo.json?level=regency&province=34").json()
    assert geo["type"] == "FeatureCollection"
    assert [feature["properties"]["code"] for feature in geo["features"]] == ["34.04"]
    assert client.get("/analitik/data/geo.json").json()["features"][0]["properties"]["code"] == "34"


def test_map_page_has_the_accessible_table(client: Any, world: World, bawaslu_ri: Any) -> None:
    client.force_login(bawaslu_ri)
    response = client.get("/analitik/peta/?metric=open")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="table-map"' in page and 'id="map"' in page and 'data-metric="open"' in page
    assert "Daerah Istimewa Yogyakarta" in page and "province=34" in page
    regencies = client.get("/analitik/peta/?province=34").content.decode()
    assert "Kabupaten Sleman" in regencies and 'data-level="regency"' in regencies
    assert client.get("/analitik/peta/?province=34.04").status_code == 404
    # Clicking through a map number lists the cases it counts.
    data = client.get("/analitik/data/map.json?province=34").json()
    sleman = next(region for region in data["regions"] if region["code"] == "34.04")
    listing = client.get(sleman["urls"]["ppk_overdue"]).content.decode()
    assert world.cases["s_blocked"].number in listing and world.cases["s_sent"].number not in listing


def test_without_echarts_the_pages_show_tables_and_say_why(
    client: Any, world: World, bawaslu_ri: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netral.analytics import views

    client.force_login(bawaslu_ri)
    monkeypatch.setattr(views, "charts_available", lambda: False)
    for url in ("/analitik/", "/analitik/peta/"):
        page = client.get(url).content.decode()
        assert 'id="charts-missing"' in page and "make install" in page
        assert "echarts.min.js" not in page
        assert 'id="table-map"' in page or 'id="table-funnel"' in page


def test_echarts_is_served_from_node_modules_only_as_one_file() -> None:
    from netral.analytics import finders

    finder = finders.EChartsFinder()
    listed = [path for path, _storage in finder.list([])]
    if not finders.dist().is_dir():
        assert listed == [] and finder.find("vendor/echarts/echarts.min.js") == []
        return
    assert listed == ["echarts.min.js"]
    assert finder.find("vendor/echarts/echarts.min.js").endswith("node_modules/echarts/dist/echarts.min.js")
    assert finder.find("vendor/echarts/echarts.js") == []
    assert finder.find("vendor/echarts/echarts.min.js", find_all=True) != []
