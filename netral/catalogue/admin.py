"""Administrators edit the catalogue here; the loader never overwrites a loaded version."""

from __future__ import annotations

from django.contrib import admin

from netral.catalogue.models import CatalogueItem, CatalogueVersion, ViolationGroup


@admin.register(CatalogueVersion)
class CatalogueVersionAdmin(admin.ModelAdmin):
    list_display = ["version", "is_current", "loaded_at"]
    readonly_fields = ["loaded_at"]


@admin.register(ViolationGroup)
class ViolationGroupAdmin(admin.ModelAdmin):
    list_display = ["code", "label_id", "label_en", "order"]
    ordering = ["order", "code"]


@admin.register(CatalogueItem)
class CatalogueItemAdmin(admin.ModelAdmin):
    list_display = ["code", "version", "group", "violation_class", "sanction_level", "applies", "param"]
    list_filter = ["version", "group", "violation_class", "sanction_level", "applies", "param"]
    list_select_related = ["version", "group"]
    search_fields = ["code", "act_id", "act_en", "legal_basis"]
    ordering = ["version", "order", "code"]
