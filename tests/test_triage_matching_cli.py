"""`netral triage match`: the command-line face of register matching."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from netral.personnel.models import Agency, Employee
from netral.personnel.names import normalize_name
from netral.personnel.nip import build_nip
from netral.triage import matching

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _register() -> Iterator[Employee]:
    matching.reset_index()
    employee = Employee.objects.create(
        nip=build_nip(dt.date(1970, 5, 4), gender="L", serial=1, tmt_year=1995, tmt_month=3),
        name="Ir. Soetrisno Djojohadi, M.T.",
        name_normalized=normalize_name("Ir. Soetrisno Djojohadi, M.T."),
        employment="pns",
        position_class="kepala_wilayah",
        position_title="Camat Mlati",
        agency=Agency.objects.get(code="pemkab-34.04"),
        region_id="34.04",
        gender="L",
        birth_date=dt.date(1970, 5, 4),
    )
    yield employee
    matching.reset_index()


def _run(*args: str) -> str:
    out = StringIO()
    call_command("triage", "match", *args, stdout=out)
    return out.getvalue()


def test_json_output_lists_candidates(_register: Employee) -> None:
    payload = json.loads(
        _run("--name", "Sutrisno Joyohadi", "--region", "34", "--position", "camat", "--json")
    )
    best = payload["candidates"][0]
    assert best["employee_id"] == _register.pk
    assert best["nip"] == _register.nip
    assert best["agency_code"] == "pemkab-34.04"
    assert "position" in best["reasons"]


def test_table_output_and_empty_result(_register: Employee) -> None:
    assert "Camat Mlati" in _run("--name", "Soetrisno", "--agency", "pemkab-34.04")
    written = f"{_register.nip[:4]} {_register.nip[4:8]}"  # as people write it: with a space
    assert "nip)" in _run("--name", "Soetrisno", "--nip", written)  # reasons: (name .., nip)
    assert "Tidak ada kandidat" in _run("--name", "Soetrisno", "--agency", "pemkot-71.71")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--name", "  "], "Nama tidak boleh kosong"),
        (["--name", "Budi", "--agency", "pemkab-99.99"], "Kode instansi tidak dikenal"),
        (["--name", "Budi", "--region", "99"], "Kode wilayah tidak dikenal"),
        (["--name", "Budi", "--limit", "0"], "--limit"),
        (["--name", "Budi", "--nip", "12ab"], "--nip harus 4 sampai 18 angka"),
        (["--name", "Budi", "--nip", "123"], "--nip harus 4 sampai 18 angka"),
    ],
)
def test_bad_input_gives_an_indonesian_error(args: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        _run(*args)


def test_namesakes_are_counted_and_a_common_name_says_so(_register: Employee) -> None:
    payload = json.loads(_run("--name", "Sutrisno", "--json"))
    assert payload["candidates"] and payload["namesakes"] == 0  # found, but a shorter name is not the same
    payload = json.loads(
        _run("--name", "Ir. Sutrisno Joyohadi", "--json")
    )  # titles and old spelling normalised
    assert payload["namesakes"] == 1
    for serial in (2, 3):
        twin = Employee.objects.get(pk=_register.pk)
        twin.pk = None
        twin.nip = build_nip(dt.date(1970, 5, 4), gender="L", serial=serial, tmt_year=1995, tmt_month=3)
        twin.save()
    matching.reset_index()
    assert json.loads(_run("--name", "Soetrisno Djojohadi", "--json"))["namesakes"] == 3
    assert json.loads(_run("--name", "Soetrisno Djojohadi", "--region", "71", "--json"))["namesakes"] == 0
    assert "3 orang di register bernama persis" in _run("--name", "Soetrisno Djojohadi")
    assert "satu dari mereka" not in _run("--name", "Soetrisno Djojohadi")  # all three fit in the list
    assert "satu dari mereka" in _run("--name", "Soetrisno Djojohadi", "--limit", "2")
    assert "bernama persis" not in _run("--name", "Soetrisno Djojohadi", "--agency", "pemkot-71.71")


def test_index_builds_and_stores_then_the_next_process_maps_it(settings: Any, tmp_path: Path) -> None:
    settings.DATA_DIR = tmp_path
    settings.NETRAL_MATCH_INDEX_STORE = True
    out = StringIO()
    call_command("triage", "index", "--json", stdout=out)
    built = json.loads(out.getvalue())
    assert (
        built["rows"] == Employee.objects.count() and Path(built["stored"]).parent == tmp_path / "match-index"
    )
    matching.reset_index()  # as another process
    out = StringIO()
    call_command("triage", "index", stdout=out)
    assert f"{built['rows']} baris" in out.getvalue() and built["stored"] in out.getvalue()


def test_index_without_the_store_says_so(settings: Any) -> None:
    settings.NETRAL_MATCH_INDEX_STORE = False
    out = StringIO()
    call_command("triage", "index", stdout=out)
    assert "NETRAL_MATCH_INDEX_STORE=0" in out.getvalue()
