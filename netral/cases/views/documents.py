"""Pages of a case's documents and forwarding packages.

- `/perkara/<number>/dokumen/`: the documents this user may have (available or not yet) and the issued copies;
- `/perkara/<number>/dokumen/<kind>.pdf`: POST issues one document (a new number each time, audited) and
  answers with the PDF; GET only checks access and shows the button that issues it, so a link preview, a
  prefetch or a reload never takes a number;
- `/perkara/<number>/paket/<id>/`: a forwarding package; POST acknowledges receipt (the receiver only).

Access: login, a case role (`workspace.may_open_cases`, otherwise 403), and `Case.objects.visible_to(user)`
(otherwise 404). A document the role may not have: 403; not yet produced: 404; no PDF engine: 503.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from netral.cases import documents, forwarding, receipts
from netral.cases.errors import TransitionRefused
from netral.cases.models import DocumentKind, ForwardingPackage
from netral.cases.views.common import acting_user, case_for_request, case_staff, no_store


def _message(request: HttpRequest, message: str, status: int) -> HttpResponse:
    context = {"message": message, "status": status}
    return no_store(render(request, "cases/documents/message.html", context, status=status))


@case_staff
def document_list(request: HttpRequest, number: str) -> HttpResponse:
    case = case_for_request(request, number=number)
    context = {
        "case": case,
        "document_rows": documents.document_rows(case, request.user),
        "package_rows": forwarding.package_rows(case, request.user),
    }
    return no_store(render(request, "cases/documents/page.html", context))


@case_staff
@require_http_methods(["GET", "POST"])
def document_pdf(request: HttpRequest, number: str, kind: str) -> HttpResponse:
    case = case_for_request(request, number=number)
    try:
        if request.method != "POST":
            documents.check(case, kind, request.user)
            label = DocumentKind(kind).label
            return no_store(
                render(request, "cases/documents/issue.html", {"case": case, "kind": kind, "label": label})
            )
        issued = documents.issue(case, kind, acting_user(request))
    except documents.DocumentNotAvailable as exc:
        raise Http404(exc.message) from exc
    except documents.DocumentForbidden as exc:
        return _message(request, exc.message, 403)
    except documents.PdfUnavailable as exc:
        return _message(request, exc.message, 503)
    response = HttpResponse(issued.pdf, content_type="application/pdf")
    filename = issued.document.number.replace("/", "-")
    response["Content-Disposition"] = f'inline; filename="{kind}-{filename}.pdf"'
    return no_store(response)


@case_staff
def package_detail(request: HttpRequest, number: str, pk: int) -> HttpResponse:
    case = case_for_request(request, number=number)
    package = get_object_or_404(ForwardingPackage.objects.select_related("case__region"), pk=pk, case=case)
    if not forwarding.may_view(package, request.user):
        return _message(request, _("You may not see this package."), 403)
    refusal = ""
    if request.method == "POST":
        try:
            receipts.acknowledge(package, actor=acting_user(request))
        except (forwarding.PackageRefused, TransitionRefused) as exc:
            refusal = exc.message
        else:
            messages.success(request, _("Receipt acknowledged."))
            return redirect("cases:package", number=case.number, pk=package.pk)
        package.refresh_from_db()
    context = {
        "case": case,
        "package": package,
        "contents": package.contents,
        "receiver": forwarding.receiver_name(package),
        "may_acknowledge": forwarding.may_acknowledge(package, request.user),
        "refusal": refusal,
    }
    return no_store(render(request, "cases/package.html", context, status=409 if refusal else 200))
