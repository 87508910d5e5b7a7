"""Entity extraction from report text: who, where, when, which candidate, which platform.

`extract(text, reported_on)` returns a dict with exactly these keys (docs/triage.md, "Extraction"):

    regions      Kemendagri codes, best single guess first        ["32.04", "32"]
    employment   pns | pppk | honorer | kepala_desa | unknown
    nips, niks   valid identity numbers (digits only)
    names        person names as written, titles kept              ["Drs. H. Ahmad Fauzi, M.Si."]
    positions    [{"title", "class", "level", "text"}]            class = personnel position class
    agencies     [{"text", "code"}]                               code = personnel Agency code or None
    dates        ISO dates, in order of appearance
    candidates   [{"name", "number", "text"}]
    parties      canonical party names                             ["Golkar"]
    platforms    facebook | instagram | tiktok | whatsapp | x | youtube | telegram | threads | snackvideo
    urls         as written

It is pure Python over precompiled regexes and one phrase table built once per process
(`extract.gazetteer`), with no database query, so it costs well under a millisecond per report.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from netral.triage.extract.dates import find_dates
from netral.triage.extract.gazetteer import TOKEN_RE, Gazetteer, Hit, gazetteer, scan
from netral.triage.extract.people import TITLE_TOKENS, find_ballots, find_names, find_niks, find_nips
from netral.triage.extract.regions import find_regions

EMPLOYMENTS = ("pns", "pppk", "honorer", "kepala_desa", "unknown")
_DOUBT = frozenset({"bukan", "atau", "non", "mantan", "eks", "selain", "apakah", "ataukah", "bkn"})
_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'()\[\]]+"
    r"|\b(?:[a-z0-9-]+\.)+(?:com|id|net|org|ly|me|tv|co|be|watch)(?:/[^\s<>\"'()\[\]]*)?",
    re.IGNORECASE,
)
_URL_PLATFORMS = (
    ("facebook.com", "facebook"), ("fb.com", "facebook"), ("fb.watch", "facebook"),
    ("instagram.com", "instagram"), ("tiktok.com", "tiktok"), ("twitter.com", "x"), ("x.com", "x"),
    ("youtube.com", "youtube"), ("youtu.be", "youtube"), ("wa.me", "whatsapp"),
    ("whatsapp.com", "whatsapp"), ("t.me", "telegram"), ("threads.net", "threads"),
)  # fmt: skip
_URL_WORDS = frozenset(
    ["http", "https", "www", "com", "id", "net", "org", "ly", "me", "tv", "co", "be", "watch"]
)
# Every `_URL_RE` match of an ASCII text contains one of these (lower-cased): a cheap test first.
_URL_HINTS = (
    "://",
    "www.",
    *(f".{end}" for end in ("com", "id", "net", "org", "ly", "me", "tv", "co", "be", "watch")),
)


def _may_hold_urls(text: str) -> bool:
    """False only when `_URL_RE` cannot match (it is slow: it tries a host name at every word)."""
    if not text.isascii():
        return True
    lowered = text.lower()
    return any(hint in lowered for hint in _URL_HINTS)


_X_RE = re.compile(r"\bX\s*\(\s*(?:d/h\s*|dulu\s*)?Twitter|\b(?:akun|aplikasi|platform|medsos)\s+X\b")
# Words that may continue a lower-case agency name (`dinas pendidikan kab garut`).
# fmt: off
_UNIT_WORDS = frozenset(
    [
        "pendidikan", "kesehatan", "sosial", "pertanian", "perhubungan", "pu", "pupr", "kominfo",
        "komunikasi", "informatika", "pariwisata", "perdagangan", "perindustrian", "koperasi",
        "lingkungan", "hidup", "kebudayaan", "pemuda", "olahraga", "kependudukan", "pencatatan", "sipil",
        "tenaga", "kerja", "ketenagakerjaan", "perikanan", "peternakan", "kehutanan", "pemberdayaan",
        "masyarakat", "desa", "perempuan", "anak", "pangan", "keuangan", "pendapatan", "daerah",
        "kepegawaian", "perencanaan", "pembangunan", "umum", "penataan", "ruang", "perumahan",
        "permukiman", "pertanahan", "kebersihan", "pemadam", "kebakaran", "agama", "negeri",
    ]
)
# fmt: on
# fmt: off
_HEAD_TOKENS = frozenset(
    [
        "dinas", "badan", "kantor", "sdn", "smpn", "sman", "smkn", "sd", "smp", "sma", "smk", "puskesmas",
        "kua", "upt", "uptd", "pasar", "madrasah", "mts", "man", "bagian", "bidang", "kecamatan",
        "kelurahan", "rsud", "bappeda", "bkd", "bkpsdm", "bkpp", "bpkad", "bapenda", "bpbd", "inspektorat",
    ]
)
# fmt: on


# Hit kinds that end an agency name; kinds that fill the extractor's lists.
_AGENCY_STOPS = frozenset({"position", "agency", "central"})
_LISTED = frozenset({"position", "party", "platform", "candidate"})


def _doubted(words: list[str], start: int) -> bool:
    return any(w in _DOUBT for w in words[max(0, start - 2) : start])


# An elected regional head who takes a decision (Pasal 71 UU Pilkada: replacing officials, programmes
# that favour a candidate): the one reported is then not a civil servant (employment `unknown`), even
# though the officials the decision concerns are named in the text.
_HEADS = frozenset({"bupati", "walikota", "gubernur"})  # and `wali kota`
_NOT_THE_HEAD = frozenset(
    {
        # a candidate for the office, or a civil servant acting in it (a penjabat, a Plh: the sekda); a Plt
        # of a regional head is the elected deputy, so `Plt Bupati` is the head here
        "calon", "bacalon", "balon", "nyalon", "mencalonkan", "dicalonkan", "maju", "cabup", "cawabup",
        "cawalkot", "cagub", "paslon", "pasangan", "pilkada",
        "pemilihan", "kandidat", "penjabat", "pj", "pjs", "plh",
        # someone or something of the head's, not the head
        "staf", "ahli", "ajudan", "asisten", "istri", "suami", "anak", "keluarga", "kantor", "rumah",
        "pendopo", "rujab", "sekretariat",
    }
)  # fmt: skip
_DECISIONS = frozenset(
    {
        "mutasi", "memutasi", "dimutasi", "rotasi", "merotasi", "dirotasi", "melantik", "dilantik",
        "pelantikan", "mengganti", "menggantikan", "diganti", "penggantian", "mencopot", "dicopot",
        "memberhentikan", "diberhentikan", "pemberhentian", "menonaktifkan", "dinonaktifkan", "sk",
        "keputusan", "bansos",
    }
)  # fmt: skip
_SENTENCE_END = re.compile(r"(\w*)[.!?;]\s")
_ABBREVIATIONS = frozenset(
    {"kab", "kec", "kel", "prov", "ds", "drs", "dra", "dr", "ir", "hj", "no", "jl", "st"}
)


def _sentence_ends(text: str) -> list[int]:
    """Where sentences end (the stop's offset); the dots of `Kab.`, `Drs.`, `H.` end none."""
    return [
        m.end(1)
        for m in _SENTENCE_END.finditer(text)
        if m.group(1).lower() not in _ABBREVIATIONS and len(m.group(1)) != 1
    ]


def _head_decides(text: str, words: list[str], spans: list[tuple[int, int]]) -> bool:
    """An elected regional head (not a candidate, not a penjabat) and a decision in the same sentence."""
    if _HEADS.isdisjoint(words) and "wali" not in words:
        return False
    ends: list[int] | None = None
    for i, word in enumerate(words):
        is_head = word in _HEADS or (word == "kota" and i and words[i - 1] == "wali")
        if not is_head:
            continue
        first = i - 1 if word == "kota" else i
        before = words[max(0, first - 2) : first]
        if any(w in _NOT_THE_HEAD for w in before):
            continue
        ends = _sentence_ends(text) if ends is None else ends
        start = max((e for e in ends if e < spans[i][0]), default=0)
        end = min((e for e in ends if e >= spans[i][1]), default=len(text))
        if any(w in _DECISIONS for w, (a, b) in zip(words, spans, strict=True) if a >= start and b <= end):
            return True
    return False


def _employment(words: list[str], hits: list[Hit], head_decides: bool = False) -> str:
    if head_decides:
        return "unknown"
    stated: list[str] = []
    implied: list[str] = []
    for hit in hits:
        info = hit.info
        if (info.employment or info.implied) and not _doubted(words, hit.start):
            stated.extend(info.employment)
            implied.extend(info.implied)
    for pool in (stated, implied):
        if pool:
            return max(dict.fromkeys(pool), key=pool.count)  # most frequent; the first among equals
    return "unknown"


def _agency_code(
    head: str, span_hits: list[Hit], words: list[str], orig: list[str], gaz: Gazetteer
) -> str | None:
    codes = find_regions(words, orig, span_hits, gaz)
    if not codes:
        return None
    code = codes[0]
    if "." not in code or code.startswith("31."):  # Jakarta's cities are administrative: the province
        return f"pemprov-{code[:2]}"
    if head in {"sman", "smkn", "sma negeri", "smk negeri"}:
        return f"pemprov-{code[:2]}"
    return f"{'pemkot' if gaz.region_types.get(code) == 'kota' else 'pemkab'}-{code}"


def _agencies(
    text: str,
    spans: list[tuple[int, int]],
    words: list[str],
    orig: list[str],
    hits: list[Hit],
    gaz: Gazetteer,
) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    stops = {h.start for h in hits if not h.info.kinds.isdisjoint(_AGENCY_STOPS)}
    covered = 0
    for index, hit in enumerate(hits):
        if hit.start < covered:
            continue
        central, head = hit.info.central, hit.info.agency
        start = hit.start
        if head is None and central is None:
            if not hit.info.positions or hit.end - hit.start < 2:
                continue
            inner = [i for i in range(hit.start + 1, hit.end) if words[i] in _HEAD_TOKENS]
            if not inner:
                continue
            start, head = inner[0], words[inner[0]]
        end = hit.end
        while end < len(words) and end - start < 10 and end not in stops:
            gap = text[spans[end - 1][1] : spans[end][0]]
            if "." in gap.replace("Kab.", "") and orig[end - 1].lower() not in {"kab", "kec", "kel", "prov"}:
                break
            token = orig[end]
            if "," in gap and token in TITLE_TOKENS:
                break  # `BPKAD Kabupaten Garut, Drs. Asep ...`: a person's title, not the agency's name
            if (
                token[:1].isupper()
                or token.isdigit()
                or (token in {"dan", "&"} and end + 1 < len(words) and orig[end + 1][:1].isupper())
            ) or (
                (token.islower() and token in _UNIT_WORDS)
                or words[end] in {"kab", "kota", "kabupaten", "provinsi"}
            ):
                end += 1
            else:
                break
        while end - start > 1 and orig[end - 1] in {"dan", "&"}:  # the next agency's name stopped it
            end -= 1
        name = text[spans[start][0] : spans[end - 1][1]].strip()
        if name.endswith("(") or name.count("(") > name.count(")"):
            name = name.rsplit("(", 1)[0].strip(" ,")
        if end - start == 1 and orig[start].islower() and central is None:
            continue  # a lone lower-case `dinas` (`seragam dinas`) names no agency
        covered = end
        span_hits = [h for h in hits[index:] if h.start >= start and h.end <= end]
        code = f"pusat-{central}" if central else _agency_code(head or "", span_hits, words, orig, gaz)
        if end - start == 1 and code is None:
            continue  # a lone `Kantor` or `Puskesmas` names no particular agency
        if all(a["text"] != name for a in found):
            found.append({"text": name, "code": code})
    return found


def extract(text: str, reported_on: dt.date | None = None) -> dict[str, Any]:
    """Entities of one report text; see the module docstring for the keys and their values."""
    text = text or ""
    if isinstance(reported_on, dt.datetime):
        reported_on = reported_on.date()
    gaz = gazetteer()
    matches = list(TOKEN_RE.finditer(text))
    orig = [m.group() for m in matches]
    words = [t.lower() for t in orig]
    spans = [m.span() for m in matches]
    hits = scan(words, gaz)

    positions: list[dict[str, Any]] = []
    post_ends: list[tuple[int, str]] = []
    parties: list[str] = []
    platforms: list[str] = []
    candidates: list[dict[str, Any]] = []
    for hit in hits:
        info = hit.info
        if info.kinds.isdisjoint(_LISTED):
            continue
        written = text[spans[hit.start][0] : spans[hit.end - 1][1]]
        for value in info.positions:
            post_ends.append((spans[hit.end - 1][1], written))
            if all(p["title"] != value.title for p in positions):
                positions.append(
                    {
                        "title": value.title,
                        "class": value.position_class,
                        "level": value.level,
                        "text": written,
                    }
                )
        parties.extend(party for party in info.parties if party not in parties)
        platforms.extend(platform for platform in info.platforms if platform not in platforms)
        for names in info.candidates:
            for name in names:
                if all(c["name"] != name for c in candidates):
                    candidates.append({"name": name, "number": None, "text": written})

    word_set = set(words)
    urls = []
    if not word_set.isdisjoint(_URL_WORDS) and _may_hold_urls(text):
        urls = [m.group().rstrip(".,;:!?") for m in _URL_RE.finditer(text)]
    for url in urls:
        lowered = url.lower()
        for domain, platform in _URL_PLATFORMS:
            if domain in lowered and platform not in platforms:
                platforms.append(platform)
    if "x" not in platforms and "X" in orig and _X_RE.search(text):
        platforms.append("x")

    nips = find_nips(text)
    return {
        "regions": find_regions(words, orig, hits, gaz),
        "employment": _employment(words, hits, _head_decides(text, words, spans)),
        "nips": nips,
        "niks": find_niks(text, nips),
        "names": find_names(text, post_ends, word_set),
        "positions": positions,
        "agencies": _agencies(text, spans, words, orig, hits, gaz),
        "dates": find_dates(text, reported_on, word_set),
        "candidates": find_ballots(text, words, spans) + candidates,
        "parties": parties,
        "platforms": platforms,
        "urls": list(dict.fromkeys(urls)),
    }
