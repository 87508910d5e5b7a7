"""A national supervisor opens the analytics dashboard and the map in the browser: the charts and the tile map
render (ECharts from npm, SVG renderer), numbers click through to the cases; screenshots in test-output/."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.staticfiles import finders

from tests.browser.conftest import screenshot
from tests.browser.test_case_workflow import log_in
from tests.test_analytics_dash_support import build_world


def test_dashboard_and_map_render(page: Any, live_server: Any, users_by_role: dict[str, Any]) -> None:
    if finders.find("vendor/echarts/echarts.min.js") is None:
        pytest.skip("ECharts is not installed (make install runs npm ci)")
    world = build_world(users_by_role)
    log_in(page, live_server, users_by_role["bawaslu_ri"].username)
    page.get_by_role("link", name="Analitik").first.click()
    page.wait_for_url(f"{live_server.url}/analitik/")
    page.wait_for_selector("#chart-funnel[data-rendered='true'] svg")
    page.wait_for_selector("#chart-weekly[data-rendered='true'] svg")
    assert page.locator("#chart-funnel svg path, #chart-funnel svg rect").count() > 0
    assert page.locator("[data-chart='breakdown'][data-rendered='true'] svg").count() >= 3
    assert page.locator("#summary [data-kpi='total']").inner_text() == "7"
    assert page.locator("#charts-missing").count() == 0
    screenshot(page, "analytics-dashboard")

    page.locator("#table-funnel tr[data-key='sanctioned'] a").click()
    page.wait_for_selector("#analytics-cases")
    assert page.locator("#case-count").inner_text().startswith("2")
    assert world.cases["m_late"].number in page.content()

    page.goto(f"{live_server.url}/analitik/peta/")
    page.wait_for_selector("#map[data-rendered='true'] svg")
    tiles = page.locator("#map svg").inner_html()
    assert "DIY" in tiles and "SULUT" in tiles and "PAPUA" in tiles
    page.select_option("#map-metric", "ppk_overdue")
    page.wait_for_selector("#map[data-metric='ppk_overdue']")
    screenshot(page, "analytics-map")

    page.locator("#table-map").get_by_role("link", name="Daerah Istimewa Yogyakarta").click()
    page.wait_for_selector("#map[data-level='regency'][data-rendered='true'] svg")
    assert "Kabupaten Sleman" in page.locator("#map svg").inner_html()
    screenshot(page, "analytics-map-province")
