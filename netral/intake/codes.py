"""Tracking codes and receipt secrets: what a reporter gets back after filing.

**Tracking code** `NTR-7K3M-Q9XD-2W5C`: 11 random symbols (55 bits from `secrets`) and one check
symbol, written in Crockford's base-32 alphabet without I, L, O and U, so it can be read aloud and
typed on a phone. `parse_tracking_code` forgives case, spaces, dashes and the confusable letters
(O is read as 0, I and L as 1) and returns None when the check symbol does not match.

The check symbol is a Damm check over the quasigroup `x * y = 2x + y` in the field GF(32)
(polynomial x^5 + x^2 + 1). Processing the symbols with `h = 2h + v` is Horner evaluation, so the
final value is a weighted sum with weights 2^k (all non-zero): changing one symbol changes it by
2^k * e != 0, and swapping neighbours x, y changes it by 2^k * (2 + 1) * (x + y) != 0 (addition is
XOR). Every single-symbol error and every adjacent transposition, the check symbol included, is
detected; because 2 has order 31, so is any transposition within 31 symbols.

**Receipt secret** `7K3M-Q9XD-2W5C-...`: 20 symbols (100 bits), shown to the reporter once and stored
only as `HMAC-SHA256(server key, secret)`. A slow password hash (scrypt, PBKDF2) and a per-row salt
defend low-entropy, reused human passwords against dictionary attacks; a 100-bit random secret has
no dictionary, so stretching buys nothing and would cost tens of milliseconds on every public
request. Keying the HMAC with `settings.SECRET_KEY` means a copy of the database alone cannot even
test a guess. Verification compares in constant time against the current key and every key in
`settings.SECRET_KEY_FALLBACKS`, so the Django secret can be rotated in the usual way.
"""

from __future__ import annotations

import hmac
import secrets
import unicodedata

from django.conf import settings
from django.utils.crypto import salted_hmac

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
VALUES = {symbol: value for value, symbol in enumerate(ALPHABET)}
# Letters people write for digits (Crockford's decoding rules).
CONFUSABLES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = str.maketrans("", "", " \t\r\n-_./\u00a0")

PREFIX = "NTR"
TRACKING_RANDOM_SYMBOLS = 11  # 55 bits
TRACKING_BODY_LENGTH = TRACKING_RANDOM_SYMBOLS + 1  # plus the check symbol
RECEIPT_SECRET_SYMBOLS = 20  # 100 bits
GROUP = 4
_MAX_INPUT = 100  # longer input is never a code or a secret; do not even normalise it

_GF_POLY = 0b100101  # x^5 + x^2 + 1, primitive over GF(2)
HASH_SCHEME = "hmac-sha256"
_RECEIPT_SALT = "netral.intake.receipt-secret"
_DERIVE_SALT = "netral.intake.receipt-secret.idempotent"


def _double(value: int) -> int:
    """Multiply by the field element 2 (x) in GF(32)."""
    value <<= 1
    if value & 0b100000:
        value ^= _GF_POLY
    return value


def _residue(symbols: str) -> int:
    h = 0
    for symbol in symbols:
        h = _double(h) ^ VALUES[symbol]
    return h


def check_symbol(body: str) -> str:
    """The symbol that makes the Damm residue of `body + symbol` zero."""
    return ALPHABET[_double(_residue(body))]


def is_valid_check(symbols: str) -> bool:
    """Whether a string of alphabet symbols ends with its correct check symbol."""
    return bool(symbols) and all(s in VALUES for s in symbols) and _residue(symbols) == 0


def _group(symbols: str) -> str:
    return "-".join(symbols[i : i + GROUP] for i in range(0, len(symbols), GROUP))


def _normalise(text: object) -> str | None:
    """Upper case, NFKC, separators removed, confusable letters mapped; None for non-strings."""
    if not isinstance(text, str) or len(text) > _MAX_INPUT:
        return None
    return unicodedata.normalize("NFKC", text).upper().translate(_SEPARATORS).translate(CONFUSABLES)


def _random_symbols(count: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(count))


# --- tracking codes -----------------------------------------------------------------------------


def format_tracking_code(body: str) -> str:
    """`NTR-` and the 12 symbols in groups of four."""
    return f"{PREFIX}-{_group(body)}"


def new_tracking_code() -> str:
    """A fresh random tracking code such as `NTR-7K3M-Q9XD-2W5C`."""
    body = _random_symbols(TRACKING_RANDOM_SYMBOLS)
    return format_tracking_code(body + check_symbol(body))


def parse_tracking_code(text: object) -> str | None:
    """The canonical tracking code for what a person typed, or None when it is not a valid code.

    Accepts any case, spaces, dashes, with or without the `NTR` prefix, and O/I/L for 0/1.
    """
    symbols = _normalise(text)
    if symbols is None:
        return None
    if len(symbols) == len(PREFIX) + TRACKING_BODY_LENGTH and symbols.startswith(PREFIX):
        symbols = symbols[len(PREFIX) :]
    if len(symbols) != TRACKING_BODY_LENGTH or not is_valid_check(symbols):
        return None
    return format_tracking_code(symbols)


# --- receipt secrets ----------------------------------------------------------------------------


def new_receipt_secret() -> str:
    """A fresh random receipt secret (100 bits), grouped for reading: `XXXX-XXXX-XXXX-XXXX-XXXX`."""
    return _group(_random_symbols(RECEIPT_SECRET_SYMBOLS))


def derive_receipt_secret(idempotency_key: str) -> str:
    """The receipt secret of a submission made with this idempotency key.

    A retried request (same key, same content) must get the same answer, secret included, but the
    secret is stored only as a hash. So a keyed submission's secret is a pseudo-random function of
    the key under the server secret: HMAC-SHA256(SECRET_KEY, key), first 100 bits. Without the
    server secret it is as unpredictable as a random one.
    """
    digest = salted_hmac(_DERIVE_SALT, idempotency_key, algorithm="sha256").digest()
    number = int.from_bytes(digest, "big") >> (len(digest) * 8 - RECEIPT_SECRET_SYMBOLS * 5)
    symbols = "".join(ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(RECEIPT_SECRET_SYMBOLS)))
    return _group(symbols)


def normalise_receipt_secret(text: object) -> str | None:
    """The canonical grouped secret for what a person typed, or None when it cannot be one."""
    symbols = _normalise(text)
    if symbols is None or len(symbols) != RECEIPT_SECRET_SYMBOLS or any(s not in VALUES for s in symbols):
        return None
    return _group(symbols)


def _secret_digest(canonical: str, secret_key: str) -> str:
    return salted_hmac(_RECEIPT_SALT, canonical, secret=secret_key, algorithm="sha256").hexdigest()


def hash_receipt_secret(secret: str) -> str:
    """The value stored for a receipt secret: `hmac-sha256$<hex>` under the current SECRET_KEY."""
    canonical = normalise_receipt_secret(secret)
    if canonical is None:
        raise ValueError("not a receipt secret")
    return f"{HASH_SCHEME}${_secret_digest(canonical, settings.SECRET_KEY)}"


# Compared against when there is no stored hash, so a miss costs as much as a hit.
_DUMMY_HASH = f"{HASH_SCHEME}${'0' * 64}"


def verify_receipt_secret(secret: object, stored_hash: str | None) -> bool:
    """Whether `secret` matches `stored_hash`, in constant time for a given number of server keys.

    Malformed secrets and a missing hash do the same work as a real comparison and answer False.
    """
    canonical = normalise_receipt_secret(secret)
    has_hash = bool(stored_hash) and str(stored_hash).startswith(HASH_SCHEME + "$")
    expected = (stored_hash if has_hash and stored_hash else _DUMMY_HASH).encode("ascii", "replace")
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    match = False
    for key in keys:
        candidate = f"{HASH_SCHEME}${_secret_digest(canonical or '', key)}".encode("ascii")
        match |= hmac.compare_digest(candidate, expected)
    return match and canonical is not None and has_hash
