"""A register's name statistics: how many distinct names, how many unique, the most frequent.

`NameTally` counts normalised full names in one pass with 8 bytes a row (a 64-bit hash per row, no
strings kept); `name_statistics(names)` is the same for a list held in memory.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

NAMESAKES = 5  # "many namesakes": at least this many *other* rows with the same normalised name
TOP = 10


class NameTally:
    """Counts normalised full names; `statistics` needs the name at a row position for the top names."""

    __slots__ = ("_hashes",)

    def __init__(self) -> None:
        self._hashes = array("q")

    def add(self, normalized: str) -> None:
        self._hashes.append(hash(normalized))  # 64-bit: a collision among millions of names is ~1e-6

    def __len__(self) -> int:
        return len(self._hashes)

    def statistics(self, name_at: Callable[[int], str], top: int = TOP) -> dict[str, Any]:
        """Rows, distinct names, share of rows whose name is unique, share with >= NAMESAKES namesakes,
        and the `top` most frequent names with their counts (`name_at(i)` is the i-th added name)."""
        rows = len(self._hashes)
        if not rows:
            return {"rows": 0, "distinct": 0, "unique_share": 0.0, "namesakes_5_share": 0.0, "top": []}
        hashes = np.frombuffer(self._hashes, dtype=np.int64)
        _values, first, counts = np.unique(hashes, return_index=True, return_counts=True)
        # most frequent first; equal counts by first appearance, so the order is deterministic
        order = np.lexsort((first, -counts))[:top]
        return {
            "rows": rows,
            "distinct": len(counts),
            "unique_share": round(float((counts == 1).sum()) / rows, 4),
            "namesakes_5_share": round(float(counts[counts > NAMESAKES].sum()) / rows, 4),
            "top": [[name_at(int(first[i])), int(counts[i])] for i in order],
        }


def name_statistics(names: Iterable[str], top: int = TOP) -> dict[str, Any]:
    """`NameTally.statistics` for names held in memory (normalised full names, one per row)."""
    held: Sequence[str] = names if isinstance(names, Sequence) else list(names)
    tally = NameTally()
    for name in held:
        tally.add(name)
    return tally.statistics(held.__getitem__, top)
