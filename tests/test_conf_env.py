"""The environment helpers: a blank value is the default, as an unset one."""

from __future__ import annotations

import pytest

from netral.conf.env import env_int, env_str


def test_a_blank_string_variable_gives_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETRAL_TEST_VALUE", "  ")
    assert env_str("NETRAL_TEST_VALUE", "var") == "var"  # not "" (the current folder for a path)
    assert env_int("NETRAL_TEST_VALUE", 3) == 3
    monkeypatch.setenv("NETRAL_TEST_VALUE", "/srv/netral")
    assert env_str("NETRAL_TEST_VALUE", "var") == "/srv/netral"
    monkeypatch.delenv("NETRAL_TEST_VALUE")
    assert env_str("NETRAL_TEST_VALUE", "var") == "var"
