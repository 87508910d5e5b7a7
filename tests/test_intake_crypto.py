"""Reporter identity encryption and keyed lookup hashes (netral/intake/crypto.py)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging

import pytest
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from netral.intake import crypto
from netral.intake.crypto import ReporterIdentity

KEY_A = Fernet.generate_key().decode()
KEY_B = Fernet.generate_key().decode()

SITI = ReporterIdentity(
    name="Siti Rahmawati",
    nik="3404014509860001",
    address="Jl. Kaliurang Km 5, Sleman",
    phone="0812-3456-7890",
    email="Siti.R@Example.co.id",
)


def test_round_trip_and_token_hides_the_values() -> None:
    token = crypto.encrypt_identity(SITI)
    assert crypto.decrypt_identity(token) == SITI
    for value in ("Siti", "3404014509860001", "Kaliurang", "3456", "Example"):
        assert value not in token
    assert crypto.encrypt_identity(SITI) != token  # random IV: equal identities do not look equal


@given(
    st.builds(
        ReporterIdentity,
        name=st.text(max_size=50),
        nik=st.text(max_size=20),
        address=st.text(max_size=80),
        phone=st.text(max_size=20),
        email=st.text(max_size=40),
    )
)
def test_round_trip_any_text(identity: ReporterIdentity) -> None:
    assert crypto.decrypt_identity(crypto.encrypt_identity(identity)) == identity


def test_repr_str_and_format_never_show_values() -> None:
    logged = "%s %r" % (SITI, SITI)  # noqa: UP031 - the formatting logging uses
    for text in (repr(SITI), str(SITI), f"{SITI}", format(SITI), logged, repr([SITI])):
        assert "Siti" not in text and "3404" not in text and "Kaliurang" not in text and "0812" not in text
    assert "redacted" in repr(SITI)
    assert repr(SITI).endswith("fields name, nik, address, phone, email>")
    assert ReporterIdentity().is_empty and not SITI.is_empty


def test_logging_an_identity_leaks_nothing(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        logging.getLogger("netral.test").info("identity %s %r", SITI, SITI)
    assert "Siti" not in caplog.text and "3404014509860001" not in caplog.text


def test_undecryptable_token_error_has_no_content() -> None:
    token = crypto.encrypt_identity(SITI)
    with (
        override_settings(NETRAL_ENCRYPTION_KEY=KEY_B),
        pytest.raises(crypto.IdentityDecryptionError) as info,
    ):
        crypto.decrypt_identity(token)
    assert token not in str(info.value) and "Siti" not in str(info.value)
    assert info.value.__cause__ is None and info.value.__suppress_context__
    with pytest.raises(crypto.IdentityDecryptionError):
        crypto.decrypt_identity("not a token")


def test_rotation_with_multifernet_list() -> None:
    with override_settings(NETRAL_ENCRYPTION_KEY=KEY_A):
        old_token = crypto.encrypt_identity(SITI)
        old_hash = crypto.lookup_hash("nik", SITI.nik)
    # New key first, old key still listed: old tokens decrypt, new tokens use the new key.
    with override_settings(NETRAL_ENCRYPTION_KEY=f"{KEY_B}, {KEY_A}"):
        assert crypto.configured_keys() == (KEY_B, KEY_A)
        assert crypto.decrypt_identity(old_token) == SITI
        new_token = crypto.rotate_token(old_token)
        new_hash = crypto.lookup_hash("nik", SITI.nik)
        assert new_hash != old_hash
        assert crypto.lookup_hashes("nik", SITI.nik) == [new_hash, old_hash]
    with override_settings(NETRAL_ENCRYPTION_KEY=KEY_B):
        assert crypto.decrypt_identity(new_token) == SITI
        with pytest.raises(crypto.IdentityDecryptionError):
            crypto.decrypt_identity(old_token)
    with override_settings(NETRAL_ENCRYPTION_KEY=[KEY_B, KEY_A]):  # a list in settings works too
        assert crypto.decrypt_identity(old_token) == SITI


@pytest.mark.parametrize("bad", ["", " , ", "not-a-fernet-key"])
def test_bad_key_configuration_names_the_setting_not_the_key(bad: str) -> None:
    with override_settings(NETRAL_ENCRYPTION_KEY=bad), pytest.raises(ImproperlyConfigured) as info:
        crypto.encrypt_identity(SITI)
    assert "NETRAL_ENCRYPTION_KEY" in str(info.value)
    assert "not-a-fernet-key" not in str(info.value)


@pytest.mark.parametrize(
    ("kind", "raw", "normalised"),
    [
        ("nik", "3404 0145 0986 0001", "3404014509860001"),
        ("nik", "3404.0145.0986.0001", "3404014509860001"),
        ("email", "  Siti.R@Example.CO.ID ", "siti.r@example.co.id"),
        ("phone", "0812-3456-7890", "6281234567890"),
        ("phone", "+62 812 3456 7890", "6281234567890"),
        ("phone", "62 812 3456 7890", "6281234567890"),
        ("phone", "812 3456 7890", "6281234567890"),
        ("phone", "(0274) 123456", "62274123456"),
        ("phone", "+65 6123 4567", "6561234567"),
    ],
)
def test_normalisation(kind: str, raw: str, normalised: str) -> None:
    assert crypto.NORMALIZERS[kind](raw) == normalised


def test_lookup_hash_is_hmac_sha256_under_an_hkdf_key_and_matches_variants() -> None:
    with override_settings(NETRAL_ENCRYPTION_KEY=KEY_A):
        lookup_key = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=b"netral.intake.lookup-hash.v1"
        ).derive(base64.urlsafe_b64decode(KEY_A))
        expected = hmac.new(lookup_key, b"phone:6281234567890", hashlib.sha256).hexdigest()
        assert crypto.lookup_hash("phone", "0812-3456-7890") == expected
        assert crypto.lookup_hash("phone", "+62 812 3456 7890") == expected
        # Kinds are separated: the same digits as a NIK hash differently.
        assert crypto.lookup_hash("nik", "6281234567890") != expected
        assert crypto.lookup_hash("email", "  ") == ""
        assert crypto.lookup_hashes("email", "") == []
        assert crypto.identity_hashes(SITI)["email"] == crypto.lookup_hash("email", "siti.r@example.co.id")
