"""Administrators add elections, stages, regional dates, parties and candidates here."""

from __future__ import annotations

from django.contrib import admin

from netral.elections.models import Candidate, Election, Party, Stage, StageOverride


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0


@admin.register(Election)
class ElectionAdmin(admin.ModelAdmin):
    list_display = ["code", "type", "name", "voting_date", "candidate_determination_date"]
    list_filter = ["type"]
    search_fields = ["code", "name"]
    inlines = [StageInline]


class StageOverrideInline(admin.TabularInline):
    model = StageOverride
    extra = 0
    raw_id_fields = ["region"]


@admin.register(Stage)
class StageAdmin(admin.ModelAdmin):
    list_display = ["election", "code", "name", "start", "end"]
    list_filter = ["election"]
    list_select_related = ["election"]
    inlines = [StageOverrideInline]


@admin.register(StageOverride)
class StageOverrideAdmin(admin.ModelAdmin):
    list_display = ["stage", "region", "start", "end"]
    list_filter = ["stage__election"]
    list_select_related = ["stage__election", "region"]
    raw_id_fields = ["region"]


@admin.register(Party)
class PartyAdmin(admin.ModelAdmin):
    list_display = ["election", "ballot_number", "abbreviation", "name"]
    list_filter = ["election"]


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    list_display = ["election", "office", "region", "ballot_number", "names", "status", "incumbent"]
    list_filter = ["election", "office", "status", "incumbent"]
    list_select_related = ["election", "region"]
    search_fields = ["names", "parties"]
    raw_id_fields = ["region"]
