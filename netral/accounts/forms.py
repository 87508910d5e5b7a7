from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.models import Device

if TYPE_CHECKING:
    from netral.accounts.models import User


def _token_field(required: bool) -> forms.CharField:
    return forms.CharField(
        label=_("Authenticator code"),
        required=required,
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*", "size": 8}
        ),
    )


def clean_token(raw: str) -> str:
    return "".join(raw.split())


def verify_user_token(user: User, token: str) -> Device | None:
    """The confirmed device of `user` that accepts `token` (throttled by django-otp), else None."""
    if not token.isdigit():
        return None
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            allowed, _info = device.verify_is_allowed()
            if allowed and device.verify_token(token):
                return device
    return None


class LoginForm(AuthenticationForm):
    """Username + password, plus the authenticator code for users who have enrolled a device."""

    otp_token = _token_field(required=False)

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_token": _(
            "The authenticator code is missing or wrong. Enter the 6-digit code your authenticator app "
            "shows for netral."
        ),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.otp_device: Device | None = None
        self.failure_reason = "credentials"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        user = self.get_user()
        if user is None or not any(devices_for_user(user, confirmed=True)):
            return cleaned
        device = verify_user_token(user, clean_token(cleaned.get("otp_token") or ""))
        if device is None:
            self.failure_reason = "token"
            # Counts towards the lock-out exactly like a wrong password.
            user_login_failed.send(
                sender=__name__, credentials={"username": user.get_username()}, request=self.request
            )
            self.user_cache = None
            raise forms.ValidationError(self.error_messages["invalid_token"], code="invalid_token")
        self.otp_device = device
        return cleaned


class EnrolForm(forms.Form):
    otp_token = _token_field(required=True)
