from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from netral.accounts.models import Institution, User

admin.site.site_header = _("netral administration")
admin.site.site_title = "netral"
admin.site.index_title = _("Reference data and accounts")


@admin.register(Institution)
class InstitutionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "region", "agency", "active_from", "active_until")
    list_filter = ("kind",)
    search_fields = ("code", "name")
    raw_id_fields = ("region", "agency")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "institution", "is_active", "is_staff")
    list_filter = ("role", "is_active", "is_staff", "institution__kind")
    search_fields = ("username", "first_name", "last_name", "email", "institution__name")
    raw_id_fields = ("institution",)
    fieldsets = (
        *DjangoUserAdmin.fieldsets,  # type: ignore[misc]
        (_("netral"), {"fields": ("role", "institution", "language")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("netral"), {"fields": ("role", "institution", "language")}),
    )
