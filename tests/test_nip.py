"""NIP parsing: golden cases worked out by hand, a round trip from a generator, and the CLI."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from netral.personnel.idcheck import add_years
from netral.personnel.nip import build_nip, format_nip, parse_nip

TODAY = dt.date(2025, 6, 1)


def codes(nip: str) -> list[str]:
    return parse_nip(nip, today=TODAY).error_codes


def test_domain_example_with_spaces() -> None:
    info = parse_nip("19860926 201505 1 001", today=TODAY)
    assert info.valid
    assert info.nip == "198609262015051001"
    assert info.birth_date == dt.date(1986, 9, 26)
    assert (info.tmt, info.employment, info.gender, info.serial) == ("2015-05", "pns", "L", "001")


def test_pppk_number_has_a_year_only() -> None:
    info = parse_nip("199001012022212001", today=TODAY)
    assert info.valid
    assert info.birth_date == dt.date(1990, 1, 1)
    assert (info.tmt, info.tmt_month, info.employment, info.gender, info.serial) == (
        "2022",
        None,
        "pppk",
        "P",
        "001",
    )


@pytest.mark.parametrize(
    ("nip", "expected"),
    [
        ("19860926201505100", ["length"]),  # 17 digits
        ("1986092620150510011", ["length"]),  # 19 digits
        ("", ["length"]),
        ("1986092620150510O1", ["characters"]),  # letter O, still 18 characters
        ("19860926-201505-1-001", ["characters", "length"]),
        ("198613262015051001", ["birth_date"]),  # month 13
        ("198702292015051001", ["birth_date"]),  # 29 February 1987 does not exist
        ("189912312015051001", ["birth_date"]),  # before 1900
        ("203001012015051001", ["birth_date_future"]),
        ("198609262015131001", ["tmt"]),  # month 13
        ("198609262015001001", ["tmt"]),  # month 00
        ("198609262015201001", ["tmt"]),  # 20 is neither a month nor the PPPK marker
        ("198609260000051001", ["tmt"]),  # year 0000
        ("199001152008011001", ["tmt_before_18"]),  # 18th birthday 2008-01-15, TMT 2008-01-01
        ("195003102010041001", ["tmt_after_60"]),  # 60th birthday 2010-03-10, TMT 2010-04-01
        ("199006012007212001", ["tmt_before_18"]),  # PPPK 2007: turns 18 only in June 2008
        ("196401012024212001", ["tmt_after_60"]),  # PPPK 2024: turned 60 on 2024-01-01
        ("198609262025071001", ["tmt_future"]),  # July 2025 after 1 June 2025
        ("198609262026212001", ["tmt_future"]),  # PPPK 2026
        ("198609262015053001", ["gender"]),
        ("198609262015050001", ["gender"]),
        ("198609262015051000", ["serial"]),
        ("198613262015133000", ["birth_date", "tmt", "gender", "serial"]),
    ],
)
def test_each_error_has_its_code(nip: str, expected: list[str]) -> None:
    assert codes(nip) == expected


@pytest.mark.parametrize(
    "nip",
    [
        "199001152008021001",  # TMT 2008-02-01, after the 18th birthday on 2008-01-15
        "199001012008011001",  # 18th birthday on the TMT day itself
        "195003102010031001",  # TMT 2010-03-01, still 59
        "199006012008212001",  # PPPK 2008: turns 18 during that year
        "196401022024212001",  # PPPK 2024: turns 60 only on 2024-01-02
        "198609262025061001",  # TMT 2025-06-01 is today
        "200002292020021001",  # 29 February 2000 existed
    ],
)
def test_boundaries_that_are_valid(nip: str) -> None:
    assert codes(nip) == []


def test_invalid_part_is_null_and_the_rest_is_reported() -> None:
    info = parse_nip("198613262015051001", today=TODAY)
    assert info.as_json() == {
        "valid": False,
        "errors": [info.errors[0].message],
        "birth_date": None,
        "tmt": "2015-05",
        "gender": "L",
        "serial": "001",
    }


def test_messages_are_indonesian_by_default() -> None:
    info = parse_nip("198609262015051000", today=TODAY)
    assert info.messages == ["Nomor urut (digit 16-18) tidak boleh 000."]
    assert parse_nip("1234", today=TODAY).messages == ["NIP terdiri atas 18 digit; yang diberikan 4 digit."]


def test_format_and_build() -> None:
    assert format_nip("198609262015051001") == "19860926 201505 1 001"
    assert (
        build_nip(dt.date(1986, 9, 26), gender="L", serial=1, tmt_year=2015, tmt_month=5)
        == "198609262015051001"
    )
    assert build_nip(dt.date(1990, 1, 1), gender="P", serial=1, tmt_year=2022) == "199001012022212001"


@st.composite
def valid_nips(draw: st.DrawFn) -> tuple[str, dt.date, str, str, int, str]:
    birth = draw(st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(2006, 12, 31)))
    gender = draw(st.sampled_from(["L", "P"]))
    serial = draw(st.integers(min_value=1, max_value=999))
    if draw(st.booleans()):
        year = draw(st.integers(min_value=birth.year + 18, max_value=min(birth.year + 59, TODAY.year)))
        return (
            build_nip(birth, gender=gender, serial=serial, tmt_year=year),
            birth,
            gender,
            f"{year}",
            serial,
            "pppk",
        )
    first = add_years(birth, 18)
    first_month = (first.year, first.month) if first.day == 1 else (first.year, first.month + 1)
    months = [
        (y, m)
        for y in range(first_month[0], min(birth.year + 61, TODAY.year) + 1)
        for m in range(1, 13)
        if first_month <= (y, m) and dt.date(y, m, 1) <= TODAY and dt.date(y, m, 1) < add_years(birth, 60)
    ]
    year, month = draw(st.sampled_from(months))
    nip = build_nip(birth, gender=gender, serial=serial, tmt_year=year, tmt_month=month)
    return nip, birth, gender, f"{year:04d}-{month:02d}", serial, "pns"


@given(valid_nips())
def test_round_trip_generator_to_parser(case: tuple[str, dt.date, str, str, int, str]) -> None:
    nip, birth, gender, tmt, serial, employment = case
    info = parse_nip(format_nip(nip), today=TODAY)
    assert info.valid, info.error_codes
    assert (info.birth_date, info.gender, info.tmt, info.serial, info.employment) == (
        birth,
        gender,
        tmt,
        f"{serial:03d}",
        employment,
    )


@given(st.text(max_size=30))
def test_parser_never_raises(text: str) -> None:
    info = parse_nip(text, today=TODAY)
    assert info.valid == (not info.errors)


def run_command(*args: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("nip", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_cli_json_for_a_valid_nip() -> None:
    code, out, err = run_command("check", "19860926", "201505", "1", "001", "--json")
    assert code == 0 and err == ""
    assert json.loads(out) == {
        "valid": True,
        "errors": [],
        "birth_date": "1986-09-26",
        "tmt": "2015-05",
        "gender": "L",
        "serial": "001",
    }


def test_cli_json_for_pppk_and_invalid() -> None:
    assert json.loads(run_command("check", "199001012022212001", "--json")[1])["tmt"] == "2022"
    code, out, err = run_command("check", "198609262015053000", "--json")
    assert code == 1
    data = json.loads(out)
    assert list(data) == ["valid", "errors", "birth_date", "tmt", "gender", "serial"]
    assert data["valid"] is False and data["gender"] is None and data["serial"] is None
    assert data["errors"] == [
        "Digit 15 (3) harus 1 (laki-laki) atau 2 (perempuan).",
        "Nomor urut (digit 16-18) tidak boleh 000.",
    ]
    assert "NIP tidak valid" in err


def test_cli_text_output() -> None:
    code, out, _err = run_command("check", "199001012022212001")
    assert code == 0 and "PPPK" in out and "perempuan (P)" in out
    code, out, err = run_command("check", "12345")
    assert code == 1 and out == "" and "18 digit" in err
