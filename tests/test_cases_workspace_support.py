"""Shared helpers for the workspace-section and task tests (no tests here): named and anonymous reports
with evidence and messages, a case gathering several reports, a register record."""

from __future__ import annotations

import datetime as dt
import io

from django.test import Client
from PIL import Image

from netral.accounts.models import User
from netral.cases import merging
from netral.cases.models import Case
from netral.intake.models import Report
from netral.intake.services import (
    ReportedPersonInput,
    ReporterIdentity,
    ReportInput,
    add_message,
    attach_evidence,
    submit_report,
)
from netral.personnel.models import Agency, Employee
from netral.personnel.names import normalize_name
from netral.personnel.nip import build_nip
from tests.test_cases_support import APRIL_4_10_WIB

SITI = ReporterIdentity(
    name="Siti Rahmawati",
    nik="3404014509860001",
    address="Jl. Kaliurang Km 5, Sleman",
    phone="0812-3456-7890",
    email="siti.r@example.co.id",
)
# What must never appear on a workspace page (the reporter's identity).
SITI_TRACES = ("Siti Rahmawati", "3404014509860001", "Kaliurang", "3456-7890", "siti.r@example.co.id")


def png(colour: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(out, "PNG")
    return out.getvalue()


def file_report(
    *, anonymous: bool = True, region_code: str = "34.04", person: str = "Budi Santoso"
) -> Report:
    data = ReportInput(
        description="Kepala dinas mengajak pegawai mendukung calon tertentu.",
        region_code=region_code,
        election="pemilu-2024",
        known_on=dt.date(2024, 4, 4),
        anonymous=anonymous,
        reporter=ReporterIdentity() if anonymous else SITI,
        reported=(ReportedPersonInput(name=person, position="Kepala Dinas"),),
        evidence_urls=("https://example.org/posting/1",),
    )
    return submit_report(data, channel="web", received_at=APRIL_4_10_WIB).report


def case_of(report: Report) -> Case:
    return Case.objects.get(case_reports__report=report)


def with_material(report: Report, files: int = 1, messages: int = 1) -> Report:
    for number in range(files):
        attach_evidence(report, png((number * 40 % 256, 30, 30)), f"foto-{number}.png")
    for number in range(messages):
        add_message(report, f"Tambahan keterangan {number}.", direction="from_reporter")
    return report


def case_with_reports(staff: User, count: int, *, files: int = 1, messages: int = 1) -> Case:
    """A Sleman case gathering `count` reports (the others merged into the first), each with material."""
    reports = [with_material(file_report(person=f"Pegawai {n}"), files, messages) for n in range(count)]
    target = case_of(reports[0])
    for report in reports[1:]:
        target = merging.merge_into(case_of(report), target, actor=staff, reason="Laporan yang sama.")
    return Case.objects.get(pk=target.pk)


def add_employee(name: str = "Budi Santoso", serial: int = 7) -> Employee:
    return Employee.objects.create(
        nip=build_nip(dt.date(1975, 3, serial), gender="L", serial=serial, tmt_year=2000, tmt_month=3),
        name=name,
        name_normalized=normalize_name(name),
        employment="pns",
        position_class="kepala_wilayah",
        position_title="Camat Depok",
        agency=Agency.objects.get(code="pemkab-34.04"),
        region_id="34.04",
        gender="L",
        birth_date=dt.date(1975, 3, serial),
    )


def client_for(user: User, language: str = "en") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    client.cookies["django_language"] = language
    return client


def page(user: User, case: Case, language: str = "en") -> str:
    response = client_for(user, language).get(f"/perkara/{case.pk}/")
    assert response.status_code == 200
    return str(response.content.decode())


def url(case: Case, tail: str = "") -> str:
    return f"/perkara/{case.pk}/{tail}"
