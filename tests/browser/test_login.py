"""A staff member logs in, sees their scope in Indonesian, switches to English and logs out."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import screenshot
from tests.fixtures import TEST_PASSWORD


def test_login_home_language_and_logout(page: Any, live_server: Any, bawaslu_kab_sleman: Any) -> None:
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Masuk").first.click()

    page.get_by_label("Nama pengguna").fill(bawaslu_kab_sleman.username)
    page.get_by_label("Kata sandi").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Masuk").click()

    page.wait_for_url(f"{live_server.url}/beranda/")
    assert page.locator("html").get_attribute("lang") == "id"
    assert "Kabupaten Sleman" in page.locator("dl.facts").inner_text()
    screenshot(page, "home-bawaslu-sleman-360px")

    page.get_by_role("button", name="EN").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Scope" in page.locator("dl.facts").inner_text()

    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(f"{live_server.url}/masuk/**")
    assert page.get_by_label("Password").is_visible()
