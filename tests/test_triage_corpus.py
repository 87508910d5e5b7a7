"""The triage training corpus: size per group, fields, held-out split, no evaluation text inside."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from netral.catalogue.services import GROUP_CODES
from netral.triage.corpus import fold_of, is_heldout, load_corpus, split
from netral_gen.corpus.build import build

DEV_FILE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev_incidents.jsonl"


def test_at_least_80_examples_for_each_of_the_ten_groups() -> None:
    counts = Counter(row["category"] for row in load_corpus())
    assert set(counts) == set(GROUP_CODES)
    assert min(counts.values()) >= 80


def test_rows_carry_the_documented_fields_and_unique_ids_and_texts() -> None:
    rows = load_corpus()
    assert len({row["id"] for row in rows}) == len(rows)
    assert len({row["text"] for row in rows}) == len(rows)
    for row in rows:
        assert row["source"] == "netral-authored"
        assert row["style"] in {"formal", "news", "whatsapp", "caption"}
        assert row["form"] in {"whole", "composed"}
        assert set(row) <= {"id", "text", "category", "item", "style", "form", "source"}
    styles = Counter(row["style"] for row in rows)
    assert all(styles[style] >= 100 for style in ("formal", "news", "whatsapp", "caption"))
    whole = Counter(row["category"] for row in rows if row["form"] == "whole")
    assert set(whole) == set(GROUP_CODES) and min(whole.values()) >= 20


def test_folds_split_the_whole_texts_evenly_and_apart_from_the_heldout_byte() -> None:
    ids = [row["id"] for row in load_corpus() if row["form"] == "whole"]
    sizes = Counter(fold_of(example_id, 3) for example_id in ids)
    assert set(sizes) == {0, 1, 2}
    assert all(abs(size - len(ids) / 3) < len(ids) / 6 for size in sizes.values())
    heldout = [example_id for example_id in ids if is_heldout(example_id)]
    assert len({fold_of(example_id, 3) for example_id in heldout}) == 3


def test_items_belong_to_their_group() -> None:
    allowed = {
        "media_sosial": {"E2", "E4", "D2", "D6"},
        "alat_peraga": {"E1", "D1"},
        "deklarasi_kampanye": {"E3", "E6", "E7", "D4", "D9", "D10"},
        "foto_gestur": {"E5", "D7"},
        "kegiatan_keberpihakan": {"D8", "D11", "L2"},
        "fasilitas_negara": {"L1"},
        "parpol": {"D3", "D5"},
        "pencalonan": {"L3"},
        "keputusan_menguntungkan": {"D12", "L4"},
    }
    for row in load_corpus():
        if "item" in row:
            assert row["item"] in allowed[row["category"]], row["id"]
    assert not any("item" in row for row in load_corpus() if row["category"] == "bukan_pelanggaran")


def test_heldout_split_is_deterministic_and_covers_every_group() -> None:
    rows = load_corpus()
    train, heldout = split(rows)
    assert len(train) + len(heldout) == len(rows)
    assert 0.1 < len(heldout) / len(rows) < 0.3
    assert {row["category"] for row in heldout} == set(GROUP_CODES)
    assert [is_heldout(row["id"]) for row in rows] == [is_heldout(row["id"]) for row in rows]
    assert not {row["id"] for row in train} & {row["id"] for row in heldout}


def test_generator_reproduces_the_committed_corpus() -> None:
    assert [json.dumps(row, ensure_ascii=False) for row in build()] == [
        json.dumps(row, ensure_ascii=False) for row in load_corpus()
    ]


@pytest.mark.skipif(not DEV_FILE.is_file(), reason="evaluation file not present")
def test_no_evaluation_incident_text_is_in_the_corpus() -> None:
    corpus = [row["text"].lower() for row in load_corpus()]
    for line in DEV_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        text = json.loads(line)["text"].lower()
        # No copy, and no long shared passage (eight consecutive words) either.
        words = text.split()
        shingles = {" ".join(words[i : i + 8]) for i in range(max(0, len(words) - 7))}
        for document in corpus:
            assert text not in document
            assert not any(shingle in document for shingle in shingles)
