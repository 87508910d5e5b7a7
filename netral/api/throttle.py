"""A fixed-window rate limiter on Django's cache, one per endpoint group.

Each group ("public", "submit") has a rate from settings (`NETRAL_API_RATE_PUBLIC`,
`NETRAL_API_RATE_SUBMIT`) such as "60/min": at most 60 requests per client in each calendar
minute. A client is its API token when a valid one is presented, else its IP address
(`REMOTE_ADDR`; set `NINJA_NUM_PROXIES` behind a reverse proxy so the client address is taken from
`X-Forwarded-For`). The counter lives in the default cache: with several worker processes use a
shared cache (`NETRAL_CACHE_URL=redis://...`), otherwise each process counts on its own.
"""

from __future__ import annotations

import functools
import logging
import math
import re
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from ninja.conf import settings as ninja_settings
from ninja.throttling import BaseThrottle

from netral.api.auth import token_from_request

logger = logging.getLogger("netral.api")

RATE_SETTINGS = {"public": "NETRAL_API_RATE_PUBLIC", "submit": "NETRAL_API_RATE_SUBMIT"}
DEFAULT_RATES = {"public": "60/min", "submit": "10/min"}
_UNITS = {
    "s": 1,
    "sec": 1,
    "second": 1,
    "m": 60,
    "min": 60,
    "minute": 60,
    "h": 3600,
    "hour": 3600,
    "d": 86400,
    "day": 86400,
}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*([a-z]+)\s*$")
_OFF = {"", "off", "none"}


@dataclass(frozen=True)
class Rate:
    requests: int
    seconds: int


@functools.lru_cache(maxsize=32)
def parse_rate(text: str) -> Rate | None:
    """ "60/min" -> Rate(60, 60); "off" (or "") -> None (no limit). Raises ValueError."""
    value = text.strip().lower()
    if value in _OFF:
        return None
    match = _RATE.match(value)
    if match is None or match.group(2) not in _UNITS or int(match.group(1)) < 1:
        raise ValueError(f"rate must look like 60/min (units: s, min, hour, day) or off, got {text!r}")
    return Rate(int(match.group(1)), _UNITS[match.group(2)])


def rate_for(group: str) -> Rate | None:
    name = RATE_SETTINGS[group]
    return parse_rate(str(getattr(settings, name, DEFAULT_RATES[group])))


def check_rate_settings() -> None:
    for group, name in RATE_SETTINGS.items():
        try:
            rate_for(group)
        except ValueError as exc:
            raise ImproperlyConfigured(f"{name}: {exc}") from exc


def client_ident(request: HttpRequest) -> str:
    """The token's prefix when a valid token is presented, else the client's IP address."""
    token = token_from_request(request)
    if token is not None:
        return f"token:{token.prefix}"
    if ninja_settings.NUM_PROXIES is None:
        address = request.META.get("REMOTE_ADDR") or "unknown"
    else:
        address = BaseThrottle().get_ident(request) or "unknown"
    return f"ip:{address}"


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: int  # seconds until the current window ends


def hit(group: str, ident: str, rate: Rate, now: float | None = None) -> Decision:
    """Count one request of `ident` in the current window of `group` and decide."""
    now = time.time() if now is None else now
    window = int(now // rate.seconds)
    retry_after = max(1, math.ceil((window + 1) * rate.seconds - now))
    key = f"netral:api:rate:{group}:{ident}:{window}"
    try:
        cache.add(key, 0, timeout=rate.seconds + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # the key expired between add and incr
            cache.set(key, 1, timeout=rate.seconds + 1)
            count = 1
    except Exception:  # a broken cache must not take the API down: let the request through
        logger.warning("rate limiter: cache unavailable, request not counted", exc_info=True)
        return Decision(True, retry_after)
    return Decision(count <= rate.requests, retry_after)


class FixedWindowThrottle(BaseThrottle):
    """ninja throttle for one endpoint group; the rate is read from settings on each request."""

    def __init__(self, group: str) -> None:
        if group not in RATE_SETTINGS:
            raise ValueError(f"unknown rate group {group!r}")
        self.group = group
        self._last = threading.local()  # throttle objects are shared between threads

    def allow_request(self, request: HttpRequest) -> bool:
        rate = rate_for(self.group)
        if rate is None:
            return True
        decision = hit(self.group, client_ident(request), rate)
        self._last.retry_after = decision.retry_after
        return decision.allowed

    def wait(self) -> float | None:
        return float(getattr(self._last, "retry_after", 1))


public = FixedWindowThrottle("public")
submit = FixedWindowThrottle("submit")
