"""The in-memory blocking index behind register matching, built for millions of rows.

Layout (numpy arrays, one entry per register row, rows sorted by agency so an agency is a slice):

* `ids`, `nips` (int64), `agency` / `region` / `pclass` / `title` (small-int category codes);
* two name blobs: the normalised name (`personnel.names.normalize_name`) and its sound key (below),
  each one bytes object plus int32 offsets, decoded only for the few thousand rows that get scored;
* postings in CSR form: for every distinct name word, the sorted rows that contain it.

Lookup of a name: every query word is expanded to the register words whose *sound key* is equal or
one deletion apart (a symmetric-delete table over the vocabulary: typos, `Zainal`/`Jainal`,
`Fatimah`/`Fatima`, `Syaiful`/`Saiful`); the rows sharing at least two of the query words (one when
the query has one word or when an agency/region filter narrows the rows) are scored with rapidfuzz.
Very common words (`muhammad`) are scored but not used to block; when the block is cut to `MAX_SCORED`, rows
holding them still count them. The best `matching_rank.POOL` rows are then re-ranked word by word
(`matching_rank.rerank`: order, left-out words weighted by rarity). `parts()` and `from_parts()` are what
`matching_store` writes to disk and maps back (every process of a machine shares one stored copy).
See docs/triage.md.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from netral.triage.matching_rank import rarity_from_counts, rerank

MAX_SCORED = 3000  # rows scored per query at most (best block overlap first)
COMMON_SHARE = 0.02  # a word in more than this share of rows does not block (unless it is all we have)
SOUND_RULES = (("kh", "h"), ("sy", "s"), ("sh", "s"), ("ph", "f"), ("v", "f"), ("dz", "j"), ("z", "j"),
                ("q", "k"), ("th", "t"), ("dh", "d"), ("ae", "ai"), ("ck", "k"), ("j", "y"))  # fmt: skip
_REPEATS = re.compile(r"([b-df-hj-np-tv-z])\1+")  # doubled consonants: `Hassan`, `Muhammad`
IndexRow = tuple[int, str, str, str, str, str, str]  # id, nip, name_normalized, agency, region, class, title
Blobs = dict[str, bytes | bytearray | memoryview]  # the name blobs' bytes: "names", "sounds"


def sound(word: str) -> str:
    """A spelling-tolerant key of one normalised name word (`muhammad` -> `muhamad`)."""
    for old, new in SOUND_RULES:
        if old in word:
            word = word.replace(old, new)
    word = _REPEATS.sub(r"\1", word)
    if len(word) > 3 and word.endswith("h"):
        word = word[:-1]
    return word


def sound_name(normalized: str) -> str:
    return " ".join(sound(w) for w in normalized.split())


def _cdist(query: str, choices: list[str], scorer: Any) -> np.ndarray:
    return process.cdist([query], choices, scorer=scorer, workers=1)[0]


def _deletes(key: str) -> set[str]:
    if len(key) <= 3:
        return {key}
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


class _Blob:
    """Many short strings in one byte buffer with offsets, appended one by one, decoded on demand."""

    def __init__(self) -> None:
        self._building = bytearray()
        self.data: bytes | bytearray | memoryview = b""
        self._offsets = array("q", [0])
        self.offsets = np.zeros(1, dtype=np.int64)

    def append(self, text: str) -> None:
        self._building += text.encode()
        self._offsets.append(len(self._building))

    def freeze(self) -> None:
        self.offsets = np.frombuffer(self._offsets, dtype=np.int64).copy()
        self._offsets = array("q")
        self.data, self._building = bytes(self._building), bytearray()

    @classmethod
    def of(cls, data: bytes | bytearray | memoryview, offsets: np.ndarray) -> _Blob:
        """A frozen blob over stored bytes (a memory-mapped file's too) and offsets."""
        blob = cls()
        blob.data, blob.offsets, blob._offsets = data, offsets, array("q")
        return blob

    def take(self, indices: Sequence[int]) -> list[str]:
        data, offsets = self.data, self.offsets
        starts = offsets[list(indices)].tolist()
        ends = offsets[[i + 1 for i in indices]].tolist()
        return [str(data[a:b], "utf-8") for a, b in zip(starts, ends, strict=True)]


class _Categories:
    def __init__(self, values: Iterable[str] = ()) -> None:
        self.values: list[str] = list(values)
        self.codes: dict[str, int] = {value: code for code, value in enumerate(self.values)}

    def code(self, value: str) -> int:
        found = self.codes.get(value)
        if found is None:
            found = self.codes[value] = len(self.values)
            self.values.append(value)
        return found


@dataclass(frozen=True)
class Hit:
    row: int
    employee_id: int
    nip: str
    name_normalized: str
    agency_code: str
    region_code: str
    position_class: str
    position_title: str
    score: int
    reasons: tuple[str, ...]


class MatchIndex:
    def __init__(self, rows: Iterable[IndexRow]) -> None:
        agencies, regions, classes, titles = _Categories(), _Categories(), _Categories(), _Categories()
        vocab: dict[str, int] = {}
        sounds: dict[str, str] = {}
        ids, nips, word_counts = array("q"), array("q"), array("B")
        cols = [array("i"), array("i"), array("i"), array("i")]
        row_words, row_of_word = array("i"), array("i")
        self.names, self.sounds = _Blob(), _Blob()
        for employee_id, nip, name, agency, region, pclass, title in rows:
            row = len(ids)
            ids.append(employee_id)
            nips.append(int(nip) if nip.isdigit() else 0)
            cols[0].append(agencies.code(agency))
            cols[1].append(regions.code(region))
            cols[2].append(classes.code(pclass))
            cols[3].append(titles.code(title))
            self.names.append(name)
            word_counts.append(min(255, name.count(" ") + 1 if name else 0))
            keys = []
            for word in name.split():
                key = sounds.get(word)
                if key is None:
                    key = sounds[word] = sound(word)
                keys.append(key)
            self.sounds.append(" ".join(keys))
            for word in set(name.split()):
                wid = vocab.get(word)
                if wid is None:
                    wid = vocab[word] = len(vocab)
                row_words.append(wid)
                row_of_word.append(row)
        self.names.freeze()
        self.sounds.freeze()
        agency_col = np.frombuffer(cols[0], dtype=np.int32)
        order = np.argsort(agency_col, kind="stable")  # rows grouped by agency: an agency is a slice
        rank = np.empty_like(order)
        rank[order] = np.arange(len(order))
        self.blob_index = order  # row -> position in the name blobs (insertion order)
        self.ids = np.frombuffer(ids, dtype=np.int64)[order]
        self.nips = np.frombuffer(nips, dtype=np.int64)[order]
        self.word_count = np.frombuffer(word_counts, dtype=np.uint8)[order]
        self.agency = agency_col[order]
        self.region, self.pclass, self.title = (np.frombuffer(c, dtype=np.int32)[order] for c in cols[1:])
        self.agencies, self.regions, self.classes, self.titles = agencies, regions, classes, titles
        self.agency_start = np.searchsorted(self.agency, np.arange(len(agencies.values) + 1))

        words = np.frombuffer(row_words, dtype=np.int32)
        posted = rank[np.frombuffer(row_of_word, dtype=np.int32)].astype(np.int32)
        by_word = np.lexsort((posted, words))
        self.post_rows = posted[by_word]
        self.post_start = np.searchsorted(words[by_word], np.arange(len(vocab) + 1)).astype(np.int64)
        self.vocab = vocab
        self._finish()

    def _finish(self) -> None:
        """Lookup tables derived from the arrays and the vocabulary (milliseconds: a few thousand words)."""
        self.size = len(self.ids)
        self._by_sound: dict[str, list[int]] = {}
        for word, wid in self.vocab.items():  # keys of the sound form and of the word as written
            for key in _deletes(sound(word)) | _deletes(word):
                self._by_sound.setdefault(key, []).append(wid)
        self._position_cache: dict[str, tuple[list[int], list[int]]] = {}
        self._rarity = rarity_from_counts(self.size)
        self._rarity_cache: dict[str, float] = {}

    # -- storage (matching_store.py) ---------------------------------------------------------
    ARRAYS = ("ids", "nips", "word_count", "agency", "region", "pclass", "title", "agency_start",
              "blob_index", "post_rows", "post_start")  # fmt: skip
    STORED_ARRAYS = (*ARRAYS, "names_offsets", "sounds_offsets")  # and the name blobs' offsets

    def parts(self) -> tuple[dict[str, np.ndarray], Blobs, dict[str, Any]]:
        """(arrays, name blobs, JSON-able rest) from which `from_parts` makes the same index."""
        arrays = {name: getattr(self, name) for name in self.ARRAYS}
        arrays["names_offsets"], arrays["sounds_offsets"] = self.names.offsets, self.sounds.offsets
        blobs = {"names": self.names.data, "sounds": self.sounds.data}
        words = sorted(self.vocab, key=self.vocab.__getitem__)
        meta = {
            "words": words,
            "agencies": self.agencies.values,
            "regions": self.regions.values,
            "classes": self.classes.values,
            "titles": self.titles.values,
        }
        return arrays, blobs, meta

    @classmethod
    def from_parts(cls, arrays: dict[str, np.ndarray], blobs: Blobs, meta: dict[str, Any]) -> MatchIndex:
        """The index over stored parts (memory-mapped arrays are used as they are, never copied)."""
        index = cls.__new__(cls)
        for name in cls.ARRAYS:
            setattr(index, name, arrays[name])
        index.names = _Blob.of(blobs["names"], arrays["names_offsets"])
        index.sounds = _Blob.of(blobs["sounds"], arrays["sounds_offsets"])
        index.agencies, index.regions = _Categories(meta["agencies"]), _Categories(meta["regions"])
        index.classes, index.titles = _Categories(meta["classes"]), _Categories(meta["titles"])
        index.vocab = {word: wid for wid, word in enumerate(meta["words"])}
        index._finish()
        return index

    def word_rarity(self, word: str) -> float:
        """0 for a word in every register name .. 1 for a word in one (or none)."""
        value = self._rarity_cache.get(word)
        if value is None:
            wid = self.vocab.get(word)
            count = 1 if wid is None else int(self.post_start[wid + 1] - self.post_start[wid])
            value = self._rarity_cache[word] = self._rarity(count)
        return value

    # -- lookup -------------------------------------------------------------------------------
    def variants(self, word: str) -> list[int]:
        """Vocabulary ids of register words that sound like `word` (equal or one edit apart)."""
        found: set[int] = set()
        for key in _deletes(sound(word)) | _deletes(word):
            found.update(self._by_sound.get(key, ()))
        exact = self.vocab.get(word)
        if exact is not None:
            found.add(exact)
        return sorted(found)

    def _postings(self, wids: list[int], lo: int, hi: int, regions: list[int] | None = None) -> np.ndarray:
        starts, post = self.post_start, self.post_rows
        parts = [post[starts[w] : starts[w + 1]] for w in wids]
        if not parts:
            return np.empty(0, dtype=np.int32)
        rows = np.concatenate(parts) if len(parts) > 1 else parts[0]
        if lo > 0 or hi < self.size:
            rows = rows[(rows >= lo) & (rows < hi)]
        if regions is not None:
            rows = rows[np.isin(self.region[rows], regions)]
        return rows

    def candidates(self, words: list[str], lo: int, hi: int, regions: list[int] | None = None) -> np.ndarray:
        """Rows sharing at least one blocking word, the best `MAX_SCORED` by (words shared, exact words)."""
        query = list(dict.fromkeys(words))
        per_word = [self.variants(w) for w in query]
        sizes = [int(sum(self.post_start[w + 1] - self.post_start[w] for w in wids)) for wids in per_word]
        limit = max(1000, int(COMMON_SHARE * self.size))
        blocking = [i for i, n in enumerate(sizes) if n <= limit and per_word[i]]
        if not blocking:
            blocking = [i for i, wids in enumerate(per_word) if wids]
        if not blocking:
            return np.empty(0, dtype=np.int32)
        shared: list[np.ndarray] = []
        exact: list[np.ndarray] = []
        for i in blocking:
            # A row holding two spellings of one query word counts twice: rare, and only widens the block.
            shared.append(self._postings(per_word[i], lo, hi, regions))
            wid = self.vocab.get(query[i])
            if wid is not None:
                exact.append(self._postings([wid], lo, hi, regions))
        rows, counts = np.unique(np.concatenate(shared), return_counts=True)
        if len(rows) <= MAX_SCORED:
            return rows
        priority = counts.astype(np.int64) * 4
        for i, wids in enumerate(per_word):  # common words do not block, but a row holding one ranks first
            if i not in blocking:
                for w in wids:
                    posted = self.post_rows[self.post_start[w] : self.post_start[w + 1]]  # sorted
                    at = np.searchsorted(posted, rows).clip(max=len(posted) - 1)
                    priority += 4 * (posted[at] == rows) if len(posted) else 0
        if exact:
            exact_rows, exact_counts = np.unique(np.concatenate(exact), return_counts=True)
            priority[np.searchsorted(rows, exact_rows)] += exact_counts
        best = np.argpartition(-priority, MAX_SCORED - 1)[:MAX_SCORED]
        return np.sort(rows[best])

    def search(
        self,
        normalized: str,
        *,
        agency_code: str | None = None,
        region_code: str | None = None,
        position: str | None = None,
        nip_fragment: str | None = None,
        limit: int = 5,
    ) -> list[Hit]:
        words = normalized.split()
        scope = self._scope(agency_code, region_code)
        if not words or limit <= 0 or scope is None:
            return []
        lo, hi, allowed = scope
        rows = self.candidates(words, lo, hi, allowed)
        if len(rows) == 0:
            return []
        row_list = rows.tolist()
        blob_rows = self.blob_index[rows].tolist()
        names = self.names.take(blob_rows)
        sounds = self.sounds.take(blob_rows)
        query_sound = sound_name(normalized)
        # Plain ratio as well as token order: a typo in a first letter (`Itara`) reorders sorted tokens.
        s_plain = np.maximum(
            _cdist(normalized, names, fuzz.ratio), _cdist(normalized, names, fuzz.token_sort_ratio)
        )
        s_sound = np.maximum(
            _cdist(query_sound, sounds, fuzz.ratio), _cdist(query_sound, sounds, fuzz.token_sort_ratio)
        )
        s_set = _cdist(normalized, names, fuzz.token_set_ratio)
        score = 0.45 * np.maximum(s_plain, s_sound) + 0.35 * s_set + 0.2 * s_sound
        # Every query word in a longer register name: a left-out middle name, nearly as good as equal.
        extra = np.fromiter((n.count(" ") + 1 for n in names), np.int32, len(names)) - len(words)
        subset = (s_set >= 100) & (extra > 0)
        score = np.where(subset, np.maximum(score, 99.0 - 2.0 * extra), score)
        boost = np.zeros(len(rows), dtype=np.float64)
        position_hit = nip_hit = None
        if position:
            position_hit = self._position_match(rows, position)
            boost += 4 * position_hit
        if nip_fragment:
            digits = "".join(ch for ch in nip_fragment if ch.isdigit())
            if digits:
                nip_hit = np.fromiter((digits in str(n) for n in self.nips[rows].tolist()), bool, len(rows))
                boost += 8 * nip_hit
        name_alone = not (agency_code or region_code or position_hit is not None or nip_hit is not None)
        ranked, total = rerank(
            normalized,
            names,
            score + boost,
            self.ids[rows],
            self.word_rarity,
            sound,
            limit,
            collapse=name_alone,
        )  # ranked uncapped, reported as 0-100
        hits = []
        for i in ranked:
            row = row_list[i]
            reasons = [f"name {round(float(score[i]))}"]
            if agency_code:
                reasons.append("agency")
            if region_code:
                reasons.append("region")
            if position_hit is not None and position_hit[i]:
                reasons.append("position")
            if nip_hit is not None and nip_hit[i]:
                reasons.append("nip")
            hits.append(self._hit(row, names[i], min(100, round(float(total[i]))), tuple(reasons)))
        return hits

    def _scope(
        self, agency_code: str | None, region_code: str | None
    ) -> tuple[int, int, list[int] | None] | None:
        """(first row, end row, allowed region categories or None) of the filters; None: nothing passes."""
        lo, hi = 0, self.size
        if agency_code is not None:
            code = self.agencies.codes.get(agency_code)
            if code is None:
                return None
            lo, hi = int(self.agency_start[code]), int(self.agency_start[code + 1])
        allowed = None
        if region_code:
            allowed = [
                i
                for i, c in enumerate(self.regions.values)
                if c == region_code or c.startswith(region_code + ".")
            ]
            if not allowed:
                return None
        return lo, hi, allowed

    def namesakes(
        self, normalized: str, *, agency_code: str | None = None, region_code: str | None = None
    ) -> int:
        """How many register rows (within the filters) have exactly this normalised name.

        The rows holding every word (postings of the rarest word first, then one lookup per other word),
        of the same word count, compared as whole names: a few array operations even for `siti rahayu`.
        """
        words = normalized.split()
        scope = self._scope(agency_code, region_code)
        if not words or scope is None:
            return 0
        wids = []
        for word in dict.fromkeys(words):
            wid = self.vocab.get(word)
            if wid is None:
                return 0
            wids.append(wid)
        starts, post = self.post_start, self.post_rows
        wids.sort(key=lambda w: int(starts[w + 1] - starts[w]))
        rows = self._postings(wids[:1], *scope)
        rows = rows[self.word_count[rows] == min(255, len(words))]
        for wid in wids[1:]:
            if len(rows) == 0:
                return 0
            posted = post[starts[wid] : starts[wid + 1]]  # sorted
            at = np.searchsorted(posted, rows).clip(max=len(posted) - 1)
            rows = rows[posted[at] == rows]
        names = self.names.take(self.blob_index[rows].tolist()) if len(rows) else []
        return sum(name == normalized for name in names)

    def _position_match(self, rows: np.ndarray, position: str) -> np.ndarray:
        wanted = position.strip().lower()
        cached = self._position_cache.get(wanted)
        if cached is None:
            classes = [i for i, c in enumerate(self.classes.values) if c == wanted]
            titles = [i for i, t in enumerate(self.titles.values) if wanted and wanted in t.lower()]
            cached = self._position_cache[wanted] = (classes, titles)
        return np.isin(self.pclass[rows], cached[0]) | np.isin(self.title[rows], cached[1])

    def _hit(self, row: int, name: str, score: int, reasons: tuple[str, ...]) -> Hit:
        nip = int(self.nips[row])
        return Hit(
            row=row,
            employee_id=int(self.ids[row]),
            nip=f"{nip:018d}" if nip else "",
            name_normalized=name,
            agency_code=self.agencies.values[int(self.agency[row])],
            region_code=self.regions.values[int(self.region[row])],
            position_class=self.classes.values[int(self.pclass[row])],
            position_title=self.titles.values[int(self.title[row])],
            score=score,
            reasons=reasons,
        )

    def memory_bytes(self) -> int:
        arrays = (self.ids, self.nips, self.word_count, self.agency, self.region, self.pclass, self.title,
                  self.post_rows, self.post_start, self.names.offsets, self.sounds.offsets,
                  self.blob_index)  # fmt: skip
        return sum(a.nbytes for a in arrays) + len(self.names.data) + len(self.sounds.data)
