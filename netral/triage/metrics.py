"""Evaluation numbers for triage: per-group precision/recall/F1, macro-F1, confusion matrix.

Macro-F1 is the unweighted mean of the F1 of every group that occurs in the gold labels or in the
predictions (a group never seen on either side does not count). Precision of a group that was
never predicted is 0, recall of a group that never occurs is 0.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from netral.catalogue.services import GROUP_CODES


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def classification_report(gold: list[str], predicted: list[str]) -> dict[str, Any]:
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    pairs = Counter(zip(gold, predicted, strict=True))
    present = [code for code in GROUP_CODES if code in set(gold) | set(predicted)]
    extra = sorted((set(gold) | set(predicted)) - set(GROUP_CODES))
    labels = present + extra
    per_group: dict[str, dict[str, float | int]] = {}
    for label in labels:
        true_positive = pairs[(label, label)]
        predicted_count = sum(n for (_g, p), n in pairs.items() if p == label)
        support = sum(n for (g, _p), n in pairs.items() if g == label)
        precision = _ratio(true_positive, predicted_count)
        recall = _ratio(true_positive, support)
        f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
        per_group[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": support,
        }
    macro = sum(float(row["f1"]) for row in per_group.values()) / len(per_group) if per_group else 0.0
    correct = sum(n for (g, p), n in pairs.items() if g == p)
    return {
        "examples": len(gold),
        "accuracy": round(_ratio(correct, len(gold)), 4),
        "macro_f1": round(macro, 4),
        "per_group": per_group,
        "labels": labels,
        # confusion[gold][predicted] = count
        "confusion": {g: {p: pairs[(g, p)] for p in labels} for g in labels},
    }


def accuracy(pairs: list[tuple[Any, Any]]) -> dict[str, Any]:
    """Share of (gold, predicted) pairs that agree, with the number of pairs."""
    correct = sum(1 for gold, predicted in pairs if gold == predicted)
    return {"examples": len(pairs), "accuracy": round(_ratio(correct, len(pairs)), 4)}


def calibration(pairs: list[tuple[float, bool]], bins: int = 10) -> dict[str, Any]:
    """Mean confidence, accuracy and expected calibration error of (confidence, correct) pairs.

    ECE: the pairs fall into `bins` equal-width confidence bins; it is the mean over pairs of
    |accuracy of the bin - mean confidence of the bin| (0 = confidences are exactly the hit rates).
    """
    if not pairs:
        return {"examples": 0, "mean_confidence": 0.0, "accuracy": 0.0, "ece": 0.0}
    grouped: dict[int, list[tuple[float, bool]]] = {}
    for confidence, correct in pairs:
        grouped.setdefault(min(bins - 1, int(confidence * bins)), []).append((confidence, correct))
    gap = sum(abs(sum(c for _p, c in members) - sum(p for p, _c in members)) for members in grouped.values())
    return {
        "examples": len(pairs),
        "mean_confidence": round(sum(p for p, _c in pairs) / len(pairs), 4),
        "accuracy": round(sum(c for _p, c in pairs) / len(pairs), 4),
        "ece": round(gap / len(pairs), 4),
    }
