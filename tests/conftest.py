"""Test-session set-up: the real reference data is loaded once into each test database."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytest_plugins = ["tests.fixtures", "tests.outbox_support"]


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


@pytest.fixture(autouse=True)
def _match_index_in_the_foreground(settings: Any) -> Iterator[None]:
    """A background rebuild would read the register on another connection, outside the test's
    transaction; tests rebuild at once (test_triage_matching.py tests the background path itself).
    An index one test built (from its register) is never used by the next, nor stored on disk
    (test_triage_matching_store.py tests the store in a temporary directory)."""
    from netral.triage.matching import reset_index

    settings.NETRAL_MATCH_INDEX_BACKGROUND = False
    settings.NETRAL_MATCH_INDEX_STORE = False
    yield
    reset_index()


def _pdf_engine_loads() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: the system's Pango library cannot be loaded
        return False
    return True


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    """Tests marked `pdf` need WeasyPrint's system libraries (Pango). A fresh machine without them
    skips those tests with the reason; CI sets NETRAL_REQUIRE_PDF=1 so they can never be skipped there."""
    import os

    if os.environ.get("NETRAL_REQUIRE_PDF") == "1" or _pdf_engine_loads():
        return
    skip = pytest.mark.skip(
        reason="WeasyPrint cannot load the system's Pango (Debian: apt-get install libpango-1.0-0)"
    )
    for item in items:
        if "pdf" in item.keywords:
            item.add_marker(skip)
