"""Compose netral/triage/data/corpus.jsonl from the hand-written fragments (deterministic).

Run: `python -m netral_gen.corpus.build [--per-group N] [--out FILE]`. The same seed gives the same
file, so the corpus in the repository can be regenerated and reviewed as a diff. See
netral/triage/data/CARD.md.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

import netral.triage
from netral_gen.corpus.compose import compose
from netral_gen.corpus.fragments import GROUP_ACTS

# The file `netral.triage.corpus` reads (named here without loading Django: this script runs alone).
CORPUS_FILE = Path(netral.triage.__file__).resolve().parent / "data" / "corpus.jsonl"
SEED = 20240922
PER_GROUP = 400
# Styles of the composed texts, drawn with these weights.
STYLE_DRAWS = ["formal"] * 3 + ["news"] * 2 + ["whatsapp"] * 3 + ["caption"] * 2


def build(per_group: int = PER_GROUP, seed: int = SEED) -> list[dict[str, Any]]:
    """The corpus rows: per group its whole texts, then composed texts up to `per_group`."""
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    for group, acts in GROUP_ACTS.items():
        seen: set[str] = set()
        group_rows: list[dict[str, Any]] = []
        for text, style in acts.whole_texts:
            seen.add(text)
            group_rows.append({"text": text, "style": style, "form": "whole"})
        attempts = 0
        while len(group_rows) < per_group and attempts < per_group * 50:
            attempts += 1
            style = rng.choice(STYLE_DRAWS)
            text, item, employment = compose(acts, style, rng)
            if text in seen:
                continue
            seen.add(text)
            row: dict[str, Any] = {"text": text, "style": style, "form": "composed", "employment": employment}
            if item:
                row["item"] = item
            group_rows.append(row)
        for number, row in enumerate(group_rows, start=1):
            rows.append(
                {
                    "id": f"{group}-{number:04d}",
                    "text": row["text"],
                    "category": group,
                    **({"item": row["item"]} if "item" in row else {}),
                    "style": row["style"],
                    "form": row["form"],
                    "source": "netral-authored",
                }
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-group", type=int, default=PER_GROUP)
    parser.add_argument("--out", type=Path, default=CORPUS_FILE)
    args = parser.parse_args()
    rows = build(args.per_group)
    with args.out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} examples written to {args.out}")


if __name__ == "__main__":
    main()
