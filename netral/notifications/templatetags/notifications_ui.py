"""The unread counter in the top navigation: `{% load notifications_ui %}{% unread_notifications %}`."""

from __future__ import annotations

from typing import Any

from django import template

from netral.notifications.services import unread_count

register = template.Library()


@register.inclusion_tag("notifications/counter.html", takes_context=True)
def unread_notifications(context: dict[str, Any]) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not getattr(user, "is_authenticated", False):
        return {"show": False}
    return {"show": True, "count": unread_count(user)}
