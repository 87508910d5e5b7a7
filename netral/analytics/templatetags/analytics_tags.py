"""Template helpers of the analytics pages: key lookup, percentages and query strings."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def get(mapping: Any, key: Any) -> Any:
    """`{{ row|get:column }}`: a dict value by a variable key ("" when missing)."""
    if isinstance(mapping, dict):
        return mapping.get(key, "")
    return ""


@register.filter
def percent(value: float | None) -> str:
    """0.8125 → "81,3%" (localised); None → "—"."""
    if value is None or value == "":
        return "—"
    return f"{number_format(float(value) * 100, 1)}%"


@register.simple_tag
def query_with(query: dict[str, str], **params: Any) -> str:
    """The query string of `query` with `params` replaced (empty values removed), starting with "?"."""
    merged = {**query, **{key: str(value) for key, value in params.items()}}
    merged = {key: value for key, value in merged.items() if value not in ("", None)}
    return "?" + urlencode(merged) if merged else "?"
