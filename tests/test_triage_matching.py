"""Register matching (netral.triage.matching.find_candidates) on a small register in the test DB."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from netral.personnel.models import Agency, Employee
from netral.personnel.names import normalize_name
from netral.personnel.nip import build_nip
from netral.triage import matching
from netral.triage.matching import find_candidates
from netral_gen.register.generate import generate_register

pytestmark = pytest.mark.django_db

PEOPLE = {
    # key: (display name, agency, region, position title, class, serial)
    "fauzi": ("Drs. H. Ahmad Fauzi, M.Si.", "pemkab-34.04", "34.04", "Camat Depok", "kepala_wilayah", 1),
    "fauzi_twin": ("Ahmad Fauzi", "pemkot-71.71", "71.71", "Analis Kepegawaian", "pelaksana", 2),
    "sujono": ("Mochammad Soedjono", "pemkot-71.71", "71.71", "Lurah Bahu", "kepala_wilayah", 3),
    "siti": (
        "Siti Nurhaliza Rahmawati, S.Pd.",
        "pemkab-34.04",
        "34.04",
        "Guru Ahli Pertama",
        "fungsional",
        4,
    ),
    "wahyudi": ("Wahyudi Prasetyo", "pusat-kemenag", "34.71", "Penyuluh Agama", "fungsional", 5),
    "yusuf": ("Muhammad Yusuf Hidayatullah", "pemkab-34.04", "34.04", "Kepala Seksi Umum", "pengawas", 6),
}


@pytest.fixture(autouse=True)
def _fresh_index() -> Iterator[None]:
    matching.reset_index()
    yield
    matching.reset_index()


@pytest.fixture
def people() -> dict[str, Employee]:
    generate_register(600, seed=11, progress=False)  # other people around them
    created = {}
    for key, (name, agency, region, title, cls, serial) in PEOPLE.items():
        created[key] = Employee.objects.create(
            nip=build_nip(dt.date(1975, 3, serial), gender="L", serial=serial, tmt_year=2000, tmt_month=3),
            name=name,
            name_normalized=normalize_name(name),
            employment="pns",
            position_class=cls,
            position_title=title,
            agency=Agency.objects.get(code=agency),
            region_id=region,
            gender="L",
            birth_date=dt.date(1975, 3, serial),
        )
    return created


def _ids(matches: list[matching.Match]) -> list[int]:
    return [m.employee_id for m in matches]


@pytest.mark.parametrize(
    ("query", "key", "filters"),
    [
        ("Ahmad Fauzi", "fauzi", {"agency_code": "pemkab-34.04"}),  # titles dropped on both sides
        ("Dr. Ir. H. Ahmad Fauzi, S.E., M.M.", "fauzi", {"region_code": "34.04"}),  # other titles
        ("M. Sujono", "sujono", {"agency_code": "pemkot-71.71"}),  # Muhammad variants + old spelling
        ("Moh. Soedjono", "sujono", {}),
        ("Muhamad Sudjono", "sujono", {"region_code": "71"}),
        ("Wahjoedi Prasetyo", "wahyudi", {}),  # old spelling
        ("Wahydi Prasetyo", "wahyudi", {}),  # typo: dropped letter
        ("Wahyudi Prasetiyo", "wahyudi", {"agency_code": "pusat-kemenag"}),  # typo: extra letter
        ("Wahyudi Prastyeo", "wahyudi", {}),  # typo: swapped letters
        ("Siti Rahmawati", "siti", {"agency_code": "pemkab-34.04"}),  # middle name missing
        ("Yusuf Hidayatullah", "yusuf", {"region_code": "34.04"}),  # Muhammad left out
        ("Mochamad Jusuf Hidajatoellah", "yusuf", {}),  # everything at once
    ],
)
def test_finds_the_right_record_under_each_perturbation(
    people: dict[str, Employee], query: str, key: str, filters: dict[str, str]
) -> None:
    matches = find_candidates(
        query, agency_code=filters.get("agency_code"), region_code=filters.get("region_code")
    )
    assert people[key].pk in _ids(matches)
    if filters:
        assert matches[0].employee_id == people[key].pk


def test_match_carries_register_fields_score_and_reasons(people: dict[str, Employee]) -> None:
    best = find_candidates("Ahmad Fauzi", agency_code="pemkab-34.04", position="camat")[0]
    target = people["fauzi"]
    assert (best.employee_id, best.nip, best.name) == (target.pk, target.nip, "Drs. H. Ahmad Fauzi, M.Si.")
    assert (best.agency_code, best.position_title, best.region_code) == (
        "pemkab-34.04",
        "Camat Depok",
        "34.04",
    )
    assert 90 <= best.score <= 100
    assert best.reasons[0].startswith("name ") and "agency" in best.reasons and "position" in best.reasons


def test_agency_filter_keeps_out_other_agencies(people: dict[str, Employee]) -> None:
    everywhere = _ids(find_candidates("Ahmad Fauzi"))
    assert {people["fauzi"].pk, people["fauzi_twin"].pk} <= set(everywhere)
    in_manado = find_candidates("Ahmad Fauzi", agency_code="pemkot-71.71")
    assert people["fauzi"].pk not in _ids(in_manado)
    assert in_manado[0].employee_id == people["fauzi_twin"].pk
    assert all(m.agency_code == "pemkot-71.71" for m in in_manado)
    assert find_candidates("Ahmad Fauzi", agency_code="no-such-agency") == []


def test_region_filter_covers_codes_below_it(people: dict[str, Employee]) -> None:
    matches = find_candidates("Ahmad Fauzi", region_code="34")
    assert matches[0].employee_id == people["fauzi"].pk
    assert all(m.region_code.startswith("34") for m in matches)


def test_nip_fragment_lifts_the_matching_twin(people: dict[str, Employee]) -> None:
    twin = people["fauzi_twin"]
    best = find_candidates("Ahmad Fauzi", nip_fragment=twin.nip[:8] + " " + twin.nip[8:14])[0]
    assert best.employee_id == twin.pk and "nip" in best.reasons


def test_never_more_than_limit(people: dict[str, Employee]) -> None:
    assert len(find_candidates("Siti", limit=3)) <= 3
    assert len(find_candidates("Ahmad Fauzi", limit=1)) == 1
    assert find_candidates("Ahmad Fauzi", limit=0) == []
    assert find_candidates("   ") == []


def test_only_proposes_never_links(people: dict[str, Employee]) -> None:
    before = list(Employee.objects.order_by("pk").values_list("pk", "name", "nip"))
    find_candidates("Ahmad Fauzi", agency_code="pemkab-34.04")
    assert list(Employee.objects.order_by("pk").values_list("pk", "name", "nip")) == before


def test_index_is_rebuilt_when_the_register_changes(people: dict[str, Employee], settings) -> None:
    settings.NETRAL_MATCH_INDEX_TTL = 0
    assert find_candidates("Bonifasius Tanggu") == [] or all(
        m.name != "Bonifasius Tanggu" for m in find_candidates("Bonifasius Tanggu")
    )
    newcomer = Employee.objects.create(
        nip=build_nip(dt.date(1980, 1, 9), gender="L", serial=9, tmt_year=2005, tmt_month=1),
        name="Bonifasius Tanggu",
        name_normalized=normalize_name("Bonifasius Tanggu"),
        employment="pns",
        position_class="pelaksana",
        agency=Agency.objects.get(code="pemkab-34.04"),
        region_id="34.04",
        gender="L",
        birth_date=dt.date(1980, 1, 9),
    )
    assert find_candidates("Bonifasius Tanggu")[0].employee_id == newcomer.pk


def test_an_updated_register_row_is_seen_after_the_check(people: dict[str, Employee], settings: Any) -> None:
    settings.NETRAL_MATCH_INDEX_TTL = 0
    assert find_candidates("Wahyudi Prasetyo")[0].agency_code == "pusat-kemenag"
    moved = people["wahyudi"]
    moved.agency = Agency.objects.get(code="pemkab-34.04")
    moved.save()  # same rows, same highest id: the update time tells
    best = find_candidates("Wahyudi Prasetyo")[0]
    assert (best.employee_id, best.agency_code) == (moved.pk, "pemkab-34.04")


def _row(number: int, name: str) -> tuple[int, str, str, str, str, str, str]:
    return number, f"{number:018d}", name, "pemkab-34.04", "34.04", "pelaksana", "Staf"


def test_a_changed_register_is_rebuilt_in_the_background(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.NETRAL_MATCH_INDEX_BACKGROUND = True
    settings.NETRAL_MATCH_INDEX_TTL = 0
    rows, signature, builds = [_row(1, "ahmad fauzi")], [(1, 1, 0.0)], []
    go_on = threading.Event()

    def register_rows() -> list[Any]:
        builds.append(len(rows))
        if len(builds) > 1:
            go_on.wait(10)  # the rebuild takes its time; lookups must not wait for it
            if len(builds) == 2:
                raise RuntimeError("database went away")
        return list(rows)

    monkeypatch.setattr(matching, "register_rows", register_rows)
    monkeypatch.setattr(matching, "_register_signature", lambda: signature[0])
    first = matching.get_index()  # the very first build: at once
    rows.append(_row(2, "bonifasius tanggu"))
    signature[0] = (2, 2, 0.0)
    assert matching.get_index() is first and matching.get_index() is first  # served while rebuilding
    go_on.set()
    matching.wait_for_rebuild(10)
    assert matching.get_index() is first  # the rebuild failed: the old index stays, a new try starts
    matching.wait_for_rebuild(10)
    rebuilt = matching.get_index()
    assert rebuilt is not first and rebuilt.search("bonifasius tanggu")[0].employee_id == 2
    assert builds == [1, 2, 2]  # one build at a time


def test_a_request_does_not_wait_for_the_first_build(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.NETRAL_MATCH_INDEX_BACKGROUND = True
    go_on = threading.Event()

    def register_rows() -> list[Any]:
        go_on.wait(10)
        return [_row(1, "ahmad fauzi")]

    monkeypatch.setattr(matching, "register_rows", register_rows)
    monkeypatch.setattr(matching, "_register_signature", lambda: (1, 1, 0.0))
    with pytest.raises(matching.IndexNotReady):
        matching.get_index(wait=False)  # the first build starts in the background
    with pytest.raises(matching.IndexNotReady):
        matching.get_index(wait=False)
    go_on.set()
    assert matching.get_index().search("ahmad fauzi")[0].employee_id == 1  # waits for that same build
    assert matching.get_index(wait=False) is matching.get_index()
