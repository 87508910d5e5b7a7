"""Synthetic names: a heavy-tailed spread like a real register, consistent normalisation, name statistics."""

from __future__ import annotations

import random

import pytest

from netral.personnel.names import normalize_name
from netral_gen.register import words
from netral_gen.register.generate import generate_rows
from netral_gen.register.names import COHORTS, STYLE_WORDS, NameComposer, old_spelling
from netral_gen.register.tally import NameTally, name_statistics


def test_name_statistics_counts_unique_names_and_namesakes() -> None:
    names = ["sri wahyuni"] * 6 + ["sutrisno", "siti aminah", "siti aminah", "agus budi santoso"]
    stats = name_statistics(names)
    assert (stats["rows"], stats["distinct"]) == (10, 4)
    assert stats["unique_share"] == 0.2  # sutrisno and agus budi santoso
    assert stats["namesakes_5_share"] == 0.6  # the six sri wahyuni each have five namesakes
    assert stats["top"][:2] == [["sri wahyuni", 6], ["siti aminah", 2]]
    ties = [name for name, _count in stats["top"][2:]]
    assert ties == ["sutrisno", "agus budi santoso"]  # equal counts: in the order first seen
    assert name_statistics(["a"] * 5 + ["b"])["namesakes_5_share"] == 0.0  # four namesakes are not five
    assert name_statistics([])["rows"] == 0


def test_tally_asks_only_for_the_top_names() -> None:
    names = [f"name {i % 50}" for i in range(1000)] + ["rare"]
    tally = NameTally()
    for name in names:
        tally.add(name)
    asked: list[int] = []

    def name_at(i: int) -> str:
        asked.append(i)
        return names[i]

    stats = tally.statistics(name_at, top=3)
    assert len(tally) == 1001 and len(asked) == 3
    assert stats["top"] == [["name 0", 20], ["name 1", 20], ["name 2", 20]]
    assert stats["unique_share"] == round(1 / 1001, 4)


def test_composed_words_normalise_word_by_word() -> None:
    """`Names.make` normalises each part on its own: that must equal normalising the whole name."""
    composer = NameComposer()
    rnd = random.Random(5).random
    for style in STYLE_WORDS:
        for gender in ("L", "P"):
            for year in (COHORTS[0] - 10, COHORTS[1] - 5, COHORTS[1] + 5):
                for _ in range(200):
                    parts = composer.words(rnd, style, gender, year)
                    for candidate in (parts, [old_spelling(parts[0]), *parts[1:]]):
                        whole = normalize_name(" ".join(candidate))
                        assert whole == " ".join(normalize_name(p) for p in candidate), (style, candidate)
                        assert whole and all(w.isalnum() for w in whole.split())


def test_old_spelling_is_undone_by_normalisation() -> None:
    assert old_spelling("Sugiyanto") == "Soegijanto" and normalize_name("Soegijanto") == "sugiyanto"
    assert old_spelling("Cahyono") == "Tjahjono" and normalize_name("Tjahjono") == "cahyono"


@pytest.mark.django_db
def test_register_names_are_heavy_tailed() -> None:
    """Common names stay common while most people have a name nobody else in the register has.

    The generator before realistic names (Faker's few hundred first and last names) gave 63 % unique
    names and 17 % of rows with five or more namesakes at this size."""
    stats = name_statistics([row[3] for row in generate_rows(20_000, seed=1)])
    assert stats["top"][0][1] >= 25  # the most common name: dozens of namesakes
    assert sum(count for _name, count in stats["top"]) >= 0.01 * stats["rows"]
    assert stats["unique_share"] >= 0.72
    assert stats["namesakes_5_share"] <= 0.1


@pytest.mark.django_db
def test_naming_traditions_follow_the_province() -> None:
    rows = list(generate_rows(20_000, seed=2))
    by_province: dict[str, list[str]] = {}
    for row in rows:
        by_province.setdefault(row[8][:2], []).append(row[3])
    bali = by_province["51"]
    assert sum(name.startswith(("i ", "ni ")) for name in bali) > 0.7 * len(bali)
    minahasa = {normalize_name(fam) for fam in words.FAM_MINAHASA}
    manado = by_province["71"]
    assert sum(name.split()[-1] in minahasa for name in manado) > 0.4 * len(manado)
    marga = {normalize_name(m).split()[-1] for m in words.BATAK_MARGA}
    sumut = by_province["12"]
    assert sum(name.split()[-1] in marga for name in sumut) > 0.3 * len(sumut)
    java = by_province["33"] + by_province["34"] + by_province["35"]
    assert sum(" " not in name for name in java) > 0.08 * len(java)  # single names (Sutrisno, Sulastri)
    assert not any(name.split()[-1] in minahasa for name in java if len(name.split()) > 1)


@pytest.mark.django_db
def test_match_benchmark_reports_the_register_name_statistics() -> None:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "match.py"
    spec = importlib.util.spec_from_file_location("benchmark_match_names", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.run(size=2000, queries=30)
    assert result["names_rows"] == 2000 and 0 < result["names_distinct"] <= 2000
    assert 0 < result["names_unique_share"] <= 1 and 0 <= result["names_5_namesakes_share"] < 1
    top = result["names_top10"]
    counts = [count for _name, count in top]
    assert len(top) == 10 and counts == sorted(counts, reverse=True) and counts[0] > 1
    expected = name_statistics([row[3] for row in generate_rows(2000, seed=20_240_214)])
    assert top == expected["top"]  # the benchmark's tally names the same register rows
    for key in ("recall_at_5", "peak_rss_mb"):  # the existing keys stay
        assert key in result
