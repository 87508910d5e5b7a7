"""Admin for holidays and clocks: administrators switch days off, add ad-hoc days, tune clocks."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from netral.workdays.models import Clock, Holiday, HolidaySource


class ScopeFilter(admin.SimpleListFilter):
    title = _("scope")
    parameter_name = "scope"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("national", str(_("national"))), ("regional", str(_("regional")))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Holiday]) -> QuerySet[Holiday]:
        if self.value() == "national":
            return queryset.filter(region__isnull=True)
        if self.value() == "regional":
            return queryset.filter(region__isnull=False)
        return queryset


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ["date", "weekday", "name", "name_en", "kind", "region", "active", "source"]
    list_filter = ["kind", "active", "source", ScopeFilter]
    list_editable = ["active"]
    search_fields = ["name", "name_en", "region__name", "region__code"]
    date_hierarchy = "date"
    raw_id_fields = ["region"]
    readonly_fields = ["source", "seed_name", "created_at", "updated_at"]
    fields = [
        "date",
        "name",
        "name_en",
        "kind",
        "region",
        "active",
        "source",
        "seed_name",
        "created_at",
        "updated_at",
    ]
    list_select_related = ["region"]
    actions = ["make_active", "make_inactive"]

    @admin.display(description=_("weekday"))
    def weekday(self, obj: Holiday) -> str:
        return date_format(obj.date, "l")

    def save_model(self, request: HttpRequest, obj: Holiday, form: object, change: bool) -> None:
        if not change:
            obj.source = HolidaySource.MANUAL
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Mark selected days as holidays (active)"))
    def make_active(self, request: HttpRequest, queryset: QuerySet[Holiday]) -> None:
        # One save per row so that the calendar cache hears about the change.
        for holiday in queryset.filter(active=False):
            holiday.active = True
            holiday.save(update_fields=["active", "updated_at"])

    @admin.action(description=_("Make selected days working days (inactive)"))
    def make_inactive(self, request: HttpRequest, queryset: QuerySet[Holiday]) -> None:
        for holiday in queryset.filter(active=True):
            holiday.active = False
            holiday.save(update_fields=["active", "updated_at"])


@admin.register(Clock)
class ClockAdmin(admin.ModelAdmin):
    list_display = ["name", "election_type", "days", "day_type", "legal_basis"]
    list_filter = ["election_type", "day_type"]
    search_fields = ["name", "description_id", "description_en", "legal_basis"]
    readonly_fields = ["updated_at"]

    def get_readonly_fields(self, request: HttpRequest, obj: Clock | None = None) -> list[str]:
        # Code refers to clocks by name: a name is fixed once the clock exists.
        return ["name", "updated_at"] if obj is not None else ["updated_at"]
