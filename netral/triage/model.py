"""The triage group classifier: TF-IDF word + character n-grams and a calibrated linear SVM.

Words are read after normalisation and stemming, characters on the normalised text (robust to
typos and spellings the slang table does not know). LinearSVC scores are calibrated into
probabilities with Platt scaling (CalibratedClassifierCV, sigmoid, 5 folds). Trains on CPU in a
few seconds for the corpus of about a thousand examples.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, hstack
from scipy.special import expit
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

from netral.triage.preprocess import preprocess

# Bump when preprocessing or features change: part of the model version hash.
CODE_VERSION = "4"

CHAR_RANGE = (2, 5)
_CHAR_CACHE: dict[str, list[str]] = {}


def word_char_ngrams(text: str) -> list[str]:
    """Character 2-5-grams inside each space-padded word (like sklearn's char_wb), cached per word.

    A report's words are nearly all known after the first few hundred reports, so this is a few
    dictionary lookups per word instead of slicing every character window again.
    """
    grams: list[str] = []
    cache = _CHAR_CACHE
    for word in text.split():
        found = cache.get(word)
        if found is None:
            padded = f" {word} "
            found = [
                padded[i : i + n]
                for n in range(CHAR_RANGE[0], CHAR_RANGE[1] + 1)
                for i in range(len(padded) - n + 1)
            ]
            if len(cache) < 200_000:
                cache[word] = found
        grams.extend(found)
    return grams


def _tfidf_rows(vectorizer: TfidfVectorizer, docs: list[np.ndarray]) -> csr_matrix:
    """The rows `vectorizer.transform` would give (sublinear tf, idf, l2 norm) from feature indices."""
    idf = vectorizer.idf_
    indptr = [0]
    columns: list[np.ndarray] = []
    values: list[np.ndarray] = []
    for indices in docs:
        if len(indices):
            unique, counts = np.unique(indices, return_counts=True)
            weights = (1.0 + np.log(counts)) * idf[unique]
            weights /= np.sqrt(np.dot(weights, weights))
            columns.append(unique)
            values.append(weights)
        indptr.append(indptr[-1] + (len(unique) if len(indices) else 0))
    data = np.concatenate(values) if values else np.zeros(0)
    cols = np.concatenate(columns) if columns else np.zeros(0, dtype=np.int64)
    return csr_matrix((data, cols, np.asarray(indptr)), shape=(len(docs), len(idf)))


class GroupClassifier:
    """fit(texts, labels) / predict_proba(texts) over the ten group codes."""

    def __init__(self) -> None:
        self.words = TfidfVectorizer(
            ngram_range=(1, 2),
            sublinear_tf=True,
            min_df=1,
            token_pattern=r"\S+",  # noqa: S106 (a regex, not a password)
            lowercase=False,
        )
        self.chars = TfidfVectorizer(analyzer=word_char_ngrams, sublinear_tf=True, min_df=2, lowercase=False)
        self.classifier = CalibratedClassifierCV(
            LinearSVC(C=0.5, class_weight="balanced", random_state=0), method="sigmoid", cv=5
        )
        self.classes: list[str] = []
        self._word_grams: dict[str, np.ndarray] = {}
        self._fast: dict[str, Any] | None = None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_word_grams"] = {}
        return state

    def _char_indices(self, text: str) -> np.ndarray:
        vocabulary = self.chars.vocabulary_
        parts = []
        for word in text.split():
            found = self._word_grams.get(word)
            if found is None:
                found = np.fromiter(
                    (i for gram in word_char_ngrams(word) if (i := vocabulary.get(gram)) is not None),
                    dtype=np.int64,
                )
                if len(self._word_grams) < 200_000:
                    self._word_grams[word] = found
            parts.append(found)
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)

    def _word_indices(self, text: str) -> np.ndarray:
        vocabulary = self.words.vocabulary_
        tokens = text.split()
        grams = tokens + [f"{a} {b}" for a, b in pairwise(tokens)]
        return np.fromiter((i for gram in grams if (i := vocabulary.get(gram)) is not None), dtype=np.int64)

    def _features(self, views: list[tuple[str, str]], *, fit: bool = False) -> Any:
        """Feature rows of preprocessed texts: (normalised, stemmed) pairs from `preprocess`."""
        normal = [view[0] for view in views]
        stemmed = [view[1] for view in views]
        if fit:
            return hstack([self.words.fit_transform(stemmed), self.chars.fit_transform(normal)]).tocsr()
        words = _tfidf_rows(self.words, [self._word_indices(text) for text in stemmed])
        chars = _tfidf_rows(self.chars, [self._char_indices(text) for text in normal])
        return hstack([words, chars]).tocsr()

    def fit(self, texts: list[str], labels: list[str]) -> GroupClassifier:
        features = self._features([preprocess(text) for text in texts], fit=True)
        self.classifier.fit(features, labels)
        self.classes = [str(label) for label in self.classifier.classes_]
        self._compile()
        return self

    def _compile(self) -> None:
        """Fold the calibrated ensemble (k folds x one-vs-rest SVMs + sigmoids) into arrays.

        predict_proba then is one sparse x dense product and a few vectorised steps instead of
        k x classes small estimator calls; `test_fast_probabilities_equal_sklearn` checks that the
        numbers are the ones CalibratedClassifierCV gives.
        """
        folds = self.classifier.calibrated_classifiers_
        n_classes = len(self.classes)
        if n_classes < 3 or any(len(fold.estimator.classes_) != n_classes for fold in folds):
            self._fast = None  # a fold missed a class: keep sklearn's general path
            return
        weights = np.vstack([fold.estimator.coef_ for fold in folds])
        self._fast = {
            "weights_t": np.ascontiguousarray(weights.T),
            "intercept": np.concatenate([fold.estimator.intercept_ for fold in folds]),
            "a": np.concatenate([[c.a_ for c in fold.calibrators] for fold in folds]),
            "b": np.concatenate([[c.b_ for c in fold.calibrators] for fold in folds]),
            "folds": len(folds),
        }

    def _fast_proba(self, features: Any) -> np.ndarray:
        fast = self._fast
        assert fast is not None
        scores = np.asarray(features @ fast["weights_t"]) + fast["intercept"]
        proba = expit(-(fast["a"] * scores + fast["b"])).reshape(scores.shape[0], fast["folds"], -1)
        total = proba.sum(axis=2, keepdims=True)
        uniform = np.full_like(proba, 1.0 / proba.shape[2])
        proba = np.divide(proba, total, out=uniform, where=total != 0).mean(axis=1)
        proba[(proba > 1.0) & (proba <= 1.0 + 1e-5)] = 1.0
        return proba

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        """Rows of probabilities in the order of `self.classes`."""
        return self.predict_proba_views([preprocess(text) for text in texts])

    def predict_proba_views(self, views: list[tuple[str, str]]) -> np.ndarray:
        if not views:
            return np.zeros((0, len(self.classes)))
        features = self._features(views)
        if getattr(self, "_fast", None) is not None:
            return self._fast_proba(features)
        return np.asarray(self.classifier.predict_proba(features))

    def top(self, texts: list[str], k: int = 3) -> list[list[tuple[str, float]]]:
        """The k most probable groups of each text, best first, with calibrated probabilities."""
        return self.top_views([preprocess(text) for text in texts], k)

    def top_views(self, views: list[tuple[str, str]], k: int = 3) -> list[list[tuple[str, float]]]:
        """`top` for texts already preprocessed (callers that need the normalised text too)."""
        probabilities = self.predict_proba_views(views)
        ranked = []
        for row in probabilities:
            order = np.argsort(-row)[:k]
            ranked.append([(self.classes[i], round(float(row[i]), 4)) for i in order])
        return ranked
