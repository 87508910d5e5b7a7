"""The bulk generator of the dashboard benchmark: consistent rows, the demo's shapes, the SQLite limit."""

from __future__ import annotations

import itertools
from collections import Counter
from typing import Any

import pytest

from netral.cases.models import BlockRecord, Case, Deadline, Recommendation, SanctionDecree, Transition
from netral_gen.cases import bulk


def test_generated_rows_are_consistent(db: None) -> None:
    totals = bulk.generate(300, seed=5)
    assert totals["Case"] == Case.objects.count() == 300
    assert totals["Transition"] == Transition.objects.count()
    # Each case: its transitions form a chain from "" to its state, one per version step.
    for case in Case.objects.all():
        chain = list(case.transitions.order_by("pk").values_list("from_state", "to_state"))
        assert chain[0] == ("", "received") and chain[-1][1] == case.state
        assert all(prev[1] == nxt[0] for prev, nxt in itertools.pairwise(chain))
        assert len(chain) == case.version
        assert "/G" in case.number
    entered = Counter(Transition.objects.values_list("to_state", flat=True))
    assert Recommendation.objects.count() == entered["recommended"]
    assert SanctionDecree.objects.count() == entered["sanctioned"]
    assert BlockRecord.objects.count() == entered["blocked"]
    assert BlockRecord.objects.filter(lifted_at__isnull=False).count() == entered["unblocked"]
    # Clocks met by later steps are met; a case still in initial review has its clock open.
    assert not Deadline.objects.filter(
        case__state="registered", clock__endswith="initial_review", state="open"
    )
    assert Deadline.objects.filter(state="met").exists() and Deadline.objects.filter(state="overdue").exists()
    assert set(Case.objects.exclude(group="").values_list("group", flat=True)) <= {
        "media_sosial", "kegiatan_keberpihakan", "foto_gestur", "deklarasi_kampanye", "parpol",
        "alat_peraga", "fasilitas_negara", "keputusan_menguntungkan", "pencalonan",
    }  # fmt: skip


def test_second_batch_continues_the_ids(db: None) -> None:
    bulk.generate(20, seed=1)
    bulk.generate(20, seed=2)
    assert Case.objects.count() == 40
    assert Case.objects.values("number").distinct().count() == 40


def test_sqlite_limit(db: None, monkeypatch: Any) -> None:
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the size limit applies to SQLite only")
    monkeypatch.setattr(bulk, "SQLITE_LIMIT", 10)
    with pytest.raises(bulk.GeneratorRefused, match="PostgreSQL"):
        bulk.generate(11)


def test_dashboard_benchmark_smoke(db: None) -> None:
    """`netral bench dashboard` on a tiny database: every endpoint answers 200 for every scope."""
    import importlib.util

    from django.conf import settings

    spec = importlib.util.spec_from_file_location(
        "bench_dashboard", settings.PROJECT_DIR / "benchmarks/dashboard.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.measure(40, 1)  # in the test database (run() would set up a throwaway one)
    assert result["cases"] == 40 and result["generated"] == 40
    assert result["errors"] == {}
    assert set(result["p95_ms"]) == set(result["p95_ms_cached"]) == {*module.ENDPOINTS, *module.PUBLIC}
    assert set(result["p95_ms_by_scope"]) == {*module.SCOPES, "public"}
