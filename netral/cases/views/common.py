"""What every staff page of the cases shares: who gets in (`case_staff`), the one fetch of a case for a
request (`case_for_request`: `Case.objects.visible_to(user)`, any other case is a 404), no caching."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from netral.accounts.models import User
from netral.cases import workspace
from netral.cases.models import Case

View = Callable[..., HttpResponseBase]


def no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store, private"
    return response


def case_staff(view: View) -> View:
    """Login required; users outside `workspace.CASE_ROLES` get the 403 page."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not workspace.may_open_cases(request.user):
            return render(request, "cases/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapped


def case_for_request(request: HttpRequest, *, pk: int | None = None, number: str | None = None) -> Case:
    """The case with this id or number if the request's user may see it; else 404 (never 403: whether a
    case exists outside one's scope is not told)."""
    queryset = Case.objects.visible_to(request.user).select_related("region", "election", "authority")
    return get_object_or_404(queryset, **({"pk": pk} if number is None else {"number": number}))


def acting_user(request: HttpRequest) -> User:
    """The signed-in user of a staff view (behind `case_staff`, never anonymous)."""
    user = request.user
    assert isinstance(user, User), "staff views are behind case_staff"
    return user


def concurrent_message() -> str:
    return _("The case was changed by someone else in the meantime; reload it and try again.")
