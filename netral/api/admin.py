from __future__ import annotations

from typing import cast

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from netral.api import services
from netral.api.models import ApiToken, ApiTokenQuerySet


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    """Tokens are created with `netral api-token create` (the only place the secret is shown);
    here they can be looked at, renamed, shortened and revoked. The hash is read-only."""

    list_display = ("prefix", "user", "name", "created_at", "expires_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at", "expires_at")
    search_fields = ("prefix", "name", "user__username")
    list_select_related = ("user",)
    readonly_fields = ("user", "prefix", "secret_hash", "created_at", "last_used_at", "revoked_at")
    fields = (
        "user",
        "name",
        "prefix",
        "secret_hash",
        "created_at",
        "expires_at",
        "last_used_at",
        "revoked_at",
    )
    actions = ["revoke"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ApiToken]:
        return cast(ApiTokenQuerySet, super().get_queryset(request)).visible_to(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        count = 0
        for token in queryset.filter(revoked_at__isnull=True):
            _token, changed = services.revoke_token(token.prefix, actor=request.user)
            count += changed
        self.message_user(request, _("%(count)d tokens revoked.") % {"count": count}, messages.SUCCESS)
