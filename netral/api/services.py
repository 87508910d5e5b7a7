"""Public functions of the api app: creating, revoking, listing and checking API tokens.

A token reads `ntr_<prefix>_<secret>`: the 8-character hex prefix identifies the row and may be
shown; the secret (32 random bytes, URL-safe base64) is shown once when the token is created and
only its SHA-256 hash is stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from netral.api.models import ApiToken
from netral.audit.services import record

if TYPE_CHECKING:
    from netral.accounts.models import User
    from netral.accounts.types import RequestUser

TOKEN_PREFIX = "ntr"  # noqa: S105 - the fixed start of every token, not a secret
DEFAULT_DAYS = 365
MAX_DAYS = 3650
# Writing last_used_at on every request would turn each read into a write: once a minute is enough.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)

_TOKEN = re.compile(r"^ntr_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$")
_PREFIX = re.compile(r"^(?:ntr_)?([0-9a-f]{8})$")


class TokenNotFound(LookupError):
    """No token has this prefix."""


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("ascii")).hexdigest()


def create_token(
    user: User, name: str, *, days: int = DEFAULT_DAYS, actor: RequestUser | None = None
) -> tuple[ApiToken, str]:
    """Create a token for `user` valid for `days` days. Returns (token row, the full token text).

    The text is the only place the secret ever appears: give it to the integration now.
    """
    name = name.strip()
    if not name:
        raise ValueError("a token needs a name")
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"days must be between 1 and {MAX_DAYS}")
    now = timezone.now()
    for _attempt in range(5):
        prefix = secrets.token_hex(4)
        secret = secrets.token_urlsafe(32)
        try:
            with transaction.atomic():
                token = ApiToken.objects.create(
                    user=user,
                    name=name[:100],
                    prefix=prefix,
                    secret_hash=_hash(secret),
                    created_at=now,
                    expires_at=now + dt.timedelta(days=days),
                )
                record(
                    "api_token_created",
                    actor=actor,
                    obj=token,
                    data={"prefix": prefix, "user": user.get_username(), "expires_at": token.expires_at},
                    label=None if actor is not None else "netral api-token",
                )
        except IntegrityError:  # the random prefix is taken (about 1 in 4 billion): draw again
            continue
        return token, f"{TOKEN_PREFIX}_{prefix}_{secret}"
    raise RuntimeError("could not draw a free token prefix")


def parse_prefix(text: str) -> str | None:
    """The prefix from "ab12cd34" or "ntr_ab12cd34" (as `api-token list` shows it), else None."""
    match = _PREFIX.match(text.strip().lower())
    return match.group(1) if match else None


@transaction.atomic
def revoke_token(prefix: str, *, actor: RequestUser | None = None) -> tuple[ApiToken, bool]:
    """Revoke the token with this prefix. Returns (token, changed); changed is False when it was
    already revoked. Raises TokenNotFound."""
    wanted = parse_prefix(prefix)
    token = ApiToken.objects.select_for_update().filter(prefix=wanted).first() if wanted else None
    if token is None:
        raise TokenNotFound(prefix)
    if token.revoked_at is not None:
        return token, False
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record(
        "api_token_revoked",
        actor=actor,
        obj=token,
        data={"prefix": token.prefix, "user": token.user.get_username()},
        label=None if actor is not None else "netral api-token",
    )
    return token, True


def list_tokens() -> QuerySet[ApiToken]:
    """Every token (for operators), newest first, with its user."""
    return ApiToken.objects.select_related("user").order_by("-created_at", "prefix")


def authenticate(raw: str) -> ApiToken | None:
    """The token row for a presented token text if it is valid now, else None.

    Valid means: well-formed, the secret matches the stored hash, not revoked, not expired, and
    the user is active. Every failure gives the same None (no hint about which check failed).
    """
    match = _TOKEN.match(raw.strip())
    if match is None:
        return None
    prefix, secret = match.groups()
    token = ApiToken.objects.select_related("user", "user__institution").filter(prefix=prefix).first()
    if token is None or not hmac.compare_digest(token.secret_hash, _hash(secret)):
        return None
    now = timezone.now()
    if token.revoked_at is not None or token.expires_at <= now or not token.user.is_active:
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
