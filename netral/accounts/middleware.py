"""Two-factor enforcement for staff (see accounts/README in docs/accounts.md)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class RequireTwoFactorMiddleware:
    """Placeholder replaced by the accounts work: passes every request through."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.required = settings.NETRAL_REQUIRE_2FA

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)
