"""Language choice and two-factor enforcement for staff (see docs/accounts.md).

`IndonesianFirstLocaleMiddleware` shows Bahasa Indonesia unless the visitor picked another
language with the language switch (Django's `set_language` cookie); the browser's
Accept-Language header is ignored.

`RequireTwoFactorMiddleware`:

Runs after django-otp's OTPMiddleware, which tells whether this session was verified with a token.

- A user with a confirmed TOTP device whose session was not verified (a session started without
  the token, e.g. by another login path) is logged out and sent to the login page.
- With `NETRAL_REQUIRE_2FA` on, a logged-in user without a device is sent to the enrolment page
  until they have confirmed one.

Logging out, switching language, static files and the enrolment page itself stay reachable.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_otp import user_has_device


class IndonesianFirstLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        language = settings.LANGUAGE_CODE
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if chosen:
            try:
                language = translation.get_supported_language_variant(chosen)
            except LookupError:
                language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class RequireTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def _exempt(self, path: str) -> bool:
        prefixes = (
            reverse("accounts:logout"),
            reverse("accounts:login"),
            reverse("accounts:enrol"),
            reverse("set_language"),
            settings.STATIC_URL,
        )
        return path.startswith(prefixes)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified() or self._exempt(request.path):
            return self.get_response(request)
        if user_has_device(user, confirmed=True):
            logout(request)
            messages.warning(request, _("Please log in again with the code from your authenticator app."))
            return redirect_to_login(request.get_full_path(), reverse("accounts:login"))
        if settings.NETRAL_REQUIRE_2FA:
            return redirect_to_login(request.get_full_path(), reverse("accounts:enrol"))
        return self.get_response(request)
