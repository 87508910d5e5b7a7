"""Shared by the triage tests: a small training corpus that trains in about a second."""

from __future__ import annotations

import json
from pathlib import Path

from netral.triage.corpus import load_corpus


def write_small_corpus(folder: Path, per_group: int = 12) -> Path:
    """The first `per_group` corpus examples of every group, written to `folder/corpus.jsonl`."""
    counts: dict[str, int] = {}
    rows = []
    for row in load_corpus():
        if counts.get(row["category"], 0) < per_group:
            counts[row["category"]] = counts.get(row["category"], 0) + 1
            rows.append(row)
    path = folder / "corpus.jsonl"
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path
