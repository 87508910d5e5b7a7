"""Weighted tables the register is drawn from: a `Picker` (bisection over cumulative weights) and the
word distributions it is built from (rank-weighted lists, compositions, pairs and mixtures)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
Random = Callable[[], float]
ZIPF = 0.8  # exponent of the rank weights of every word list (1 / rank ** ZIPF)


class Picker(Generic[T]):
    """Weighted choice from a fixed table (normalised cumulative weights and bisection)."""

    __slots__ = ("cum", "items")

    def __init__(self, pairs: Sequence[tuple[float, T]]) -> None:
        self.items = [item for _weight, item in pairs]
        total = sum(weight for weight, _item in pairs)
        self.cum: list[float] = []
        running = 0.0
        for weight, _item in pairs:
            running += weight
            self.cum.append(running / total)
        if self.cum:
            self.cum[-1] = float("inf")  # rounding can never step past the last item

    def pick(self, rnd: Random) -> T:
        return self.items[bisect_right(self.cum, rnd())]


def one_of(seq: Sequence[T], rnd: Random) -> T:
    """Uniform choice, cheaper than `random.choice`."""
    return seq[int(rnd() * len(seq))]


Dist = dict[str, float]  # word (or words) -> probability


def _normal(weights: Dist) -> Dist:
    total = sum(weights.values())
    return {word: weight / total for word, weight in weights.items()}


def ranked(items: Sequence[str]) -> Dist:
    """Words listed most common first, weighted 1 / rank ** ZIPF (a word listed twice adds up)."""
    weights: Dist = {}
    for rank, item in enumerate(items, start=1):
        weights[item] = weights.get(item, 0.0) + 1 / rank**ZIPF
    return _normal(weights)


def uniform(items: Sequence[str]) -> Dist:
    return _normal(dict.fromkeys(items, 1.0))


def composed_by_class(roots: Sequence[tuple[str, str]], endings: dict[str, list[str]]) -> Dist:
    """Root + ending, the ending among those that fit the root's class (`Supar` + `man`)."""
    by_class = {cls: ranked(options) for cls, options in endings.items()}
    weights: Dist = {}
    for (root, cls), p_root in zip(
        roots, ranked([f"{root}|{cls}" for root, cls in roots]).values(), strict=True
    ):
        for ending, p_ending in by_class[cls].items():
            weights[root + ending] = weights.get(root + ending, 0.0) + p_root * p_ending
    return _normal(weights)


def composed(roots: Sequence[str], endings: Sequence[str]) -> Dist:
    return composed_by_class([(root, "") for root in roots], {"": list(endings)})


def pair(head: str, tails: Sequence[str], joined: float = 0.0) -> Dist:
    """A head word and a second word: `Siti Aminah`, `Abdul Rahman`; `Nur` + `Hayati` also as `Nurhayati`."""
    weights: Dist = {}
    for tail, p in ranked(tails).items():
        weights[f"{head} {tail}"] = p * (1 - joined)
        if joined:
            weights[head + tail.lower()] = p * joined
    return weights


def mix(parts: Sequence[tuple[float, Dist]]) -> Dist:
    """One of several distributions, by weight (equal words add up)."""
    weights: Dist = {}
    for weight, dist in parts:
        for word, p in dist.items():
            weights[word] = weights.get(word, 0.0) + weight * p
    return _normal(weights)


def picker(dist: Dist) -> Picker[str]:
    return Picker([(p, word) for word, p in dist.items() if p > 0])
