"""Warming a web worker's caches before it serves (intake/warmup.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connections

from netral.intake import warmup
from netral.regions.models import Region
from netral.workdays.services import get_calendar

pytestmark = pytest.mark.django_db


def test_warm_caches_builds_every_regions_calendar(django_assert_num_queries: Any) -> None:
    counts = warmup.warm_caches()
    assert counts["calendars"] == Region.objects.count() + 1
    with django_assert_num_queries(0):
        assert get_calendar("91.71").zone.key == "Asia/Jayapura"
        get_calendar("34.04")


def test_the_gunicorn_hook_serves_on_when_warming_fails(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> dict[str, float]:
        raise RuntimeError("database not reachable")

    closed: list[bool] = []
    monkeypatch.setattr(warmup, "warm_caches", broken)
    monkeypatch.setattr(connections, "close_all", lambda: closed.append(True))
    warmup.post_worker_init(worker=None)
    assert "cold caches" in caplog.text
    assert closed == [True]
