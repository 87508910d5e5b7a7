"""A Bawaslu officer finds in the initial review that the reporter learned of the event a day later than the
report says: the corrected day puts the report back inside the reporting window, and it can be registered
(Indonesian UI)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from netral.cases import actions
from netral.cases.models import Case
from tests.browser.conftest import screenshot
from tests.browser.test_case_workflow import act, log_in
from tests.test_cases_support import new_case

# Pilkada 2024, filed Thu 3 Oct 2024 10:00 WIB; known on Wed 25 Sep: last day Wed 2 Oct, late.
RECEIVED = dt.datetime(2024, 10, 3, 3, 0, tzinfo=dt.UTC)


def test_correcting_the_day_of_knowledge_in_the_browser(
    page: Any, live_server: Any, bawaslu_kab_sleman: Any
) -> None:
    case = new_case(election="pilkada-2024", received_at=RECEIVED, known_on=dt.date(2024, 9, 25))
    actions.transition(case, "start_initial_review", actor=bawaslu_kab_sleman)
    log_in(page, live_server, bawaslu_kab_sleman.username)
    page.goto(f"{live_server.url}/perkara/{case.pk}/")
    assert page.get_by_text("daluwarsa", exact=True).first.is_visible()
    assert (
        page.get_by_role("button", name="Registrasi").count() == 0
    )  # an expired report cannot be registered
    form = page.locator("#step-correct_known_on")
    assert form.get_by_label("Tanggal pelapor mengetahui kejadian").input_value() == "2024-09-25"
    form.get_by_label("Tanggal pelapor mengetahui kejadian").fill("2024-09-26")
    form.get_by_label("Dasar penetapan tanggal ini dalam kajian awal").fill(
        "Tangkapan layar unggahan bertanggal 26 September 2024."
    )
    form.get_by_role("button", name="Koreksi tanggal pelapor mengetahui kejadian").click()
    page.wait_for_load_state()
    assert "Selesai:" in page.locator("ul.messages").inner_text()
    assert "Tangkapan layar unggahan bertanggal 26 September 2024." in page.locator("#timeline").inner_text()
    screenshot(page, "case-known-on-corrected")
    act(page, "Registrasi", "Diregistrasi", reason="Syarat formal dan materiel terpenuhi.")
    assert not Case.objects.get(pk=case.pk).daluwarsa
