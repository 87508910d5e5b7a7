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


# Substrings without which `_URL` cannot match an ASCII lower-case text (a cheap test before the
# regex, which is slow because it tries `[\w.-]+\.` at every word).
_URL_HINTS = ("://", "www.", ".com", ".id", ".net", ".org")


class _WordTable(dict[str, str]):
    """token -> its normalised form ("" drops it): repeated letters squeezed, then the slang table.

    A dict with `__missing__`, so known tokens cost one C-level lookup; new ones are computed once
    (up to 200,000 per process). Squeezing per token equals squeezing the whole text because a run
    of one repeated letter never crosses the `[a-z]+` token it is in.
    """

    def __missing__(self, token: str) -> str:
        squeezed = _REPEAT.sub(r"\1", token)
        value = slang_table().get(squeezed, squeezed)
        if len(self) < 200_000:
            self[token] = value
        return value


_WORDS = _WordTable()


def normalise(text: str) -> str:
    """Lowercased text with placeholders for URLs and numbers and standard spellings."""
    text = text.lower()
    if not text.isascii() or any(hint in text for hint in _URL_HINTS):
        text = _URL.sub(f" {URL_TOKEN} ", text)
    if "2" in text:
        text = _REDUPLICATION.sub(r"\1 \1", text)
    if _NUMBER.search(text):
        text = _LONG_NUMBER.sub(f" {LONG_NUMBER_TOKEN} ", text)
        text = _NUMBER.sub(f" {NUMBER_TOKEN} ", text)
    return " ".join(filter(None, map(_WORDS.__getitem__, _TOKEN.findall(text))))


class _Stemmer(dict[str, str]):
    """PySastrawi's stemmer behind a per-token cache shared by the process: a dict whose
    `__missing__` stems a new token, so a known one is a single C-level lookup."""

    def __init__(self) -> None:
        super().__init__()
        self._stemmer: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        if self._stemmer is None:
            with self._lock:
                if self._stemmer is None:
                    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

                    self._stemmer = StemmerFactory().create_stemmer()
        return self._stemmer

    def __missing__(self, token: str) -> str:
        if (
            len(token) <= 3
            or token in KEEP_UNSTEMMED
            or token in (URL_TOKEN, LONG_NUMBER_TOKEN, NUMBER_TOKEN)
        ):
            result = token
        else:
            result = self._load().stem(token) or token
        if len(self) < 200_000:
            self[token] = result
        return result

    def stem(self, token: str) -> str:
        return self[token]


STEMMER = _Stemmer()


def stem_tokens(normalised: str) -> list[str]:
    """Stems of an already normalised text's words."""
    return list(map(STEMMER.__getitem__, normalised.split()))


def preprocess(text: str) -> tuple[str, str]:
    """(normalised text, stemmed text): the two views the classifier reads."""
    normal = normalise(text)
    return normal, " ".join(map(STEMMER.__getitem__, normal.split()))
