"""Reporter identity encrypted at rest, and keyed hashes for finding the same reporter again.

Keys: `settings.NETRAL_ENCRYPTION_KEY` holds one or more Fernet keys separated by commas (a list or
tuple works too). The first key encrypts; every key decrypts (`MultiFernet`). To rotate: put a new
key in front (`NEW,OLD`), restart, run `services.rotate_reporter_identities()` to re-encrypt every
row with the new key and recompute its lookup hashes, then drop the old key.

Lookup hashes: HMAC-SHA256 of a normalised NIK, e-mail address or phone number, under a key
derived from an encryption key with HKDF (never the Fernet key itself). New rows use the first key;
`lookup_hashes` gives the hash under every configured key, so duplicate checks keep finding rows
written before a rotation until they are re-hashed.

Plain values never appear in `repr`, `str`, log records or exception messages raised here.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, fields
from functools import lru_cache
from typing import Literal

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.views.decorators.debug import sensitive_variables

LookupKind = Literal["nik", "email", "phone"]
LOOKUP_KINDS: tuple[LookupKind, ...] = ("nik", "email", "phone")
_HKDF_INFO = b"netral.intake.lookup-hash.v1"
_NON_DIGITS = re.compile(r"[^0-9]")
_UNDECRYPTABLE = "the reporter identity cannot be decrypted with the configured keys"


class IdentityDecryptionError(Exception):
    """A stored identity could not be decrypted with any configured key (no value is included)."""


@dataclass(frozen=True, repr=False)
class ReporterIdentity:
    """Who filed a named report. Its `repr` and `str` never show the values."""

    name: str = ""
    nik: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""

    def __repr__(self) -> str:
        filled = [f.name for f in fields(self) if getattr(self, f.name)]
        return f"<ReporterIdentity: redacted; fields {', '.join(filled) or 'none'}>"

    __str__ = __repr__

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))


# --- keys ---------------------------------------------------------------------------------------


def configured_keys() -> tuple[str, ...]:
    """The configured Fernet keys, first (encrypting) key first."""
    raw = getattr(settings, "NETRAL_ENCRYPTION_KEY", "")
    parts = raw.split(",") if isinstance(raw, str) else list(raw)
    keys = tuple(str(part).strip() for part in parts if str(part).strip())
    if not keys:
        raise ImproperlyConfigured("NETRAL_ENCRYPTION_KEY is empty: set at least one Fernet key.")
    return keys


@lru_cache(maxsize=8)
def _ciphers(keys: tuple[str, ...]) -> tuple[MultiFernet, tuple[bytes, ...]]:
    fernets = []
    lookup_keys = []
    for position, key in enumerate(keys, start=1):
        try:
            fernets.append(Fernet(key))
        except (ValueError, TypeError):
            raise ImproperlyConfigured(
                f"NETRAL_ENCRYPTION_KEY: key #{position} is not a Fernet key (32 url-safe base64 bytes)."
            ) from None
        hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO)
        lookup_keys.append(hkdf.derive(base64.urlsafe_b64decode(key)))
    return MultiFernet(fernets), tuple(lookup_keys)


def _multi() -> MultiFernet:
    return _ciphers(configured_keys())[0]


def _lookup_keys() -> tuple[bytes, ...]:
    return _ciphers(configured_keys())[1]


# --- encryption ---------------------------------------------------------------------------------


@sensitive_variables()
def encrypt_identity(identity: ReporterIdentity) -> str:
    """The Fernet token (ASCII) of an identity, encrypted with the first key."""
    plain = json.dumps(asdict(identity), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return _multi().encrypt(plain).decode("ascii")


@sensitive_variables()
def decrypt_identity(token: str) -> ReporterIdentity:
    """The identity in a token; raises IdentityDecryptionError when no key opens it."""
    try:
        plain = _multi().decrypt(token.encode("ascii"))
        data = json.loads(plain.decode("utf-8"))
        return ReporterIdentity(**{f.name: str(data.get(f.name, "")) for f in fields(ReporterIdentity)})
    except (InvalidToken, UnicodeError, ValueError, TypeError, AttributeError):
        raise IdentityDecryptionError(_UNDECRYPTABLE) from None


@sensitive_variables()
def rotate_token(token: str) -> str:
    """The same plaintext re-encrypted under the first key (for key rotation)."""
    try:
        return _multi().rotate(token.encode("ascii")).decode("ascii")
    except (InvalidToken, UnicodeError):
        raise IdentityDecryptionError(_UNDECRYPTABLE) from None


# --- normalisation and keyed hashes -------------------------------------------------------------


def normalize_nik(value: str) -> str:
    """Digits only (people write `3404 0145 0986 0001` or with dots)."""
    return _NON_DIGITS.sub("", unicodedata.normalize("NFKC", value or ""))


def normalize_email(value: str) -> str:
    """Trimmed and lower-cased (the local part is treated as case-insensitive, as every provider does)."""
    return unicodedata.normalize("NFKC", value or "").strip().lower()


def normalize_phone(value: str) -> str:
    """Digits in international form without `+`: `0812-3456-7890`, `+62 812 3456 7890` and
    `812 3456 7890` all become `6281234567890`. Numbers of other countries keep their digits."""
    text = unicodedata.normalize("NFKC", value or "").strip()
    digits = _NON_DIGITS.sub("", text)
    if not digits:
        return ""
    if text.startswith("+") or digits.startswith("62"):
        return digits
    if digits.startswith("0"):
        return "62" + digits.lstrip("0")
    if digits.startswith("8"):
        return "62" + digits
    return digits


NORMALIZERS = {"nik": normalize_nik, "email": normalize_email, "phone": normalize_phone}


def _digest(key: bytes, kind: str, normalised: str) -> str:
    return hmac.new(key, f"{kind}:{normalised}".encode(), hashlib.sha256).hexdigest()


@sensitive_variables()
def lookup_hash(kind: LookupKind, value: str) -> str:
    """The keyed hash (64 hex characters) of a NIK, e-mail or phone under the first key; "" when empty."""
    normalised = NORMALIZERS[kind](value)
    return _digest(_lookup_keys()[0], kind, normalised) if normalised else ""


@sensitive_variables()
def lookup_hashes(kind: LookupKind, value: str) -> list[str]:
    """The hash under every configured key (to match rows written before a key rotation)."""
    normalised = NORMALIZERS[kind](value)
    if not normalised:
        return []
    return [_digest(key, kind, normalised) for key in _lookup_keys()]


def identity_hashes(identity: ReporterIdentity) -> dict[LookupKind, str]:
    """Lookup hashes of an identity's NIK, e-mail and phone ("" for an empty value)."""
    return {kind: lookup_hash(kind, getattr(identity, kind)) for kind in LOOKUP_KINDS}
