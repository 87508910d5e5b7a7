"""The synthetic register: valid and consistent rows, deterministic seeds, idempotent runs."""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from netral.personnel.models import Agency, Employee
from netral.personnel.names import normalize_name
from netral.personnel.nik import parse_nik
from netral.personnel.nip import parse_nip
from netral_gen.register.generate import COLUMNS, REFERENCE_DATE, birth_days, generate_register, generate_rows

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 6, 1)


def rows_as_dicts(size: int, seed: int) -> list[dict[str, Any]]:
    return [dict(zip(COLUMNS, row, strict=True)) for row in generate_rows(size, seed=seed)]


def test_birth_days_share_out_exactly() -> None:
    days = list(birth_days(1000, REFERENCE_DATE))
    assert sum(count for _day, _age, count in days) == 1000
    ages = [age for _day, age, _count in days]
    assert min(ages) >= 21 and max(ages) <= 60


def test_rows_are_valid_and_consistent() -> None:
    rows = rows_as_dicts(3000, seed=7)
    assert len(rows) == 3000
    assert len({row["nip"] for row in rows}) == 3000
    niks = [row["nik"] for row in rows if row["nik"]]
    assert len(set(niks)) == len(niks) and 0.8 < len(niks) / 3000 < 0.97
    for row in rows:
        nip = parse_nip(str(row["nip"]), today=TODAY)
        assert nip.valid, (row, nip.error_codes)
        assert nip.birth_date is not None
        assert nip.birth_date.isoformat() == row["birth_date"]
        assert nip.gender == row["gender"] and nip.employment == row["employment"]
        if row["nik"]:
            nik = parse_nik(str(row["nik"]), today=TODAY)
            assert nik.valid and nik.matches_birth(nip.birth_date) and nik.gender == row["gender"]
            assert nik.regency_code == row["region_id"]
        assert row["name_normalized"] == normalize_name(str(row["name"]))


def test_mix_looks_like_a_register() -> None:
    rows = rows_as_dicts(5000, seed=3)
    classes = Counter(str(row["position_class"]) for row in rows)
    assert classes["fungsional"] > classes["pelaksana"] > classes["pengawas"] > classes["administrator"]
    assert classes["fungsional"] + classes["pelaksana"] > 0.8 * len(rows)
    assert 0 < classes["jpt"] < 0.02 * len(rows) and 0 < classes["kepala_wilayah"] < 0.02 * len(rows)
    pppk = sum(row["employment"] == "pppk" for row in rows) / len(rows)
    assert 0.1 < pppk < 0.3
    kinds = dict(Agency.objects.values_list("id", "kind"))
    by_kind = Counter(kinds[int(row["agency_id"])] for row in rows)
    assert by_kind["pemkab"] > by_kind["pusat"] > by_kind["pemprov"] > 0 and by_kind["pemkot"] > 0
    titles = " ".join(str(row["name"]) for row in rows)
    for title in ["Drs.", "Hj.", "H.", "S.Pd.", "S.H.", "M.Si."]:
        assert title in titles
    assert any(str(row["position_title"]).startswith("Camat ") for row in rows)
    jakarta = {row["agency_id"] for row in rows if str(row["region_id"]).startswith("31.")}
    assert {kinds[int(a)] for a in jakarta} <= {"pemprov", "pusat"}  # Jakarta's cities employ nobody


def test_same_seed_same_rows_and_different_seed_different_rows() -> None:
    first = list(generate_rows(500, seed=11))
    assert first == list(generate_rows(500, seed=11))
    assert first != list(generate_rows(500, seed=12))


def test_generate_register_is_idempotent() -> None:
    before = Employee.objects.count()
    assert generate_register(400, seed=5, progress=False) == 400
    assert Employee.objects.count() == before + 400
    assert generate_register(400, seed=5, progress=False) == 0
    assert Employee.objects.count() == before + 400
    sample = Employee.objects.order_by("nip").first()
    assert sample is not None and sample.birth_date.year >= REFERENCE_DATE.year - 61


def test_benchmark_leaves_the_database_as_it_was() -> None:
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "register.py"
    spec = importlib.util.spec_from_file_location("benchmark_register", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    before = Employee.objects.count()
    result = module.run(300)
    assert (result["rows"], result["inserted"], result["benchmark"]) == (300, 300, "register")
    assert result["rows_per_second"] > 0
    assert Employee.objects.count() == before
