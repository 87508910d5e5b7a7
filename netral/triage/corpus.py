"""The labelled training corpus (data/corpus.jsonl) and its deterministic held-out split."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from netral.catalogue.services import GROUP_CODES

CORPUS_FILE = Path(__file__).resolve().parent / "data" / "corpus.jsonl"
# One example in five (by a hash of its id) is held out from training and used only to measure.
HELDOUT_BUCKETS = 5
# Texts written one by one and supervisors' confirmed corrections read like real reports; the composed
# texts (9 in 10 of the corpus) repeat template shapes. Training weighs each real-like text this many times.
REAL_LIKE_WEIGHT = 3.0


class LabelledFileError(ValueError):
    """A labelled JSONL file is malformed; the message (Indonesian) names the line."""


def is_heldout(example_id: str) -> bool:
    digest = hashlib.sha256(example_id.encode("utf-8")).digest()
    return digest[0] % HELDOUT_BUCKETS == 0


def fold_of(example_id: str, folds: int) -> int:
    """The cross-validation fold of an example, by another byte of the hash than the held-out split's."""
    return hashlib.sha256(example_id.encode("utf-8")).digest()[1] % folds


def parse_line(line: str, number: int, *, require_label: bool) -> dict[str, Any]:
    """One JSONL object with `id` and a non-empty `text` (and a known `category` if labelled)."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise LabelledFileError(f"baris {number}: bukan JSON yang sah ({exc.msg})") from exc
    if not isinstance(row, dict) or not isinstance(row.get("text"), str) or "id" not in row:
        raise LabelledFileError(f"baris {number}: objek harus memiliki 'id' dan 'text'")
    if not row["text"].strip():
        raise LabelledFileError(f"baris {number}: 'text' kosong")
    if require_label and row.get("category") not in GROUP_CODES:
        raise LabelledFileError(f"baris {number}: 'category' tidak dikenal: {row.get('category')!r}")
    return row


def read_jsonl(lines: Iterable[str], *, require_label: bool) -> list[dict[str, Any]]:
    """Objects of a JSONL stream (blank lines skipped); the first malformed line raises LabelledFileError."""
    return [
        parse_line(line, number, require_label=require_label)
        for number, line in enumerate(lines, start=1)
        if line.strip()
    ]


def load_corpus(path: Path = CORPUS_FILE) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return read_jsonl(handle, require_label=True)


def split(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(training rows, held-out rows) by the hash of each id."""
    train = [row for row in rows if not is_heldout(str(row["id"]))]
    heldout = [row for row in rows if is_heldout(str(row["id"]))]
    return train, heldout


def example_weight(row: dict[str, Any]) -> float:
    """Training weight of a corpus row or correction: REAL_LIKE_WEIGHT for whole texts and corrections."""
    real_like = row.get("form") == "whole" or str(row.get("id", "")).startswith("correction-")
    return REAL_LIKE_WEIGHT if real_like else 1.0


def fit_rows(rows: list[dict[str, Any]]) -> tuple[list[str], list[str], list[float]]:
    """(texts, labels, weights) of training rows, as `GroupClassifier.fit` takes them."""
    return [r["text"] for r in rows], [r["category"] for r in rows], [example_weight(r) for r in rows]


def corpus_sha256(path: Path = CORPUS_FILE) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
