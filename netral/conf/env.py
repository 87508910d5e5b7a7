"""Typed helpers that read settings from environment variables.

Every setting netral reads from the environment goes through one of these helpers, so a
wrong value fails at start-up with a message naming the variable, never later.
"""

from __future__ import annotations

import datetime as dt
import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on", "ya"}
_FALSE = {"0", "false", "no", "off", "tidak", ""}


def env_str(name: str, default: str = "") -> str:
    """The value; unset or blank gives the default (so `NETRAL_DATA_DIR=` is not the current folder)."""
    raw = os.environ.get(name)
    return default if raw is None or not raw.strip() else raw


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {raw!r}.")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}.") from exc
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, got {value}.")
    return value


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [part.strip() for part in raw.split(",") if part.strip()]


def env_time(name: str, default: str) -> dt.time:
    raw = os.environ.get(name, default)
    try:
        return dt.time.fromisoformat(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a time such as 16:00, got {raw!r}.") from exc


def env_required(name: str, *, production: bool, fallback: str) -> str:
    """A secret: required in production (clear start-up error), a fixed development value otherwise."""
    value = os.environ.get(name, "")
    if value:
        return value
    if production:
        raise ImproperlyConfigured(
            f"{name} is not set. netral refuses to start in production (NETRAL_ENV=production) "
            f"without it. Set {name} in the environment; see docs/configuration.md."
        )
    return fallback
