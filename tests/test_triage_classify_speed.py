"""The fast paths of triage classification and extraction give what the plain computations give.

Batched TF-IDF rows equal scikit-learn's `transform`; normalisation equals the plain regex pipeline;
each cheap pre-check (substrings, token sets, a case-sensitive regex on lower-cased ASCII text) is a
necessary condition of the regex it guards, checked on the corpus and on tricky snippets.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from functools import cache
from typing import Any

import numpy as np
import pytest
from scipy.sparse import hstack

from netral.triage import entities, items
from netral.triage.corpus import load_corpus
from netral.triage.extract import dates, people
from netral.triage.extract.gazetteer import TOKEN_RE
from netral.triage.model import GroupClassifier
from netral.triage.preprocess import (
    _LONG_NUMBER,
    _NUMBER,
    _REDUPLICATION,
    _REPEAT,
    _TOKEN,
    _URL,
    LONG_NUMBER_TOKEN,
    NUMBER_TOKEN,
    URL_TOKEN,
    normalise,
    preprocess,
    slang_table,
)

SNIPPETS = [
    "sehari yang lalu",
    "2hari lalu",
    "2 hari yg lalu",
    "SEPULUH HARI YANG LALU",
    "seminggu lalu",
    "Jumat kemarin",
    "jum'at lalu",
    "pas Senin kemarin",
    "hari ini",
    "pagi ini",
    "tadi malem",
    "td pagi",
    "kmrn",
    "kemarin lusa",
    "Minggu lalu",
    "3 pekan kmrn",
    "barusan",
    "lalu ini",
    "Dr. Budi Santoso",
    "1Dr. Ahmad",
    "Drs. H. Ahmad Fauzi, M.Si.",
    "Budi, S.Pd.",
    "K.H. Maruf",
    "Pak Budi",
    "a.n. Budi",
    "Namanya Joko",
    "oknum ASN Budi",
    "23/6/2023",
    "2023-06-23",
    "12.08.2023",
    "NIP 19860926 201505 1 001",
    "198609262015051001",
    "NIK 3171 0101 0101 0001",
    "123456 654321 1234",
    "https://fb.com/p/123",
    "www.Site.ID",
    "example.community",
    "youtu.be/abc",
    "bagi2 stiker",
    "parahhh bgt",
    "yg gk",
    "İstanbul ſelasa \u212aamis ı",
    "٢٠٢٤-٠١-٠٥",
    "",
]


@cache
def _texts() -> tuple[str, ...]:
    corpus = [row["text"] for row in load_corpus()]
    mixed = [f"{text} {SNIPPETS[i % len(SNIPPETS)]}" for i, text in enumerate(corpus[::7])]
    return tuple(corpus + mixed + SNIPPETS + [text.upper() for text in SNIPPETS])


@pytest.fixture(scope="module")
def model() -> GroupClassifier:
    rows = load_corpus()[::10]
    return GroupClassifier().fit([r["text"] for r in rows], [r["category"] for r in rows])


def test_batched_features_equal_sklearn_transform(model: GroupClassifier) -> None:
    texts = [r["text"] for r in load_corpus()[5::37]] + ["", "zzqx qqzz", "kata2 aneh sekali"]
    views = [preprocess(text) for text in texts]
    expected = hstack(
        [model.words.transform([v[1] for v in views]), model.chars.transform([v[0] for v in views])]
    ).tocsr()
    assert abs(model._features(views) - expected).max() < 1e-12
    sklearn = model.classifier.predict_proba(expected)
    assert np.allclose(model.predict_proba_views(views), sklearn, atol=1e-12)
    ranked = model.top_views(views, k=3)
    assert [r[0][0] for r in ranked] == [model.classes[i] for i in sklearn.argmax(axis=1)]


def _plain_normalise(text: str) -> str:
    """The normalisation as one regex pass after another, without the shortcuts."""
    text = text.lower()
    text = _URL.sub(f" {URL_TOKEN} ", text)
    text = _REDUPLICATION.sub(r"\1 \1", text)
    text = _LONG_NUMBER.sub(f" {LONG_NUMBER_TOKEN} ", text)
    text = _NUMBER.sub(f" {NUMBER_TOKEN} ", text)
    text = _REPEAT.sub(r"\1", text)
    table = slang_table()
    words = [table.get(token, token) for token in _TOKEN.findall(text)]
    return " ".join(word for word in words if word)


def test_normalise_equals_the_plain_pipeline() -> None:
    for text in _texts():
        assert normalise(text) == _plain_normalise(text), text


def test_cue_needles_never_change_a_result() -> None:
    cues = [cue for group in items.CUES.values() for cue, _pair in group]
    cues += [items.BEFORE_CUES, items.AFTER_CUES]
    for text in _texts():
        lowered = text.lower() + " \n " + normalise(text)
        for cue in cues:
            assert bool(cue.search(lowered)) == bool(cue.pattern.search(lowered)), (cue.pattern, text)


def _words(text: str) -> set[str]:
    return {token.lower() for token in TOKEN_RE.findall(text)}


def test_relative_dates_fast_path_finds_the_same_matches() -> None:
    for text in _texts():
        slow = list(dates._RELATIVE.finditer(text))
        if slow:
            assert dates._may_be_relative(text, _words(text)), text
        if text.isascii():
            fast = list(dates._RELATIVE_ASCII.finditer(text.lower()))
            assert [m.span() for m in fast] == [m.span() for m in slow], text
            assert [[g and g.lower() for g in m.groups()] for m in slow] == [list(m.groups()) for m in fast]


def test_date_prechecks_are_necessary() -> None:
    for text in _texts():
        if dates._ISO.search(text) or dates._NUMERIC.search(text):
            assert dates._DIGIT_SEPARATOR_DIGIT.search(text), text


def test_dates_with_look_alike_letters_do_not_raise() -> None:
    tuesday = dt.date(2024, 10, 15)  # a Tuesday: `Selasa lalu` is a week before
    assert dates.find_dates("rapat ſelasa lalu", tuesday) == ["2024-10-08"]
    assert dates.find_dates("25 ſeptember 2023 dan 1 Mei 2023", None) == ["2023-09-25", "2023-05-01"]
    assert dates.find_dates("dua harı lalu", tuesday) == ["2024-10-13"]


def test_people_and_url_prechecks_are_necessary() -> None:
    for text in _texts():
        if people._NIP_RE.search(text) or people._NIK_RE.search(text):
            assert people._may_hold_identity_numbers(text), text
        if people._TITLE_HINT.search(text):
            assert people._TITLE_NEEDLE.search(text), text
        if people._TRIGGERED.search(text):
            assert people._TRIGGER_NEEDLE.search(text), text
        if entities._URL_RE.search(text):
            assert entities._may_hold_urls(text), text


@pytest.mark.django_db
def test_classify_texts_leaves_the_garbage_collector_as_it_found_it(monkeypatch: Any) -> None:
    from netral.triage import services

    class Version:
        version = "test"

    fitted = GroupClassifier().fit(
        [r["text"] for r in load_corpus()[::40]], [r["category"] for r in load_corpus()[::40]]
    )
    monkeypatch.setattr(services, "current_model", lambda: (Version(), fitted))
    records = [{"id": 1, "text": "camat pasang baliho paslon 02 kemarin", "reported_on": "2024-10-14"}]
    was_enabled = gc.isenabled()
    try:
        gc.enable()
        assert services.classify_texts(records)[0]["entities"]["dates"] == ["2024-10-13"]
        assert gc.isenabled()
        gc.disable()
        services.classify_texts(records)
        assert not gc.isenabled()
    finally:
        if was_enabled:
            gc.enable()


def test_title_needle_covers_every_title() -> None:
    titles = re.search(r"\(\?:(.*?)\)", people._TITLE_HINT.pattern)
    assert titles is not None
    for title in titles.group(1).replace("\\.", ".").split("|"):
        assert people._TITLE_NEEDLE.search(f"x {title}. Budi"), title
