"""`{% load triage_workspace %}{% triage_workspace case %}`: the triage suggestions and possible duplicates of
a case for the request's user (the partial `triage/partials/suggestions.html`), for the case workspace.

Shown only to users who may classify the case (`cases.classification.may_classify`); nothing for others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import template
from django.utils.translation import gettext_lazy

from netral.cases.classification import may_classify
from netral.cases.models import CaseReport, Employment
from netral.cases.workflow import STEP_BY_NAME
from netral.catalogue.services import current_items, groups
from netral.triage import duplicates, suggestions
from netral.triage.models import Suggestion

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

register = template.Library()

REASON_LABELS = {
    "evidence": gettext_lazy("identical evidence file"),
    "person": gettext_lazy("same reported person"),
    "region": gettext_lazy("same region"),
    "time": gettext_lazy("within the time window"),
    "text": gettext_lazy("similar text"),
}


def _percent(value: float | None) -> int:
    return round(100 * float(value or 0.0))


def classification_view(case: Any) -> dict[str, Any] | None:
    """The newest pending group/item/employment suggestion of the case, ready for the form."""
    pending = suggestions.current(case)
    if not pending:
        return None
    group = pending.get(Suggestion.Field.GROUP)
    item = pending.get(Suggestion.Field.ITEM)
    employment = pending.get(Suggestion.Field.EMPLOYMENT)
    labels = {g.code: g.label for g in groups()}
    first = group or item or employment
    return {
        "ids": [row.pk for row in pending.values()],
        "group": group.value if group else "",
        "group_confidence": _percent(group.confidence) if group else 0,
        "top3": [(code, labels.get(code, code), _percent(p)) for code, p in (group.top3 if group else [])],
        "item": (item.value or "") if item else "",
        "item_confidence": _percent(item.confidence) if item else 0,
        "employment": employment.value if employment else "unknown",
        "model_version": first.model_version if first else "",
        "regions": (first.entities or {}).get("regions", []) if first else [],
        "dates": (first.entities or {}).get("dates", []) if first else [],
    }


def person_views(case: Any) -> list[dict[str, Any]]:
    rows = case.triage_suggestions.filter(field=Suggestion.Field.PERSON).select_related("reported_person")
    return [
        {
            "suggestion": row,
            "person": row.reported_person,
            "candidates": row.value or [],
            "namesakes": row.register_namesakes or {},
            "pending": row.status == Suggestion.Status.PENDING,
        }
        for row in rows.order_by("-created_at", "-pk")
        if row.status != Suggestion.Status.REJECTED
    ]


def duplicate_views(case: Any, user: RequestUser) -> list[dict[str, Any]]:
    found = duplicates.find_duplicates(case, user=user)
    links = CaseReport.objects.filter(case__in=[hit.case.pk for hit in found]).select_related("report")
    first_reports: dict[int, Any] = {}
    for link in links.order_by("added_at", "pk"):
        first_reports.setdefault(link.case_id, link.report)
    return [
        {
            "hit": hit,
            "score": _percent(hit.score),
            "text": _percent(hit.text_similarity),
            "reasons": [REASON_LABELS[code] for code in hit.reasons],
            "report": first_reports.get(hit.case.pk),
        }
        for hit in found
    ]


@register.inclusion_tag("triage/partials/suggestions.html", takes_context=True)
def triage_workspace(context: template.Context, case: Any) -> dict[str, Any]:
    user = context["request"].user
    if not may_classify(case, user):
        return {"case": case, "shown": False}
    persons = person_views(case)
    return {
        "case": case,
        "shown": True,
        "csrf_token": context.get("csrf_token"),
        "classification": classification_view(case),
        "persons": persons,
        "duplicates": duplicate_views(case, user),
        # Merging closes the duplicate through Bawaslu staff's actions (duplicates.merge_cases).
        "may_merge": getattr(user, "role", "") in STEP_BY_NAME["merge_into"].roles,
        "groups": [(g.code, g.label) for g in groups()],
        "items": [(i.code, i.group.code, i.act) for i in current_items().select_related("group")],
        "employments": list(Employment.choices),
    }
