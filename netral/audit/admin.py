from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from netral.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit log is only ever appended to by actions."""

    list_display = ("seq", "at", "actor_label", "action", "object_type", "object_id")
    list_filter = ("action", "object_type")
    search_fields = ("actor_label", "action", "object_type", "object_id")
    ordering = ("-seq",)
    readonly_fields = (
        "seq",
        "at",
        "actor",
        "actor_label",
        "action",
        "object_type",
        "object_id",
        "data",
        "prev_hash",
        "hash",
    )
    list_select_related = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEntry | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEntry | None = None) -> bool:
        return False
