"""A Bawaslu officer takes a freshly filed report through the Bawaslu stage in the browser, and a
commissioner decides it in the plenary (Indonesian UI)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from netral.cases.models import Case
from netral.intake.services import ReportedPersonInput, ReportInput, submit_report
from tests.browser.conftest import screenshot
from tests.fixtures import TEST_PASSWORD

JAKARTA = dt.timezone(dt.timedelta(hours=7))


def log_in(page: Any, live_server: Any, username: str) -> None:
    page.goto(f"{live_server.url}/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/beranda/")


def act(page: Any, button: str, state: str, reason: str = "") -> None:
    if reason:
        page.get_by_label("Alasan atau catatan (opsional)").fill(reason)
    page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()
    assert page.locator("#case-state").inner_text() == state
    assert "Selesai:" in page.locator("ul.messages").inner_text()


def test_the_bawaslu_stage_in_the_browser(
    page: Any, live_server: Any, bawaslu_kab_sleman: Any, commissioner_kab_sleman: Any
) -> None:
    data = ReportInput(
        description="Camat mengajak pegawai kecamatan mendukung pasangan calon tertentu.",
        region_code="34.04",
        election="pemilu-2024",
        known_on=timezone.now().astimezone(JAKARTA).date(),
        anonymous=True,
        reported=(ReportedPersonInput(name="Joko Widodo Saputra", position="Camat"),),
    )
    report = submit_report(data, channel="web").report
    case = Case.objects.get(case_reports__report=report)

    log_in(page, live_server, bawaslu_kab_sleman.username)
    page.get_by_role("link", name="Perkara").first.click()
    page.get_by_role("link", name=case.number).click()
    assert page.locator("#case-state").inner_text() == "Diterima"
    act(page, "Mulai kajian awal", "Kajian awal")
    act(page, "Registrasi", "Diregistrasi", reason="Syarat formal dan materiel terpenuhi.")
    act(page, "Mulai klarifikasi", "Klarifikasi")
    act(page, "Mulai kajian", "Kajian")
    act(page, "Bawa ke rapat pleno", "Rapat pleno")
    assert "Peran Anda tidak memiliki tindakan" in page.content()  # the decision is the commissioners'

    page.context.clear_cookies()
    log_in(page, live_server, commissioner_kab_sleman.username)
    page.goto(f"{live_server.url}/perkara/")
    page.get_by_role("link", name=case.number).click()
    act(page, "Putuskan: pelanggaran", "Terbukti pelanggaran", reason="Terbukti dalam rapat pleno.")
    timeline = page.locator("#timeline").inner_text()
    assert "Rapat pleno → Terbukti pelanggaran" in timeline
    assert "Syarat formal dan materiel terpenuhi." in timeline
    screenshot(page, "case-bawaslu-stage-decided")

    case.refresh_from_db()
    assert case.state == "violation"
    assert case.transitions.count() == 7


def test_deadlines_in_the_browsers_time_and_a_step_form(
    browser: Any,
    live_server: Any,
    reference_data: None,
    bawaslu_kab_sleman: Any,
    commissioner_kab_sleman: Any,
) -> None:
    """A reader in Papua (browser time zone WIT) sees a Sleman deadline (WIB) in their own time, with a
    running countdown; then extends the decision deadline through its form."""
    from netral.cases import actions
    from netral.cases.models import Deadline

    data = ReportInput(
        description="Lurah memasang spanduk pasangan calon di kantor kelurahan.",
        region_code="34.04",
        election="pemilu-2024",
        known_on=timezone.now().astimezone(JAKARTA).date(),
        anonymous=True,
        reported=(ReportedPersonInput(name="Slamet Riyadi", position="Lurah"),),
    )
    case = Case.objects.get(case_reports__report=submit_report(data, channel="web").report)
    for action in ("start_initial_review", "register"):
        case = actions.transition(case, action, actor=bawaslu_kab_sleman)
    due_wit = Deadline.objects.get(case=case, clock="pemilu.decision").due_at.astimezone(
        dt.timezone(dt.timedelta(hours=9))
    )

    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="id-ID", timezone_id="Asia/Jayapura"
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    log_in(page, live_server, bawaslu_kab_sleman.username)
    page.goto(f"{live_server.url}/perkara/{case.pk}/")
    row = page.locator("#deadlines tbody tr").filter(has_text="Putusan")
    local = row.locator("td[data-local-time]").inner_text()
    assert f"{due_wit.day} " in local and f"{due_wit:%H}.{due_wit:%M}" in local, local
    assert "WIT" in local and "WIB" not in local, local
    assert row.locator("td[data-due]").inner_text().endswith("lagi")
    assert page.locator("[data-browser-zone]").inner_text() == "Asia/Jayapura"

    page.get_by_label("Keterangan yang masih diperlukan").fill("Menunggu keterangan saksi.")
    page.get_by_role("button", name="Perpanjang tenggat putusan (perlu keterangan tambahan)").click()
    page.wait_for_load_state()
    assert "Selesai:" in page.locator("ul.messages").inner_text()
    assert "diperpanjang; semula" in page.locator("#deadlines").inner_text()
    screenshot(page, "case-decision-extended")
    context.close()
