"""Human labels for dimension keys, in the active language (at most one query per call)."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from netral.analytics.queries.filters import NONE
from netral.cases.models import Employment
from netral.cases.workspace import clock_label, state_label
from netral.catalogue.models import CatalogueItem, ViolationGroup
from netral.personnel.models import Agency, Employee
from netral.regions.models import Region

DIMENSION_LABELS: dict[str, Promise] = {
    "state": _("State"),
    "group": _("Violation group"),
    "item": _("Catalogue item"),
    "position_class": _("Position class"),
    "employment": _("Employment status"),
    "agency": _("Agency"),
    "region": _("Region"),
    "week": _("Week"),
}
STAGE_LABELS: dict[str, Promise] = {
    "reported": pgettext_lazy("funnel stage", "Reported"),
    "registered": _("Registered"),
    "rejected": _("Rejected"),
    "decided": _("Decided"),
    "proven": _("Proven (violation)"),
    "not_proven": _("Not a violation"),
    "forwarded": _("Forwarded"),
    "forwarded_asn_authority": _("Forwarded to the ASN authority"),
    "recommended": _("Sanction recommended"),
    "sent_to_ppk": _("Sent to the PPK"),
    "ppk_overdue": _("PPK overdue"),
    "warned": _("PPK warned"),
    "blocked": _("Blocked"),
    "sanctioned": _("Sanctioned"),
    "left_service": _("Left the civil service"),
}
METRIC_LABELS: dict[str, Promise] = {
    "cases": _("Cases"),
    "open": _("Open cases"),
    "proven": _("Proven violations"),
    "ppk_overdue": _("Overdue at the PPK"),
}
PPK_LABELS: dict[str, Promise] = {
    "agency": _("Agency"),
    "ppk": _("PPK"),
    "received": _("Recommendations received"),
    "on_time": _("Executed on time"),
    "late": _("Executed late"),
    "overdue_now": _("Overdue now"),
    "pending": _("Not yet due"),
    "blocks": _("Blocks"),
    "compliance": _("Compliance"),
}
DEADLINE_LABELS: dict[str, Promise] = {
    "total": _("Deadlines"),
    "on_time": _("Met on time"),
    "late": _("Met late"),
    "overdue": _("Overdue"),
    "pending": _("Not yet due"),
    "share_on_time": _("Share on time"),
}
NOT_CLASSIFIED = _("Not classified")


def _fixed(choices: Any) -> dict[str, str]:
    return {str(value): str(label) for value, label in choices}


def labels_for(dimension: str, keys: list[str]) -> dict[str, str]:
    """key → label for the keys of one dimension (unknown keys keep their code)."""
    wanted = [key for key in keys if key != NONE]
    labels: dict[str, str] = {}
    if dimension == "state":
        labels = {key: state_label(key) for key in wanted}
    elif dimension == "group" and wanted:
        labels = {group.code: group.label for group in ViolationGroup.objects.filter(code__in=wanted)}
    elif dimension == "item" and wanted:
        items = CatalogueItem.objects.filter(code__in=wanted).order_by("code", "-version_id")
        labels = {item.code: f"{item.code} · {item.act}" for item in reversed(list(items))}
    elif dimension == "position_class":
        labels = _fixed(Employee.PositionClass.choices)
    elif dimension == "employment":
        labels = _fixed(Employment.choices)
    elif dimension == "agency" and wanted:
        ids = [int(key) for key in wanted if key.isdigit()]
        labels = {str(pk): name for pk, name in Agency.objects.filter(pk__in=ids).values_list("pk", "name")}
    elif dimension == "region" and wanted:
        labels = dict(Region.objects.filter(code__in=wanted).values_list("code", "name"))
    elif dimension == "stage":
        labels = {key: str(STAGE_LABELS.get(key, key)) for key in wanted}
    elif dimension == "clock":
        labels = {key: clock_label(key) for key in wanted}
    result = {key: labels.get(key, key) for key in wanted}
    if NONE in keys:
        result[NONE] = str(NOT_CLASSIFIED)
    return result


def label_rows(dimension: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with a "label" added."""
    labels = labels_for(dimension, [row["key"] for row in rows])
    return [{**row, "label": labels.get(row["key"], row["key"])} for row in rows]
