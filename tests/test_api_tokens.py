"""Staff API tokens: the service, `Authorization: Bearer`, /api/v1/me, the command and the admin."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from netral.accounts.models import User
from netral.api import services
from netral.api.models import ApiToken
from netral.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

TOKEN_TEXT = re.compile(r"^ntr_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$")


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    cache.clear()


def me(client: Client, header: str | None) -> tuple[int, dict[str, str], dict[str, str]]:
    extra: dict[str, Any] = {"HTTP_AUTHORIZATION": header} if header is not None else {}
    response = client.get("/api/v1/me", **extra)
    return response.status_code, response.json(), dict(response.items())


# --- the service ----------------------------------------------------------------------------------


def test_created_token_stores_only_the_hash_of_its_secret(bawaslu_kab_sleman: User) -> None:
    token, text = services.create_token(bawaslu_kab_sleman, "SIGAPLAPOR sync", days=30)
    assert TOKEN_TEXT.match(text)
    _ntr, prefix, secret = text.split("_", 2)
    assert token.prefix == prefix
    assert token.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    row = ApiToken.objects.filter(pk=token.pk).values().get()
    assert all(secret not in str(value) for value in row.values())
    assert token.expires_at - token.created_at == dt.timedelta(days=30)
    entry = AuditEntry.objects.filter(action="api_token_created").latest("seq")
    assert entry.data["prefix"] == prefix
    assert secret not in json.dumps(entry.data)


def test_tokens_are_unique(bawaslu_kab_sleman: User) -> None:
    texts = {services.create_token(bawaslu_kab_sleman, "x")[1] for _ in range(5)}
    assert len(texts) == 5


@pytest.mark.parametrize("days", [0, -1, services.MAX_DAYS + 1])
def test_days_out_of_range_are_refused(bawaslu_kab_sleman: User, days: int) -> None:
    with pytest.raises(ValueError):
        services.create_token(bawaslu_kab_sleman, "x", days=days)


def test_parse_prefix() -> None:
    assert services.parse_prefix("ntr_1a2b3c4d") == "1a2b3c4d"
    assert services.parse_prefix(" 1A2B3C4D ") == "1a2b3c4d"
    assert services.parse_prefix("1a2b3c4") is None
    assert services.parse_prefix("xyz_1a2b3c4d") is None


# --- authentication -------------------------------------------------------------------------------


def test_valid_token_yields_its_user(client: Client, bawaslu_kab_sleman: User) -> None:
    token, text = services.create_token(bawaslu_kab_sleman, "sync")
    status, body, _headers = me(client, f"Bearer {text}")
    assert status == 200
    assert body == {
        "username": "bawaslu_kab_sleman",
        "role": "bawaslu_staff",
        "scope": "Kabupaten Sleman, Daerah Istimewa Yogyakarta",
    }
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_national_user_scope(client: Client, bawaslu_ri: User) -> None:
    _token, text = services.create_token(bawaslu_ri, "sync")
    status, body, _headers = me(client, f"bearer {text}")  # the scheme is case-insensitive
    assert status == 200
    assert body["scope"] == "Nasional"


def _assert_refused(client: Client, header: str | None) -> None:
    status, body, headers = me(client, header)
    assert status == 401
    assert body == {"detail": "Diperlukan token API yang sah (header Authorization: Bearer <token>)."}
    assert headers["WWW-Authenticate"] == "Bearer"


def test_missing_or_malformed_tokens_are_refused(client: Client, bawaslu_kab_sleman: User) -> None:
    _token, text = services.create_token(bawaslu_kab_sleman, "sync")
    _assert_refused(client, None)
    _assert_refused(client, "")
    _assert_refused(client, text)  # no scheme
    _assert_refused(client, f"Basic {text}")
    _assert_refused(client, "Bearer ntr_00000000_" + "A" * 43)  # unknown prefix
    _assert_refused(client, "Bearer " + text[:-1] + ("B" if text[-1] != "B" else "C"))  # wrong secret
    _assert_refused(client, "Bearer " + text + "x")


def test_revoked_token_is_refused(client: Client, bawaslu_kab_sleman: User) -> None:
    token, text = services.create_token(bawaslu_kab_sleman, "sync")
    assert me(client, f"Bearer {text}")[0] == 200
    services.revoke_token(token.prefix)
    _assert_refused(client, f"Bearer {text}")


def test_expired_token_is_refused(client: Client, bawaslu_kab_sleman: User) -> None:
    token, text = services.create_token(bawaslu_kab_sleman, "sync", days=1)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    _assert_refused(client, f"Bearer {text}")


def test_token_of_an_inactive_user_is_refused(client: Client, bawaslu_kab_sleman: User) -> None:
    _token, text = services.create_token(bawaslu_kab_sleman, "sync")
    bawaslu_kab_sleman.is_active = False
    bawaslu_kab_sleman.save(update_fields=["is_active"])
    _assert_refused(client, f"Bearer {text}")


def test_public_endpoints_ignore_a_bad_token(client: Client) -> None:
    response = client.get("/api/v1/elections", HTTP_AUTHORIZATION="Bearer nonsense")
    assert response.status_code == 200


def test_session_login_is_not_an_api_token(client: Client, bawaslu_kab_sleman: User) -> None:
    client.force_login(bawaslu_kab_sleman)
    assert me(client, None)[0] == 401


# --- the command ----------------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("api-token", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_command_create_prints_the_token_once_on_stdout(client: Client, bawaslu_kab_sleman: User) -> None:
    code, out, err = run("create", "bawaslu_kab_sleman", "--name", "SIGAPLAPOR sync", "--days", "7")
    assert code == 0
    text = out.strip()
    assert TOKEN_TEXT.match(text)
    assert "Simpan sekarang" in err and text not in err
    token = ApiToken.objects.get()
    assert (token.name, token.user) == ("SIGAPLAPOR sync", bawaslu_kab_sleman)
    assert token.expires_at - token.created_at == dt.timedelta(days=7)
    assert me(client, f"Bearer {text}")[0] == 200
    _code, listing, _err = run("list")
    assert text.split("_", 2)[2] not in listing  # the secret (43 characters) is never shown again


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["create", "nobody", "--name", "x"], "Pengguna tidak dikenal: nobody."),
        (["create", "bawaslu_kab_sleman", "--name", "x", "--days", "0"], "--days harus antara 1 dan 3650."),
        (["create", "bawaslu_kab_sleman", "--name", "  "], "Beri nama token dengan --name."),
        (["revoke", "ntr_00000000"], "Tidak ada token dengan awalan ntr_00000000"),
    ],
)
def test_command_errors_exit_1_in_indonesian(bawaslu_kab_sleman: User, args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert code == 1
    assert out == ""
    assert message in err
    assert not ApiToken.objects.exists()


def test_command_refuses_an_inactive_user(bawaslu_kab_sleman: User) -> None:
    bawaslu_kab_sleman.is_active = False
    bawaslu_kab_sleman.save(update_fields=["is_active"])
    code, _out, err = run("create", "bawaslu_kab_sleman", "--name", "x")
    assert code == 1 and "tidak aktif" in err


def test_command_revoke_and_list(client: Client, bawaslu_kab_sleman: User, bkn_analyst: User) -> None:
    first, first_text = services.create_token(bawaslu_kab_sleman, "one")
    second, _second_text = services.create_token(bkn_analyst, "two")
    ApiToken.objects.filter(pk=second.pk).update(expires_at=timezone.now() - dt.timedelta(days=1))

    code, out, _err = run("revoke", f"ntr_{first.prefix}")
    assert (code, out.strip()) == (0, f"Token ntr_{first.prefix} telah dicabut.")
    assert me(client, f"Bearer {first_text}")[0] == 401
    code, out, _err = run("revoke", first.prefix)
    assert (code, out.strip()) == (0, f"Token ntr_{first.prefix} sudah dicabut sebelumnya.")
    assert AuditEntry.objects.filter(action="api_token_revoked").count() == 1

    code, out, _err = run("list", "--json")
    rows = {row["prefix"]: row for row in json.loads(out)}
    assert rows[f"ntr_{first.prefix}"]["status"] == "revoked"
    assert rows[f"ntr_{first.prefix}"]["user"] == "bawaslu_kab_sleman"
    assert rows[f"ntr_{second.prefix}"]["status"] == "expired"
    assert set(rows[f"ntr_{second.prefix}"]) == {
        "prefix",
        "user",
        "name",
        "status",
        "created_at",
        "expires_at",
        "last_used_at",
        "revoked_at",
    }
    code, out, _err = run("list")
    assert code == 0
    assert f"ntr_{first.prefix}" in out and "dicabut" in out and "kedaluwarsa" in out


def test_command_list_when_empty() -> None:
    assert run("list") == (0, "Belum ada token API.\n", "")
    assert run("list", "--json")[1].strip() == "[]"


# --- admin ----------------------------------------------------------------------------------------


def test_admin_shows_tokens_read_only_and_revokes(
    admin_client: Client, admin_user: User, bawaslu_kab_sleman: User
) -> None:
    token, _text = services.create_token(bawaslu_kab_sleman, "sync")
    changelist = admin_client.get("/admin/api/apitoken/")
    assert changelist.status_code == 200
    assert token.prefix in changelist.content.decode()
    assert admin_client.get("/admin/api/apitoken/add/").status_code == 403
    change = admin_client.get(f"/admin/api/apitoken/{token.pk}/change/").content.decode()
    assert token.secret_hash in change
    assert 'name="secret_hash"' not in change  # shown, not editable
    response = admin_client.post(
        "/admin/api/apitoken/", {"action": "revoke", "_selected_action": [token.pk]}, follow=True
    )
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.revoked_at is not None
    entry = AuditEntry.objects.filter(action="api_token_revoked").latest("seq")
    assert entry.actor_label == admin_user.get_username()


def test_tokens_visible_to(bawaslu_kab_sleman: User, bkn_analyst: User, admin_user: User) -> None:
    mine, _ = services.create_token(bawaslu_kab_sleman, "mine")
    theirs, _ = services.create_token(bkn_analyst, "theirs")
    assert list(ApiToken.objects.visible_to(bawaslu_kab_sleman)) == [mine]
    assert set(ApiToken.objects.visible_to(admin_user)) == {mine, theirs}
    assert not ApiToken.objects.visible_to(None).exists()
