"""`{% load case_documents %}{% case_documents case %}`: the documents and packages of a case for the
request's user (the partial `cases/partials/documents.html`), for the workspace."""

from __future__ import annotations

from typing import Any

from django import template

from netral.cases import documents, forwarding

register = template.Library()


@register.inclusion_tag("cases/partials/documents.html", takes_context=True)
def case_documents(context: template.Context, case: Any) -> dict[str, Any]:
    user = context["request"].user
    return {
        "case": case,
        "document_rows": documents.document_rows(case, user),
        "package_rows": forwarding.package_rows(case, user),
    }
