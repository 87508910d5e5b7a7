"""Filing window, requirement checklist, submitting, finding, messages and evidence (intake services)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.audit.services import verify
from netral.intake import codes, services
from netral.intake.checks import local_today
from netral.intake.crypto import ReporterIdentity
from netral.intake.models import Evidence, Message, Report, ReportedPerson
from netral.intake.services import (
    ReportedPersonInput,
    ReportInput,
    ReportValidationError,
    submit_report,
)
from netral.personnel.models import Employee
from netral.personnel.services import agency_for_region
from netral.regions.models import Region

pytestmark = pytest.mark.django_db

UTC = dt.UTC
# 10:00 WIB on Friday 5 April 2024, the day after the reporter learned of the event.
APRIL_5 = dt.datetime(2024, 4, 5, 3, 0, tzinfo=UTC)

SITI = ReporterIdentity(
    name="Siti Rahmawati",
    nik="3404014509860001",
    address="Jl. Kaliurang Km 5, Sleman",
    phone="0812-3456-7890",
    email="siti.r@example.co.id",
)
CAMAT = ReportedPersonInput(
    name="Drs. H. Bambang Sutrisno", position="Camat Depok", agency="Pemkab Sleman", nip="198609262015051001"
)


def report_input(**changes: Any) -> ReportInput:
    base = ReportInput(
        description="Camat memasang spanduk pasangan calon di kantor kecamatan.",
        region_code="34.04",
        election="pemilu-2024",
        known_on=dt.date(2024, 4, 4),
        anonymous=False,
        reporter=SITI,
        reported=(CAMAT,),
        chronology="Pukul 08.00 spanduk sudah terpasang di pagar kantor.",
        place="Kantor Kecamatan Depok",
        occurred_on=dt.date(2024, 4, 3),
        witnesses=("Budi, warga RT 03",),
        evidence_urls=("https://instagram.com/p/abc123",),
    )
    return dataclasses.replace(base, **changes)


def submit(data: ReportInput | None = None, **kwargs: Any) -> services.SubmittedReport:
    kwargs.setdefault("channel", "web")
    kwargs.setdefault("received_at", APRIL_5)
    return submit_report(data or report_input(), **kwargs)


def test_today_is_the_regions_local_date() -> None:
    late_evening_utc = dt.datetime(2024, 4, 23, 16, 30, tzinfo=UTC)  # 23:30 WIB, 01:30 WIT next day
    assert local_today("34.04", late_evening_utc) == dt.date(2024, 4, 23)
    assert local_today("91.71", late_evening_utc) == dt.date(2024, 4, 24)
    sleman = submit(received_at=late_evening_utc)
    jayapura = submit(report_input(region_code="91.71"), received_at=late_evening_utc)
    assert (sleman.report.daluwarsa, jayapura.report.daluwarsa) == (False, True)
    assert sleman.report.filing_last_day == jayapura.report.filing_last_day == dt.date(2024, 4, 23)


# --- submitting ---------------------------------------------------------------------------------


def make_employee() -> Employee:
    agency = agency_for_region("34.04")
    assert agency is not None
    return Employee.objects.create(
        nip="198609262015051001",
        name="Drs. H. Bambang Sutrisno",
        name_normalized="bambang sutrisno",
        employment="pns",
        position_class="kepala_wilayah",
        agency=agency,
        region=Region.objects.get(code="34.04"),
        gender="L",
        birth_date=dt.date(1986, 9, 26),
    )


def test_submit_stores_the_report_and_returns_a_receipt() -> None:
    employee = make_employee()
    result = submit()
    report = result.report
    assert result.created
    assert codes.parse_tracking_code(result.tracking_code) == result.tracking_code == report.tracking_code
    assert (
        result.receipt_secret
        and codes.normalise_receipt_secret(result.receipt_secret) == result.receipt_secret
    )
    assert result.receipt_secret not in report.receipt_secret_hash
    assert result.filing_window.as_dict() == {"last_day": "2024-04-23", "days_left": 6, "expired": False}
    assert "receipt_secret" not in repr(result)  # the dataclass repr leaves the secret out

    report.refresh_from_db()
    assert (report.channel, report.kind, report.state) == ("web", "laporan", "received")
    assert (report.region_id, report.election.code) == ("34.04", "pemilu-2024")
    assert (report.known_on, report.occurred_on) == (dt.date(2024, 4, 4), dt.date(2024, 4, 3))
    assert (report.filing_clock, report.filing_last_day, report.daluwarsa) == (
        "pemilu.report_filing",
        dt.date(2024, 4, 23),
        False,
    )
    assert report.created_at == APRIL_5
    assert report.witnesses == ["Budi, warga RT 03"]
    assert report.evidence_urls == ["https://instagram.com/p/abc123"]
    assert report.submitted_by is None and report.idempotency_key is None

    # Identity: encrypted, hashed, never in clear in the row.
    row = json.dumps(Report.objects.filter(pk=report.pk).values().get(), default=str)
    for value in ("Siti", "3404014509860001", "Kaliurang", "0812", "siti.r@"):
        assert value not in row
    assert len(report.reporter_nik_hash) == len(report.reporter_phone_hash) == 64
    assert list(Report.objects.with_reporter("phone", "+62 812-3456-7890")) == [report]
    assert list(Report.objects.with_reporter("nik", "3404 0145 0986 0001")) == [report]
    assert not Report.objects.with_reporter("email", "someone@else.id").exists()

    person = ReportedPerson.objects.get(report=report)
    assert (person.name, person.position, person.agency, person.nip) == (
        "Drs. H. Bambang Sutrisno",
        "Camat Depok",
        "Pemkab Sleman",
        "198609262015051001",
    )
    assert person.employee == employee


def test_anonymous_report_stores_no_identity_even_if_one_was_sent() -> None:
    report = submit(report_input(anonymous=True)).report
    assert report.anonymous
    assert report.reporter_identity_token == ""
    assert report.reporter_nik_hash == report.reporter_email_hash == report.reporter_phone_hash == ""


def test_expired_report_is_stored_flagged_daluwarsa() -> None:
    late = report_input(known_on=dt.date(2024, 4, 1), occurred_on=dt.date(2024, 3, 30))
    result = submit(late, received_at=dt.datetime(2024, 4, 30, 3, tzinfo=UTC))
    # Known Mon 1 Apr: working days Tue 2, Wed 3, Thu 4, Fri 5, then 16, 17, 18 Apr -> last day Thu 18 Apr.
    assert result.report.daluwarsa is True
    assert result.report.filing_last_day == dt.date(2024, 4, 18)
    assert result.filing_window.expired and result.filing_window.days_left == 0
    assert Report.objects.filter(pk=result.report.pk).exists()


def test_audit_entry_is_written_without_personal_data() -> None:
    result = submit()
    entry = AuditEntry.objects.get(action="intake.report_received", object_id=str(result.report.pk))
    assert entry.actor is None and entry.actor_label == "public (web)"
    assert entry.data["tracking_code"] == result.tracking_code
    assert entry.data["daluwarsa"] is False and entry.data["region"] == "34.04"
    dumped = json.dumps(entry.data)
    for value in (
        "Siti",
        "3404014509860001",
        "Kaliurang",
        "0812",
        "siti.r",
        "spanduk",
        "Bambang",
        result.receipt_secret or "-",
    ):
        assert value not in dumped
    assert verify().ok


def test_injection_strings_are_stored_verbatim_as_data() -> None:
    nasty = "Robert'); DROP TABLE intake_report;-- <script>alert('x')</script> {{ 7*7 }}"
    report = submit(report_input(description=nasty, place="<b>Kantor</b>")).report
    report.refresh_from_db()
    assert report.description == nasty and report.place == "<b>Kantor</b>"
    assert Report.objects.count() >= 1  # the table is still there


# --- validation ---------------------------------------------------------------------------------


def assert_invalid(data: ReportInput, **kwargs: Any) -> dict[str, list[str]]:
    before = (Report.objects.count(), ReportedPerson.objects.count(), AuditEntry.objects.count())
    with pytest.raises(ReportValidationError) as info:
        submit(data, **kwargs)
    assert (Report.objects.count(), ReportedPerson.objects.count(), AuditEntry.objects.count()) == before
    return info.value.errors


def test_required_fields_and_references() -> None:
    with translation.override("id"):
        errors = assert_invalid(
            report_input(
                description=" ", region_code="99.99", election="pemilu-1999", known_on=None, reported=()
            )
        )
    assert errors == {
        "description": ["Kolom ini wajib diisi."],
        "region_code": ["Kode wilayah tidak dikenal."],
        "election": ["Pemilihan tidak dikenal."],
        "known_on": ["Kolom ini wajib diisi."],
        "reported": ["Sebutkan paling sedikit satu ASN (nama atau jabatan)."],
    }


def test_dates_must_be_plausible() -> None:
    errors = assert_invalid(report_input(known_on=dt.date(2024, 4, 6), occurred_on=dt.date(2024, 4, 6)))
    assert set(errors) == {"known_on", "occurred_on"}
    errors = assert_invalid(report_input(occurred_on=dt.date(2024, 4, 4), known_on=dt.date(2024, 4, 2)))
    assert list(errors) == ["occurred_on"]
    errors = assert_invalid(report_input(known_on="2024-04-04"))
    assert list(errors) == ["known_on"]


def test_wrong_types_and_control_characters_are_field_errors() -> None:
    errors = assert_invalid(
        report_input(
            description=123,
            place="Kantor\x00Camat",
            anonymous="yes",
            witnesses="Budi",
            evidence_urls=("javascript:alert(1)", "ftp://example.com/x"),
        )
    )
    assert set(errors) == {
        "description",
        "place",
        "anonymous",
        "witnesses",
        "evidence_urls.0",
        "evidence_urls.1",
    }


def test_identity_numbers_are_checked_and_messages_do_not_echo_them() -> None:
    data = report_input(
        reporter=dataclasses.replace(SITI, nik="9999014509860001", email="not-an-email", phone="12"),
        reported=(dataclasses.replace(CAMAT, nip="198609262015051000"), ReportedPersonInput()),
    )
    with translation.override("id"):
        errors = assert_invalid(data)
    assert set(errors) == {
        "reporter.nik",
        "reporter.email",
        "reporter.phone",
        "reported.0.nip",
        "reported.1.name",
    }
    assert errors["reporter.nik"] == ["NIK ini tidak valid (16 angka seperti pada KTP)."]
    assert all("9999" not in message for message in errors["reporter.nik"])
    assert errors["reported.0.nip"]  # the personnel app's NIP messages (serial 000)


def test_named_report_needs_the_reporters_name() -> None:
    errors = assert_invalid(report_input(reporter=dataclasses.replace(SITI, name="")))
    assert list(errors) == ["reporter.name"]


def test_lengths_and_list_sizes_are_limited() -> None:
    errors = assert_invalid(
        report_input(
            description="x" * 10_001,
            witnesses=tuple(f"saksi {i}" for i in range(31)),
            reported=tuple(CAMAT for _ in range(51)),
        )
    )
    assert set(errors) == {"description", "witnesses", "reported"}


def test_unknown_channel_and_bad_input_type() -> None:
    with pytest.raises(ReportValidationError) as info:
        submit_report(report_input(), channel="fax")
    assert list(info.value.errors) == ["channel"]
    with pytest.raises(ReportValidationError):
        submit_report({"description": "x"}, channel="api")  # type: ignore[arg-type]


def test_validation_error_message_names_fields_only() -> None:
    with pytest.raises(ReportValidationError) as info:
        submit(report_input(reporter=dataclasses.replace(SITI, nik="12345")))
    assert str(info.value) == "invalid report: reporter.nik"


# --- findings -----------------------------------------------------------------------------------


def test_a_finding_is_recorded_by_a_supervisor_in_scope(bawaslu_kab_sleman: User) -> None:
    result = submit(
        report_input(reporter=ReporterIdentity(), anonymous=False),
        channel="finding",
        actor=bawaslu_kab_sleman,
    )
    report = result.report
    assert (report.kind, report.channel, report.submitted_by) == ("temuan", "finding", bawaslu_kab_sleman)
    assert report.reporter_identity_token == "" and not report.anonymous
    entry = AuditEntry.objects.get(action="intake.report_received", object_id=str(report.pk))
    assert entry.actor == bawaslu_kab_sleman and entry.data["kind"] == "temuan"


def test_findings_need_a_bawaslu_supervisor_of_that_region(
    bawaslu_kab_sleman: User, bkn_analyst: User
) -> None:
    with pytest.raises(PermissionDenied):
        submit(channel="finding")
    with pytest.raises(PermissionDenied):
        submit(channel="finding", actor=bkn_analyst)
    errors = assert_invalid(report_input(region_code="71.71"), channel="finding", actor=bawaslu_kab_sleman)
    assert list(errors) == ["region_code"]


# --- finding a report again ---------------------------------------------------------------------


def test_find_report_needs_both_code_and_secret() -> None:
    result = submit()
    secret = result.receipt_secret or ""
    assert services.find_report(result.tracking_code, secret) == result.report
    typed_code = result.tracking_code.lower().replace("-", " ").replace("0", "o")
    assert services.find_report(typed_code, secret.lower()) == result.report
    other_code = codes.new_tracking_code()
    assert services.find_report(other_code, secret) is None
    assert services.find_report(result.tracking_code, codes.new_receipt_secret()) is None
    assert services.find_report(result.tracking_code, "") is None
    assert services.find_report("NTR-XXXX", secret) is None
    assert services.find_report("' OR 1=1 --", "' OR 1=1 --") is None


# --- messages -----------------------------------------------------------------------------------


def test_messages_between_reporter_and_handler(bawaslu_kab_sleman: User) -> None:
    report = submit(report_input(anonymous=True)).report
    from_reporter = services.add_message(report, "  Saya punya foto tambahan. ", direction="from_reporter")
    assert (from_reporter.body, from_reporter.author) == ("Saya punya foto tambahan.", None)
    reply = services.add_message(
        report, "Silakan unggah.", direction="to_reporter", author=bawaslu_kab_sleman
    )
    assert reply.author == bawaslu_kab_sleman
    assert list(report.messages.values_list("direction", flat=True)) == ["from_reporter", "to_reporter"]
    entries = AuditEntry.objects.filter(action="intake.message_added", object_id=str(report.pk))
    assert [e.actor_label for e in entries] == ["reporter", "bawaslu_kab_sleman"]
    assert all("foto" not in json.dumps(e.data) for e in entries)


def test_only_handlers_in_scope_write_to_reporters(
    bawaslu_kota_manado: User, bkn_analyst: User, data_custodian: User
) -> None:
    report = submit().report
    for user in (None, bawaslu_kota_manado, bkn_analyst, data_custodian):
        with pytest.raises(PermissionDenied):
            services.add_message(report, "Halo", direction="to_reporter", author=user)
    with pytest.raises(ValueError):
        services.add_message(report, "Halo", direction="from_reporter", author=bkn_analyst)
    with pytest.raises(ValueError):
        services.add_message(report, "Halo", direction="sideways")
    assert not Message.objects.filter(report=report).exists()


@pytest.mark.parametrize("body", ["", "   ", "x" * 5001, "a\x00b", None])
def test_message_bodies_are_checked(body: Any) -> None:
    report = submit().report
    with pytest.raises(ReportValidationError) as info:
        services.add_message(report, body, direction="from_reporter")
    assert list(info.value.errors) == ["body"]


# --- evidence -----------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n%%EOF\n"


def test_attach_evidence_stores_file_and_row(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path
    report = submit().report
    item = services.attach_evidence(report, PDF, "surat.pdf")
    assert (item.kind, item.content_type, item.size, item.original_name) == (
        "pdf",
        "application/pdf",
        len(PDF),
        "surat.pdf",
    )
    assert (tmp_path / item.stored_path).read_bytes() == PDF
    entry = AuditEntry.objects.get(action="intake.evidence_added")
    assert entry.data["sha256"] == item.sha256 and entry.actor_label == "reporter"


def test_attach_evidence_removes_the_file_when_the_row_fails(
    settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.MEDIA_ROOT = tmp_path
    report = submit().report

    def fail(**_kwargs: Any) -> None:
        raise RuntimeError("database down")

    monkeypatch.setattr(Evidence.objects, "create", fail)
    with pytest.raises(RuntimeError):
        services.attach_evidence(report, PDF, "surat.pdf")
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_attach_evidence_checks_actor_and_count(
    settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bawaslu_kota_manado: User
) -> None:
    settings.MEDIA_ROOT = tmp_path
    report = submit().report
    with pytest.raises(PermissionDenied):
        services.attach_evidence(report, PDF, "surat.pdf", actor=bawaslu_kota_manado)
    monkeypatch.setattr(services, "MAX_EVIDENCE_FILES", 1)
    services.attach_evidence(report, PDF, "satu.pdf")
    with pytest.raises(services.EvidenceError) as info:
        services.attach_evidence(report, PDF, "dua.pdf")
    assert info.value.code == "too_many_files"
