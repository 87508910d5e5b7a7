"""Admin for agencies, PPK offices and the register (built to stay quick with millions of rows)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from netral.personnel.idcheck import clean_digits
from netral.personnel.models import PPK, Agency, Employee
from netral.personnel.names import normalize_name
from netral.personnel.nip import NIP_LENGTH, parse_nip


class EmployeeForm(forms.ModelForm):
    nip = forms.CharField(label="NIP", max_length=40, help_text="19860926 201505 1 001")

    class Meta:
        model = Employee
        fields = [
            "nip", "nik", "name", "employment", "position_class", "position_title", "agency", "region",
            "gender", "birth_date",
        ]  # fmt: skip

    def clean_nip(self) -> str:
        info = parse_nip(self.cleaned_data["nip"])
        if not info.valid:
            raise forms.ValidationError(info.messages)
        return info.nip

    def clean(self) -> dict[str, Any]:
        """Birth date, gender and employment must agree with the NIP."""
        data = super().clean() or {}
        if data.get("nip"):
            info = parse_nip(data["nip"])
            expected = {"birth_date": info.birth_date, "gender": info.gender, "employment": info.employment}
            for field, value in expected.items():
                if data.get(field) and data[field] != value:
                    self.add_error(field, _("This does not match the NIP."))
        return data


class PPKInline(admin.TabularInline):
    model = PPK
    extra = 0
    fields = ["title", "name", "acting", "start_date", "end_date"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "region"]
    list_filter = ["kind"]
    search_fields = ["code", "name"]
    list_select_related = ["region"]
    raw_id_fields = ["region"]
    inlines = [PPKInline]


@admin.register(PPK)
class PPKAdmin(admin.ModelAdmin):
    list_display = ["title", "name", "agency", "acting", "start_date", "end_date"]
    list_filter = ["acting", "agency__kind"]
    search_fields = ["title", "name", "agency__code", "agency__name"]
    list_select_related = ["agency"]
    autocomplete_fields = ["agency"]


@admin.register(Employee)
class EmployeeAdmin(admin.ModelAdmin):
    form = EmployeeForm
    list_display = ["nip", "name", "employment", "position_class", "position_title", "agency", "region"]
    list_filter = ["agency__kind", "employment", "position_class", "gender"]
    search_fields = ["nip", "name_normalized"]
    search_help_text = _(
        "Search by NIP (or its first digits) or by name; titles and old spellings are ignored."
    )
    list_select_related = ["agency", "region"]
    autocomplete_fields = ["agency"]
    raw_id_fields = ["region"]
    readonly_fields = ["name_normalized"]
    show_full_result_count = False  # counting millions of rows on every page is slow
    list_per_page = 50

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Employee], search_term: str
    ) -> tuple[QuerySet[Employee], bool]:
        """A NIP or its first digits (spaces allowed) search by NIP; anything else by normalised name.

        The name search looks for the normalised text anywhere in the name: complete, but a table
        scan (a few seconds at five million rows).
        """
        term = search_term.strip()
        if not term:
            return queryset, False
        digits = clean_digits(term)
        if digits.isdigit() and len(digits) <= NIP_LENGTH:
            # NIPs are all digits, so a prefix is a range: this uses the NIP index, unlike LIKE.
            padding = NIP_LENGTH - len(digits)
            return queryset.filter(nip__range=(digits + "0" * padding, digits + "9" * padding)), False
        key = normalize_name(term)
        return queryset.filter(name_normalized__contains=key) if key else queryset.none(), False

    def save_model(self, request: HttpRequest, obj: Employee, form: Any, change: bool) -> None:
        obj.name_normalized = normalize_name(obj.name)
        super().save_model(request, obj, form, change)
