"""Rate limits (fixed windows on the cache), the Idempotency-Key helper, the cache setting."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, override_settings

from netral.accounts.models import User
from netral.api import services, throttle
from netral.api.errors import InvalidInput
from netral.api.idempotency import parse_idempotency_key
from netral.api.throttle import Rate, hit, parse_rate


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    cache.clear()


# --- rates and windows ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("60/min", Rate(60, 60)),
        ("10/s", Rate(10, 1)),
        (" 5 / hour ", Rate(5, 3600)),
        ("1000/day", Rate(1000, 86400)),
        ("3/m", Rate(3, 60)),
        ("off", None),
        ("", None),
    ],
)
def test_parse_rate(text: str, rate: Rate | None) -> None:
    assert parse_rate(text) == rate


@pytest.mark.parametrize("text", ["60", "0/min", "5/year", "abc", "-1/min", "1.5/min"])
def test_bad_rates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_rate(text)


def test_bad_rate_setting_fails_at_start() -> None:
    with (
        override_settings(NETRAL_API_RATE_SUBMIT="ten per minute"),
        pytest.raises(ImproperlyConfigured, match="NETRAL_API_RATE_SUBMIT"),
    ):
        throttle.check_rate_settings()


def test_fixed_window_counts_per_calendar_window() -> None:
    rate = Rate(2, 60)
    # Window [120, 180): two requests pass, the third waits until 180.
    assert hit("public", "ip:a", rate, now=120.0).allowed
    assert hit("public", "ip:a", rate, now=150.5).allowed
    third = hit("public", "ip:a", rate, now=170.2)
    assert not third.allowed
    assert third.retry_after == 10  # ceil(180 - 170.2)
    assert hit("public", "ip:b", rate, now=171.0).allowed  # another client has its own count
    assert hit("submit", "ip:a", rate, now=171.0).allowed  # another group too
    assert hit("public", "ip:a", rate, now=180.0).allowed  # a new window starts afresh


def test_a_broken_cache_lets_requests_through(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "add", broken)
    assert hit("public", "ip:a", Rate(1, 60), now=0.0).allowed
    assert hit("public", "ip:a", Rate(1, 60), now=1.0).allowed


# --- on the endpoints -----------------------------------------------------------------------------


@pytest.mark.django_db
@override_settings(NETRAL_API_RATE_PUBLIC="3/min")
def test_public_endpoints_answer_429_with_retry_after(client: Client) -> None:
    for _ in range(3):
        assert client.get("/api/v1/elections").status_code == 200
    response = client.get("/api/v1/regions")  # the whole group shares one count
    assert response.status_code == 429
    assert response.json() == {"detail": "Terlalu banyak permintaan. Coba lagi nanti."}
    assert 1 <= int(response["Retry-After"]) <= 60
    other = Client(REMOTE_ADDR="10.1.2.3")
    assert other.get("/api/v1/elections").status_code == 200
    # The docs and the schema are not limited.
    assert client.get("/api/v1/openapi.json").status_code == 200
    assert client.get("/api/docs").status_code == 200


@pytest.mark.django_db
@override_settings(NETRAL_API_RATE_PUBLIC="2/min")
def test_a_token_has_its_own_count(client: Client, bawaslu_kab_sleman: User) -> None:
    _token, text = services.create_token(bawaslu_kab_sleman, "sync")
    auth: dict[str, Any] = {"HTTP_AUTHORIZATION": f"Bearer {text}"}
    for _ in range(2):
        assert client.get("/api/v1/elections").status_code == 200
    assert client.get("/api/v1/elections").status_code == 429
    # Same address, but with a valid token: counted for the token, not the address.
    assert client.get("/api/v1/me", **auth).status_code == 200
    assert client.get("/api/v1/elections", **auth).status_code == 200
    assert client.get("/api/v1/me", **auth).status_code == 429
    # An invalid token does not escape the address's count.
    assert (
        client.get("/api/v1/elections", HTTP_AUTHORIZATION="Bearer ntr_00000000_" + "A" * 43).status_code
        == 429
    )


@pytest.mark.django_db
@override_settings(NETRAL_API_RATE_PUBLIC="off")
def test_off_disables_the_limit(client: Client) -> None:
    statuses = {client.get("/api/v1/elections").status_code for _ in range(70)}
    assert statuses == {200}


@pytest.mark.django_db
def test_default_public_rate_is_60_per_minute(client: Client) -> None:
    assert throttle.rate_for("public") == Rate(60, 60)
    assert throttle.rate_for("submit") == Rate(10, 60)


@pytest.mark.django_db
@override_settings(NETRAL_API_RATE_PUBLIC="1/min", NINJA_NUM_PROXIES=1)
def test_behind_a_proxy_the_forwarded_address_counts(client: Client) -> None:
    first: dict[str, Any] = {"HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    second: dict[str, Any] = {"HTTP_X_FORWARDED_FOR": "203.0.113.6"}
    assert client.get("/api/v1/elections", **first).status_code == 200
    assert client.get("/api/v1/elections", **first).status_code == 429
    assert client.get("/api/v1/elections", **second).status_code == 200


@pytest.mark.django_db
@override_settings(NETRAL_API_RATE_PUBLIC="1/min")
def test_without_proxy_setting_forwarded_for_is_ignored(client: Client) -> None:
    assert client.get("/api/v1/elections", HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 200
    assert client.get("/api/v1/elections", HTTP_X_FORWARDED_FOR="203.0.113.6").status_code == 429


# --- Idempotency-Key ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "key"),
    [
        (None, None),
        ("a", "a"),
        ("  0f8fad5b-d9cb-469f-a165-70867728950e ", "0f8fad5b-d9cb-469f-a165-70867728950e"),
        ("k" * 100, "k" * 100),
        ("order 42 / retry ~!", "order 42 / retry ~!"),
    ],
)
def test_idempotency_key_accepted(value: str | None, key: str | None) -> None:
    assert parse_idempotency_key(value) == key


@pytest.mark.parametrize("value", ["", "   ", "k" * 101, "kunci-é", "tab\there", "nul\x00", "del\x7f"])
def test_idempotency_key_refused(value: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_idempotency_key(value)
    ((field, message),) = info.value.errors
    assert field == "Idempotency-Key"
    assert message


# --- NETRAL_CACHE_URL -----------------------------------------------------------------------------


def _settings_with(cache_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NETRAL_CACHE_URL": cache_url, "DJANGO_SETTINGS_MODULE": "netral.settings"}
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    command = [sys.executable, "-c", code]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("", "django.core.cache.backends.locmem.LocMemCache"),
        ("redis://127.0.0.1:6379/1", "django.core.cache.backends.redis.RedisCache"),
    ],
)
def test_cache_url_chooses_the_backend(url: str, backend: str) -> None:
    result = _settings_with(url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == backend


def test_unknown_cache_url_fails_at_start() -> None:
    result = _settings_with("memcached://127.0.0.1:11211")
    assert result.returncode != 0
    assert "NETRAL_CACHE_URL" in result.stderr
