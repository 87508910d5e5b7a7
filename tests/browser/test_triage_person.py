"""A Bawaslu officer finds the reported civil servant in the register when the name alone fits many people:
the workspace says how many bear the name, the officer narrows the search to an agency and confirms the
one candidate left (Indonesian UI)."""

from __future__ import annotations

from typing import Any

from netral.cases.models import Case
from netral.intake.services import ReportedPersonInput, ReportInput, submit_report
from netral.triage import suggestions
from netral.triage.models import ModelVersion, Suggestion
from tests.browser.conftest import screenshot
from tests.browser.test_case_workflow import log_in
from tests.test_triage_suggest_support import OCT_3_10_WIB, SOCIAL_MEDIA_TEXT, add_employee, trained

__all__ = ["trained"]  # the fixture, imported for the test below


def test_narrowing_the_register_search_in_the_browser(
    page: Any, live_server: Any, bawaslu_kab_sleman: Any, trained: ModelVersion
) -> None:
    for serial in range(1, 7):
        add_employee("Ahmad Fauzi", serial=serial)
    manado = add_employee("Ahmad Fauzi", serial=7, agency="pemkot-71.71", region="71.71")
    data = ReportInput(
        description=SOCIAL_MEDIA_TEXT,
        region_code="34.04",
        election="pilkada-2024",
        known_on=OCT_3_10_WIB.date(),
        anonymous=True,
        reported=(ReportedPersonInput(name="Pak Ahmad Fauzi", position="Camat"),),
    )
    case = Case.objects.get(case_reports__report=submit_report(data, channel="web").report)
    suggestions.generate(case)

    log_in(page, live_server, bawaslu_kab_sleman.username)
    page.goto(f"{live_server.url}/perkara/{case.pk}/")
    person = page.locator("form.triage-person")
    assert "7 orang di register bernama persis seperti ini (6 di antaranya di provinsi laporan)" in (
        person.inner_text()
    )
    assert person.locator("tbody tr").count() == 5
    page.get_by_text("Persempit pencarian di register").click()
    agency = page.locator("details.triage-narrow").get_by_label("Instansi")
    agency.fill("Manado")  # the list is asked for as the officer types
    page.wait_for_function("document.querySelectorAll('datalist[id^=narrow-agencies] option').length > 0")
    offered = page.locator("datalist[id^=narrow-agencies] option").evaluate_all(
        "(els) => els.map(e => e.value)"
    )
    assert offered == ["pemkot-71.71 — Pemerintah Kota Manado"]
    agency.fill(offered[0])  # picked from the list
    page.get_by_role("button", name="Cari lagi").click()
    page.wait_for_load_state()
    assert "Register telah dicari ulang: 1 kandidat." in page.locator("ul.messages").inner_text()
    rows = page.locator("form.triage-person tbody tr")
    assert rows.count() == 1 and "pemkot-71.71" in rows.first.inner_text()
    screenshot(page, "triage-person-narrowed")
    rows.first.get_by_role("radio").check()
    page.locator("form.triage-person").get_by_role("button", name="Konfirmasi").click()
    page.wait_for_load_state()
    assert "Data register terlapor telah dikonfirmasi." in page.locator("ul.messages").inner_text()
    row = Suggestion.objects.get(case=case, field="person")
    assert (row.status, row.decided_value) == ("accepted", manado.pk)
