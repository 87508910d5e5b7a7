"""The register match index stored on disk and shared by processes (netral.triage.matching_store)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from netral.triage import matching, matching_store
from netral.triage.matching_index import IndexRow, MatchIndex
from netral_gen.register.generate import generate_rows
from netral_gen.register.placements import build_placements

QUERIES = [
    ("ahmad fauzi", {}),
    ("siti rahayu", {}),
    ("muhamad yusuf", {"region_code": "34"}),
    ("sri wahyuni", {"agency_code": "pemkab-34.04"}),
    ("bambang", {"position": "camat"}),
    ("nurhayati", {"nip_fragment": "1975"}),
]


@pytest.fixture
def store(settings: Any, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path
    settings.NETRAL_MATCH_INDEX_STORE = True
    settings.NETRAL_MATCH_INDEX_TTL = 0
    return tmp_path / "match-index"


def _rows(size: int = 3000) -> list[IndexRow]:
    rows: list[IndexRow] = [
        (1, "197503012000031001", "ahmad fauzi", "pemkab-34.04", "34.04", "kepala_wilayah", "Camat Depok"),
        (2, "197503022000031002", "muhammad yusuf hidayatullah", "pemkab-34.04", "34.04", "pengawas", "Kasi"),
        (3, "", "siti rahayu", "pemkot-71.71", "71.71", "fungsional", "Guru"),
    ]
    for number, row in enumerate(generate_rows(size, seed=5, placements=build_placements()), start=10):
        rows.append((number, row[0], row[3], f"pemkab-{row[8]}", row[8], row[5], row[6]))
    return rows


@pytest.mark.django_db
def test_a_stored_index_is_mapped_and_answers_exactly_as_the_built_one(store: Path) -> None:
    built = MatchIndex(_rows())
    path = matching_store.save(built, (3003, 3012, 1.5))
    loaded = matching_store.load((3003, 3012, 1.5))
    assert loaded is not None and path.parent == store
    assert isinstance(loaded.post_rows, np.memmap) and isinstance(loaded.ids, np.memmap)  # shared, not copied
    for name, filters in QUERIES:
        assert loaded.search(name, limit=10, **filters) == built.search(name, limit=10, **filters)
        narrow = {k: v for k, v in filters.items() if k in {"agency_code", "region_code"}}
        assert loaded.namesakes(name, **narrow) == built.namesakes(name, **narrow)
    assert loaded.memory_bytes() == built.memory_bytes()
    assert matching_store.load((3003, 3012, 2.0)) is None  # another register state is not this one


@pytest.mark.django_db
def test_an_empty_register_round_trips(store: Path) -> None:
    matching_store.save(MatchIndex([]), (0, 0, 0.0))
    loaded = matching_store.load((0, 0, 0.0))
    assert loaded is not None and loaded.size == 0 and loaded.search("ahmad fauzi") == []


@pytest.mark.django_db
def test_a_new_version_replaces_the_old_one(store: Path) -> None:
    index = MatchIndex(_rows(50))
    first = matching_store.save(index, (1, 1, 0.0))
    (store / ".partial-dead").mkdir()  # a build that is still writing (recent): left alone
    second = matching_store.save(index, (2, 2, 0.0))
    assert matching_store.stored_versions() == [second] and not first.exists()
    assert (store / ".partial-dead").is_dir()
    assert matching_store.save(index, (2, 2, 0.0)) == second  # the same state is stored once


@pytest.mark.django_db
def test_a_process_loads_what_another_stored_instead_of_building(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    signature = [(3, 3, 0.0)]
    builds: list[int] = []

    def register_rows() -> list[IndexRow]:
        builds.append(1)
        return _rows(20)

    monkeypatch.setattr(matching, "register_rows", register_rows)
    monkeypatch.setattr(matching, "_register_signature", lambda: signature[0])
    first = matching.get_index()
    assert builds == [1] and len(matching_store.stored_versions()) == 1
    assert isinstance(first.ids, np.memmap)  # the builder, too, uses the shared copy
    matching.reset_index()  # as a process started later
    again = matching.get_index()
    assert builds == [1] and again is not first
    assert again.search("ahmad fauzi")[0].employee_id == 1
    signature[0] = (4, 4, 0.0)  # the register changed: built once more, the old version removed
    assert matching.get_index() is not again and builds == [1, 1]
    assert len(matching_store.stored_versions()) == 1


@pytest.mark.django_db
def test_a_process_that_waited_for_the_build_lock_uses_the_result(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    @contextmanager
    def another_process_builds_meanwhile() -> Iterator[None]:
        matching_store.save(MatchIndex(_rows(20)), (7, 7, 0.0))
        yield

    def no_build() -> list[IndexRow]:
        raise AssertionError("built although another process had stored this register state")

    monkeypatch.setattr(matching_store, "build_lock", another_process_builds_meanwhile)
    monkeypatch.setattr(matching, "register_rows", no_build)
    monkeypatch.setattr(matching, "_register_signature", lambda: (7, 7, 0.0))
    assert matching.get_index().search("siti rahayu")[0].employee_id == 3


@pytest.mark.django_db
def test_an_unreadable_stored_index_is_built_anew(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matching, "register_rows", lambda: _rows(20))
    monkeypatch.setattr(matching, "_register_signature", lambda: (5, 5, 0.0))
    path = matching_store.save(MatchIndex(_rows(20)), (5, 5, 0.0))
    (path / "post_rows.npy").unlink()  # a disk problem
    assert matching.get_index().search("ahmad fauzi")[0].employee_id == 1
    meta = json.loads((path / "meta.json").read_text())
    meta["format"] = matching_store.FORMAT + 1  # a version from another code version is never used
    (path / "meta.json").write_text(json.dumps(meta))
    assert matching_store.load((5, 5, 0.0)) is None


@pytest.mark.django_db
def test_versions_belong_to_one_database(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from django.conf import settings

    matching_store.save(MatchIndex(_rows(20)), (1, 1, 0.0))
    monkeypatch.setitem(settings.DATABASES["default"], "NAME", "another")
    assert matching_store.load((1, 1, 0.0)) is None
