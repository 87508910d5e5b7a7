"""Exports: CSV/XLSX of cases and of the PPK table, the PDF summary; scope, filters, no reporter identity."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from openpyxl import load_workbook

from netral.analytics import charts
from netral.audit.models import AuditEntry
from netral.intake.crypto import ReporterIdentity
from netral.intake.services import ReportedPersonInput, ReportInput, submit_report
from tests.test_analytics_dash_support import World, at, build_world

pytestmark = pytest.mark.django_db

REPORTER = ReporterIdentity(
    name="Siti Rahmawati",
    nik="3404014509860001",
    address="Jl. Kaliurang Km 5, Sleman",
    phone="0812-3456-7890",
    email="siti.r@example.co.id",
)
IDENTITY_WORDS = ("Siti Rahmawati", "3404014509860001", "Kaliurang", "0812-3456-7890", "siti.r@example.co.id")
REPORTED_NAME = "Joko Prasetyo Wibowo"


@pytest.fixture
def world(users_by_role: dict[str, Any]) -> World:
    world = build_world(users_by_role)
    day = dt.date(2024, 10, 9)
    data = ReportInput(
        description="Camat mengunggah foto bersama pasangan calon dengan gestur dua jari.",
        region_code="34.04",
        election="pilkada-2024",
        known_on=day,
        reporter=REPORTER,
        reported=(ReportedPersonInput(name=REPORTED_NAME, position="Camat"),),
    )
    submit_report(data, channel="web", received_at=at(day))
    return world


def _csv(response: Any) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def _xlsx(response: Any) -> list[list[Any]]:
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _numbers(rows: list[list[Any]]) -> set[str]:
    return {str(row[0]) for row in rows[1:]}


def test_case_exports_honour_scope_and_hold_no_identity(
    client: Any, world: World, bawaslu_kab_sleman: Any
) -> None:
    client.force_login(bawaslu_kab_sleman)
    for fmt, read in (("csv", _csv), ("xlsx", _xlsx)):
        response = client.get(f"/analitik/ekspor/perkara.{fmt}")
        assert response.status_code == 200
        rows = read(response)
        numbers = _numbers(rows)
        assert len(numbers) == 6  # the five Sleman cases and the named report
        assert world.cases["s_sanctioned"].number in numbers
        assert not numbers & {world.cases["m_late"].number, world.cases["m_received"].number}
        text = repr(rows)
        for word in (*IDENTITY_WORDS, REPORTED_NAME):
            assert word not in text
        assert not any("pelapor" in str(cell).lower() or "reporter" in str(cell).lower() for cell in rows[0])


def test_case_export_follows_filters_and_drill_down(client: Any, world: World, bawaslu_ri: Any) -> None:
    client.force_login(bawaslu_ri)
    rows = _csv(client.get("/analitik/ekspor/perkara.csv?region=71"))
    assert _numbers(rows) == {world.cases["m_late"].number, world.cases["m_received"].number}
    rows = _csv(client.get("/analitik/ekspor/perkara.csv?stage=sanctioned"))
    assert _numbers(rows) == {world.cases["s_sanctioned"].number, world.cases["m_late"].number}
    assert client.get("/analitik/ekspor/perkara.pdf").status_code == 400
    assert client.get("/analitik/ekspor/perkara.csv?state=nope").status_code == 400
    entry = AuditEntry.objects.filter(action="analytics.export").last()
    assert entry is not None
    assert entry.data["kind"] == "cases"
    assert entry.data["filters"] == {"stage": "sanctioned"}  # a refused export is not written


def test_ppk_export(client: Any, world: World, bawaslu_ri: Any, bawaslu_kota_manado: Any) -> None:
    client.force_login(bawaslu_ri)
    rows = _xlsx(client.get("/analitik/ekspor/ppk.xlsx?sort=late&dir=desc"))
    assert [row[0] for row in rows[1:]] == ["pemkot-71.71", "pemkab-34.04"]
    header = rows[0]
    sleman = dict(zip(header, rows[2], strict=True))
    assert sleman["Rekomendasi diterima"] == 3
    assert sleman["Blokir"] == 1
    client.force_login(bawaslu_kota_manado)
    rows = _csv(client.get("/analitik/ekspor/ppk.csv"))
    assert [row[0] for row in rows[1:]] == ["pemkot-71.71"]


def test_pdf_summary(client: Any, world: World, bawaslu_kab_sleman: Any) -> None:
    client.force_login(bawaslu_kab_sleman)
    response = client.get("/analitik/ekspor/ringkasan.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_pdf_report_context_is_scoped(world: World, bawaslu_kab_sleman: Any) -> None:
    from netral.analytics.exports import report_context
    from netral.analytics.queries import Filters

    context = report_context(bawaslu_kab_sleman, Filters())
    assert context["summary"]["counts"]["total"] == 6
    assert [row["key"] for row in context["regions"]["rows"]] == ["34.04"]
    assert "<svg" in context["funnel_svg"] and "Kota Manado" not in context["regions_svg"]


def test_svg_charts_escape_labels() -> None:
    svg = charts.bar_chart([("<script>", 3), ("B & C", 1)])
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "B &amp; C" in svg
    assert charts.line_chart([]).startswith("<svg")
    assert "polyline" in charts.line_chart([("2024-10-07", 2), ("2024-10-14", 5)])
