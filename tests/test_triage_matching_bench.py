"""The register-matching benchmark runs end to end on a tiny register and reports the agreed keys."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from types import ModuleType

import pytest

from netral.personnel.names import normalize_name

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "match.py"


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_match", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.django_db
def test_benchmark_reports_the_json_keys() -> None:
    result = _module().run(size=3000, queries=60)
    for key in (
        "size", "recall_at_1", "recall_at_5", "recall_at_5_name_only", "p50_ms", "p95_ms", "peak_rss_mb",
        "exhaustive_p95_ms", "namesakes_p95_ms", "missed_name_only_warned",
    ):  # fmt: skip
        assert key in result
    assert result["size"] == 3000 and result["queries"] == 60
    assert result["recall_at_5"] >= 0.9  # a tiny register: nearly every perturbed name is found
    missed = 1 - result["recall_at_5_name_only"]
    assert 0 <= result["missed_name_only_warned"] <= missed + 1e-9
    assert result["stored_same_results"] == 1.0 and result["stored_mb"] > 0  # the mapped copy answers alike


@pytest.mark.parametrize(
    "kind", ["titles", "muhammad", "old_spelling", "typo", "dropped_middle", "titles_typo"]
)
def test_perturbations_change_the_written_name_but_keep_the_person(kind: str) -> None:
    module = _module()
    name = "muhammad yusuf cahyono"
    query = module.perturb(kind, name, random.Random(1))
    assert query and query.lower() != name
    if kind in {"titles", "old_spelling"}:
        assert normalize_name(query) == name  # titles and old spellings normalise away


def test_a_miss_is_put_down_to_exact_namesakes_only_when_all_five_are_named_as_written() -> None:
    module = _module()

    class Hit:
        def __init__(self, name: str) -> None:
            self.name_normalized = name

    five = [Hit("rahmi pertiwi")] * 5
    assert module._shadowed(five, "rahmi pertiwi", "rahmi calista pertiwi")
    assert not module._shadowed(five, "rahmi pertiwi", "rahmi pertiwi")  # written as the target is named
    mixed = [*five[:4], Hit("rahmi calista pertiwi")]
    assert not module._shadowed(mixed, "rahmi pertiwi", "rahmi calista pertiwi")
    assert not module._shadowed(five[:3], "rahmi pertiwi", "rahmi calista pertiwi")  # fewer than five
