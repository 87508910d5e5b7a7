"""Endpoints for integrations that authenticate with a staff API token."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from netral.accounts.scope import scope_for
from netral.accounts.services import scope_label
from netral.api import throttle
from netral.api.auth import ApiTokenAuth
from netral.api.schemas import ErrorOut, MeOut

router = Router(tags=["integrations"], auth=ApiTokenAuth(), throttle=[throttle.public])


@router.get("/me", response={200: MeOut, 401: ErrorOut, 429: ErrorOut}, summary="The token's user")
def me(request: HttpRequest) -> dict[str, Any]:
    """Who the token belongs to: username, role and scope (what part of the country they see)."""
    user = request.auth  # type: ignore[attr-defined]
    return {"username": user.get_username(), "role": user.role, "scope": str(scope_label(scope_for(user)))}
