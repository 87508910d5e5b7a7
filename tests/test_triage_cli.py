"""`netral triage` evaluate numbers (computed by hand), classify/evaluate/train through the command."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from netral.triage import training
from netral.triage.corpus import load_corpus
from netral.triage.management.commands.triage import SUBCOMMANDS, evaluate_rows
from netral.triage.metrics import classification_report
from tests.triage_support import write_small_corpus

GOLD = ["media_sosial", "media_sosial", "parpol", "parpol", "bukan_pelanggaran"]
PRED = ["media_sosial", "parpol", "parpol", "parpol", "media_sosial"]


def test_classification_report_numbers_by_hand() -> None:
    report = classification_report(GOLD, PRED)
    # media_sosial: 1 right of 2 predicted, 1 of 2 true -> P 0.5, R 0.5, F1 0.5
    assert report["per_group"]["media_sosial"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    # parpol: 2 right of 3 predicted, 2 of 2 true -> P 0.6667, R 1.0, F1 0.8
    assert report["per_group"]["parpol"] == {"precision": 0.6667, "recall": 1.0, "f1": 0.8, "support": 2}
    # bukan_pelanggaran: never predicted -> P 0, R 0, F1 0
    assert report["per_group"]["bukan_pelanggaran"]["f1"] == 0.0
    assert report["macro_f1"] == round((0.5 + 0.8 + 0.0) / 3, 4)  # 0.4333
    assert report["accuracy"] == 0.6
    assert report["labels"] == ["media_sosial", "parpol", "bukan_pelanggaran"]
    assert report["confusion"]["media_sosial"] == {"media_sosial": 1, "parpol": 1, "bukan_pelanggaran": 0}
    assert report["confusion"]["bukan_pelanggaran"]["media_sosial"] == 1


def test_evaluate_rows_adds_region_and_employment_accuracy() -> None:
    rows: list[dict[str, Any]] = [
        {"category": g, "region": {"kode_kemendagri": code}, "employment": emp}
        for g, code, emp in zip(
            GOLD, ["34", "34.04", "71", "71.71", "36"], ["PNS", "PNS", "PPPK", "unknown", "PNS"], strict=True
        )
    ]
    results = [
        {"group": p, "entities": {"regions": regions, "employment": emp}}
        for p, regions, emp in zip(
            PRED,
            [["34"], ["34"], ["71"], [], ["36", "36.01"]],
            ["pns", "pppk", "pppk", "unknown", "pns"],
            strict=True,
        )
    ]
    rows[0]["item"], rows[2]["item"] = "D2", "D5"
    results[0]["item"], results[2]["item"] = "E2", "D5"
    summary = evaluate_rows(rows, results)
    assert summary["macro_f1"] == 0.4333
    assert summary["item"] == {"examples": 2, "accuracy": 0.5}  # only rows with a gold item count
    assert summary["region_code"] == {"examples": 5, "accuracy": 0.6}  # 34, 71, 36 right
    assert summary["employment"] == {"examples": 5, "accuracy": 0.8}  # only row 2 wrong


def test_subcommands_are_registered_in_one_table() -> None:
    assert list(SUBCOMMANDS)[:3] == ["classify", "evaluate", "train"]


@pytest.fixture
def trained(tmp_path: Path, settings: Any) -> Any:

    settings.DATA_DIR = tmp_path
    training.forget_loaded_model()
    path = write_small_corpus(tmp_path)
    yield training.train(corpus_path=path)
    training.forget_loaded_model()


@pytest.mark.django_db
def test_classify_writes_one_line_per_input(trained: Any, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "a", "text": "pak lurah pasang baliho paslon 1"}\n\n'
        '{"id": "b", "text": "ASN nyoblos di TPS"}\n',
        encoding="utf-8",
    )
    out = io.StringIO()
    call_command("triage", "classify", str(source), stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert all(line["model_version"] == trained.version for line in lines)


@pytest.mark.django_db
def test_classify_answers_a_bad_line_with_an_error_and_classifies_the_others(
    trained: Any, tmp_path: Path
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        b'{"id": "a", "text": "pak lurah pasang baliho paslon 1", "reported_on": "2024-01-09"}\n'
        b"bukan json\n"
        b'{"id": "b"}\n'
        b'{"id": "c", "text": "ASN nyoblos di TPS", "reported_on": "9 Januari"}\n'
        b'{"id": "d", "text": "   "}\n'
        b'{"id": "e", "text": "camat pasang baliho caf\xe9 paslon"}\n'  # not UTF-8: the byte is replaced
    )
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="4 baris tidak sah"):
        call_command("triage", "classify", str(source), stdout=out, stderr=err)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(line["id"], "group" in line, line.get("line")) for line in lines] == [
        ("a", True, None),
        (None, False, 2),
        ("b", False, 3),
        ("c", False, 4),
        ("d", False, 5),
        ("e", True, None),
    ]
    assert lines[1]["error"].startswith("baris 2: bukan JSON yang sah")
    assert lines[2]["error"] == "baris 3: objek harus memiliki 'id' dan 'text'"
    assert lines[3]["error"] == "baris 4: 'reported_on' harus tanggal YYYY-MM-DD, bukan '9 Januari'"
    assert lines[4]["error"] == "baris 5: 'text' kosong"
    assert err.getvalue().count("baris ") == 4


@pytest.mark.django_db
def test_evaluate_json_and_bad_input(trained: Any, tmp_path: Path) -> None:
    labelled = tmp_path / "labelled.jsonl"
    labelled.write_text(
        '{"id": 1, "text": "pak camat pasang baliho paslon", "category": "alat_peraga"}\n'
        '{"id": 2, "text": "ASN datang sosialisasi KPU", "category": "bukan_pelanggaran"}\n',
        encoding="utf-8",
    )
    out = io.StringIO()
    call_command("triage", "evaluate", str(labelled), "--json", stdout=out)
    summary = json.loads(out.getvalue())
    assert summary["examples"] == 2 and 0.0 <= summary["macro_f1"] <= 1.0
    assert set(summary["confusion"]) == set(summary["labels"])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "x", "category": "tidak_ada"}\n', encoding="utf-8")
    with pytest.raises(CommandError, match="baris 1"):
        call_command("triage", "evaluate", str(bad))
    with pytest.raises(CommandError, match="--heldout"):
        call_command("triage", "evaluate")
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("triage", "classify", str(tmp_path / "missing.jsonl"))


@pytest.mark.django_db
def test_train_command_prints_the_version(trained: Any) -> None:
    out = io.StringIO()
    call_command("triage", "train", "--json", stdout=out)
    payload = json.loads(out.getvalue())
    assert payload["version"] and payload["metrics"]["heldout_macro_f1"] > 0.5


def test_calibration_numbers_by_hand() -> None:
    from netral.triage.metrics import calibration

    # Bin 0.9-1.0: confidences 0.95 and 0.95, one right -> |1 - 1.9| = 0.9
    # Bin 0.6-0.7: 0.6 right -> |1 - 0.6| = 0.4; bin 0.3-0.4: 0.3 wrong -> |0 - 0.3| = 0.3
    pairs = [(0.95, True), (0.95, False), (0.6, True), (0.3, False)]
    result = calibration(pairs)
    assert result["ece"] == round((0.9 + 0.4 + 0.3) / 4, 4)  # 0.4
    assert result["mean_confidence"] == 0.7 and result["accuracy"] == 0.5
    assert calibration([(1.0, True)])["ece"] == 0.0  # a confidence of 1 falls in the top bin
    assert calibration([])["examples"] == 0


def _small_whole_corpus() -> list[dict[str, Any]]:
    """Per group: 6 texts written whole and 10 composed ones."""
    taken: dict[tuple[str, str], int] = {}
    rows = []
    for row in load_corpus():
        key = (row["category"], row["form"])
        if taken.get(key, 0) < (6 if row["form"] == "whole" else 10):
            taken[key] = taken.get(key, 0) + 1
            rows.append(row)
    return rows


def test_whole_text_folds_score_every_whole_text_once_with_a_model_that_never_saw_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = _small_whole_corpus()
    whole = {row["text"] for row in rows if row["form"] == "whole"}
    seen: list[set[str]] = []
    scored: list[str] = []
    fit, top = training.GroupClassifier.fit, training.GroupClassifier.top

    def recording_fit(
        self: Any, texts: list[str], labels: list[str], weights: list[float] | None = None
    ) -> Any:
        seen.append(set(texts))
        return fit(self, texts, labels, weights)

    def recording_top(self: Any, texts: list[str], k: int = 3) -> Any:
        assert not seen[-1] & set(texts)  # the fold's model never trained on what it scores
        scored.extend(texts)
        return top(self, texts, k)

    monkeypatch.setattr(training.GroupClassifier, "fit", recording_fit)
    monkeypatch.setattr(training.GroupClassifier, "top", recording_top)
    report = training.whole_text_folds(rows)
    assert len(seen) == 3 and sorted(scored) == sorted(whole)
    assert report["examples"] == len(whole) and 0.0 <= report["macro_f1"] <= 1.0
    assert report["accuracy"] <= report["top3_accuracy"] <= 1.0
    assert report["calibration"]["examples"] == len(whole)
    with pytest.raises(ValueError, match="whole"):
        training.whole_text_folds([row for row in rows if row["form"] == "composed"])


def test_evaluate_whole_texts_through_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(training, "load_corpus", _small_whole_corpus)
    out = io.StringIO()
    call_command("triage", "evaluate", "--whole-texts", "--json", stdout=out)
    summary = json.loads(out.getvalue())
    assert summary["examples"] == 60 and summary["folds"] == 3 and "ece" in summary["calibration"]
    out = io.StringIO()
    call_command("triage", "evaluate", "--whole-texts", stdout=out)
    assert "expected calibration error" in out.getvalue() and "macro-F1" in out.getvalue()
