"""Staff pages: report list, detail, evidence download, reporter identity, replies, findings.

Every role fixture is tried against every page: what it may open, and that it sees exactly the
reports of its area (the same expectations as tests/test_intake_access.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from PIL import Image

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.intake import services
from netral.intake import views_common as common
from netral.intake.models import Evidence, Report
from tests.test_intake_access import EXPECTED, IDENTITY, REGIONS
from tests.test_intake_services import SITI, report_input, submit

pytestmark = pytest.mark.django_db

UTC = dt.UTC
NOW = dt.datetime(2024, 4, 5, 5, 0, tzinfo=UTC)  # 12:00 WIB, Fri 5 Apr 2024
STAFF = {"bawaslu_ri", "bawaslu_prov_diy", "bawaslu_kab_sleman", "bawaslu_kota_manado",
         "commissioner_kab_sleman", "admin_user", "data_custodian"}  # fmt: skip
HANDLERS = {"bawaslu_ri", "bawaslu_prov_diy", "bawaslu_kab_sleman", "bawaslu_kota_manado",
            "commissioner_kab_sleman"}  # fmt: skip


@pytest.fixture(autouse=True)
def _clock_and_media(monkeypatch: pytest.MonkeyPatch, settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(common, "now", lambda: NOW)


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (5, 5), (10, 200, 10)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def reports() -> dict[str, Report]:
    made = {}
    for code in REGIONS:
        report = submit(report_input(region_code=code)).report  # named: Siti Rahmawati
        services.attach_evidence(report, png_bytes(), "spanduk.png")
        made[code] = report
    return made


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def text(response: Any) -> str:
    return response.content.decode()


def listed_codes(html: str) -> set[str]:
    return set(re.findall(r"<code>(NTR-[0-9A-Z-]+)</code></a>", html))


# --- access for every role ---------------------------------------------------------------------


def test_pages_need_a_login(client: Client, reports: dict[str, Report]) -> None:
    report = reports["34.04"]
    evidence = report.evidence.get()
    for url in (
        "/laporan/",
        f"/laporan/{report.pk}/",
        f"/laporan/{report.pk}/bukti/{evidence.pk}/",
        "/temuan/baru/",
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/masuk/")


def test_list_for_every_role(users_by_role: dict[str, User], reports: dict[str, Report]) -> None:
    for name, user in users_by_role.items():
        response = client_for(user).get("/laporan/")
        if name not in STAFF:
            assert response.status_code == 403, name
            assert "Tidak ada akses" in text(response)
            continue
        assert response.status_code == 200, name
        expected = {reports[code].tracking_code for code in EXPECTED[name]}
        assert listed_codes(text(response)) == expected, name


def test_detail_for_every_role(users_by_role: dict[str, User], reports: dict[str, Report]) -> None:
    for name, user in users_by_role.items():
        client = client_for(user)
        for code, report in reports.items():
            status = client.get(f"/laporan/{report.pk}/").status_code
            if name not in STAFF:
                assert status == 403, (name, code)
            else:
                assert status == (200 if code in EXPECTED[name] else 404), (name, code)


def test_evidence_download_for_every_role(users_by_role: dict[str, User], reports: dict[str, Report]) -> None:
    for name, user in users_by_role.items():
        client = client_for(user)
        for code, report in reports.items():
            item = report.evidence.get()
            response = client.get(f"/laporan/{report.pk}/bukti/{item.pk}/")
            if name not in STAFF:
                assert response.status_code == 403, (name, code)
            elif code not in EXPECTED[name]:
                assert response.status_code == 404, (name, code)
            else:
                assert response.status_code == 200, (name, code)
                assert response["Content-Disposition"] == 'attachment; filename="spanduk.png"'
                assert response["X-Content-Type-Options"] == "nosniff"
                assert response["Content-Type"] == "image/png"
                body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
                assert hashlib.sha256(body).hexdigest() == item.sha256


def test_evidence_of_another_report_is_a_404(bawaslu_ri: User, reports: dict[str, Report]) -> None:
    item = reports["34.04"].evidence.get()
    assert client_for(bawaslu_ri).get(f"/laporan/{reports['71.71'].pk}/bukti/{item.pk}/").status_code == 404


def test_download_is_audited(bawaslu_kab_sleman: User, reports: dict[str, Report]) -> None:
    item = reports["34.04"].evidence.get()
    client_for(bawaslu_kab_sleman).get(f"/laporan/{item.report_id}/bukti/{item.pk}/")
    entry = AuditEntry.objects.get(action="intake.evidence_downloaded")
    assert entry.data == {"evidence_id": item.pk, "sha256": item.sha256}


def test_finding_form_for_every_role(users_by_role: dict[str, User]) -> None:
    for name, user in users_by_role.items():
        status = client_for(user).get("/temuan/baru/").status_code
        assert status == (200 if name in HANDLERS else 403), name


# --- reporter identity --------------------------------------------------------------------------


def test_reporter_identity_only_for_entitled_roles(
    users_by_role: dict[str, User], reports: dict[str, Report]
) -> None:
    for name, user in users_by_role.items():
        if name not in STAFF:
            continue
        client = client_for(user)
        for code, report in reports.items():
            if code not in EXPECTED[name]:
                continue
            detail = text(client.get(f"/laporan/{report.pk}/"))
            assert SITI.name not in detail and SITI.nik not in detail, (name, code)  # hidden by default
            response = client.post(f"/laporan/{report.pk}/identitas/")
            if code in IDENTITY[name]:
                assert response.status_code == 200, (name, code)
                assert SITI.name in text(response) and SITI.nik in text(response)
                assert response["Cache-Control"] == "no-store, private"
            else:
                assert response.status_code == 403, (name, code)
                assert SITI.name not in text(response) and SITI.nik not in text(response)
                assert "Tampilkan identitas pelapor" not in detail


def test_identity_disclosure_is_audited(bawaslu_kab_sleman: User, reports: dict[str, Report]) -> None:
    report = reports["34.04"]
    client_for(bawaslu_kab_sleman).post(f"/laporan/{report.pk}/identitas/")
    entry = AuditEntry.objects.get(action="intake.reporter_identity_viewed")
    assert entry.actor == bawaslu_kab_sleman and entry.object_id == str(report.pk)
    assert SITI.name not in str(entry.data)


def test_identity_of_an_out_of_scope_report_is_a_404(
    bawaslu_kota_manado: User, reports: dict[str, Report]
) -> None:
    assert (
        client_for(bawaslu_kota_manado).post(f"/laporan/{reports['34.04'].pk}/identitas/").status_code == 404
    )
    assert (
        client_for(bawaslu_kota_manado).get(f"/laporan/{reports['34.04'].pk}/identitas/").status_code == 405
    )


def test_anonymous_report_shows_no_identity_button(bawaslu_kab_sleman: User) -> None:
    report = submit(report_input(anonymous=True)).report
    html = text(client_for(bawaslu_kab_sleman).get(f"/laporan/{report.pk}/"))
    assert "Laporan anonim." in html and "Tampilkan identitas pelapor" not in html


# --- detail and replies ------------------------------------------------------------------------


def test_detail_shows_the_report(bawaslu_kab_sleman: User, reports: dict[str, Report]) -> None:
    report = reports["34.04"]
    response = client_for(bawaslu_kab_sleman).get(f"/laporan/{report.pk}/")
    html = text(response)
    assert response["Cache-Control"] == "no-store, private"
    assert report.tracking_code in html
    assert "Camat memasang spanduk pasangan calon di kantor kecamatan." in html
    assert "Drs. H. Bambang Sutrisno" in html and "198609262015051001" in html
    assert "spanduk.png" in html and f"/laporan/{report.pk}/bukti/" in html
    assert 'href="https://instagram.com/p/abc123" rel="noopener noreferrer nofollow ugc"' in html
    assert "Selasa, 23 April 2024" in html  # the last day of the reporting window
    assert "Kajian awal: paling lambat 17 April 2024, 16:00 WIB" in html
    assert "Kirim ke pelapor" in html


def test_only_handlers_reply(admin_user: User, data_custodian: User, reports: dict[str, Report]) -> None:
    report = reports["34.04"]
    for user in (admin_user, data_custodian):
        client = client_for(user)
        assert "Kirim ke pelapor" not in text(client.get(f"/laporan/{report.pk}/"))
        assert client.post(f"/laporan/{report.pk}/pesan/", {"body": "Halo"}).status_code == 403
    assert report.messages.count() == 0


def test_empty_reply_is_refused(bawaslu_kab_sleman: User, reports: dict[str, Report]) -> None:
    report = reports["34.04"]
    html = text(client_for(bawaslu_kab_sleman).post(f"/laporan/{report.pk}/pesan/", {"body": " "}))
    assert 'id="id_body_error"' in html and report.messages.count() == 0


# --- list: filters, pagination, empty state ---------------------------------------------------


def test_pagination_keeps_the_filters(bawaslu_kab_sleman: User) -> None:
    for _number in range(30):
        submit(report_input(anonymous=True))
    client = client_for(bawaslu_kab_sleman)
    first = text(client.get("/laporan/?daluwarsa=no"))
    assert len(listed_codes(first)) == 25
    assert "30 laporan." in first and "Halaman 1 dari 2" in first
    assert 'href="?daluwarsa=no&amp;page=2"' in first
    second = text(client.get("/laporan/?daluwarsa=no&page=2"))
    assert len(listed_codes(second)) == 5
    assert listed_codes(first).isdisjoint(listed_codes(second))


def test_list_query_count_does_not_grow_with_rows(bawaslu_kab_sleman: User) -> None:
    client = client_for(bawaslu_kab_sleman)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/laporan/").status_code == 200
        return len(captured)

    submit(report_input(anonymous=True))
    client.get("/laporan/")  # warm the session
    few = queries()
    for _number in range(24):
        submit(report_input(anonymous=True))
    assert queries() == few


def test_filters(bawaslu_ri: User, reports: dict[str, Report]) -> None:
    late = submit(report_input(region_code="71.71", known_on=dt.date(2024, 3, 1), occurred_on=None)).report
    client = client_for(bawaslu_ri)
    assert listed_codes(text(client.get("/laporan/?region=34"))) == {
        reports["34.04"].tracking_code,
        reports["34.71"].tracking_code,
    }
    assert listed_codes(text(client.get("/laporan/?region=34.04"))) == {reports["34.04"].tracking_code}
    assert listed_codes(text(client.get("/laporan/?daluwarsa=yes"))) == {late.tracking_code}
    assert listed_codes(text(client.get("/laporan/?channel=finding"))) == set()
    empty = text(client.get("/laporan/?channel=finding"))
    assert "Tidak ada laporan yang cocok dengan saringan ini" in empty


def test_region_filter_is_limited_to_the_scope(bawaslu_kab_sleman: User) -> None:
    html = text(client_for(bawaslu_kab_sleman).get("/laporan/"))
    assert '<option value="34.04">Kabupaten Sleman</option>' in html
    assert 'value="71.71"' not in html and 'value="34.71"' not in html


def test_empty_state(bawaslu_kota_manado: User) -> None:
    html = text(client_for(bawaslu_kota_manado).get("/laporan/"))
    assert "Belum ada laporan" in html and "0 laporan." in html


# --- findings ----------------------------------------------------------------------------------


def finding_data(**changes: str) -> dict[str, str]:
    data = {
        "description": "Kepala dinas hadir di deklarasi pasangan calon dan berorasi.",
        "election": "pemilu-2024",
        "region_code": "34.04",
        "place": "Lapangan Denggung",
        "occurred_on": "2024-04-04",
        "known_on": "2024-04-04",
        "evidence_urls": "https://youtube.com/watch?v=abc",
        "idempotency_key": "web-" + "f" * 32,
        "reported-TOTAL_FORMS": "1",
        "reported-INITIAL_FORMS": "0",
        "reported-0-name": "Ir. Hartono",
        "reported-0-position": "Kepala Dinas Pendidikan",
        "action": "submit",
    }
    data.update(changes)
    return data


def test_region_choices_follow_the_supervisors_scope(
    bawaslu_kab_sleman: User, bawaslu_prov_diy: User
) -> None:
    sleman = text(client_for(bawaslu_kab_sleman).get("/temuan/baru/"))
    assert re.findall(r'<option value="([0-9.]+)"', sleman) == ["34.04"]
    province = text(client_for(bawaslu_prov_diy).get("/temuan/baru/"))
    assert re.findall(r'<option value="([0-9.]+)"', province) == [
        "34",
        "34.01",
        "34.02",
        "34.03",
        "34.04",
        "34.71",
    ]
    assert 'name="reporter_nik"' not in sleman  # no reporter identity on a finding


def test_recording_a_finding(commissioner_kab_sleman: User) -> None:
    client = client_for(commissioner_kab_sleman)
    response = client.post("/temuan/baru/", finding_data())
    report = Report.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/laporan/{report.pk}/"
    assert (report.channel, report.kind, report.submitted_by) == (
        "finding",
        "temuan",
        commissioner_kab_sleman,
    )
    assert report.reporter_identity_token == "" and not report.anonymous
    html = text(client.get(response["Location"]))
    assert f"Temuan sudah dicatat dengan kode pelacakan {report.tracking_code}." in html
    assert "Temuan dicatat oleh Bambang." in html


def test_finding_outside_the_scope_is_refused(bawaslu_kab_sleman: User) -> None:
    html = text(client_for(bawaslu_kab_sleman).post("/temuan/baru/", finding_data(region_code="71.71")))
    assert Report.objects.count() == 0
    assert 'id="id_region_code_error"' in html


def test_finding_check_step_and_evidence(bawaslu_kab_sleman: User) -> None:
    client = client_for(bawaslu_kab_sleman)
    check = text(client.post("/temuan/baru/", finding_data(action="check", evidence_urls="")))
    assert "Sisa waktu melapor: 6 hari kerja lagi." in check
    assert "Bukti belum ada" in check and "NIK Anda" not in check  # a finding asks no reporter identity
    live = client.post("/temuan/periksa/", finding_data(evidence_urls="", evidence_count="1")).json()
    assert live["missing"] == [] and live["window"]["days_left"] == 6
    upload = io.BytesIO(png_bytes())
    upload.name = "foto.png"
    client.post("/temuan/baru/", {**finding_data(), "evidence": [upload]})
    assert Evidence.objects.get().report.kind == "temuan"
