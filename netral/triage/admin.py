from django.contrib import admin

from netral.triage.models import ModelVersion, TriageCorrection


@admin.register(ModelVersion)
class ModelVersionAdmin(admin.ModelAdmin):
    list_display = ("version", "code_version", "trained_at", "examples", "corrections")
    readonly_fields = ("version", "code_version", "corpus_sha256", "trained_at", "metrics", "path")


@admin.register(TriageCorrection)
class TriageCorrectionAdmin(admin.ModelAdmin):
    list_display = ("field", "suggested", "corrected", "confirmed", "at")
    list_filter = ("field", "confirmed")
    raw_id_fields = ("report", "case", "by", "model_version")
