"""Template helpers of the base UI: the navigation bar and small formatting filters."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

from netral.accounts.navigation import NavLink, navigation_for

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_links(context: dict[str, Any]) -> list[NavLink]:
    request = context.get("request")
    if request is None:
        return []
    return navigation_for(request.user, request.path)


@register.filter
def minutes(value: Any) -> int:
    """A timedelta as whole minutes (rounded up), for messages such as the lock-out page."""
    if isinstance(value, dt.timedelta):
        seconds = int(value.total_seconds())
        return max(0, (seconds + 59) // 60)
    return 0
