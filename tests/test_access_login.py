"""Logging in and out: password, TOTP code, lock-out, enrolment, language, audit entries."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from netral.accounts.models import User
from netral.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

PASSWORD = "sandi-rahasia-2024"


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def no_throttle(settings: Any) -> None:
    """django-otp delays the next try after a wrong code (1 s, 2 s, 4 s, ...); tests do not wait."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def with_password(user: User) -> User:
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    return user


def token_for(device: TOTPDevice, offset: int = 0) -> str:
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + offset)
    return str(value).zfill(device.digits)


def wrong_token(device: TOTPDevice) -> str:
    valid = {token_for(device, k) for k in range(-2, 3)}
    return next(t for t in (f"{n:06d}" for n in range(123456, 999999, 7919)) if t not in valid)


def login(client: Client, username: str, password: str = PASSWORD, token: str = "") -> Any:
    return client.post("/masuk/", {"username": username, "password": password, "otp_token": token})


def test_login_page_in_indonesian_with_english_switch(client: Client) -> None:
    html = client.get("/masuk/").content.decode()
    assert "Nama pengguna" in html and "Kata sandi" in html and "Kode autentikator" in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/masuk/"})
    html = client.get("/masuk/").content.decode()
    assert "Username" in html and "Authenticator code" in html and 'lang="en"' in html


# --- login, logout, language ------------------------------------------------------------------


def test_login_with_password_writes_the_audit_log(client: Client, bawaslu_kab_sleman: User) -> None:
    with_password(bawaslu_kab_sleman)
    response = login(client, "bawaslu_kab_sleman")
    assert response.status_code == 302 and response["Location"] == "/beranda/"
    assert client.get("/beranda/").status_code == 200
    entry = AuditEntry.objects.filter(action="login").latest("seq")
    assert entry.actor == bawaslu_kab_sleman and entry.data == {"two_factor": False}


def test_failed_login_is_audited_without_the_typed_text(client: Client, bawaslu_kab_sleman: User) -> None:
    with_password(bawaslu_kab_sleman)
    response = login(client, "bawaslu_kab_sleman", password="salah-sekali")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    login(client, "my-password-typed-here", password="x")
    failed = list(AuditEntry.objects.filter(action="login_failed").order_by("seq"))
    assert [e.data for e in failed] == [
        {"username": "bawaslu_kab_sleman", "reason": "credentials", "locked_out": False},
        {"username": None, "reason": "credentials", "locked_out": False},
    ]
    assert "my-password-typed-here" not in str([(e.actor_label, e.data, e.object_id) for e in failed])


def test_user_language_applied_at_login(client: Client, bawaslu_kab_sleman: User) -> None:
    with_password(bawaslu_kab_sleman)
    User.objects.filter(pk=bawaslu_kab_sleman.pk).update(language="en")
    response = login(client, "bawaslu_kab_sleman")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    html = client.get("/beranda/").content.decode()
    assert "Scope" in html and "No reports for you yet" in html


def test_logout_only_by_post(client: Client, bawaslu_kab_sleman: User) -> None:
    client.force_login(bawaslu_kab_sleman)
    assert client.get("/keluar/").status_code == 405
    assert client.get("/beranda/").status_code == 200
    response = client.post("/keluar/")
    assert response.status_code == 302 and response["Location"] == "/masuk/"
    assert client.get("/beranda/").status_code == 302
    assert AuditEntry.objects.filter(action="logout", actor=bawaslu_kab_sleman).count() == 1


# --- lock-out ---------------------------------------------------------------------------------


def test_lockout_after_five_failures(client: Client, bawaslu_kab_sleman: User) -> None:
    assert settings.AXES_FAILURE_LIMIT == 5
    with_password(bawaslu_kab_sleman)
    for _attempt in range(4):
        assert login(client, "bawaslu_kab_sleman", password="salah").status_code == 200
    fifth = login(client, "bawaslu_kab_sleman", password="salah")
    assert fifth.status_code == 429
    html = fifth.content.decode()
    assert "Login diblokir sementara" in html
    assert "Terjadi 5 kali percobaan login yang gagal" in html
    assert "Silakan coba lagi dalam 30 menit" in html
    # Even the right password is refused now.
    right = login(client, "bawaslu_kab_sleman")
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session
    flags = list(
        AuditEntry.objects.filter(action="login_failed").order_by("seq").values_list("data", flat=True)
    )
    assert [f["locked_out"] for f in flags] == [False, False, False, False, True, True]


def test_other_users_are_not_locked_out(
    client: Client, bawaslu_kab_sleman: User, bawaslu_prov_diy: User
) -> None:
    with_password(bawaslu_kab_sleman)
    with_password(bawaslu_prov_diy)
    for _attempt in range(5):
        login(client, "bawaslu_kab_sleman", password="salah")
    assert login(client, "bawaslu_prov_diy").status_code == 302


# --- two-factor login -------------------------------------------------------------------------


@pytest.fixture
def sleman_with_device(bawaslu_kab_sleman: User) -> tuple[User, TOTPDevice]:
    with_password(bawaslu_kab_sleman)
    device = TOTPDevice.objects.create(user=bawaslu_kab_sleman, name="phone", confirmed=True)
    return bawaslu_kab_sleman, device


def test_token_required_for_a_user_with_a_device(
    client: Client, sleman_with_device: tuple[User, TOTPDevice], no_throttle: None
) -> None:
    user, device = sleman_with_device
    missing = login(client, user.username)
    assert missing.status_code == 200
    assert "Kode autentikator kosong atau salah" in missing.content.decode()
    assert "_auth_user_id" not in client.session
    assert login(client, user.username, token=wrong_token(device)).status_code == 200
    assert "_auth_user_id" not in client.session
    response = login(client, user.username, token=token_for(device))
    assert response.status_code == 302
    assert client.get("/beranda/").status_code == 200
    entry = AuditEntry.objects.filter(action="login").latest("seq")
    assert entry.data == {"two_factor": True}
    reasons = [e.data["reason"] for e in AuditEntry.objects.filter(action="login_failed").order_by("seq")]
    assert reasons == ["token", "token"]


def test_wrong_tokens_count_towards_the_lockout(
    client: Client, sleman_with_device: tuple[User, TOTPDevice]
) -> None:
    user, device = sleman_with_device
    statuses = [login(client, user.username, token=wrong_token(device)).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]


def test_session_without_token_is_ended_for_a_user_with_a_device(
    client: Client, sleman_with_device: tuple[User, TOTPDevice]
) -> None:
    user, _device = sleman_with_device
    client.force_login(user)  # a session that never gave a token
    response = client.get("/beranda/")
    assert response.status_code == 302 and response["Location"].startswith("/masuk/")
    assert "_auth_user_id" not in client.session


def test_enrolment_required_when_2fa_is_on(
    settings: Any, client: Client, bawaslu_kab_sleman: User, no_throttle: None
) -> None:
    settings.NETRAL_REQUIRE_2FA = True
    client.force_login(bawaslu_kab_sleman)
    response = client.get("/beranda/")
    assert response.status_code == 302
    assert response["Location"] == "/dua-langkah/?next=/beranda/"
    # Logging out and switching language stay possible before enrolment.
    assert client.post("/i18n/setlang/", {"language": "id", "next": "/"}).status_code == 302
    assert client.get("/admin/").status_code == 302

    page = client.get("/dua-langkah/?next=/beranda/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "Kunci rahasia" in html and "Lembaga Anda mewajibkan" in html
    device = TOTPDevice.objects.get(user=bawaslu_kab_sleman, confirmed=False)
    # The same pending device (and QR code) is shown again on reload.
    client.get("/dua-langkah/")
    assert TOTPDevice.objects.filter(user=bawaslu_kab_sleman).count() == 1

    wrong = client.post("/dua-langkah/", {"otp_token": wrong_token(device), "next": "/beranda/"})
    assert wrong.status_code == 200 and "Kode itu tidak tepat" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed

    done = client.post("/dua-langkah/", {"otp_token": token_for(device), "next": "/beranda/"})
    assert done.status_code == 302 and done["Location"] == "/beranda/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/beranda/").status_code == 200
    assert AuditEntry.objects.filter(action="totp_enrolled", actor=bawaslu_kab_sleman).count() == 1
    # Enrolled: the page says so instead of offering a second device.
    assert "sudah aktif" in client.get("/dua-langkah/").content.decode()


def test_logout_allowed_before_enrolment(settings: Any, client: Client, bawaslu_kab_sleman: User) -> None:
    settings.NETRAL_REQUIRE_2FA = True
    client.force_login(bawaslu_kab_sleman)
    assert client.post("/keluar/")["Location"] == "/masuk/"
    assert "_auth_user_id" not in client.session


def test_wrong_code_throttles_the_next_try(
    client: Client, sleman_with_device: tuple[User, TOTPDevice]
) -> None:
    user, device = sleman_with_device
    login(client, user.username, token=wrong_token(device))
    # Within the throttle delay even the right code is refused (django-otp's brute-force guard).
    assert login(client, user.username, token=token_for(device)).status_code == 200
    assert "_auth_user_id" not in client.session


def test_no_enrolment_needed_when_2fa_is_off(settings: Any, client: Client, bawaslu_kab_sleman: User) -> None:
    settings.NETRAL_REQUIRE_2FA = False
    client.force_login(bawaslu_kab_sleman)
    assert client.get("/beranda/").status_code == 200


def test_enrolment_next_must_be_local(client: Client, bawaslu_kab_sleman: User) -> None:
    client.force_login(bawaslu_kab_sleman)
    client.get("/dua-langkah/")
    device = TOTPDevice.objects.get(user=bawaslu_kab_sleman)
    done = client.post("/dua-langkah/", {"otp_token": token_for(device), "next": "https://evil.example/"})
    assert done["Location"] == "/beranda/"


def test_indonesian_unless_another_language_was_chosen(client: Client) -> None:
    english_browser = client.get("/masuk/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "Nama pengguna" in english_browser.content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Username" in client.get("/masuk/").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert "Nama pengguna" in client.get("/masuk/").content.decode()


def test_admin_logout_is_the_audited_logout(admin_client: Client, admin_user: User) -> None:
    response = admin_client.post("/admin/logout/")
    assert response.status_code == 302 and response["Location"] == "/masuk/"
    assert AuditEntry.objects.filter(action="logout", actor=admin_user).count() == 1
