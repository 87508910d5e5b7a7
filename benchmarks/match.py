"""Register matching quality and speed on a synthetic register held in memory.

`netral bench match --size N` generates N register rows with `netral_gen.register.generate.generate_rows`
(streamed straight into the index, nothing is written to the database), then asks 1,000 queries made
from real rows with realistic perturbations, one kind per query in turn: other titles and degrees,
another Muhammad form, old spelling (`u`->`oe`, `j`->`dj`, `c`->`tj`, `y`->`j`), one typo, a dropped middle
name, titles plus a typo. Each query runs with its agency (even queries) or region (odd) known, and
again on the name alone. The same name-only queries also run as an exhaustive rapidfuzz scan over a
200,000-row subset of the register (every k-th row; all targets are in it) as the reference.

Recall counts a query as found when the target row is in the top k, or when a returned row has exactly
the target's normalised name (and passes the same filter): such twins cannot be told apart by the name
(a register of millions has many `Sri Wahyuni` and `Sutrisno`). The `_strict` keys count only the
target row itself. `missed_exact_namesakes[_name_only]` is the share of queries missed
because the top five are all other people whose register name is exactly the name as written (`Rahmi
Pertiwi` written for `Rahmi Calista Pertiwi` when five or more `Rahmi Pertiwi` exist). With a filter,
ranking them below a longer name would be wrong, so these misses bound what an honest ranking of people can
reach; with nothing but a name, such a name is shown once and the other places go to other names
(docs/triage.md, "With nothing but a name"), so the name-only figures measure whether the right name is
offered.

`namesakes_p95_ms` is the p95 time of counting the people named exactly as written
(`MatchIndex.namesakes`, what the workspace shows beside the candidates), and
`missed_name_only_warned` the share of queries missed on the name alone whose written name more than
five people bear: the product tells the supervisor that the name alone cannot decide.

`store_seconds` is the time to write the built index to disk (`triage.matching_store.save`, in a temporary
directory), `load_ms` the time another process needs to map it instead of building (`build_seconds`),
`stored_mb` its size on disk, and `stored_same_results` the share of the name-only queries whose five
candidates from the mapped copy equal the built index's (`stored_p95_ms_name_only` their p95 latency).

The `names_*` keys describe the register itself (`netral_gen.register.tally.NameTally`): rows, distinct
normalised full names, the share of rows whose name nobody else has, the share of rows with at least five
namesakes, and the ten most frequent names with their counts. `peak_rss_mb` is read before they are
computed.
"""

from __future__ import annotations

import random
import resource
import statistics
import time
from collections.abc import Iterator
from typing import Any

QUERIES = 1000
SUBSET = 200_000
KINDS = ("titles", "muhammad", "old_spelling", "typo", "dropped_middle", "titles_typo")
_PREFIXES = ("Drs.", "H.", "Hj.", "Dr.", "Ir.", "Dra.", "Prof. Dr.", "KH.")
_DEGREES = ("S.Pd.", "M.Si.", "S.H.", "S.E.", "M.M.", "S.Sos.", "S.Kom.", "M.Pd.", "S.Ag.", "A.Md.")
_MUHAMMAD = ("M.", "Moh.", "Mochammad", "Muhamad", "Mohammad", "Muh.", "Mohamad")
_KEYBOARD = "qwertyuiopasdfghjklzxcvbnm"


def _titled(words: list[str]) -> str:
    return " ".join(w.capitalize() for w in words)


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + rng.choice(_KEYBOARD) + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i + 1 :]
    if kind == 2:
        return word[:i] + rng.choice(_KEYBOARD) + word[i:]
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]


def _old(word: str) -> str:
    return word.replace("u", "oe").replace("j", "dj").replace("c", "tj").replace("y", "j")


def perturb(kind: str, normalized: str, rng: random.Random) -> str | None:
    """A query name for a register name, or None when the kind does not apply to it."""
    words = normalized.split()
    if kind == "titles":
        return f"{rng.choice(_PREFIXES)} {_titled(words)}, {rng.choice(_DEGREES)}"
    if kind == "muhammad":
        if words[0] != "muhammad" or len(words) < 2:
            return None
        rest = _titled(words[1:])
        return rest if rng.random() < 0.15 else f"{rng.choice(_MUHAMMAD)} {rest}"
    if kind == "old_spelling":
        old = [i for i, w in enumerate(words) if w != "muhammad" and any(c in w for c in "ujcy")]
        if not old:
            return None
        i = rng.choice(old)
        return _titled([*words[:i], _old(words[i]), *words[i + 1 :]])
    if kind in {"typo", "titles_typo"}:
        long = [i for i, w in enumerate(words) if len(w) >= 5 and w != "muhammad"]
        if not long:
            return None
        i = rng.choice(long)
        name = _titled([*words[:i], _typo(words[i], rng), *words[i + 1 :]])
        return f"{rng.choice(_PREFIXES)} {name}, {rng.choice(_DEGREES)}" if kind == "titles_typo" else name
    if kind == "dropped_middle":
        if len(words) < 3:
            return None
        i = rng.randrange(1, len(words) - 1)
        return _titled(words[:i] + words[i + 1 :])
    raise ValueError(kind)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def _found(hits: list[Any], target_id: int, target_name: str, k: int) -> tuple[bool, bool]:
    top = hits[:k]
    strict = any(h.employee_id == target_id for h in top)
    return strict, strict or any(h.name_normalized == target_name for h in top)


def _shadowed(hits: list[Any], written: str, target_name: str, k: int = 5) -> bool:
    """The top k are all other people whose register name is exactly the name as written."""
    return written != target_name and len(hits) >= k and all(h.name_normalized == written for h in hits[:k])


def _store_round_trip(index: Any, names: list[str]) -> dict[str, Any]:
    """Store the index in a temporary directory, map it as another process would, compare the answers."""
    import tempfile
    from pathlib import Path

    from django.test import override_settings

    from netral.triage import matching_store

    signature = (index.size, 0, 0.0)
    with tempfile.TemporaryDirectory() as directory, override_settings(DATA_DIR=Path(directory)):
        started = time.perf_counter()
        path = matching_store.save(index, signature)
        store_seconds = time.perf_counter() - started
        started = time.perf_counter()
        loaded = matching_store.load(signature)
        load_ms = (time.perf_counter() - started) * 1000
        assert loaded is not None
        same, latencies = 0, []
        for name in names:
            started = time.perf_counter()
            hits = loaded.search(name)
            latencies.append((time.perf_counter() - started) * 1000)
            same += hits == index.search(name)
        stored_mb = sum(f.stat().st_size for f in path.iterdir()) / 2**20
        del loaded
    return {
        "store_seconds": round(store_seconds, 1),
        "load_ms": round(load_ms, 1),
        "stored_mb": round(stored_mb, 1),
        "stored_same_results": round(same / max(1, len(names)), 4),
        "stored_p95_ms_name_only": round(_pct(latencies, 0.95), 2),
    }


def run(size: int = 4_700_000, *, seed: int = 20_240_214, queries: int = QUERIES) -> dict[str, Any]:
    from rapidfuzz import fuzz, process

    from netral.personnel.models import Agency
    from netral.personnel.names import normalize_name
    from netral.triage.matching_index import MatchIndex
    from netral_gen.register.generate import generate_rows
    from netral_gen.register.placements import build_placements
    from netral_gen.register.tally import NameTally

    agency_codes = dict(Agency.objects.values_list("id", "code"))
    step = max(1, size // SUBSET)
    subset: list[tuple[int, str, str, str]] = []  # (employee id, normalised name, agency, region)
    tally = NameTally()  # 8 bytes a row

    def rows() -> Iterator[tuple[int, str, str, str, str, str, str]]:
        for number, row in enumerate(generate_rows(size, seed=seed, placements=build_placements()), start=1):
            agency = agency_codes[row[7]]
            tally.add(row[3])
            if number % step == 0 and len(subset) < SUBSET:
                subset.append((number, row[3], agency, row[8]))
            yield number, row[0], row[3], agency, row[8], row[5], row[6]

    started = time.perf_counter()
    index = MatchIndex(rows())
    build_seconds = time.perf_counter() - started

    rng = random.Random(seed + 1)
    order = list(range(len(subset)))
    rng.shuffle(order)
    cases: list[tuple[str, str, tuple[int, str, str, str]]] = []
    cursor = dict.fromkeys(KINDS, 0)
    live = list(KINDS)
    while len(cases) < queries and live:
        kind = live[len(cases) % len(live)]
        while cursor[kind] < len(order):
            target = subset[order[cursor[kind]]]
            cursor[kind] += 1
            query = perturb(kind, target[1], rng)
            if query:
                cases.append((kind, query, target))
                break
        else:
            live.remove(kind)  # no more rows this kind applies to

    filtered_ms: list[float] = []
    name_only_ms: list[float] = []
    namesakes_ms: list[float] = []
    missed_warned = 0  # missed on the name alone, but more than five people bear the written name
    at1 = at5 = at5_name = at1_strict = at5_strict = at5_name_strict = 0
    shadowed = shadowed_name = 0  # top 5 filled by exact namesakes of the written (shortened) name
    per_kind: dict[str, list[int]] = {kind: [0, 0, 0] for kind in KINDS}  # found filtered, name only, asked
    for number, (kind, query, (target_id, target_name, agency, region)) in enumerate(cases):
        normalized = normalize_name(query)
        started = time.perf_counter()
        if number % 2 == 0:
            hits = index.search(normalized, agency_code=agency)
        else:
            hits = index.search(normalized, region_code=region)
        filtered_ms.append((time.perf_counter() - started) * 1000)
        strict1, tie1 = _found(hits, target_id, target_name, 1)
        strict5, tie5 = _found(hits, target_id, target_name, 5)
        at1, at1_strict, at5, at5_strict = at1 + tie1, at1_strict + strict1, at5 + tie5, at5_strict + strict5
        per_kind[kind][0] += tie5
        shadowed += not tie5 and _shadowed(hits, normalized, target_name)
        per_kind[kind][2] += 1
        started = time.perf_counter()
        hits = index.search(normalized)
        name_only_ms.append((time.perf_counter() - started) * 1000)
        strict5, tie5 = _found(hits, target_id, target_name, 5)
        at5_name, at5_name_strict = at5_name + tie5, at5_name_strict + strict5
        shadowed_name += not tie5 and _shadowed(hits, normalized, target_name)
        per_kind[kind][1] += tie5
        started = time.perf_counter()
        namesakes = index.namesakes(normalized)
        namesakes_ms.append((time.perf_counter() - started) * 1000)
        missed_warned += not tie5 and namesakes > 5

    subset_names = [name for _id, name, _a, _r in subset]
    subset_ids = [row_id for row_id, _n, _a, _r in subset]
    exhaustive_ms: list[float] = []
    exhaustive_hits = 0
    for _kind, query, (target_id, target_name, _agency, _region) in cases:
        normalized = normalize_name(query)
        started = time.perf_counter()
        best = process.extract(normalized, subset_names, scorer=fuzz.token_sort_ratio, limit=5)
        exhaustive_ms.append((time.perf_counter() - started) * 1000)
        exhaustive_hits += any(subset_ids[i] == target_id or name == target_name for name, _s, i in best)

    n = len(cases) or 1
    latencies = filtered_ms + name_only_ms
    peak_rss_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    stored = _store_round_trip(index, [normalize_name(query) for _kind, query, _target in cases])
    names = tally.statistics(lambda i: index.names.take([i])[0])  # the blob keeps the generation order
    return {
        "size": size,
        "queries": len(cases),
        "recall_at_1": round(at1 / n, 4),
        "recall_at_5": round(at5 / n, 4),
        "recall_at_5_name_only": round(at5_name / n, 4),
        "recall_at_1_strict": round(at1_strict / n, 4),
        "recall_at_5_strict": round(at5_strict / n, 4),
        "recall_at_5_name_only_strict": round(at5_name_strict / n, 4),
        "missed_exact_namesakes": round(shadowed / n, 4),
        "missed_exact_namesakes_name_only": round(shadowed_name / n, 4),
        "missed_name_only_warned": round(missed_warned / n, 4),
        "namesakes_p95_ms": round(_pct(namesakes_ms, 0.95), 2),
        "recall_at_5_by_kind": {k: round(v[0] / v[2], 3) for k, v in per_kind.items() if v[2]},
        "recall_at_5_name_only_by_kind": {k: round(v[1] / v[2], 3) for k, v in per_kind.items() if v[2]},
        "p50_ms": round(statistics.median(latencies), 2) if latencies else 0.0,
        "p95_ms": round(_pct(latencies, 0.95), 2),
        "p95_ms_filtered": round(_pct(filtered_ms, 0.95), 2),
        "p95_ms_name_only": round(_pct(name_only_ms, 0.95), 2),
        "build_seconds": round(build_seconds, 1),
        **stored,
        "index_mb": round(index.memory_bytes() / 2**20, 1),
        "peak_rss_mb": peak_rss_mb,
        "exhaustive_subset": len(subset_names),
        "exhaustive_recall_at_5": round(exhaustive_hits / n, 4),
        "exhaustive_p95_ms": round(_pct(exhaustive_ms, 0.95), 2),
        "names_rows": names["rows"],
        "names_distinct": names["distinct"],
        "names_unique_share": names["unique_share"],
        "names_5_namesakes_share": names["namesakes_5_share"],
        "names_top10": names["top"],
    }
