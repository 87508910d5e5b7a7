"""Exports that honour the user's scope and filters: cases and the PPK table as CSV or XLSX, and a PDF
summary report with charts (SVG drawn in Python, rendered by WeasyPrint).

The case export lists named Case columns only (`CASE_COLUMNS`): no reporter, no reported person, no
report text, so no identity can leave through it. Every export is written to the audit log (kind,
format, filters; never the rows).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netral.analytics import charts, payloads, queries
from netral.analytics.views import analytics_view, parse_filters
from netral.audit.services import record
from netral.cases.workspace import state_label

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

FORMATS = ("csv", "xlsx")
XLSX_MAX_ROWS = 100_000  # larger selections: use CSV (streamed)
# (Case field for values_list, column heading). Only these columns are ever exported.
CASE_COLUMNS: tuple[tuple[str, Any], ...] = (
    ("number", gettext_lazy("Case number")),
    ("region_id", gettext_lazy("Region code")),
    ("region__name", gettext_lazy("Region")),
    ("election__code", gettext_lazy("Election")),
    ("state", gettext_lazy("State")),
    ("group", gettext_lazy("Violation group")),
    ("item__code", gettext_lazy("Catalogue item")),
    ("employment", gettext_lazy("Employment status")),
    ("position_class", gettext_lazy("Position class")),
    ("agency__code", gettext_lazy("Agency code")),
    ("agency__name", gettext_lazy("Agency")),
    ("occurred_on", gettext_lazy("Date it happened")),
    ("received_at", gettext_lazy("Received at")),
    ("channel", gettext_lazy("Channel")),
    ("daluwarsa", gettext_lazy("Expired (daluwarsa)")),
)
PPK_COLUMNS: tuple[str, ...] = ("agency_code", "agency", "ppk", *queries.PPK_COLUMNS, "compliance")


def _safe(value: Any) -> Any:
    """Cell values: text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _cell(value: Any) -> Any:
    if hasattr(value, "tzinfo") and getattr(value, "hour", None) is not None and value.tzinfo is not None:
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return _safe(value)


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_response(header: list[str], rows: Iterable[Iterable[Any]], filename: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff" + writer.writerow(header)  # the BOM lets spreadsheet programs read UTF-8
        for row in rows:
            yield writer.writerow([_cell(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _xlsx_response(
    header: list[str], rows: Iterable[Iterable[Any]], filename: str, title: str
) -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.append(header)
    for row in rows:
        sheet.append([_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _audit(request: HttpRequest, kind: str, fmt: str, query: dict[str, str]) -> None:
    record("analytics.export", actor=request.user, data={"kind": kind, "format": fmt, "filters": query})


def case_rows(cases: Any) -> Iterator[list[Any]]:
    fields = [field for field, _label in CASE_COLUMNS]
    for values in cases.values_list(*fields).iterator(chunk_size=2000):
        row = list(values)
        row[4] = state_label(row[4])
        yield row


@analytics_view
def cases_export(request: HttpRequest, fmt: str) -> HttpResponseBase:
    if fmt not in FORMATS:
        return HttpResponseBadRequest(_("Unknown export format."))
    _form, filters = parse_filters(request, choices=False)
    params = {key: request.GET.get(key, "") for key in queries.DRILL_KEYS}
    try:
        cases = queries.drill_down(request.user, filters, params)
    except ValueError:
        return HttpResponseBadRequest(_("Unknown filter value."))
    header = [str(label) for _field, label in CASE_COLUMNS]
    _audit(request, "cases", fmt, {**filters.as_params(), **{k: v for k, v in params.items() if v}})
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        return _csv_response(header, case_rows(cases), f"netral-perkara-{stamp}.csv")
    return _xlsx_response(
        header, case_rows(cases[:XLSX_MAX_ROWS]), f"netral-perkara-{stamp}.xlsx", _("Cases")
    )


def ppk_rows(rows: list[dict[str, Any]]) -> Iterator[list[Any]]:
    for row in rows:
        yield [row[column] for column in PPK_COLUMNS]


@analytics_view
def ppk_export(request: HttpRequest, fmt: str) -> HttpResponseBase:
    if fmt not in FORMATS:
        return HttpResponseBadRequest(_("Unknown export format."))
    _form, filters = parse_filters(request, choices=False)
    sort, desc = request.GET.get("sort", ""), request.GET.get("dir", "desc") != "asc"
    table = payloads.ppk(request.user, filters, sort, desc)
    labels = {**table["labels"], "agency_code": _("Agency code")}
    header = [labels[column] for column in PPK_COLUMNS]
    _audit(request, "ppk", fmt, filters.as_params())
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        return _csv_response(header, ppk_rows(table["rows"]), f"netral-ppk-{stamp}.csv")
    return _xlsx_response(header, ppk_rows(table["rows"]), f"netral-ppk-{stamp}.xlsx", "PPK")


@analytics_view
def summary_pdf(request: HttpRequest) -> HttpResponseBase:
    """A PDF summary of the dashboard (same scope and filters) with charts as SVG."""
    try:
        from weasyprint import HTML
    except ImportError:  # pragma: no cover - WeasyPrint is a dependency
        return HttpResponse(_("PDF export needs WeasyPrint (make install)."), status=503)
    _form, filters = parse_filters(request, choices=False)
    user = request.user
    context = report_context(user, filters)
    html = render_to_string("analytics/report_pdf.html", context, request=request)
    _audit(request, "summary", "pdf", filters.as_params())
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="netral-ringkasan-{timezone.localdate()}.pdf"'
    return response


def report_context(user: RequestUser, filters: queries.Filters) -> dict[str, Any]:
    funnel = payloads.funnel(user, filters)
    groups = payloads.breakdown(user, filters, "group")
    regions = payloads.breakdown(user, filters, "region")
    weekly = payloads.weekly(user, filters)
    return {
        "filters": filters,
        "generated": timezone.localtime(),
        "summary": payloads.summary(user, filters),
        "funnel": funnel,
        "groups": groups,
        "regions": regions,
        "deadlines": payloads.deadlines(user, filters),
        "ppk": payloads.ppk(user, filters),
        "funnel_svg": charts.bar_chart(
            [(row["label"], row["count"]) for row in funnel["main"] + funnel["side"]]
        ),
        "groups_svg": charts.bar_chart([(row["label"], row["count"]) for row in groups["rows"][:12]]),
        "regions_svg": charts.bar_chart([(row["label"], row["count"]) for row in regions["rows"][:15]]),
        "weekly_svg": charts.line_chart([(row["monday"], row["count"]) for row in weekly["rows"]]),
    }
