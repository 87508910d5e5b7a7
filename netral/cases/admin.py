"""Read-only admin for cases: states change only through `netral.cases.actions`."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from netral.cases.models import Case, Deadline, Transition


class ReadOnly:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class TransitionInline(ReadOnly, admin.TabularInline[Transition, Case]):
    model = Transition
    fields = ("at", "action", "from_state", "to_state", "actor", "actor_role", "reason")
    readonly_fields = fields
    extra = 0


class DeadlineInline(ReadOnly, admin.TabularInline[Deadline, Case]):
    model = Deadline
    fields = ("clock", "started_on", "due_date", "due_at", "state", "met_at")
    readonly_fields = fields
    extra = 0


@admin.register(Case)
class CaseAdmin(ReadOnly, admin.ModelAdmin[Case]):
    list_display = ("number", "state", "region", "election", "channel", "daluwarsa", "received_at")
    list_filter = ("state", "election", "channel", "daluwarsa")
    search_fields = ("number",)
    list_select_related = ("region", "election")
    readonly_fields = (
        "number",
        "region",
        "election",
        "state",
        "daluwarsa",
        "channel",
        "received_at",
        "created_at",
        "updated_at",
        "version",
    )
    inlines = (TransitionInline, DeadlineInline)

    def get_queryset(self, request: HttpRequest) -> Any:
        return Case.objects.visible_to(request.user).select_related("region", "election")
