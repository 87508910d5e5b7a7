"""Tracking codes and receipt secrets (netral/intake/codes.py)."""

from __future__ import annotations

import re

import pytest
from django.test import override_settings
from hypothesis import given, settings
from hypothesis import strategies as st

from netral.intake import codes

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_SHAPE = re.compile(r"NTR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")
SECRET_SHAPE = re.compile(r"([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}")

bodies = st.text(alphabet=ALPHABET, min_size=11, max_size=11)


def make_code(body: str) -> str:
    return codes.format_tracking_code(body + codes.check_symbol(body))


def symbols_of(code: str) -> str:
    return code.removeprefix("NTR-").replace("-", "")


def test_alphabet_is_crockford_without_i_l_o_u() -> None:
    assert codes.ALPHABET == ALPHABET
    assert len(set(ALPHABET)) == 32
    assert not set("ILOU") & set(ALPHABET)


def test_field_arithmetic_doubling_is_a_permutation_of_order_31() -> None:
    # 2 generates the multiplicative group of GF(32): 31 distinct powers, then back to 1.
    powers, value = [], 1
    for _ in range(31):
        powers.append(value)
        value = codes._double(value)
    assert value == 1
    assert sorted(powers) == list(range(1, 32))


def test_check_symbol_worked_by_hand() -> None:
    # body "1": h = 2*0 + 1 = 1; check = 2*1 = 2.
    assert codes.check_symbol("1") == "2"
    # body "10": h = 2*1 + 0 = 2; check = 2*2 = 4.
    assert codes.check_symbol("10") == "4"
    # body "G" (value 16): h = 16 = x^4; check = x^5 = x^2 + 1 = 5.
    assert codes.check_symbol("G") == "5"
    assert codes.is_valid_check("12") and codes.is_valid_check("104") and codes.is_valid_check("G5")
    assert not codes.is_valid_check("13")


def test_new_codes_have_the_documented_shape_and_differ() -> None:
    made = {codes.new_tracking_code() for _ in range(300)}
    assert len(made) == 300
    for code in made:
        assert CODE_SHAPE.fullmatch(code), code
        assert codes.parse_tracking_code(code) == code


def test_codes_carry_at_least_50_random_bits() -> None:
    assert codes.TRACKING_RANDOM_SYMBOLS * 5 >= 50
    assert codes.RECEIPT_SECRET_SYMBOLS * 5 >= 80


@given(bodies)
def test_parse_round_trips(body: str) -> None:
    code = make_code(body)
    assert codes.parse_tracking_code(code) == code


@given(bodies, st.data())
def test_parse_forgives_case_spacing_prefix_and_confusables(body: str, data: st.DataObject) -> None:
    code = make_code(body)
    symbols = symbols_of(code)
    typed = symbols.replace("0", data.draw(st.sampled_from(["0", "O", "o"])))
    typed = typed.replace("1", data.draw(st.sampled_from(["1", "I", "i", "L", "l"])))
    typed = typed.lower() if data.draw(st.booleans()) else typed
    prefix = data.draw(st.sampled_from(["", "NTR", "ntr-", "NTR "]))
    spaced = " ".join(typed[i : i + 4] for i in range(0, 12, 4))
    assert codes.parse_tracking_code(f"  {prefix}{spaced} ") == code
    assert codes.parse_tracking_code(prefix + typed) == code


@settings(max_examples=200)
@given(bodies, st.integers(min_value=0, max_value=11), st.sampled_from(ALPHABET))
def test_every_single_symbol_error_is_detected(body: str, position: int, replacement: str) -> None:
    symbols = symbols_of(make_code(body))
    if symbols[position] == replacement:
        return
    wrong = symbols[:position] + replacement + symbols[position + 1 :]
    assert codes.parse_tracking_code(wrong) is None


@settings(max_examples=200)
@given(bodies, st.integers(min_value=0, max_value=10))
def test_every_adjacent_transposition_is_detected(body: str, position: int) -> None:
    symbols = symbols_of(make_code(body))
    a, b = symbols[position], symbols[position + 1]
    if a == b:
        return
    swapped = symbols[:position] + b + a + symbols[position + 2 :]
    assert codes.parse_tracking_code(swapped) is None


def test_all_single_errors_and_transpositions_exhaustively_for_one_code() -> None:
    symbols = symbols_of(make_code("7K3MQ9XD2W5"))
    for position in range(12):
        for replacement in ALPHABET:
            if replacement != symbols[position]:
                assert not codes.is_valid_check(symbols[:position] + replacement + symbols[position + 1 :])
    for position in range(11):
        a, b = symbols[position], symbols[position + 1]
        if a != b:
            assert not codes.is_valid_check(symbols[:position] + b + a + symbols[position + 2 :])


@pytest.mark.parametrize(
    "text",
    [
        None,
        42,
        "",
        "NTR",
        "NTR-7K3M-Q9XD",
        "NTR-7K3M-Q9XD-2W5C-ZZZZ",
        "NTR-7K3M-Q9XD-2W5U",
        "ÄÖÜ" * 4,
        "x" * 500,
    ],
)
def test_bad_input_gives_none(text: object) -> None:
    assert codes.parse_tracking_code(text) is None


# --- receipt secrets ----------------------------------------------------------------------------


def test_new_secrets_have_the_documented_shape() -> None:
    made = {codes.new_receipt_secret() for _ in range(200)}
    assert len(made) == 200
    assert all(SECRET_SHAPE.fullmatch(secret) for secret in made)


@given(st.text(alphabet=ALPHABET, min_size=20, max_size=20))
def test_hash_verifies_only_the_same_secret(symbols: str) -> None:
    secret = "-".join(symbols[i : i + 4] for i in range(0, 20, 4))
    stored = codes.hash_receipt_secret(secret)
    assert stored.startswith("hmac-sha256$") and len(stored) == len("hmac-sha256$") + 64
    assert symbols not in stored
    assert codes.verify_receipt_secret(secret, stored)
    assert codes.verify_receipt_secret(symbols.lower().replace("0", "o"), stored)  # as typed
    other = ("1" if symbols[0] != "1" else "2") + symbols[1:]
    assert not codes.verify_receipt_secret(other, stored)


def test_verify_rejects_malformed_input_and_missing_hash() -> None:
    secret = codes.new_receipt_secret()
    stored = codes.hash_receipt_secret(secret)
    for bad in (None, "", 12, "short", secret + "X"):
        assert not codes.verify_receipt_secret(bad, stored)
    assert not codes.verify_receipt_secret(secret, None)
    assert not codes.verify_receipt_secret(secret, "")
    assert not codes.verify_receipt_secret(secret, "md5$abc")
    with pytest.raises(ValueError):
        codes.hash_receipt_secret("not a secret")


def test_hash_is_keyed_by_secret_key_and_survives_rotation_through_fallbacks() -> None:
    secret = codes.new_receipt_secret()
    with override_settings(SECRET_KEY="old-key-" + "x" * 50):
        stored = codes.hash_receipt_secret(secret)
    with override_settings(SECRET_KEY="new-key-" + "y" * 50):
        assert codes.hash_receipt_secret(secret) != stored
        assert not codes.verify_receipt_secret(secret, stored)
    with override_settings(SECRET_KEY="new-key-" + "y" * 50, SECRET_KEY_FALLBACKS=["old-key-" + "x" * 50]):
        assert codes.verify_receipt_secret(secret, stored)


def test_derived_secret_is_stable_per_key_and_well_formed() -> None:
    first = codes.derive_receipt_secret("0b7e7c1e-8a55-4d3c-9f3e-0f7f6f5d2a11")
    assert first == codes.derive_receipt_secret("0b7e7c1e-8a55-4d3c-9f3e-0f7f6f5d2a11")
    assert first != codes.derive_receipt_secret("0b7e7c1e-8a55-4d3c-9f3e-0f7f6f5d2a12")
    assert SECRET_SHAPE.fullmatch(first)
    with override_settings(SECRET_KEY="another-" + "z" * 50):
        assert codes.derive_receipt_secret("0b7e7c1e-8a55-4d3c-9f3e-0f7f6f5d2a11") != first
