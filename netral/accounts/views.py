"""Login, logout, two-factor enrolment, the public landing page, the home page and the user list."""

from __future__ import annotations

import base64
from typing import Any

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView, redirect_to_login
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp import user_has_device

from netral.accounts import actions
from netral.accounts.forms import EnrolForm, LoginForm, clean_token
from netral.accounts.models import Role, User
from netral.accounts.services import user_scope_label

# What each role will find on its home page once later features land; for now the empty state.
EMPTY_STATES: dict[str, tuple[Any, Any]] = {
    Role.BAWASLU_STAFF: (
        gettext_lazy("No reports for you yet"),
        gettext_lazy("Reports and findings in your area will appear here once they are received."),
    ),
    Role.BAWASLU_COMMISSIONER: (
        gettext_lazy("No cases waiting for your decision yet"),
        gettext_lazy("Cases ready for the plenary in your area will appear here."),
    ),
    Role.AUTHORITY_ANALYST: (
        gettext_lazy("No forwarded cases for you yet"),
        gettext_lazy("Cases that Bawaslu forwards to your institution for verification will appear here."),
    ),
    Role.PPK_OFFICER: (
        gettext_lazy("No recommendations addressed to you yet"),
        gettext_lazy("Sanction recommendations for your agency's civil servants will appear here."),
    ),
    Role.KEMENDAGRI_OFFICER: (
        gettext_lazy("No overdue recommendations yet"),
        gettext_lazy("Recommendations that a regional government has not followed up will appear here."),
    ),
    Role.ADMINISTRATOR: (
        gettext_lazy("Nothing needs your attention"),
        gettext_lazy("Manage users, institutions and reference data in the administration."),
    ),
    Role.DATA_CUSTODIAN: (
        gettext_lazy("No data imports yet"),
        gettext_lazy(
            "Keep the reference data and the civil-servant register up to date in the administration."
        ),
    ),
}
NO_ROLE_STATE = (
    gettext_lazy("Your account has no role yet"),
    gettext_lazy("Ask an administrator to give your account a role and an institution."),
)


def _set_language_cookie(response: HttpResponse, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


class NetralLoginView(LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: LoginForm) -> HttpResponse:  # type: ignore[override]
        user = form.get_user()
        actions.log_in(self.request, user, form.otp_device)
        language = user.language if user.language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        response = HttpResponseRedirect(self.get_success_url())
        _set_language_cookie(response, language)
        return response

    def form_invalid(self, form: LoginForm) -> HttpResponse:  # type: ignore[override]
        if self.request.method == "POST":
            actions.record_failed_login(
                self.request.POST.get("username", "").strip(),
                form.failure_reason,
                locked_out=bool(getattr(self.request, "axes_locked_out", False)),
            )
        return super().form_invalid(form)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    actions.log_out(request)
    messages.info(request, _("You have logged out."))
    return redirect(settings.LOGOUT_REDIRECT_URL)


def admin_login(request: HttpRequest) -> HttpResponse:
    """The admin site has no login of its own: staff log in (with their token) on the main page."""
    next_url = request.GET.get("next", reverse("admin:index"))
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("admin:index")
    if request.user.is_authenticated:
        if request.user.is_active and request.user.is_staff:
            return redirect(next_url)
        return render(request, "accounts/no_admin_access.html", status=403)
    return redirect_to_login(next_url, reverse("accounts:login"))


def landing(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:home")
    return render(request, "landing.html")


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    title, text = EMPTY_STATES.get(user.role or ("administrator" if user.is_superuser else ""), NO_ROLE_STATE)
    context = {
        "institution": user.institution,
        "role_label": Role(user.role).label
        if user.role
        else (Role.ADMINISTRATOR.label if user.is_superuser else ""),
        "scope_label": user_scope_label(user),
        "empty_title": title,
        "empty_text": text,
        "two_factor": user_has_device(user),
    }
    return render(request, "accounts/home.html", context)


@login_required
def user_list(request: HttpRequest) -> HttpResponse:
    users = (
        User.objects.visible_to(request.user)
        .select_related("institution")
        .order_by("institution__name", "username")
    )
    page = Paginator(users, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/user_list.html", {"page": page, "roles": dict(Role.choices)})


def _qr_svg(url: str) -> str:
    qr = segno.make(url, error="m")
    svg: str = qr.svg_inline(
        scale=4, border=2, omitsize=True, svgclass="qr-code", title=_("QR code for your authenticator app")
    )
    return mark_safe(svg)  # noqa: S308 - generated by segno from our own data, paths only


@login_required
def enrol(request: HttpRequest) -> HttpResponse:
    """Set up a TOTP authenticator: scan the QR code (or type the secret), confirm with a code."""
    user: User = request.user  # type: ignore[assignment]
    if user_has_device(user):
        return render(request, "accounts/enrol.html", {"enrolled": True})
    device = actions.new_totp_device(user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if actions.confirm_totp_device(request, user, device, clean_token(form.cleaned_data["otp_token"])):
            messages.success(
                request, _("Two-factor login is on. Enter a code from your app every time you log in.")
            )
            return redirect(_safe_next(request) or reverse("accounts:home"))
        form.add_error(
            "otp_token",
            _("That code is not right. Check the time on your phone, wait for a new code and try again."),
        )
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    context = {
        "enrolled": False,
        "form": form,
        "qr_svg": _qr_svg(device.config_url),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "required": settings.NETRAL_REQUIRE_2FA,
        "next": _safe_next(request),
    }
    return render(request, "accounts/enrol.html", context)


def _safe_next(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""
