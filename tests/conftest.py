"""Test-session set-up: the real reference data is loaded once into each test database."""

from __future__ import annotations

from typing import Any

import pytest

pytest_plugins = ["tests.fixtures"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    from netral.core.reference import load_all

    with django_db_blocker.unblock():
        load_all()


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Rate-limit counters and other cached values never leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
