"""A person files a report on a 360-px phone screen, gets the receipt and opens the status page."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from netral.intake import views_common as common
from netral.intake.models import Report
from tests.browser.conftest import screenshot

# 10:00 WIB on Friday 5 April 2024: the golden case of docs/intake.md (learned Thu 4 Apr, Pemilu,
# Sleman: last day Tue 23 Apr 2024, 6 working days left).
APRIL_5 = dt.datetime(2024, 4, 5, 3, 0, tzinfo=dt.UTC)


def photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (180, 20, 20)).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def phone(page: Any, settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(common, "now", lambda: APRIL_5)
    page.set_viewport_size({"width": 360, "height": 780})
    return page


def fits_the_screen(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_report_on_a_phone_then_follow_it(phone: Any, live_server: Any) -> None:
    page = phone
    page.goto(f"{live_server.url}/lapor/")
    assert page.locator("h1").inner_text() == "Laporkan pelanggaran netralitas ASN"
    assert fits_the_screen(page)

    # named or anonymous: the identity block follows the choice
    page.get_by_label("Saya melapor tanpa nama (anonim)").check()
    assert page.locator("#id_reporter_name").is_hidden()
    page.get_by_label("Saya mencantumkan nama dan kontak saya").check()
    page.get_by_label("Nama lengkap Anda").fill("Siti Rahmawati")
    page.get_by_label("NIK", exact=True).fill("3404014509860001")
    page.get_by_label("Alamat", exact=True).fill("Jl. Kaliurang Km 5, Sleman")
    page.get_by_label("Nomor telepon atau WhatsApp").fill("0812 3456 7890")

    # two reported civil servants: "add another" adds a block in place
    page.locator("#id_reported-0-name").fill("Drs. Bambang Sutrisno")
    page.locator("#id_reported-0-position").fill("Camat Depok")
    assert page.locator("#person-1 .remove-person").is_hidden()  # the only block cannot be removed
    page.get_by_role("button", name="Tambah ASN lain").click()
    assert page.locator("#person-2 .remove-person").is_visible()
    page.locator("#id_reported-1-position").fill("Lurah Caturtunggal")
    assert page.locator('input[name="reported-TOTAL_FORMS"]').input_value() == "2"

    page.get_by_label("Apa yang terjadi?").fill("Camat memasang spanduk pasangan calon di kantor kecamatan.")
    page.get_by_label("Pemilihan").select_option("pemilu-2024")
    # province first, then the regency/city list holds only that province's regions
    page.get_by_label("Provinsi").select_option(label="Daerah Istimewa Yogyakarta")
    assert page.locator("#id_region_code option").count() == 7  # placeholder, province level, 5 regions
    page.get_by_label("Kabupaten atau kota").select_option("34.04")
    page.get_by_label("Tempat", exact=True).fill("Kantor Kecamatan Depok")
    page.get_by_label("Tanggal kejadian").fill("2024-04-03")
    page.get_by_label("Tanggal Anda mengetahuinya").fill("2024-04-04")
    page.locator("#id_evidence").set_input_files(
        files=[{"name": "spanduk.jpg", "mimeType": "image/jpeg", "buffer": photo()}]
    )

    # the reporting window and the checklist update as the form is filled in
    window = page.locator("#window-status")
    window.filter(has_text="6 hari kerja").wait_for()
    assert "Hari terakhir: Selasa, 23 April 2024." in window.inner_text()
    # Enter in a text box checks (it never sends by accident), in place: the chosen file stays
    page.get_by_label("Tempat", exact=True).press("Enter")
    page.locator(".checklist-complete").wait_for()
    assert page.url == f"{live_server.url}/lapor/"
    assert page.locator("#id_evidence").evaluate("input => input.files.length") == 1
    page.get_by_role("button", name="Periksa", exact=True).click()
    page.locator("#periksa").wait_for()
    assert fits_the_screen(page)
    screenshot(page, "public-report-check-360")

    page.get_by_role("button", name="Kirim laporan").click()
    page.locator("#tracking-code").wait_for()
    code = page.locator("#tracking-code").inner_text()
    secret = page.locator("#receipt-secret").inner_text()
    assert re.fullmatch(r"NTR(-[0-9A-Z]{4}){3}", code)
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){4}", secret)
    assert code not in page.url and secret not in page.url
    assert fits_the_screen(page)
    screenshot(page, "public-report-receipt-360")

    report = Report.objects.get(tracking_code=code)
    assert report.reported_persons.count() == 2 and report.evidence.count() == 1
    assert not report.daluwarsa

    page.get_by_role("link", name="Buka halaman status").click()
    page.get_by_label("Kode pelacakan").fill(code.lower())
    page.get_by_label("Rahasia tanda terima").fill(secret)
    page.get_by_role("button", name="Buka status").click()
    assert page.locator("#status-code").inner_text() == code
    assert page.locator("#status-state").inner_text() == "Diterima"
    page.get_by_label("Pesan Anda").fill("Spanduk masih terpasang hari ini.")
    page.get_by_role("button", name="Kirim pesan").click()
    page.get_by_text("Pesan Anda sudah terkirim.").wait_for()
    assert fits_the_screen(page)
    screenshot(page, "public-report-status-360")
    page.get_by_role("button", name="Keluar").click()
    page.get_by_label("Rahasia tanda terima").wait_for()
