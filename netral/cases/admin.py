"""Read-only admin for cases: states change only through `netral.cases.actions`."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from netral.cases.models import (
    BlockRecord,
    Case,
    CaseAssignment,
    CaseTask,
    ClassificationChange,
    Deadline,
    DecisionExtension,
    Document,
    ExternalRoute,
    ForwardingPackage,
    Recommendation,
    SanctionDecree,
    Transition,
)


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


class RecommendationInline(ReadOnly, admin.TabularInline[Recommendation, Case]):
    model = Recommendation
    fields = ("created_at", "authority", "item", "sanction_level", "agency", "superior_knew_and_did_nothing")
    readonly_fields = fields
    extra = 0


class SanctionDecreeInline(ReadOnly, admin.TabularInline[SanctionDecree, Recommendation]):
    model = SanctionDecree
    fields = ("number", "date", "form", "start", "end", "pppk")
    readonly_fields = fields
    extra = 0


class BlockRecordInline(ReadOnly, admin.TabularInline[BlockRecord, Recommendation]):
    model = BlockRecord
    fields = ("requested_at", "lifted_at", "reason")
    readonly_fields = fields
    extra = 0


class AllFieldsReadOnlyInline(ReadOnly, admin.TabularInline[Any, Case]):
    """Every field shown, none editable (documents, packages, routes, extensions, classification history)."""

    extra = 0
    exclude = ("contents",)  # a forwarding package's JSON is shown on its own page

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [f.name for f in self.model._meta.fields if f.name not in {"id", "case", "contents"}]


class DocumentInline(AllFieldsReadOnlyInline):
    model = Document


class ForwardingPackageInline(AllFieldsReadOnlyInline):
    model = ForwardingPackage


class ExternalRouteInline(AllFieldsReadOnlyInline):
    model = ExternalRoute


class DecisionExtensionInline(AllFieldsReadOnlyInline):
    model = DecisionExtension


class ClassificationChangeInline(AllFieldsReadOnlyInline):
    model = ClassificationChange


class CaseAssignmentInline(AllFieldsReadOnlyInline):
    model = CaseAssignment


class CaseTaskInline(AllFieldsReadOnlyInline):
    model = CaseTask


@admin.register(Recommendation)
class RecommendationAdmin(ReadOnly, admin.ModelAdmin[Recommendation]):
    list_display = ("case", "authority", "item", "sanction_level", "agency", "created_at")
    list_filter = ("sanction_level", "authority")
    readonly_fields = (
        "case",
        "authority",
        "item",
        "sanction_level",
        "agency",
        "reported_person",
        "superior_knew_and_did_nothing",
        "text",
        "created_at",
    )
    inlines = (SanctionDecreeInline, BlockRecordInline)

    def get_queryset(self, request: HttpRequest) -> Any:
        visible = Case.objects.visible_to(request.user).values("pk")
        return Recommendation.objects.filter(case__in=visible).select_related("case", "item", "agency")


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
        "authority",
        "group",
        "item",
        "employment",
        "position_class",
        "agency",
        "occurred_on",
    )
    inlines = (
        TransitionInline,
        DeadlineInline,
        RecommendationInline,
        ClassificationChangeInline,
        DecisionExtensionInline,
        ExternalRouteInline,
        ForwardingPackageInline,
        DocumentInline,
        CaseAssignmentInline,
        CaseTaskInline,
    )

    def get_queryset(self, request: HttpRequest) -> Any:
        return Case.objects.visible_to(request.user).select_related("region", "election")
