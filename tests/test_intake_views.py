"""The public report form (`/lapor/`): check step, live check, validation, uploads, receipt."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import translation
from PIL import Image

from netral.intake import services
from netral.intake import views_common as common
from netral.intake.evidence import MB
from netral.intake.models import Evidence, Report

pytestmark = pytest.mark.django_db

UTC = dt.UTC
# 10:00 WIB on Friday 5 April 2024.
APRIL_5 = dt.datetime(2024, 4, 5, 3, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


def set_clock(monkeypatch: pytest.MonkeyPatch, moment: dt.datetime) -> None:
    monkeypatch.setattr(common, "now", lambda: moment)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    set_clock(monkeypatch, APRIL_5)


def persons(*people: dict[str, str]) -> dict[str, str]:
    data = {
        "reported-TOTAL_FORMS": str(len(people)),
        "reported-INITIAL_FORMS": "0",
        "reported-MIN_NUM_FORMS": "1",
        "reported-MAX_NUM_FORMS": "50",
    }
    for index, person in enumerate(people):
        for key, value in person.items():
            data[f"reported-{index}-{key}"] = value
    return data


CAMAT = {"name": "Drs. Bambang Sutrisno", "position": "Camat Depok", "agency": "Pemkab Sleman"}


def form_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "anonymous": "0",
        "reporter_name": "Siti Rahmawati",
        "reporter_nik": "3404014509860001",
        "reporter_address": "Jl. Kaliurang Km 5, Sleman",
        "reporter_phone": "0812-3456-7890",
        "reporter_email": "siti.r@example.co.id",
        "description": "Camat memasang spanduk pasangan calon di kantor kecamatan.",
        "election": "pemilu-2024",
        "region_code": "34.04",
        "place": "Kantor Kecamatan Depok",
        "occurred_on": "2024-04-03",
        "known_on": "2024-04-04",
        "chronology": "Pukul 08.00 spanduk sudah terpasang.",
        "witnesses": "Budi, warga RT 03\nAni, 0812 1111 2222",
        "evidence_urls": "https://instagram.com/p/abc123",
        "idempotency_key": "web-" + "k" * 32,
        **persons(CAMAT),
    }
    if "reported-TOTAL_FORMS" in changes:  # other persons replace the default one
        data = {k: v for k, v in data.items() if not k.startswith("reported-")}
    data.update(changes)
    return data


def post(client: Client, data: dict[str, Any], action: str = "submit") -> Any:
    return client.post("/lapor/", {**data, "action": action})


def text(response: Any) -> str:
    return response.content.decode()


def png(size: tuple[int, int] = (8, 8)) -> io.BytesIO:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "PNG")
    out.seek(0)
    out.name = "foto-spanduk.png"
    return out


# --- the empty form -------------------------------------------------------------------------------


def test_form_is_public_indonesian_and_self_contained(client: Client) -> None:
    response = client.get("/lapor/")
    html = text(response)
    assert response.status_code == 200
    assert "<h1>Laporkan pelanggaran netralitas ASN</h1>" in html
    assert '<label for="id_reporter_nik">NIK</label>' in html
    assert 'aria-describedby="id_reporter_nik_helptext"' in html
    assert "Saya melapor tanpa nama (anonim)" in html
    # the region picker without JS: regencies grouped under their province
    assert '<optgroup label="Daerah Istimewa Yogyakarta">' in html
    assert '<option value="34.04">Kabupaten Sleman</option>' in html
    assert '<option value="34">Daerah Istimewa Yogyakarta (tingkat provinsi)</option>' in html
    # no CDN: every script and stylesheet comes from this server
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert '<script src="/static/intake/intake.js" defer>' in html
    assert response["Cache-Control"] == "no-store, private"


def test_date_inputs_cannot_go_past_today(client: Client, clock: None) -> None:
    assert 'max="2024-04-05"' in text(client.get("/lapor/"))


# --- the check step ------------------------------------------------------------------------------


def test_check_step_shows_working_days_left_pemilu(client: Client, clock: None) -> None:
    # Golden case (docs/intake.md): Pemilu, learned Thu 4 Apr 2024 in Sleman; today Fri 5 Apr.
    # Working days after today: Tue 16 .. Tue 23 Apr (8-15 Apr are Idulfitri and cuti bersama),
    # minus the weekend 20-21 Apr = 16, 17, 18, 19, 22, 23 -> 6 days, last day Tue 23 Apr 2024.
    response = post(client, form_data(), action="check")
    html = text(response)
    assert response.status_code == 200
    assert "Sisa waktu melapor: 6 hari kerja lagi." in html
    assert "Hari terakhir: Selasa, 23 April 2024." in html
    assert "Semua syarat formal dan materiil sudah terpenuhi." in html
    assert Report.objects.count() == 0  # checking stores nothing
    # everything typed is still there
    assert 'value="Siti Rahmawati"' in html and "Camat memasang spanduk" in html


def test_check_step_counts_calendar_days_for_pilkada(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    # Pilkada, learned Fri 22 Nov 2024 in Kota Manado (WITA): last day Fri 29 Nov 2024. On Wed
    # 27 Nov (voting day, a holiday: calendar days count anyway) 28 and 29 Nov remain.
    set_clock(monkeypatch, dt.datetime(2024, 11, 27, 2, 0, tzinfo=UTC))  # 10:00 WITA
    data = form_data(
        election="pilkada-2024", region_code="71.71", known_on="2024-11-22", occurred_on="2024-11-21"
    )
    html = text(post(client, data, action="check"))
    assert "Sisa waktu melapor: 2 hari lagi." in html
    assert "Hari terakhir: Jumat, 29 November 2024." in html


def test_check_step_on_the_last_day_and_after(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    set_clock(monkeypatch, dt.datetime(2024, 4, 23, 8, 0, tzinfo=UTC))  # Tue 23 Apr, 15:00 WIB
    assert "Hari ini hari terakhir untuk melapor." in text(post(client, form_data(), action="check"))
    set_clock(monkeypatch, dt.datetime(2024, 4, 24, 2, 0, tzinfo=UTC))
    html = text(post(client, form_data(), action="check"))
    assert "Batas waktu pelaporan sudah lewat." in html
    assert "akan ditandai daluwarsa" in html


def test_check_step_lists_what_is_missing(client: Client, clock: None) -> None:
    data = form_data(
        reporter_nik="", reporter_address="", place="", occurred_on="", evidence_urls="", **persons({})
    )
    html = text(post(client, data, action="check"))
    expected = [
        "NIK Anda (nomor pada KTP) belum diisi.",
        "Alamat Anda belum diisi.",
        "Nama ASN yang dilaporkan belum diisi.",
        "Tanggal kejadian belum diisi.",
        "Tempat kejadian belum diisi.",
    ]
    with translation.override("id"):
        sentences = services.missing_requirements(
            services.ReportInput(
                description="x", region_code="34.04", election="pemilu-2024", known_on=dt.date(2024, 4, 4)
            ),
            today=dt.date(2024, 4, 5),
        )
    for sentence in expected:
        assert sentence in html
    assert any("Bukti" in s for s in sentences) and sentences[-1] in html  # evidence is missing too
    assert "Syarat formal" in html and "Syarat materiil" in html
    # the check also shows every validation problem, linked to its field
    assert '<a href="#id_reported-0-name">Terlapor 1: Nama yang Anda ketahui</a>' in html


def test_check_without_dates_explains_the_window(client: Client, clock: None) -> None:
    html = text(post(client, form_data(known_on=""), action="check"))
    assert "Isi pemilihan dan tanggal Anda mengetahui kejadian" in html


def test_live_check_endpoint(client: Client, clock: None) -> None:
    data = form_data(evidence_urls="", evidence_count="1")
    response = client.post("/lapor/periksa/", data)
    body = response.json()
    assert response.status_code == 200
    assert body["window"] == {
        "last_day": "2024-04-23",
        "days_left": 6,
        "expired": False,
        "day_type": "working",
    }
    assert body["missing"] == []  # the selected file counts as evidence
    assert body["problems"] == []
    assert "6 hari kerja" in body["html"]
    missing = client.post("/lapor/periksa/", {**data, "evidence_count": "0"}).json()["missing"]
    assert [m["code"] for m in missing] == ["evidence"]
    full = client.post("/lapor/periksa/", {**data, "reporter_nik": "123", "full": "1"}).json()
    assert full["problems"] == [
        {
            "field_id": "id_reporter_nik",
            "label": "NIK",
            "message": "NIK ini tidak valid (16 angka seperti pada KTP).",
        }
    ]
    assert client.get("/lapor/periksa/").status_code == 405
    assert Report.objects.count() == 0


# --- validation -----------------------------------------------------------------------------------


def test_validation_messages_are_indonesian_and_tied_to_fields(client: Client, clock: None) -> None:
    data = form_data(description="", reporter_nik="12345", known_on="2024-04-06", occurred_on="kemarin")
    response = post(client, data)
    html = text(response)
    assert response.status_code == 200
    assert Report.objects.count() == 0
    assert 'id="error-summary"' in html and "Mohon perbaiki isian berikut" in html
    assert '<ul class="errorlist" id="id_description_error"><li>Kolom ini wajib diisi.</li></ul>' in html
    assert 'aria-describedby="id_description_helptext id_description_error"' in html
    assert 'aria-invalid="true"' in html
    assert "NIK ini tidak valid (16 angka seperti pada KTP)." in html
    assert "Tanggal tidak boleh di masa depan." in html  # 6 Apr is after today (5 Apr) everywhere
    assert 'id="id_occurred_on_error"' in html  # a date that did not parse gets Django's own message
    assert "Masukkan tanggal yang valid." in html


def test_a_bad_link_names_its_line(client: Client, clock: None) -> None:
    html = text(
        post(client, form_data(evidence_urls="https://instagram.com/p/abc123\nftp://files.example/x"))
    )
    assert Report.objects.count() == 0
    message = "Baris 2: Tautan ini tidak valid (harus http atau https)."
    assert f'id="id_evidence_urls_error"><li>{message}</li>' in html


def test_nip_error_lands_on_the_right_person(client: Client, clock: None) -> None:
    data = form_data(**persons(CAMAT, {"name": "Lurah Caturtunggal", "nip": "19861301"}))
    html = text(post(client, data))
    assert re.search(r'<ul class="errorlist" id="id_reported-1-nip_error"><li>[^<]*NIP', html)
    assert 'id="id_reported-0-nip_error"' not in html


def test_add_another_person_without_javascript(client: Client, clock: None) -> None:
    html = text(post(client, form_data(), action="add_person"))
    assert 'name="reported-TOTAL_FORMS" value="2"' in html
    assert 'id="person-2"' in html and 'name="reported-1-name"' in html
    assert 'value="Drs. Bambang Sutrisno"' in html
    assert Report.objects.count() == 0


# --- submitting -----------------------------------------------------------------------------------


def test_named_report_with_several_reported_persons(client: Client, clock: None) -> None:
    lurah = {"name": "Sri Wahyuni", "position": "Lurah Caturtunggal", "nip": "198609262015052001"}
    data = form_data(**persons(CAMAT, {}, lurah))  # the empty middle block is skipped
    response = post(client, data)
    assert response.status_code == 200
    report = Report.objects.get()
    assert (report.channel, report.kind, report.anonymous, report.daluwarsa) == (
        "web",
        "laporan",
        False,
        False,
    )
    assert report.submitted_by is None
    assert list(report.reported_persons.values_list("name", "nip")) == [
        ("Drs. Bambang Sutrisno", ""),
        ("Sri Wahyuni", "198609262015052001"),
    ]
    assert report.witnesses == ["Budi, warga RT 03", "Ani, 0812 1111 2222"]
    assert report.evidence_urls == ["https://instagram.com/p/abc123"]
    assert report.reporter_identity_token and "Siti" not in report.reporter_identity_token
    assert report.filing_last_day == dt.date(2024, 4, 23)


def test_anonymous_report_stores_no_identity(client: Client, clock: None) -> None:
    response = post(client, form_data(anonymous="1"))
    report = Report.objects.get()
    assert report.anonymous and report.reporter_identity_token == ""
    assert (report.reporter_nik_hash, report.reporter_phone_hash) == ("", "")
    assert "Siti" not in text(response)


def test_anonymous_report_needs_no_name(client: Client, clock: None) -> None:
    data = form_data(anonymous="1", reporter_name="", reporter_nik="", reporter_address="", reporter_phone="")
    post(client, data)
    assert Report.objects.get().anonymous


def test_named_report_needs_a_name(client: Client, clock: None) -> None:
    html = text(post(client, form_data(reporter_name="")))
    assert Report.objects.count() == 0
    assert '<ul class="errorlist" id="id_reporter_name_error"><li>Kolom ini wajib diisi.</li></ul>' in html


def test_receipt_shows_code_and_secret_once(client: Client, clock: None) -> None:
    response = post(client, form_data())
    html = text(response)
    report = Report.objects.get()
    code = re.search(r'<code class="code" id="tracking-code">([^<]+)</code>', html)
    secret = re.search(r'<code class="code" id="receipt-secret">([^<]+)</code>', html)
    assert code and secret
    assert code.group(1) == report.tracking_code
    assert services.find_report(code.group(1), secret.group(1)) == report
    assert response.status_code == 200 and "Location" not in response  # not a redirect to a URL
    assert response["Cache-Control"] == "no-store, private"
    assert "Catat atau cetak kedua kode ini sekarang." in html
    assert "Hari terakhir batas waktu pelaporan" in html and "Selasa, 23 April 2024" in html
    # nowhere else: not in the session, not on the next pages
    assert secret.group(1) not in str(dict(client.session))
    assert secret.group(1) not in text(client.get("/lapor/"))
    assert secret.group(1) not in text(client.get("/lacak/"))
    # a browser resending the same form gets the same report, not a second one
    again = post(client, form_data())
    assert Report.objects.count() == 1
    assert report.tracking_code in text(again)


def test_same_form_changed_after_sending_becomes_a_new_report(client: Client, clock: None) -> None:
    post(client, form_data())
    html = text(post(client, form_data(description="Camat juga membagikan kaus pasangan calon.")))
    assert Report.objects.count() == 1
    assert "Formulir ini sudah pernah dikirim dengan isi yang berbeda." in html
    key = re.search(r'name="idempotency_key" value="([^"]+)"', html)
    assert key and key.group(1) != form_data()["idempotency_key"]
    post(
        client,
        form_data(description="Camat juga membagikan kaus pasangan calon.", idempotency_key=key.group(1)),
    )
    assert Report.objects.count() == 2


def test_expired_report_is_stored_and_flagged(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    set_clock(monkeypatch, dt.datetime(2024, 4, 30, 3, 0, tzinfo=UTC))
    html = text(post(client, form_data()))
    report = Report.objects.get()
    assert report.daluwarsa
    assert "Laporan ini ditandai daluwarsa." in html
    assert "berakhir pada Selasa, 23 April 2024" in html


def test_evidence_upload_is_attached(client: Client, clock: None) -> None:
    response = post(client, {**form_data(evidence_urls=""), "evidence": [png(), png((4, 4))]})
    report = Report.objects.get()
    assert Evidence.objects.filter(report=report).count() == 2
    assert "foto-spanduk.png" in text(response)
    assert "Bukti belum ada" not in text(response)


def oversized_jpeg() -> io.BytesIO:
    data = io.BytesIO(b"\xff\xd8\xff\xe0" + b"\0" * (10 * MB))
    data.name = "video-dari-hp.jpg"
    return data


def test_oversized_upload_keeps_the_rest_of_the_form(client: Client, clock: None) -> None:
    response = post(client, {**form_data(), "evidence": [png(), oversized_jpeg()]})
    html = text(response)
    assert Report.objects.count() == 0 and Evidence.objects.count() == 0
    assert "video-dari-hp.jpg: Gambar paling besar 10 MB; berkas ini lebih besar." in html
    assert 'id="id_evidence_error"' in html
    assert "Berkas yang Anda pilih tidak ikut tersimpan" in html
    for kept in (
        'value="Siti Rahmawati"',
        'value="3404014509860001"',
        "Camat memasang spanduk",
        'value="Drs. Bambang Sutrisno"',
        '<option value="34.04" selected>',
        'value="2024-04-04"',
    ):
        assert kept in html


def test_disguised_executable_is_refused(client: Client, clock: None) -> None:
    exe = io.BytesIO(b"MZ\x90\x00" + b"\0" * 200)
    exe.name = "foto.jpg"
    html = text(post(client, {**form_data(), "evidence": [exe]}))
    assert Report.objects.count() == 0
    assert "foto.jpg: Jenis berkas ini tidak diterima." in html


def test_submissions_are_rate_limited(client: Client, clock: None, settings: Any) -> None:
    settings.NETRAL_API_RATE_SUBMIT = "2/min"
    for number in range(2):
        post(client, form_data(idempotency_key=f"web-{number}" + "x" * 30))
    response = post(client, form_data(idempotency_key="web-" + "y" * 32))
    assert response.status_code == 429 and "Retry-After" in response
    assert "Terlalu banyak laporan dari koneksi ini." in text(response)
    assert 'value="Siti Rahmawati"' in text(response)
    assert Report.objects.count() == 2


def test_forged_idempotency_key_is_replaced(client: Client, clock: None) -> None:
    post(client, form_data(idempotency_key="not a key"))
    key = Report.objects.get().idempotency_key
    assert key and key.startswith("web-") and key != "not a key"
