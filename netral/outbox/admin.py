"""Read-only admin for the outbox: an operator sees what is pending, done or failed (with its error);
`netral worker --once` processes what is pending."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from netral.outbox.models import Event


@admin.register(Event)
class EventAdmin(admin.ModelAdmin[Event]):
    list_display = ("id", "kind", "case_id", "state", "attempts", "created_at", "processed_at")
    list_filter = ("state", "kind")
    search_fields = ("=case_id",)
    readonly_fields = (
        "kind",
        "case_id",
        "payload",
        "state",
        "attempts",
        "created_at",
        "available_at",
        "processed_at",
        "last_error",
    )

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
