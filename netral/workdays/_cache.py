"""Process cache of calendars and clocks, emptied whenever Holiday or Clock rows change.

Three ways a change reaches the cache:
1. A save or delete in this process (post_save/post_delete signals, also sent by queryset
   `.delete()`) empties it at once. Bulk writes (`bulk_create`, `update`) must call `invalidate()`.
2. A write inside a transaction that is later rolled back: the signal also remembers the open
   atomic blocks; when one of them has ended, the cache is emptied again (a rolled-back holiday
   must not stay in the cache; a committed one costs one reload).
3. A write by another process (the admin in a web worker): every NETRAL_WORKDAYS_CACHE_SECONDS
   (default 60) one cheap query compares the tables' row counts and last update times.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.db import connections
from django.db.models import Count, Max
from django.db.models.signals import post_delete, post_save

from netral.workdays.models import Clock, Holiday

T = TypeVar("T")

_lock = threading.RLock()
_entries: dict[tuple[str, Any], Any] = {}
_watched: list[tuple[Any, Any]] = []  # (connection, atomic block) that wrote holidays or clocks
# generation: bumped on every clear, so that a value built from rows read before a change is not stored.
_state: dict[str, Any] = {"checked_at": None, "fingerprint": None, "generation": 0}


def _clear() -> None:
    _entries.clear()
    _state["generation"] += 1


def invalidate() -> None:
    """Forget every cached calendar and clock."""
    with _lock:
        _clear()


def get_or_build(kind: str, key: Any, build: Callable[[], T]) -> T:
    _revalidate()
    with _lock:
        if (kind, key) in _entries:
            value: T = _entries[(kind, key)]
            return value
        generation = _state["generation"]
    value = build()
    with _lock:
        if _state["generation"] == generation:
            _entries[(kind, key)] = value
    return value


def _revalidate() -> None:
    with _lock:
        if _watched:
            alive = [(conn, block) for conn, block in _watched if any(b is block for b in conn.atomic_blocks)]
            if len(alive) != len(_watched):
                _watched[:] = alive
                _clear()
        seconds = float(getattr(settings, "NETRAL_WORKDAYS_CACHE_SECONDS", 60))
        now = time.monotonic()
        checked_at = _state["checked_at"]
        if checked_at is not None and now - checked_at < seconds:
            return
        _state["checked_at"] = now
    fingerprint = (
        tuple(Holiday.objects.aggregate(n=Count("id"), last=Max("updated_at")).values()),
        tuple(Clock.objects.aggregate(n=Count("id"), last=Max("updated_at")).values()),
    )
    with _lock:
        if fingerprint != _state["fingerprint"]:
            _state["fingerprint"] = fingerprint
            _clear()


def _changed(sender: type, using: str = "default", **kwargs: Any) -> None:
    connection = connections[using]
    with _lock:
        _clear()
        for block in connection.atomic_blocks:
            if not any(b is block for _conn, b in _watched):
                _watched.append((connection, block))


for _model in (Holiday, Clock):
    post_save.connect(_changed, sender=_model, dispatch_uid=f"workdays-cache-{_model.__name__}-save")
    post_delete.connect(_changed, sender=_model, dispatch_uid=f"workdays-cache-{_model.__name__}-delete")
