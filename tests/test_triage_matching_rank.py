"""Second-stage ranking of register matches (netral.triage.matching_rank) on small in-memory indexes."""

from __future__ import annotations

import pytest

from netral.triage import matching_index
from netral.triage.matching_index import MatchIndex
from netral.triage.matching_rank import distinct_names_first, explain, rarity_from_counts


def _index(names: list[str], agency: str = "pemkab-34.04", region: str = "34.04") -> MatchIndex:
    rows = [
        (number, f"{number:018d}", name, agency, region, "pelaksana", "Pengadministrasi Umum")
        for number, name in enumerate(names, start=1)
    ]
    return MatchIndex(rows)


def _names(
    index: MatchIndex, query: str, agency_code: str | None = None, region_code: str | None = None
) -> list[str]:
    return [
        hit.name_normalized for hit in index.search(query, agency_code=agency_code, region_code=region_code)
    ]


def test_explain_aligns_words_in_order_and_reports_what_is_left() -> None:
    words = ["dewi", "tiara", "pujiastuti"]
    assert explain(["dewi", "pujiastuti"], ["dewi", "pujiastuti"], words, words) == (True, True, [1], 0, 0)
    words = ["maria", "dewi", "pujiastuti"]
    assert explain(["dewi", "pujiastuti"], ["dewi", "pujiastuti"], words, words) == (True, False, [0], 0, 0)
    words = ["pujiastuti", "dewi"]  # all there, wrong order
    assert explain(["dewi", "pujiastuti"], ["dewi", "pujiastuti"], words, words)[:2] == (False, False)
    words = ["dewi", "pujiastuty"]  # one edit: found, but only approximately
    assert explain(["dewi", "pujiastuti"], ["dewi", "pujiastuti"], words, words) == (True, True, [], 0, 1)
    words = ["dewi", "lestari"]
    assert explain(["dewi", "pujiastuti"], ["dewi", "pujiastuti"], words, words)[2:4] == ([1], 1)


def test_rarity_is_an_idf_between_zero_and_one() -> None:
    rarity = rarity_from_counts(1000)
    assert rarity(1000) == 0.0 and rarity(1) == 1.0
    assert 0.0 < rarity(100) < rarity(10) < 1.0


def test_the_exact_name_first_then_the_name_with_a_left_out_middle_word() -> None:
    index = _index(
        [
            "maria dewi pujiastuti",
            "dewi pujiastuty",
            "dewi tiara pujiastuti",
            "dewi pujiastuti",
            "dewi lestari",
        ]
    )
    assert _names(index, "dewi pujiastuti")[:2] == ["dewi pujiastuti", "dewi tiara pujiastuti"]


def test_a_left_out_common_word_costs_less_than_a_left_out_rare_one() -> None:
    others = [f"muhammad {name}" for name in ("budi", "agus", "joko", "rudi", "eko", "dedi", "hadi", "andi")]
    index = _index([*others, "jarwa jailani", "muhammad jailani", "wira jailani"])
    assert _names(index, "jailani")[0] == "muhammad jailani"


def test_equal_scores_are_ordered_by_register_id() -> None:
    names = [
        "ni made kani",
        "ni putu kani",
        "ni ketut kani",
        "ni wayan kani",
        "ni kadek kani",
        "ni nyoman kani",
    ]
    hits = _index(names).search("ni kani", limit=6)
    assert [hit.employee_id for hit in hits] == [1, 2, 3, 4, 5, 6]  # each word once: all equally good


def test_equally_good_rows_show_every_name_before_a_second_row_of_any() -> None:
    # `Eka Putr`: `Eka Putri` and `Eka Putra` are one letter away alike; four Putri come first by id.
    hits = _index(["eka putri", "eka putri", "eka putri", "eka putra", "eka putri"]).search("eka putr")
    assert [hit.employee_id for hit in hits] == [1, 4, 2, 3, 5]
    assert len({hit.score for hit in hits}) == 1  # equally good: the order only shows the alternative sooner
    # A better row stays first whatever its name; the runs of equal rows are reordered one by one.
    order, names = [0, 1, 2, 3, 4, 5], ["a", "a", "b", "b", "b", "c"]
    assert distinct_names_first(order, [0, 1, 1, 1, 2, 2].__getitem__, names) == [0, 1, 2, 3, 4, 5]
    assert distinct_names_first(order, [0, 0, 0, 0, 0, 0].__getitem__, names) == [0, 2, 5, 1, 3, 4]


def test_a_swapped_pair_of_letters_is_one_edit() -> None:
    words = ["prasetoy"]
    assert explain(["prasetyo"], ["prasetyo"], words, words) == (True, True, [], 0, 1)


def test_rows_holding_a_common_word_are_scored_first_when_the_block_is_cut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(matching_index, "MAX_SCORED", 4)
    starts, ends = ("ade", "budi", "cahyo", "dodi", "edi", "fajar"), ("man", "jo", "wan")
    firsts = [f"{a}{b}" for a in starts for b in ends]
    gunarto = [f"{first} gunarto" for first in firsts]
    common = [f"muhammad {first}" for first in firsts] * 70  # > 1,000 rows: `muhammad` no longer blocks
    index = _index([*gunarto, "muhammad yoga gunarto", *common])
    assert _names(index, "muhammad gunarto")[0] == "muhammad yoga gunarto"


def test_filters_still_apply_after_reranking() -> None:
    rows = [
        (1, "1".zfill(18), "dewi pujiastuti", "pemkab-34.04", "34.04", "pelaksana", "Staf"),
        (2, "2".zfill(18), "dewi tiara pujiastuti", "pemkot-71.71", "71.71", "pelaksana", "Staf"),
        (3, "3".zfill(18), "dewi sari pujiastuti", "pemkot-71.71", "71.71", "pelaksana", "Staf"),
    ]
    index = MatchIndex(rows)
    assert _names(index, "dewi pujiastuti", agency_code="pemkot-71.71") == [
        "dewi sari pujiastuti",
        "dewi tiara pujiastuti",
    ] or _names(index, "dewi pujiastuti", agency_code="pemkot-71.71") == [
        "dewi tiara pujiastuti",
        "dewi sari pujiastuti",
    ]
    assert _names(index, "dewi pujiastuti", region_code="34") == ["dewi pujiastuti"]


def test_namesakes_counts_exactly_the_same_name_within_the_filters() -> None:
    names = ["siti rahayu", "siti rahayu", "siti nur rahayu", "rahayu siti", "siti rahayu siti", "siti"]
    rows = [
        (number, f"{number:018d}", name, agency, region, "pelaksana", "Staf")
        for number, (name, agency, region) in enumerate(
            [
                *((n, "pemkab-34.04", "34.04") for n in names),
                ("siti rahayu", "pemkot-34.71", "34.71"),
                ("siti rahayu", "pemkab-33.01", "33.01"),
            ],
            start=1,
        )
    ]
    index = MatchIndex(rows)
    assert index.namesakes("siti rahayu") == 4  # not the longer, reordered or repeated-word names
    assert index.namesakes("siti rahayu", agency_code="pemkab-34.04") == 2
    assert index.namesakes("siti rahayu", region_code="34") == 3
    assert index.namesakes("siti rahayu", region_code="33.01") == 1
    assert index.namesakes("siti rahayu siti") == 1 and index.namesakes("siti") == 1
    assert index.namesakes("siti wahyuni") == 0  # a word nobody has
    assert index.namesakes("siti rahayu", agency_code="pemkab-99.99") == 0
    assert index.namesakes("") == 0


@pytest.mark.django_db
def test_namesakes_agrees_with_counting_the_register_row_by_row() -> None:
    from collections import Counter

    from netral_gen.register.generate import generate_rows
    from netral_gen.register.placements import build_placements

    generated = list(generate_rows(3000, seed=7, placements=build_placements()))
    rows = [
        (number, row[0], row[3], f"agency-{row[7]}", row[8], row[5], row[6])
        for number, row in enumerate(generated, start=1)
    ]
    index = MatchIndex(rows)
    everywhere = Counter(row[2] for row in rows)
    in_region = Counter(row[2] for row in rows if row[4].startswith("33"))
    assert max(everywhere.values()) > 2 and sum(in_region.values()) > 100  # namesakes and a region to filter
    for name in list(everywhere)[:300]:
        assert index.namesakes(name) == everywhere[name], name
        assert index.namesakes(name, region_code="33") == in_region[name], name


def _many_siti_rahayu(agency: str = "pemkab-34.04") -> list[tuple[int, str, str, str, str, str, str]]:
    names = ["siti rahayu"] * 8 + ["siti nur rahayu", "siti sri rahayu", "siti rahayuningsih", "sitti rahayu"]
    return [
        (
            n,
            f"{n:018d}",
            name,
            agency,
            "34.04",
            "fungsional" if n == 3 else "pelaksana",
            "Guru" if n == 3 else "Staf",
        )
        for n, name in enumerate(names, start=1)
    ]


def test_with_only_a_name_a_name_too_many_bear_is_shown_once() -> None:
    index = MatchIndex(_many_siti_rahayu())
    hits = index.search("siti rahayu")
    shown = [hit.name_normalized for hit in hits]
    assert shown[0] == "siti rahayu" and shown.count("siti rahayu") == 1 and len(hits) == 5
    assert {"sitti rahayu", "siti nur rahayu", "siti sri rahayu"} <= set(shown)  # a left-out middle name too
    assert hits[0].score >= hits[1].score  # the exact name still comes first
    assert len(index.search("siti rahayu", limit=12)) == 12  # nothing is dropped: the others follow
    # With a filter, a position or a NIP part the list is of people again: every namesake keeps its place.
    for narrowed in (
        index.search("siti rahayu", region_code="34"),
        index.search("siti rahayu", agency_code="pemkab-34.04"),
        index.search("siti rahayu", nip_fragment="0000"),
    ):
        assert [hit.name_normalized for hit in narrowed] == ["siti rahayu"] * 5
    assert index.search("siti rahayu", position="guru")[0].employee_id == 3


def test_a_name_that_fits_in_the_list_keeps_every_row() -> None:
    rows = [row for row in _many_siti_rahayu() if row[0] not in {6, 7, 8}]  # five `siti rahayu` left
    hits = MatchIndex(rows).search("siti rahayu")
    assert [hit.name_normalized for hit in hits] == ["siti rahayu"] * 5


def test_a_name_alone_with_nothing_else_keeps_all_its_rows() -> None:
    hits = MatchIndex(_many_siti_rahayu()[:8]).search("siti rahayu")
    assert [hit.employee_id for hit in hits] == [1, 2, 3, 4, 5]  # no other name to show instead
