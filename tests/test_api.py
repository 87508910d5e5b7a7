"""API v1: reference endpoints, the error contract, the docs page without CDN."""

from __future__ import annotations

import io
import json
import logging
import re
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    cache.clear()


def get(client: Client, url: str, **extra: Any) -> tuple[int, Any]:
    response = client.get(url, **extra)
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response.status_code, response.json()


# --- regions ------------------------------------------------------------------------------------


def test_regions_lists_the_provinces(client: Client) -> None:
    status, rows = get(client, "/api/v1/regions")
    assert status == 200
    assert len(rows) == 38
    assert rows[0] == {"code": "11", "name": "Aceh", "type": "provinsi", "timezone": "WIB"}
    assert {"code": "91", "name": "Papua", "type": "provinsi", "timezone": "WIT"} in rows


def test_regions_of_a_province_are_its_regencies_and_cities(client: Client) -> None:
    status, rows = get(client, "/api/v1/regions?province=34")
    assert status == 200
    assert [row["code"] for row in rows] == ["34.01", "34.02", "34.03", "34.04", "34.71"]
    assert rows[3] == {"code": "34.04", "name": "Kabupaten Sleman", "type": "kabupaten", "timezone": "WIB"}
    assert rows[4]["type"] == "kota"


def test_regions_list_matches_the_cli_json(client: Client) -> None:
    out = io.StringIO()
    call_command("regions", "list", "--province", "71", "--json", stdout=out)
    assert get(client, "/api/v1/regions?province=71") == (200, json.loads(out.getvalue()))


def test_region_detail(client: Client) -> None:
    assert get(client, "/api/v1/regions/71.71") == (
        200,
        {"code": "71.71", "name": "Kota Manado", "type": "kota", "timezone": "WITA", "province": "71"},
    )
    status, province = get(client, "/api/v1/regions/34")
    assert status == 200 and province["province"] is None and province["type"] == "provinsi"


def test_unknown_region_is_a_404_in_indonesian(client: Client) -> None:
    assert get(client, "/api/v1/regions/99.99") == (404, {"detail": "Wilayah 99.99 tidak ditemukan."})


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("province=3x", "Formatnya tidak sah."),
        ("province=34.04", "Formatnya tidak sah."),
        ("province=99", "Kode provinsi tidak dikenal: 99."),
    ],
)
def test_bad_province_filter_is_a_422_per_field(client: Client, query: str, message: str) -> None:
    assert get(client, f"/api/v1/regions?{query}") == (
        422,
        {"detail": [{"field": "province", "message": message}]},
    )


# --- catalogue ----------------------------------------------------------------------------------


def test_catalogue_has_ten_groups_and_the_items(client: Client) -> None:
    status, data = get(client, "/api/v1/catalogue")
    assert status == 200
    assert data["version"] == "skb-2022.1"
    assert [group["code"] for group in data["groups"]][:2] == ["media_sosial", "alat_peraga"]
    assert len(data["groups"]) == 10
    assert len(data["items"]) == 23
    first = data["items"][0]
    assert first["code"] == "E1"
    assert first["class"] == "ethics" and first["group"] == "alat_peraga"
    assert set(first) == {
        "code",
        "group",
        "class",
        "sanction_level",
        "sanction_forms",
        "legal_basis",
        "applies",
        "act",
        "param",
    }


def test_catalogue_filtered_by_group(client: Client) -> None:
    status, data = get(client, "/api/v1/catalogue?group=media_sosial")
    assert status == 200
    assert [group["code"] for group in data["groups"]] == ["media_sosial"]
    assert {item["code"] for item in data["items"]} >= {"E2", "D2"}
    assert {item["group"] for item in data["items"]} == {"media_sosial"}
    assert get(client, "/api/v1/catalogue?group=nope") == (
        422,
        {"detail": [{"field": "group", "message": "Kelompok tidak dikenal: nope."}]},
    )


# --- elections ----------------------------------------------------------------------------------


def test_elections_newest_first(client: Client) -> None:
    status, rows = get(client, "/api/v1/elections")
    assert status == 200
    assert [row["code"] for row in rows] == ["pilkada-2024", "pemilu-2024", "pilkada-2020"]
    assert rows[0]["voting_date"] == "2024-11-27"
    assert rows[0]["candidate_determination_date"] == "2024-09-22"


def test_election_detail_with_region(client: Client) -> None:
    status, data = get(client, "/api/v1/elections/pilkada-2024?region=34.04")
    assert status == 200
    assert data["region"] == "34.04"
    assert data["determination_date"] == "2024-09-22"
    voting = next(stage for stage in data["stages"] if stage["code"] == "voting")
    assert voting == {
        "code": "voting",
        "name": voting["name"],
        "start": "2024-11-27",
        "end": "2024-11-27",
        "override_region": None,
    }


def test_election_detail_matches_the_cli_json(client: Client) -> None:
    out = io.StringIO()
    call_command("elections", "show", "pemilu-2024", "--json", stdout=out)
    status, data = get(client, "/api/v1/elections/pemilu-2024")
    assert status == 200
    assert data == json.loads(out.getvalue())
    assert [party["ballot_number"] for party in data["parties"]][:3] == [1, 2, 3]


def test_unknown_election_is_404_and_unknown_region_422(client: Client) -> None:
    assert get(client, "/api/v1/elections/pemilu-2099") == (
        404,
        {"detail": "Pemilihan pemilu-2099 tidak ditemukan."},
    )
    status, body = get(client, "/api/v1/elections/pemilu-2024?region=99.99")
    assert status == 422
    assert body == {"detail": [{"field": "region", "message": "Kode wilayah tidak dikenal: 99.99."}]}


# --- deadlines ----------------------------------------------------------------------------------


def test_deadline_golden_values(client: Client) -> None:
    # 7 working days from Thu 4 Apr 2024 skip Idulfitri and cuti bersama (8-15 Apr): Tue 23 Apr,
    # 16:00 WITA in Kota Manado (docs/clocks.md).
    assert get(client, "/api/v1/deadlines?clock=pemilu.decision&start=2024-04-04&region=71.71") == (
        200,
        {
            "clock": "pemilu.decision",
            "start": "2024-04-04",
            "days": 7,
            "day_type": "working",
            "due_date": "2024-04-23",
            "due_at": "2024-04-23T16:00:00+08:00",
        },
    )
    # 7 calendar days: 4 Apr + 7 = 11 Apr, nationally (WIB).
    status, data = get(client, "/api/v1/deadlines?clock=pilkada.report_filing&start=2024-04-04")
    assert status == 200
    assert (data["due_date"], data["due_at"]) == ("2024-04-11", "2024-04-11T16:00:00+07:00")


def test_deadline_is_the_same_json_as_the_cli(client: Client) -> None:
    out = io.StringIO()
    call_command(
        "deadline",
        "--clock",
        "pilkada.decision",
        "--start",
        "2024-11-25",
        "--region",
        "91.71",
        "--json",
        stdout=out,
    )
    url = "/api/v1/deadlines?clock=pilkada.decision&start=2024-11-25&region=91.71"
    assert get(client, url) == (200, json.loads(out.getvalue()))


BAD_DATE = "Bukan tanggal yang sah; gunakan format YYYY-MM-DD, misalnya 2024-04-04."


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("clock=nope&start=2024-04-04", "clock", "Jangka waktu tidak dikenal: nope."),
        (
            "clock=pemilu.decision&start=2024-04-04&region=99.99",
            "region",
            "Kode wilayah tidak dikenal: 99.99.",
        ),
        (
            "clock=pemilu.decision&start=2024-13-01",
            "start",
            "Bukan tanggal yang sah; gunakan format YYYY-MM-DD, misalnya 2024-04-04.",
        ),
        (
            "clock=pemilu.decision&start=yesterday",
            "start",
            "Bukan tanggal yang sah; gunakan format YYYY-MM-DD, misalnya 2024-04-04.",
        ),
        ("clock=pemilu.decision&start=2024-04-04&region=Sleman", "region", "Formatnya tidak sah."),
    ],
)
def test_deadline_bad_input_is_a_422_per_field(client: Client, query: str, field: str, message: str) -> None:
    status, body = get(client, f"/api/v1/deadlines?{query}")
    assert status == 422
    assert len(body["detail"]) == 1
    assert body["detail"][0]["field"] == field
    assert body["detail"][0]["message"].startswith(message)


def test_missing_parameters_are_each_reported(client: Client) -> None:
    status, body = get(client, "/api/v1/deadlines")
    assert status == 422
    assert body == {
        "detail": [
            {"field": "clock", "message": "Wajib diisi."},
            {"field": "start", "message": "Wajib diisi."},
        ]
    }


# --- error contract -----------------------------------------------------------------------------


def test_unknown_api_path_is_a_json_404(client: Client) -> None:
    assert get(client, "/api/v1/no-such-thing") == (404, {"detail": "Tidak ditemukan."})
    assert get(client, "/api/v2/regions") == (404, {"detail": "Tidak ditemukan."})


def test_wrong_method_is_not_a_500(client: Client) -> None:
    response = client.post("/api/v1/regions", data="{}", content_type="application/json")
    assert response.status_code == 405


def test_unexpected_error_is_a_generic_500_and_is_logged(
    client: Client, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from netral.catalogue import services as catalogue

    def broken(group_code: str | None = None) -> dict[str, Any]:
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr(catalogue, "catalogue_as_dict", broken)
    with caplog.at_level(logging.ERROR, logger="netral.api"):
        status, body = get(client, "/api/v1/catalogue")
    assert status == 500
    assert body == {"detail": "Terjadi kesalahan pada server. Silakan coba lagi nanti."}
    assert "hunter2" in caplog.text  # the operator sees the cause in the log, the client does not


def test_injection_strings_are_just_bad_input(client: Client) -> None:
    for value in ["' OR 1=1 --", "<script>alert(1)</script>", "%00", "../../etc/passwd"]:
        status, body = get(client, "/api/v1/regions", data={"province": value})
        assert status == 422
        assert body["detail"][0]["field"] == "province"
        assert value not in json.dumps(body)
    status, body = get(client, "/api/v1/regions/" + "%27%20OR%201%3D1")
    assert status == 404


# --- docs ---------------------------------------------------------------------------------------

_EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


def test_docs_page_uses_no_cdn(client: Client) -> None:
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert not _EXTERNAL.search(html), "the docs page must not load anything from another host"
    assert "cdn" not in html.lower()
    assets = re.findall(r"""(?:src|href)="([^"]+)\"""", html)
    assert any("swagger-ui-bundle.js" in url for url in assets)
    assert any("swagger-ui.css" in url for url in assets)
    for url in assets:
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert b"".join(asset.streaming_content)  # type: ignore[attr-defined]
    settings_json = re.search(
        r'<script id="swagger-settings" type="application/json">(.*?)</script>', html, re.S
    )
    assert settings_json is not None
    swagger = json.loads(settings_json.group(1))
    assert swagger["url"] == "/api/v1/openapi.json"
    assert swagger["validatorUrl"] is None  # no badge from validator.swagger.io


def test_docs_assets_are_a_fixed_list(client: Client) -> None:
    assert client.get("/api/docs/assets/redoc.standalone.js").status_code == 404
    assert client.get("/api/docs/assets/..%2F..%2Fmain.py").status_code == 404


def test_openapi_schema(client: Client) -> None:
    status, schema = get(client, "/api/v1/openapi.json")
    assert status == 200
    assert schema["info"]["title"] == "netral API"
    assert schema["info"]["version"] == "1"
    for path in [
        "/api/v1/regions",
        "/api/v1/regions/{code}",
        "/api/v1/catalogue",
        "/api/v1/elections",
        "/api/v1/elections/{code}",
        "/api/v1/deadlines",
        "/api/v1/me",
    ]:
        assert path in schema["paths"], path
    responses = schema["paths"]["/api/v1/deadlines"]["get"]["responses"]
    assert {"200", "422", "429"} <= set(responses)
    assert schema["components"]["securitySchemes"] == {"ApiTokenAuth": {"type": "http", "scheme": "bearer"}}
    assert schema["paths"]["/api/v1/me"]["get"]["security"] == [{"ApiTokenAuth": []}]
    assert "security" not in schema["paths"]["/api/v1/regions"]["get"]
