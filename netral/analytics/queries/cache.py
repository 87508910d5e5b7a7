"""A short-lived cache of dashboard results, keyed by the selection itself.

The key is a hash of the SQL (with parameters) that selects the user's visible, filtered cases, the
filters, the user's scope, the language and the call's own arguments: two users share an entry only when
they select exactly the same cases, so a cached number can never cross a scope. Entries live
`NETRAL_ANALYTICS_CACHE_SECONDS` (default 60; 0 turns the cache off): a dashboard may be that many
seconds behind, in exchange for a million-case aggregate computed once a minute instead of per request.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from netral.accounts.scope import scope_for
from netral.analytics.queries.filters import Filters, cases_for

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

T = TypeVar("T")
PREFIX = "netral:analytics:"


def cache_seconds() -> int:
    return int(getattr(settings, "NETRAL_ANALYTICS_CACHE_SECONDS", 60))


def cache_key(name: str, user: RequestUser, filters: Filters | None, extra: tuple[Any, ...]) -> str:
    sql, params = cases_for(user, filters).values("pk").query.sql_with_params()
    parts = (
        name,
        sql,
        tuple(str(param) for param in params),
        sorted((filters or Filters()).as_params().items()),
        scope_for(user),
        translation.get_language(),
        extra,
    )
    return PREFIX + hashlib.sha256(repr(parts).encode()).hexdigest()


def cached(name: str, user: RequestUser, filters: Filters | None, compute: Callable[[], T], *extra: Any) -> T:
    """`compute()`, or its result of less than `cache_seconds()` ago for the same selection."""
    seconds = cache_seconds()
    if seconds <= 0:
        return compute()
    key = cache_key(name, user, filters, extra)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value
