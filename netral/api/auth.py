"""`Authorization: Bearer <token>` authentication for integrations (tokens: see services.py)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from netral.api import services
from netral.api.models import ApiToken

_CACHE_ATTR = "_netral_api_token"
_MISSING = object()


def token_from_request(request: HttpRequest) -> ApiToken | None:
    """The valid token presented with the request, or None; checked once per request."""
    cached = getattr(request, _CACHE_ATTR, _MISSING)
    if cached is not _MISSING:
        return cached  # type: ignore[return-value]
    token = None
    scheme, _sep, value = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        token = services.authenticate(value.strip())
    setattr(request, _CACHE_ATTR, token)
    return token


class ApiTokenAuth(HttpBearer):
    """Yields the token's user; `request.api_token` is the token row."""

    def __call__(self, request: HttpRequest) -> Any:
        token = token_from_request(request)
        if token is None:
            return None
        request.api_token = token  # type: ignore[attr-defined]
        return token.user

    def authenticate(self, request: HttpRequest, token: str) -> Any:  # pragma: no cover - __call__ does it
        found = services.authenticate(token)
        return found.user if found is not None else None
