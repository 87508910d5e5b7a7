"""The `Idempotency-Key` request header: a client's name for one logical submission.

A client that retries a request (after a timeout, say) sends the same key again, and the server
answers with what the first request created instead of creating it twice. The key is 1-100
printable ASCII characters (space to tilde); anything else is a 422 for the field `Idempotency-Key`.
"""

from __future__ import annotations

import re

from django.http import HttpRequest
from django.utils.translation import gettext as _

from netral.api.errors import invalid

HEADER = "Idempotency-Key"
MAX_LENGTH = 100
_PRINTABLE = re.compile(r"^[\x20-\x7e]+$")


def parse_idempotency_key(value: str | None) -> str | None:
    """The key, or None when the header is absent; raises InvalidInput (422) when malformed."""
    if value is None:
        return None
    key = value.strip()
    if not key or len(key) > MAX_LENGTH or not _PRINTABLE.match(key):
        raise invalid(
            HEADER,
            _("Must be 1 to %(max)d printable ASCII characters, e.g. a UUID.") % {"max": MAX_LENGTH},
        )
    return key


def idempotency_key(request: HttpRequest) -> str | None:
    """The validated `Idempotency-Key` header of a request (None when not sent)."""
    return parse_idempotency_key(request.headers.get(HEADER))
