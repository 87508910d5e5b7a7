"""The request fingerprint: an HMAC of what was submitted, by whom and through which channel.

A retry with the same idempotency key must carry the same content; the stored report keeps only this
HMAC (no plain copy of the content), and `same_request` checks a retry against it under the current
and the fallback secret keys.
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

from netral.intake.validation import ValidReport

if TYPE_CHECKING:
    from netral.accounts.models import User

_FINGERPRINT_SALT = "netral.intake.request-fingerprint"


def _plain_fields(value: Any) -> Any:
    """`dataclasses.asdict` for the frozen input dataclasses (same result, without its deep copies)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain_fields(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain_fields(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain_fields(item) for key, item in value.items()}
    return value


def request_fingerprint(valid: ValidReport, channel: str, actor: User | None, secret_key: str) -> str:
    """HMAC of what was submitted, by whom and through which channel (no plain content is kept)."""
    content = {
        "channel": channel,
        "actor": getattr(actor, "pk", None),
        "report": _plain_fields(valid.data),
    }
    canonical = json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
    return salted_hmac(_FINGERPRINT_SALT, canonical, secret=secret_key, algorithm="sha256").hexdigest()


def same_request(stored: str, valid: ValidReport, channel: str, actor: User | None) -> bool:
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return any(constant_time_compare(stored, request_fingerprint(valid, channel, actor, key)) for key in keys)
