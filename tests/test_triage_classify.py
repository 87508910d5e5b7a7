"""Triage preprocessing, item choice around the determination date, the classify contract, training."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from netral.catalogue.services import GROUP_CODES
from netral.triage import training
from netral.triage.corpus import REAL_LIKE_WEIGHT, example_weight, fit_rows, load_corpus
from netral.triage.items import choose_item, clear_cache
from netral.triage.models import ModelVersion, TriageCorrection
from netral.triage.preprocess import LONG_NUMBER_TOKEN, NUMBER_TOKEN, URL_TOKEN, normalise, preprocess
from tests.triage_support import write_small_corpus


def test_slang_is_mapped_to_standard_spelling() -> None:
    assert normalise("Pak camat yg gk netral bgt") == "bapak camat yang tidak netral sangat"
    assert normalise("bagi2 stiker paslon") == "bagi bagi stiker pasangan calon"
    assert normalise("parahhh wkwk") == "parah"


def test_urls_and_numbers_become_placeholders() -> None:
    text = normalise("lihat https://fb.com/p/123 NIP 19860926 201505 1 001 nomor urut 2")
    assert text == f"lihat {URL_TOKEN} nip {LONG_NUMBER_TOKEN} nomor urut {NUMBER_TOKEN}"


def test_stemming_reduces_affixes_but_keeps_protected_words() -> None:
    _normal, stemmed = preprocess("Camat memasang baliho pasangan calon dan menghadiri kampanye")
    assert stemmed.split() == ["camat", "pasang", "baliho", "pasangan", "calon", "dan", "hadir", "kampanye"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("day", "item", "determined"),
    [
        (dt.date(2024, 9, 21), "E2", False),  # Pilkada 2024: determination on 22 Sep 2024
        (dt.date(2024, 9, 22), "D2", True),
        (dt.date(2024, 10, 1), "D2", True),
        (dt.date(2023, 11, 12), "E2", False),  # Pemilu 2024: determination on 13 Nov 2023
        (dt.date(2023, 11, 13), "D2", True),
    ],
)
def test_item_ethics_before_and_discipline_from_the_determination_date(
    day: dt.date, item: str, determined: bool
) -> None:
    clear_cache()
    choice = choose_item("media_sosial", "asn mengunggah ajakan memilih di facebook", day)
    assert (choice.item, choice.determined, choice.basis) == (item, determined, "date")


@pytest.mark.django_db
def test_item_without_a_date_follows_cue_words_or_stays_unknown() -> None:
    clear_cache()
    assert choose_item("alat_peraga", "memasang baliho bakal calon bupati", None).item == "E1"
    assert choose_item("alat_peraga", "memasang baliho pasangan calon nomor urut 2", None).item == "D1"
    unknown = choose_item("alat_peraga", "memasang baliho salah satu kandidat", None)
    assert (unknown.item, unknown.determined, unknown.basis) == ("D1", None, "unknown")
    assert choose_item("fasilitas_negara", "mobil dinas", None).item == "L1"
    assert choose_item("bukan_pelanggaran", "sosialisasi kpu", None).item is None
    liked = choose_item("media_sosial", "dia like dan komentar di akun tim pemenangan", dt.date(2024, 10, 1))
    assert liked.item == "D6"


@pytest.fixture
def small_corpus(tmp_path: Path, settings: Any) -> Iterator[Path]:
    """Twelve corpus examples per group: enough to train in about a second."""
    settings.DATA_DIR = tmp_path
    training.forget_loaded_model()
    path = write_small_corpus(tmp_path)
    yield path
    training.forget_loaded_model()


@pytest.mark.django_db
def test_train_records_a_model_version_with_metrics_and_a_file(small_corpus: Path) -> None:
    row = training.train(corpus_path=small_corpus)
    assert ModelVersion.objects.filter(pk=row.pk).exists()
    assert Path(row.path).is_file() and Path(row.path).parent.name == "triage"
    assert 0.0 <= row.metrics["heldout_macro_f1"] <= 1.0
    assert row.corrections == 0 and row.examples > 0
    # Same inputs, same version; a confirmed correction changes the version and is counted.
    assert training.train(corpus_path=small_corpus).version == row.version
    TriageCorrection.objects.create(
        case=None,
        report=_any_report(),
        field="group",
        suggested="media_sosial",
        corrected="foto_gestur",
        text="pak camat pose dua jari bareng paslon",
        confirmed=True,
    )
    newer = training.train(corpus_path=small_corpus)
    assert newer.version != row.version and newer.corrections == 1
    assert ModelVersion.objects.count() == 2


def _any_report() -> Any:
    from netral.intake.services import ReportedPersonInput, ReportInput, submit_report

    data = ReportInput(
        description="Camat berpose dua jari bersama pasangan calon.",
        region_code="34.04",
        election="pilkada-2024",
        known_on=dt.date(2024, 10, 2),
        anonymous=True,
        reported=(ReportedPersonInput(name="Bambang", position="Camat Depok"),),
        occurred_on=dt.date(2024, 10, 1),
    )
    received = dt.datetime(2024, 10, 3, 3, 0, tzinfo=dt.UTC)
    return submit_report(data, channel="web", received_at=received).report


@pytest.mark.django_db
def test_classify_contract_shape(small_corpus: Path) -> None:
    from netral.triage.services import classify_texts

    training.train(corpus_path=small_corpus)
    records: list[dict[str, Any]] = [
        {"id": "r1", "text": "pak camat bagi2 stiker paslon 02 ke warga", "reported_on": "2024-10-14"},
        {"id": 2, "text": "Dengan hormat, Kepala Dinas hadir di deklarasi bakal calon bupati."},
    ]
    results = classify_texts(records)
    assert [r["id"] for r in results] == ["r1", 2]
    for result in results:
        assert {"id", "group", "item", "confidence", "top3", "entities"} <= set(result)
        assert result["group"] in GROUP_CODES
        assert len(result["top3"]) == 3 and result["top3"][0] == [result["group"], result["confidence"]]
        assert all(g in GROUP_CODES and 0.0 <= p <= 1.0 for g, p in result["top3"])
        assert [p for _g, p in result["top3"]] == sorted((p for _g, p in result["top3"]), reverse=True)
        for key in ("regions", "nips", "names", "positions", "dates", "candidates", "urls"):
            assert isinstance(result["entities"][key], list)
        assert result["entities"]["employment"] in {"pns", "pppk", "honorer", "kepala_desa", "unknown"}
        assert result["item"] is None or isinstance(result["item"], str)


def test_real_like_texts_weigh_more_in_training() -> None:
    import numpy as np

    from netral.triage.model import GroupClassifier

    assert example_weight({"id": "parpol-0001", "form": "whole"}) == REAL_LIKE_WEIGHT > 1
    assert example_weight({"id": "correction-7"}) == REAL_LIKE_WEIGHT
    assert example_weight({"id": "parpol-0300", "form": "composed"}) == 1.0
    rows = load_corpus()[::10]
    texts, labels, weights = fit_rows(rows)
    assert sorted(set(weights)) == [1.0, REAL_LIKE_WEIGHT]
    probe = [row["text"] for row in load_corpus()[5::97]]
    weighted = GroupClassifier().fit(texts, labels, weights).predict_proba(probe)
    unweighted = GroupClassifier().fit(texts, labels).predict_proba(probe)
    assert not np.allclose(weighted, unweighted)  # the weights reach the SVMs and the calibration


def test_fast_probabilities_equal_sklearn() -> None:
    import numpy as np

    from netral.triage.model import GroupClassifier

    rows = load_corpus()[::10]
    model = GroupClassifier().fit(*fit_rows(rows))  # weighted, as training fits it
    views = [preprocess(r["text"]) for r in load_corpus()[3::41]]
    features = model._features(views)
    assert model._fast is not None
    assert np.allclose(model._fast_proba(features), model.classifier.predict_proba(features), atol=1e-12)
    assert np.allclose(model.predict_proba_views(views).sum(axis=1), 1.0)
