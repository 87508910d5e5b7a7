"""Account actions: log in, log out, failed logins, TOTP enrolment. Each writes its audit entry."""

from __future__ import annotations

from django.contrib.auth import login, logout
from django.db import transaction
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from netral.accounts.models import User
from netral.audit.services import record


@transaction.atomic
def log_in(request: HttpRequest, user: User, device: TOTPDevice | None) -> None:
    """Start the session of a user who gave a valid password (and token, when they have a device)."""
    login(request, user)
    if device is not None:
        otp_login(request, device)
    record("login", actor=user, obj=user, data={"two_factor": device is not None})


@transaction.atomic
def log_out(request: HttpRequest) -> None:
    user = request.user
    if user.is_authenticated:
        record("logout", actor=user, obj=user)
    logout(request)


@transaction.atomic
def record_failed_login(username: str, reason: str, *, locked_out: bool = False) -> None:
    """Audit a refused login. The typed username is kept only when it names a real account,
    so a password typed into the username box never reaches the log."""
    target = User.objects.filter(username=username).first() if username else None
    record(
        "login_failed",
        actor=None,
        obj=target,
        label="anonymous",
        data={"username": target.username if target else None, "reason": reason, "locked_out": locked_out},
    )


def new_totp_device(user: User) -> TOTPDevice:
    """The unconfirmed TOTP device being enrolled (reused while the user has not confirmed it)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="netral", confirmed=False)
    return device


@transaction.atomic
def confirm_totp_device(request: HttpRequest, user: User, device: TOTPDevice, token: str) -> bool:
    """Confirm an enrolment with the first token from the authenticator app; False if wrong."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user)
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    otp_login(request, device)
    record("totp_enrolled", actor=user, obj=user)
    return True
