"""The triage group classifier: TF-IDF word + character n-grams and a calibrated linear SVM.

Words are read after normalisation and stemming, characters on the normalised text (robust to
typos and spellings the slang table does not know). LinearSVC scores are calibrated into
probabilities with Platt scaling (CalibratedClassifierCV, sigmoid, 5 folds); optional per-example
weights reach both. Trains on CPU in about two seconds on the corpus's 3,200 training examples.
"""

from __future__ import annotations

from itertools import chain, pairwise, repeat
from typing import Any

import numpy as np
from scipy.sparse import csc_matrix, hstack
from scipy.special import expit
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

from netral.triage.preprocess import preprocess

# Bump when preprocessing or features change: part of the model version hash.
CODE_VERSION = "5"

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


# 1 + log(count) for the counts a report's n-grams have (a table lookup instead of a logarithm).
_SUBLINEAR = 1.0 + np.log(np.arange(1, 65, dtype=np.float64))


def _tfidf_columns(rows: np.ndarray, cols: np.ndarray, idf: np.ndarray, n_rows: int) -> csc_matrix:
    """What a fitted `TfidfVectorizer(sublinear_tf=True)` gives, from the (row, feature index) of
    every n-gram occurrence of a batch: counts per row, (1 + log count) x idf, l2 norm per row.

    Counting is one sort of packed (column, row) keys for the whole batch. The result is stored by
    column: the product with the weight matrix then reads each weight row once per batch, in
    order, instead of once per report (the same sums in the same order as by row). Empty rows
    stay empty.
    """
    width = len(idf)
    shift = max(n_rows - 1, 1).bit_length()
    dtype = np.int32 if (width << shift) <= np.iinfo(np.int32).max else np.int64
    keys = np.bitwise_or(np.left_shift(cols.astype(dtype), shift), rows.astype(dtype))
    keys.sort()
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1]))) if len(keys) else keys
    counts = np.diff(starts, append=len(keys))
    unique = keys[starts]
    col = unique >> shift
    row = unique & ((1 << shift) - 1)
    tf = _SUBLINEAR[counts - 1] if len(counts) and counts.max() <= len(_SUBLINEAR) else 1.0 + np.log(counts)
    weights = tf * idf[col]
    norms = np.sqrt(np.bincount(row, weights=weights * weights, minlength=n_rows))
    weights /= norms[row]
    indptr = np.zeros(width + 1, dtype=np.int64)
    np.cumsum(np.bincount(col, minlength=width), out=indptr[1:])
    return csc_matrix((weights, row, indptr), shape=(n_rows, width))


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
        state.pop("_bigrams", None)  # rebuilt from the vocabulary on first use
        return state

    def _char_block(self, texts: list[str]) -> csc_matrix:
        """Character n-gram rows of normalised texts, from each word's cached n-gram indices."""
        cache = self._word_grams
        splits = [text.split() for text in texts]
        words = list(chain.from_iterable(splits))
        for word in dict.fromkeys(words):
            if word not in cache:
                cache[word] = self._gram_indices(word)
        parts = list(map(cache.__getitem__, words))
        if len(cache) > 200_000:
            cache.clear()
        per_word = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
        word_rows = np.repeat(np.arange(len(texts)), np.fromiter(map(len, splits), np.int64, len(splits)))
        cols = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
        return _tfidf_columns(np.repeat(word_rows, per_word), cols, self.chars.idf_, len(texts))

    def _gram_indices(self, word: str) -> np.ndarray:
        """Vocabulary indices of a word's character n-grams."""
        get = self.chars.vocabulary_.get
        return np.fromiter((i for gram in word_char_ngrams(word) if (i := get(gram)) is not None), np.int32)

    def _word_block(self, texts: list[str]) -> csc_matrix:
        """Word 1-2-gram rows of stemmed texts (bigrams looked up as token pairs, never across texts)."""
        vocabulary = self.words.vocabulary_
        pairs = self.__dict__.get("_bigrams")
        if pairs is None:
            pairs = {tuple(gram.split(" ")): i for gram, i in vocabulary.items() if " " in gram}
            self.__dict__["_bigrams"] = pairs
        splits = [text.split() for text in texts]
        lengths = np.fromiter(map(len, splits), dtype=np.int64, count=len(splits))
        tokens = list(chain.from_iterable(splits))
        unigrams = np.fromiter(map(vocabulary.get, tokens, repeat(-1)), dtype=np.int64, count=len(tokens))
        bigrams = np.fromiter(map(pairs.get, pairwise(tokens), repeat(-1)), np.int64, max(len(tokens) - 1, 0))
        rows = np.repeat(np.arange(len(texts)), lengths)
        # A pair starting at a text's last token crosses into the next text: not a bigram.
        bigrams[(np.cumsum(lengths) - 1)[(lengths > 0) & (np.cumsum(lengths) < len(tokens))]] = -1
        cols = np.concatenate([unigrams, bigrams])
        rows = np.concatenate([rows, rows[:-1]])
        known = cols >= 0
        return _tfidf_columns(rows[known], cols[known], self.words.idf_, len(texts))

    def _blocks(self, views: list[tuple[str, str]]) -> tuple[csc_matrix, csc_matrix]:
        """(word block, character block) of the feature rows, as the fitted vectorisers give them."""
        return self._word_block([view[1] for view in views]), self._char_block([view[0] for view in views])

    def _features(self, views: list[tuple[str, str]], *, fit: bool = False) -> Any:
        """Feature rows of preprocessed texts: (normalised, stemmed) pairs from `preprocess`."""
        if fit:
            normal = [view[0] for view in views]
            stemmed = [view[1] for view in views]
            return hstack([self.words.fit_transform(stemmed), self.chars.fit_transform(normal)]).tocsr()
        return hstack(self._blocks(views)).tocsr()

    def fit(self, texts: list[str], labels: list[str], weights: list[float] | None = None) -> GroupClassifier:
        """Fit on texts and their group codes; `weights` (one per text) weigh the SVMs and the calibration."""
        features = self._features([preprocess(text) for text in texts], fit=True)
        self.classifier.fit(features, labels, sample_weight=weights)
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
        return self._calibrated(np.asarray(features @ fast["weights_t"]))

    def _fast_proba_blocks(self, blocks: tuple[csc_matrix, csc_matrix]) -> np.ndarray:
        """`_fast_proba` of the stacked blocks without stacking them: one product per block."""
        fast = self._fast
        assert fast is not None
        weights = fast["weights_t"]
        split = blocks[0].shape[1]
        return self._calibrated(np.asarray(blocks[0] @ weights[:split]) + blocks[1] @ weights[split:])

    def _calibrated(self, raw_scores: np.ndarray) -> np.ndarray:
        """Mean over the folds of the normalised one-vs-rest sigmoid probabilities."""
        fast = self._fast
        assert fast is not None
        scores = raw_scores + fast["intercept"]
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
        if getattr(self, "_fast", None) is not None:
            return self._fast_proba_blocks(self._blocks(views))
        return np.asarray(self.classifier.predict_proba(self._features(views)))

    def top(self, texts: list[str], k: int = 3) -> list[list[tuple[str, float]]]:
        """The k most probable groups of each text, best first, with calibrated probabilities."""
        return self.top_views([preprocess(text) for text in texts], k)

    def top_views(self, views: list[tuple[str, str]], k: int = 3) -> list[list[tuple[str, float]]]:
        """`top` for texts already preprocessed (callers that need the normalised text too)."""
        probabilities = self.predict_proba_views(views)
        # One stable sort for the batch (ties keep the class order, as argsort of one row did).
        order = np.argsort(-probabilities, axis=1, kind="stable")[:, :k]
        best = np.take_along_axis(probabilities, order, axis=1).tolist()
        classes = self.classes
        return [
            [(classes[i], round(p, 4)) for i, p in zip(indices, values, strict=True)]
            for indices, values in zip(order.tolist(), best, strict=True)
        ]
