"""The reporter's status page (`/lacak/`): receipt check, lock-out, session, messages, evidence."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from django.core import signing
from django.test import Client
from PIL import Image

from netral.accounts.models import User
from netral.intake import services, views_status
from netral.intake import views_common as common
from netral.intake.models import Message, Report
from tests.test_intake_services import report_input, submit

pytestmark = pytest.mark.django_db

UTC = dt.UTC
# Received Fri 5 Apr 2024, 10:00 WIB (APRIL_5 in the service tests).
RECEIVED = dt.datetime(2024, 4, 5, 3, 0, tzinfo=UTC)
LATER = RECEIVED + dt.timedelta(hours=2)


@pytest.fixture(autouse=True)
def _clock_and_media(monkeypatch: pytest.MonkeyPatch, settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(common, "now", lambda: LATER)


@pytest.fixture
def receipt() -> services.SubmittedReport:
    return submit(report_input(anonymous=True))


def open_status(client: Client, code: str, secret: str, **extra: str) -> Any:
    return client.post("/lacak/", {"tracking_code": code, "receipt_secret": secret, **extra})


def text(response: Any) -> str:
    return response.content.decode()


def without_echo(html: str) -> str:
    """The page without what differs by design: the CSRF token and the code as the person typed it."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r'name="tracking_code" value="[^"]*"', "", html)


def test_lookup_form(client: Client) -> None:
    html = text(client.get("/lacak/"))
    assert "Lacak laporan Anda" in html
    assert '<input type="password" name="receipt_secret"' in html
    assert 'method="post" action="/lacak/"' in html


def test_right_code_and_secret_open_the_status(client: Client, receipt: services.SubmittedReport) -> None:
    assert receipt.receipt_secret
    # typed the way people type: lower case, spaces, O for 0
    typed_code = receipt.tracking_code.lower().replace("-", " ").replace("0", "o")
    response = open_status(client, typed_code, receipt.receipt_secret.lower())
    assert response.status_code == 302 and response["Location"] == "/lacak/"
    assert receipt.receipt_secret not in str(dict(client.session))
    page = client.get("/lacak/")
    html = text(page)
    assert page["Cache-Control"] == "no-store, private"
    assert f'<code class="code" id="status-code">{receipt.tracking_code}</code>' in html
    assert '<dd id="status-state">Diterima</dd>' in html
    assert "5 April 2024, 10:00 WIB" in html
    # Initial review (pemilu: 2 working days) from Fri 5 Apr: 8-15 Apr are Idulfitri and cuti
    # bersama, so Tue 16 and Wed 17 Apr; due at the end of the office day.
    assert "Kajian awal oleh Bawaslu: paling lambat 17 April 2024, 16:00 WIB" in html
    assert "daluwarsa" not in html.lower().replace("ditandai daluwarsa", "")
    assert receipt.receipt_secret not in html


def test_expired_report_shows_the_flag(client: Client) -> None:
    late = submit(report_input(known_on=dt.date(2024, 3, 1), occurred_on=dt.date(2024, 3, 1)))
    assert late.report.daluwarsa and late.receipt_secret
    open_status(client, late.tracking_code, late.receipt_secret)
    html = text(client.get("/lacak/"))
    assert 'id="status-daluwarsa"' in html and "Daluwarsa" in html


def test_wrong_code_and_wrong_secret_answer_the_same(
    client: Client, receipt: services.SubmittedReport
) -> None:
    assert receipt.receipt_secret
    other = services.submit_report(report_input(), channel="web", received_at=RECEIVED)
    wrong_secret = open_status(client, receipt.tracking_code, "AAAA-AAAA-AAAA-AAAA-AAAA")
    wrong_code = open_status(client, "NTR-0000-0000-0000", receipt.receipt_secret)
    crossed = open_status(client, other.tracking_code, receipt.receipt_secret)
    typed_nonsense = open_status(client, "hello", "world")
    bodies = {without_echo(text(r)) for r in (wrong_secret, wrong_code, crossed)}
    assert len(bodies) == 1
    assert {r.status_code for r in (wrong_secret, wrong_code, crossed, typed_nonsense)} == {200}
    assert "Tidak ada laporan dengan kode pelacakan dan rahasia tanda terima ini." in bodies.pop()
    assert views_status.SESSION_KEY not in client.session


def test_code_and_secret_in_a_query_string_are_ignored(
    client: Client, receipt: services.SubmittedReport
) -> None:
    url = f"/lacak/?tracking_code={receipt.tracking_code}&receipt_secret={receipt.receipt_secret}"
    html = text(client.get(url))
    assert "Lacak laporan Anda" in html and 'id="status-code"' not in html


def test_ten_failures_lock_the_client_out_for_the_window(
    client: Client, receipt: services.SubmittedReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert receipt.receipt_secret
    for _attempt in range(views_status.FAILURE_LIMIT):
        assert open_status(client, receipt.tracking_code, "AAAA-AAAA-AAAA-AAAA-AAAA").status_code == 200
    blocked = open_status(client, receipt.tracking_code, receipt.receipt_secret)  # even the right one
    assert blocked.status_code == 429
    assert "Terlalu banyak percobaan yang salah dari koneksi ini." in text(blocked)
    assert 0 < int(blocked["Retry-After"]) <= 600
    other_client = Client(REMOTE_ADDR="10.0.0.9")
    assert open_status(other_client, receipt.tracking_code, receipt.receipt_secret).status_code == 302
    monkeypatch.setattr(common, "now", lambda: LATER + dt.timedelta(minutes=10))
    assert open_status(client, receipt.tracking_code, receipt.receipt_secret).status_code == 302


def test_successes_do_not_count_as_failures(client: Client, receipt: services.SubmittedReport) -> None:
    assert receipt.receipt_secret
    for _attempt in range(views_status.FAILURE_LIMIT + 2):
        assert open_status(client, receipt.tracking_code, receipt.receipt_secret).status_code == 302


def test_messages_both_ways(
    client: Client, receipt: services.SubmittedReport, bawaslu_kab_sleman: User
) -> None:
    assert receipt.receipt_secret
    open_status(client, receipt.tracking_code, receipt.receipt_secret)
    response = client.post("/lacak/pesan/", {"body": "Spanduk masih terpasang hari ini."})
    assert response.status_code == 302
    message = Message.objects.get()
    assert (message.direction, message.author, message.report) == ("from_reporter", None, receipt.report)
    assert "Pesan Anda sudah terkirim." in text(client.get("/lacak/"))

    staff = Client()
    staff.force_login(bawaslu_kab_sleman)
    reply = staff.post(f"/laporan/{receipt.report.pk}/pesan/", {"body": "Terima kasih, mohon kirim fotonya."})
    assert reply.status_code == 302
    assert Message.objects.filter(direction="to_reporter", author=bawaslu_kab_sleman).count() == 1
    staff_page = text(staff.get(f"/laporan/{receipt.report.pk}/"))
    assert "Spanduk masih terpasang hari ini." in staff_page

    html = text(client.get("/lacak/"))
    assert "Terima kasih, mohon kirim fotonya." in html
    assert "<strong>Bawaslu</strong>" in html and "<strong>Anda</strong>" in html
    assert "Rina" not in html and "bawaslu_kab_sleman" not in html  # the handler stays unnamed


def test_empty_message_is_refused(client: Client, receipt: services.SubmittedReport) -> None:
    assert receipt.receipt_secret
    open_status(client, receipt.tracking_code, receipt.receipt_secret)
    html = text(client.post("/lacak/pesan/", {"body": "   "}))
    assert "Tulis pesan." in html or "wajib" in html
    assert Message.objects.count() == 0


def test_session_ends_after_thirty_minutes_and_keeps_the_draft(
    client: Client, receipt: services.SubmittedReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert receipt.receipt_secret
    open_status(client, receipt.tracking_code, receipt.receipt_secret)
    monkeypatch.setattr(common, "now", lambda: LATER + dt.timedelta(minutes=29))
    assert 'id="status-code"' in text(client.get("/lacak/"))
    monkeypatch.setattr(common, "now", lambda: LATER + dt.timedelta(minutes=31))
    response = client.post("/lacak/pesan/", {"body": "Pesan yang panjang."})
    html = text(response)
    assert Message.objects.count() == 0
    assert "Demi keamanan, halaman status tertutup 30 menit setelah dibuka." in html
    assert 'name="draft" value="Pesan yang panjang."' in html
    open_status(client, receipt.tracking_code, receipt.receipt_secret, draft="Pesan yang panjang.")
    assert re.search(r">\s*Pesan yang panjang.</textarea>", text(client.get("/lacak/")))


def test_leaving_clears_the_session(client: Client, receipt: services.SubmittedReport) -> None:
    assert receipt.receipt_secret
    open_status(client, receipt.tracking_code, receipt.receipt_secret)
    assert client.post("/lacak/keluar/").status_code == 302
    html = text(client.get("/lacak/"))
    assert "Anda sudah keluar dari halaman status." in html and 'id="status-code"' not in html
    assert client.post("/lacak/pesan/", {"body": "halo"}).status_code == 200
    assert Message.objects.count() == 0


def test_a_tampered_session_entry_opens_nothing(client: Client, receipt: services.SubmittedReport) -> None:
    other = services.submit_report(report_input(), channel="web", received_at=RECEIVED)
    assert receipt.receipt_secret
    open_status(client, receipt.tracking_code, receipt.receipt_secret)
    session = client.session
    token = session[views_status.SESSION_KEY]
    # Swap the signed payload for one naming the other report, keeping the old signature.
    _payload, _, signature = token.partition(":")
    claim = {"report": other.report.pk, "code": other.tracking_code, "at": int(time.time())}
    forged = signing.b64_encode(json.dumps(claim).encode()).decode()
    session[views_status.SESSION_KEY] = f"{forged}:{signature}"
    session.save()
    html = text(client.get("/lacak/"))
    assert 'id="status-code"' not in html and other.tracking_code not in html


def _png() -> io.BytesIO:
    out = io.BytesIO()
    Image.new("RGB", (6, 6), (0, 90, 200)).save(out, "PNG")
    out.seek(0)
    out.name = "tambahan.png"
    return out


def test_reporter_adds_evidence(client: Client, receipt: services.SubmittedReport) -> None:
    assert receipt.receipt_secret
    assert client.post("/lacak/bukti/", {"evidence": [_png()]}).status_code == 200  # no session yet
    open_status(client, receipt.tracking_code, receipt.receipt_secret)
    assert client.post("/lacak/bukti/", {"evidence": [_png()]}).status_code == 302
    assert Report.objects.get(pk=receipt.report.pk).evidence.count() == 1
    assert "tambahan.png" in text(client.get("/lacak/"))
    bad = io.BytesIO(b"<html>not a photo</html>")
    bad.name = "bukti.png"
    html = text(client.post("/lacak/bukti/", {"evidence": [bad]}))
    assert "bukti.png: Jenis berkas ini tidak diterima." in html
    assert "Pilih setidaknya satu berkas." in text(client.post("/lacak/bukti/", {}))
