"""Reporting window and requirement checklist (netral/intake/checks.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from django.utils import translation

from netral.intake import services
from netral.intake.crypto import ReporterIdentity
from netral.intake.services import ReportedPersonInput, filing_window, missing_requirements
from tests.test_intake_services import SITI, report_input

pytestmark = pytest.mark.django_db


# --- filing window ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "days_left", "expired"),
    [
        # Day 0 is Thu 4 Apr 2024. Working days after it: Fri 5; 8-9 Apr cuti bersama, 10-11 Apr
        # Idulfitri, 12 and 15 Apr cuti bersama; then Tue 16, Wed 17, Thu 18, Fri 19, Mon 22, Tue 23.
        (dt.date(2024, 4, 4), 7, False),
        (dt.date(2024, 4, 5), 6, False),
        (dt.date(2024, 4, 8), 6, False),  # a cuti bersama day: Tue 16 .. Tue 23 remain
        (dt.date(2024, 4, 15), 6, False),
        (dt.date(2024, 4, 16), 5, False),
        (dt.date(2024, 4, 22), 1, False),
        (dt.date(2024, 4, 23), 0, False),  # the last day counts in full
        (dt.date(2024, 4, 24), 0, True),
    ],
)
def test_pemilu_filing_window_across_idulfitri_2024(today: dt.date, days_left: int, expired: bool) -> None:
    window = filing_window(dt.date(2024, 4, 4), "pemilu-2024", "34.04", today)
    assert window.clock == "pemilu.report_filing"
    assert window.day_type == "working"
    assert window.last_day == dt.date(2024, 4, 23)
    assert (window.days_left, window.expired) == (days_left, expired)


@pytest.mark.parametrize(
    ("today", "days_left", "expired"),
    [
        (dt.date(2024, 11, 22), 7, False),
        (dt.date(2024, 11, 27), 2, False),  # Pilkada voting day, a holiday: calendar days still count
        (dt.date(2024, 11, 29), 0, False),
        (dt.date(2024, 11, 30), 0, True),
    ],
)
def test_pilkada_filing_window_counts_calendar_days(today: dt.date, days_left: int, expired: bool) -> None:
    # Known on Fri 22 Nov 2024 in Kota Manado: 7 calendar days later is Fri 29 Nov 2024.
    window = filing_window(dt.date(2024, 11, 22), "pilkada-2024", "71.71", today)
    assert window.clock == "pilkada.report_filing"
    assert window.day_type == "calendar"
    assert window.last_day == dt.date(2024, 11, 29)
    assert (window.days_left, window.expired) == (days_left, expired)
    assert window.as_dict() == {"last_day": "2024-11-29", "days_left": days_left, "expired": expired}


def test_pilkada_window_may_end_on_a_holiday() -> None:
    # Known Thu 4 Apr 2024: + 7 calendar days = Thu 11 Apr 2024, the second day of Idulfitri.
    assert filing_window(
        dt.date(2024, 4, 4), "pilkada-2024", "34.04", dt.date(2024, 4, 4)
    ).last_day == dt.date(2024, 4, 11)


# --- requirement checklist ----------------------------------------------------------------------


def test_a_complete_report_misses_nothing() -> None:
    assert missing_requirements(report_input(), today=dt.date(2024, 4, 5)) == []


def test_checklist_in_indonesian_for_an_empty_named_report() -> None:
    data = report_input(
        reporter=ReporterIdentity(),
        reported=(ReportedPersonInput(position="Kepala Dinas"),),
        place="",
        occurred_on=None,
        evidence_urls=(),
        known_on=dt.date(2024, 4, 4),
    )
    with translation.override("id"):
        missing = missing_requirements(data, today=dt.date(2024, 4, 24))
    assert missing == [
        "Nama Anda belum diisi (atau pilih melapor tanpa nama).",
        "NIK Anda (nomor pada KTP) belum diisi.",
        "Alamat Anda belum diisi.",
        "Nomor telepon atau alamat e-mail untuk menghubungi Anda belum diisi.",
        "Nama ASN yang dilaporkan belum diisi.",
        "Batas waktu pelaporan berakhir pada 23 April 2024. Laporan tetap dapat dikirim, tetapi akan "
        "ditandai daluwarsa.",
        "Tanggal kejadian belum diisi.",
        "Tempat kejadian belum diisi.",
        "Bukti belum ada: unggah foto, dokumen atau video, atau tambahkan tautan.",
    ]


def test_anonymous_reports_and_findings_need_no_reporter_identity() -> None:
    anonymous = report_input(anonymous=True, reporter=ReporterIdentity())
    assert missing_requirements(anonymous, today=dt.date(2024, 4, 5)) == []
    finding = report_input(reporter=ReporterIdentity())
    assert missing_requirements(finding, finding=True, today=dt.date(2024, 4, 5)) == []


def test_checklist_codes_and_uploaded_files_count_as_evidence() -> None:
    data = report_input(evidence_urls=(), reporter=dataclasses.replace(SITI, phone="", email=""))
    codes_missing = [r.code for r in services.requirement_checklist(data, today=dt.date(2024, 4, 5))]
    assert codes_missing == ["reporter_contact", "evidence"]
    groups = {r.code: r.group for r in services.requirement_checklist(data, today=dt.date(2024, 4, 5))}
    assert groups == {"reporter_contact": "formal", "evidence": "material"}
    assert missing_requirements(data, evidence_files=1, today=dt.date(2024, 4, 5)) == [
        missing_requirements(data, today=dt.date(2024, 4, 5))[0]
    ]


def test_checklist_copes_with_unknown_references() -> None:
    data = report_input(election="pemilu-1999", known_on=None, description="  ")
    found = [r.code for r in services.requirement_checklist(data)]
    assert found == ["known_on", "description"]
    # An unknown election or region: no window can be computed, so no deadline item (validation
    # reports the reference itself).
    assert services.requirement_checklist(report_input(election="pemilu-1999", region_code="00")) == []
