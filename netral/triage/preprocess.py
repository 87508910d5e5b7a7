"""Indonesian text preprocessing for triage: normalisation, informal spelling, stemming.

`normalise(text)` lowercases, replaces URLs and numbers by placeholder tokens, squeezes repeated
letters ("parahhh" -> "parah"), splits "bagi2" style reduplication and maps informal spellings to
the standard word with data/slang.tsv. `stem_tokens` stems with PySastrawi through a per-token
cache (stemming one word costs about a millisecond; a report's words are almost all cached).
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

SLANG_FILE = Path(__file__).resolve().parent / "data" / "slang.tsv"

URL_TOKEN = "tautanurl"  # noqa: S105 (a placeholder word, not a secret)
LONG_NUMBER_TOKEN = "nomorpanjang"  # noqa: S105
NUMBER_TOKEN = "angka"  # noqa: S105

_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|id|co\.id|net|org)(?:/\S*)?", re.IGNORECASE)
_LONG_NUMBER = re.compile(r"\d[\d .-]{7,}\d")
_NUMBER = re.compile(r"\d+")
_REPEAT = re.compile(r"([a-z])\1{2,}")
_REDUPLICATION = re.compile(r"\b([a-z]{2,})2\b")
_TOKEN = re.compile(r"[a-z]+")
# Words whose Sastrawi stem collides with another meaning ("pasangan" calon is not "memasang").
KEEP_UNSTEMMED = frozenset({"pasangan", "pemilu", "peraga", "pemerintah", "pejabat", "pemilih", "pengurus"})


@lru_cache(maxsize=1)
def slang_table() -> dict[str, str]:
    """informal -> standard spelling, from data/slang.tsv (an empty value drops the word)."""
    table: dict[str, str] = {}
    for line in SLANG_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        informal, _, formal = line.partition("\t")
        table[informal.strip()] = formal.strip()
    return table


def normalise(text: str) -> str:
    """Lowercased text with placeholders for URLs and numbers and standard spellings."""
    text = text.lower()
    text = _URL.sub(f" {URL_TOKEN} ", text)
    text = _REDUPLICATION.sub(r"\1 \1", text)
    text = _LONG_NUMBER.sub(f" {LONG_NUMBER_TOKEN} ", text)
    text = _NUMBER.sub(f" {NUMBER_TOKEN} ", text)
    text = _REPEAT.sub(r"\1", text)
    table = slang_table()
    words = []
    for token in _TOKEN.findall(text):
        replacement = table.get(token)
        if replacement is None:
            words.append(token)
        elif replacement:
            words.append(replacement)
    return " ".join(words)


class _Stemmer:
    """PySastrawi's stemmer behind a per-token dictionary cache shared by the process."""

    def __init__(self) -> None:
        self._stemmer: Any = None
        self._cache: dict[str, str] = {}
        self._lock = threading.Lock()

    def _load(self) -> Any:
        if self._stemmer is None:
            with self._lock:
                if self._stemmer is None:
                    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

                    self._stemmer = StemmerFactory().create_stemmer()
        return self._stemmer

    def stem(self, token: str) -> str:
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        if (
            len(token) <= 3
            or token in KEEP_UNSTEMMED
            or token in (URL_TOKEN, LONG_NUMBER_TOKEN, NUMBER_TOKEN)
        ):
            result = token
        else:
            result = self._load().stem(token) or token
        if len(self._cache) < 200_000:
            self._cache[token] = result
        return result


STEMMER = _Stemmer()


def stem_tokens(normalised: str) -> list[str]:
    """Stems of an already normalised text's words."""
    stem = STEMMER.stem
    return [stem(token) for token in normalised.split()]


def preprocess(text: str) -> tuple[str, str]:
    """(normalised text, stemmed text): the two views the classifier reads."""
    normal = normalise(text)
    return normal, " ".join(stem_tokens(normal))
