"""Second-stage ranking of register matches: the best rows by fuzzy score, re-ordered by how they explain it.

`MatchIndex.search` scores every candidate row with vectorised rapidfuzz scorers (`matching_index`); the
`POOL` best of them then get a token-level look, cheap because it is a few dozen names:

* every query word is aligned with a register word that is the same, sounds the same (`sound` key), or is one
  edit away (optimal string alignment: a swapped pair of letters is one edit), in order where possible;
* +1 when all query words are found in the register name in order, +0.5 more when the first and the last
  words line up (a left-out middle name, the commonest shortening: `Dewi Pujiastuti` for `Dewi Tiara
  Pujiastuti` beats `Maria Dewi Pujiastuti`);
* every register word the query does not explain costs its rarity (IDF over the register in quarters: 0 for a
  word in every name, 1 for a word in one): leaving out `Muhammad` or `Ni` is common, a rare name is not;
* a query word found only one edit away (not equal, not the same sound key) costs 2, so `Titin Alika
  Susanti` (every written word there, in order) ranks above `Titi Susanti` for `Titin Susanti`;
* a query word that no register word explains costs 2.

The adjustments are at most +1.5, so a register name equal to the query (100) always stays above a longer
name that contains it (at most 99 - 2 per extra word before adjustment, `matching_index`). Equal totals are
ordered by fewer unexplained words; rows still equal show one row of every name before a second row of any
(`distinct_names_first`), then go by register id: deterministic, no guess at which twin is meant.

With nothing but a name (no agency, region, position or NIP part), a name that more people bear than the
list has places (`limit`) is shown once, and the other places go to the next names (`collapse`): five of
hundreds of identical `Siti Rahayu` rows cannot single anyone out (the workspace shows how many bear the name
and asks to narrow), while `Siti Nur Rahayu` beside it may be the person whose middle name the reporter left
out. Names that fit in the list, and every list with a filter, a position or a NIP part, keep all their rows
(docs/triage.md, "Register matching").
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
from rapidfuzz.distance import OSA

POOL = 60  # rows re-ranked per query (by first-stage score)
ORDER_BONUS = 1.0
ENDS_BONUS = 0.5
MISSING_QUERY_WORD = 2.0
APPROXIMATE_WORD = 2.0


def rarity_from_counts(total_rows: int) -> Callable[[int], float]:
    """Map a word's row count to 0 (in every row) .. 1 (in one row), log-scaled (IDF), in quarters.

    Quarters, so that small differences between common words (`putu` and `kadek` in Bali) do not decide
    between people; common against rare does.
    """
    top = math.log(max(total_rows, 2))

    def rarity(count: int) -> float:
        value = min(1.0, max(0.0, math.log(max(total_rows, 1) / max(count, 1)) / top))
        return round(value * 4) / 4

    return rarity


def _same(q: str, q_sound: str, w: str, w_sound: str) -> int:
    """2: the same word or sound key, 1: one edit apart (a swap of two letters is one edit), 0: other."""
    if q == w or q_sound == w_sound:
        return 2
    if min(len(q), len(w)) < 4:
        return 0
    near = OSA.distance(q, w, score_cutoff=1) <= 1 or OSA.distance(q_sound, w_sound, score_cutoff=1) <= 1
    return int(near)


def explain(
    query: Sequence[str], query_sounds: Sequence[str], words: Sequence[str], sounds: Sequence[str]
) -> tuple[bool, bool, list[int], int, int]:
    """(all in order, first and last aligned, unexplained register words, missing query words, near ones)."""
    used: set[int] = set()
    near = 0
    positions: list[int] = []
    missing = 0
    for q, qs in zip(query, query_sounds, strict=True):
        start = positions[-1] + 1 if positions and positions[-1] >= 0 else 0
        found = next(
            (j for j in range(start, len(words)) if j not in used and _same(q, qs, words[j], sounds[j])), -1
        )
        if found < 0:  # out of order, or not there at all
            found = next(
                (j for j in range(len(words)) if j not in used and _same(q, qs, words[j], sounds[j])), -1
            )
            if found < 0:
                missing += 1
        if found >= 0:
            used.add(found)
            near += _same(q, qs, words[found], sounds[found]) == 1
        positions.append(found)
    matched = [p for p in positions if p >= 0]
    in_order = missing == 0 and matched == sorted(matched)
    ends = bool(positions) and positions[0] == 0 and positions[-1] == len(words) - 1
    return in_order, ends and in_order, [j for j in range(len(words)) if j not in used], missing, near


def rerank(
    query: str,
    names: Sequence[str],
    base: np.ndarray,
    ids: np.ndarray,
    word_rarity: Callable[[str], float],
    sound: Callable[[str], str],
    limit: int,
    *,
    collapse: bool = False,
) -> tuple[list[int], np.ndarray]:
    """Indices into `names` of the best `limit`, best first, and the scores adjusted (for the pool only).

    `collapse`: a name with more rows than `limit` is shown once (module docstring)."""
    total = base.astype(np.float64).copy()
    if len(names) == 0:
        return [], total
    pool_size = min(len(names), max(POOL, limit))
    ranked = np.lexsort((ids, -base))  # equal first-stage scores: lower register id first
    overflowing: set[str] = set()
    if collapse:
        pool, overflowing = _pool_beyond_namesakes(ranked, names, pool_size, limit)
    else:
        pool = ranked[:pool_size]
    query_words = query.split()
    query_sounds = [sound(w) for w in query_words]
    unexplained = np.zeros(len(names), dtype=np.int32)
    seen: dict[str, tuple[float, int]] = {}  # equal names (common) are looked at once
    for i in pool.tolist():
        found = seen.get(names[i])
        if found is None:
            words = names[i].split()
            in_order, ends, extra, missing, near = explain(
                query_words, query_sounds, words, [sound(w) for w in words]
            )
            adjust = ORDER_BONUS * in_order + ENDS_BONUS * ends
            adjust -= MISSING_QUERY_WORD * missing + APPROXIMATE_WORD * near
            adjust -= sum(word_rarity(words[j]) for j in extra)
            found = seen[names[i]] = (adjust, len(extra) + missing)
        total[i] += found[0]
        unexplained[i] = found[1]
    pool_list = pool.tolist()

    def key(i: int) -> tuple[float, int]:
        return (-round(float(total[i]), 6), int(unexplained[i]))

    pool_list.sort(key=lambda i: (*key(i), int(ids[i])))
    ordered = distinct_names_first(pool_list, key, names)
    if overflowing:
        ordered = once_each(ordered, names, overflowing)
    return ordered[:limit], total


def _pool_beyond_namesakes(
    ranked: np.ndarray, names: Sequence[str], pool_size: int, limit: int
) -> tuple[np.ndarray, set[str]]:
    """The pool with at most `limit` rows of any one name (rows of the next names instead), and the names
    that had more: hundreds of equal exact names would otherwise fill the whole pool."""
    per_name: dict[str, int] = {}
    overflowing: set[str] = set()
    pool: list[int] = []
    rest: list[int] = []
    for i in ranked.tolist():
        name = names[i]
        per_name[name] = per_name.get(name, 0) + 1
        if per_name[name] > limit:
            overflowing.add(name)
            rest.append(i)
        else:
            pool.append(i)
            if len(pool) == pool_size:
                break
    return np.array((pool + rest)[:pool_size], dtype=np.int64), overflowing


def once_each(order: list[int], names: Sequence[str], overflowing: set[str]) -> list[int]:
    """The order with the second and later rows of each name in `overflowing` moved to the end."""
    seen: set[str] = set()
    shown: list[int] = []
    later: list[int] = []
    for i in order:
        name = names[i]
        if name in overflowing and name in seen:
            later.append(i)
        else:
            seen.add(name)
            shown.append(i)
    return shown + later


def distinct_names_first(order: list[int], key: Callable[[int], object], names: Sequence[str]) -> list[int]:
    """Within each run of equally good rows, one row of every name before a second row of any.

    Equally good rows are equally likely to be the person, so their order changes nothing in how often the
    right row is shown; five rows of the same name would tell the supervisor nothing the namesake count does
    not, while `I Wayan Adana` beside `I Wayan Ardana` (both one edit from `I Wayan Adrana`) shows the
    alternative. Otherwise the order is kept (register id).
    """
    result: list[int] = []
    start = 0
    while start < len(order):
        end = start
        while end < len(order) and key(order[end]) == key(order[start]):
            end += 1
        seen: dict[str, int] = {}
        run = []
        for position, i in enumerate(order[start:end]):
            nth = seen[names[i]] = seen.get(names[i], -1) + 1
            run.append((nth, position, i))
        result.extend(i for _nth, _position, i in sorted(run))
        start = end
    return result
