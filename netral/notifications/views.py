"""The inbox of one's own notifications (`/notifikasi/`): list, mark one read, mark all read."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from netral.notifications import services
from netral.notifications.models import Notification

PAGE_SIZE = 25


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    rows = Notification.objects.visible_to(request.user).select_related("case")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    unread = services.unread_count(request.user)  # type: ignore[arg-type]
    return render(request, "notifications/list.html", {"page": page, "unread": unread})


@login_required
@require_POST
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one of one's own notifications read and go to its link (or back to the inbox)."""
    notification = get_object_or_404(Notification.objects.visible_to(request.user), pk=pk)
    services.mark_read(request.user, notification.pk)  # type: ignore[arg-type]
    target = notification.url if request.POST.get("open") else ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return HttpResponseRedirect(target)
    return HttpResponseRedirect(_back(request))


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = services.mark_read(request.user)  # type: ignore[arg-type]
    if count:
        messages.success(request, _("All notifications are marked read."))
    return HttpResponseRedirect(_back(request))


def _back(request: HttpRequest) -> str:
    page = request.POST.get("page", "")
    url = reverse("notifications:inbox")
    return f"{url}?page={page}" if page.isdigit() else url
