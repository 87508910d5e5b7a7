"""Training, storing and loading the triage classifier.

`train()` fits the classifier on the corpus's training split plus the confirmed group corrections
(TriageCorrection), measures it on the held-out split, writes NETRAL_DATA_DIR/triage/<version>.joblib
and records a ModelVersion. The version is a hash of the corpus, the corrections used and
CODE_VERSION, so training twice on the same inputs gives the same version (the row is reused).
`current_model()` loads the newest stored version once per process and trains one (seconds) when
none exists; nothing is ever downloaded. `whole_text_folds()` measures how the model does on texts
written whole (not composed from templates) that it was not trained on.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from pathlib import Path
from typing import Any

import joblib
from django.conf import settings
from django.utils import timezone

from netral.catalogue.services import GROUP_CODES
from netral.triage.corpus import CORPUS_FILE, corpus_sha256, fit_rows, fold_of, load_corpus, split
from netral.triage.metrics import calibration, classification_report
from netral.triage.model import CODE_VERSION, GroupClassifier
from netral.triage.models import ModelVersion, TriageCorrection

_LOCK = threading.Lock()
_LOADED: dict[str, Any] = {}


def model_dir() -> Path:
    path = Path(settings.DATA_DIR) / "triage"
    path.mkdir(parents=True, exist_ok=True)
    return path


def correction_examples() -> list[dict[str, Any]]:
    """Confirmed corrections of the group, as training examples (text from the correction or report)."""
    rows = []
    corrections = (
        TriageCorrection.objects.confirmed()
        .filter(field="group", corrected__in=GROUP_CODES)
        .select_related("report")
        .order_by("pk")
    )
    for correction in corrections:
        text = correction.text or (correction.report.description if correction.report else "")
        if text.strip():
            rows.append({"id": f"correction-{correction.pk}", "text": text, "category": correction.corrected})
    return rows


def _version(corpus_hash: str, corrections: list[dict[str, Any]]) -> str:
    digest = hashlib.sha256()
    digest.update(corpus_hash.encode())
    digest.update(json.dumps(corrections, sort_keys=True, ensure_ascii=False).encode())
    digest.update(CODE_VERSION.encode())
    return digest.hexdigest()[:24]


def train(*, corpus_path: Path = CORPUS_FILE, use_corrections: bool = True) -> ModelVersion:
    """Fit, measure on the held-out split, store and record a model version; make it current."""
    corpus = load_corpus(corpus_path)
    corrections = correction_examples() if use_corrections else []
    corpus_hash = corpus_sha256(corpus_path)
    version = _version(corpus_hash, corrections)
    train_rows, heldout = split(corpus)
    train_rows = train_rows + corrections
    started = time.perf_counter()
    classifier = GroupClassifier().fit(*fit_rows(train_rows))
    seconds = time.perf_counter() - started
    predicted = [ranked[0][0] for ranked in classifier.top([r["text"] for r in heldout], k=1)]
    report = classification_report([r["category"] for r in heldout], predicted)
    metrics = {
        "heldout_macro_f1": report["macro_f1"],
        "heldout_accuracy": report["accuracy"],
        "heldout_examples": report["examples"],
        "per_group_f1": {group: row["f1"] for group, row in report["per_group"].items()},
        "train_seconds": round(seconds, 2),
    }
    path = model_dir() / f"{version}.joblib"
    # Write then rename, so another process never loads a half-written file.
    partial = path.with_suffix(f".{os.getpid()}.partial")
    joblib.dump(classifier, partial)
    os.replace(partial, path)
    row, _created = ModelVersion.objects.update_or_create(
        version=version,
        defaults={
            "code_version": CODE_VERSION,
            "corpus_sha256": corpus_hash,
            "trained_at": timezone.now(),
            "examples": len(train_rows),
            "corrections": len(corrections),
            "metrics": metrics,
            "path": str(path),
        },
    )
    with _LOCK:
        _LOADED.clear()
        _LOADED.update(version=row, model=classifier)
    return row


def current_model() -> tuple[ModelVersion, GroupClassifier]:
    """The newest stored model (loaded once per process); trains one when none is usable."""
    with _LOCK:
        if _LOADED:
            return _LOADED["version"], _LOADED["model"]
    for row in ModelVersion.objects.filter(code_version=CODE_VERSION).order_by("-trained_at", "-pk")[:5]:
        path = Path(row.path)
        if path.is_file():
            model = joblib.load(path)
            with _LOCK:
                _LOADED.update(version=row, model=model)
            return row, model
    row = train()
    return row, _LOADED["model"]


def forget_loaded_model() -> None:
    """Drop the process's loaded model (tests; after another process trained a new one)."""
    with _LOCK:
        _LOADED.clear()


def whole_text_folds(rows: list[dict[str, Any]] | None = None, *, folds: int = 3) -> dict[str, Any]:
    """Cross-validated scores on the corpus's texts written whole (`form` = `whole`).

    Every whole text falls in one of `folds` folds (by a hash of its id); for each fold a model is fitted on
    the training split without that fold's texts and classifies them, so every whole text is scored once
    by a model that never saw it. Composed texts share templates with each other, so they are never scored
    here. Returns the classification report plus top-3 accuracy and calibration (`metrics.calibration`).
    """
    rows = load_corpus() if rows is None else rows
    whole = [row for row in rows if row.get("form") == "whole"]
    if not whole:
        raise ValueError("the corpus has no whole texts")
    training, _heldout = split(rows)
    gold: list[str] = []
    ranked: list[list[tuple[str, float]]] = []
    for fold in range(folds):
        scored = [row for row in whole if fold_of(str(row["id"]), folds) == fold]
        if not scored:
            continue
        left_out = {str(row["id"]) for row in scored}
        fitted = [row for row in training if str(row["id"]) not in left_out]
        model = GroupClassifier().fit(*fit_rows(fitted))
        gold.extend(row["category"] for row in scored)
        ranked.extend(model.top([row["text"] for row in scored], k=3))
    report = classification_report(gold, [top[0][0] for top in ranked])
    report["top3_accuracy"] = round(
        sum(g in {c for c, _p in top} for g, top in zip(gold, ranked, strict=True)) / len(gold), 4
    )
    report["calibration"] = calibration(
        [(top[0][1], top[0][0] == g) for g, top in zip(gold, ranked, strict=True)]
    )
    report["folds"] = folds
    return report
