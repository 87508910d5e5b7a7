"""Identity numbers, person names and candidate ballot numbers in report text.

* NIP: 18 digits, also grouped `19860926 201505 1 001` (spaces, dots or hyphens between the groups);
  kept only when `netral.personnel.nip.parse_nip` accepts it. NIK: 16 digits (also grouped 4-4-4-4 or
  6-6-4), kept only when `parse_nik` accepts it.
* Names, as written (titles and degrees kept; the register matcher normalises them):
  a name after honorifics/degrees (`Drs. H. Ahmad Fauzi, M.Si.`, `Hj. St. Aisyah, S.Sos.`; a title after a
  comma starts a name, it is no degree of the words before); a capitalised name after
  `bernama`, `atas nama`, `Sdr.`, `Bapak`/`Pak`, `Ibu`/`Bu`, `oknum`; initials after `berinisial`/`inisial`
  or in brackets (`(ESS)`, `(Rd)`); a capitalised name just before `NIP`/`(NIP`; and initials right after a
  post, kept with the post so they stay meaningful (`Kepala Desa S.`).
* Ballot numbers: `paslon 02`, `nomor urut 1`, `capres 01`, `no. urut 3` -> {"number": 2, "text": ...}.
"""

from __future__ import annotations

import re

from netral.personnel.nik import parse_nik
from netral.personnel.nip import parse_nip
from netral.triage.extract.gazetteer import gazetteer

_NIP_RE = re.compile(r"\b(\d{8})[ .-]?(\d{6})[ .-]?(\d)[ .-]?(\d{3})\b")
_NIK_RE = re.compile(r"\b(\d{4}[ .-]?\d{4}[ .-]?\d{4}[ .-]?\d{4}|\d{6}[ .-]\d{6}[ .-]\d{4})\b")
_CAP = r"[A-Z][a-z'`’]+(?:-[A-Z]?[a-z]+)?"
# Abbreviated first names (`Moh. Soleh`, `Abd. Rahman`): part of the name, normalised by the register matcher.
_ABBREVIATED = r"(?:Moh|Muh|Moch|Much|Mochd|Mhd|Muhd|Abd|Ach|Achm)\.\s*"
_NAME = rf"(?:{_ABBREVIATED})?{_CAP}(?:\s+(?:{_CAP}|[A-Z]\.))*(?:\s+{_CAP})?"
# Titles written before a name, each followed by a dot (`St.`: Sitti, Bugis and Makassar).
TITLE_TOKENS = (
    "Prof", "Dr", "Drs", "Dra", "Ir", "H", "Hj", "KH", "K.H", "dr", "drg", "Ns", "Apt", "Ust", "Hc", "St",
)  # fmt: skip
_TITLE_WORDS = "|".join(re.escape(title) for title in TITLE_TOKENS)
_TITLE = rf"(?:{_TITLE_WORDS})\.\s*"
# A degree after a comma; a title after a comma starts the next name (`Lurah Tanjung Merdeka, Hj. Aisyah`).
_DEGREE = rf"(?:,\s*(?!(?:{_TITLE_WORDS})\.\s+[A-Z])(?:[A-Z][A-Za-z]{{0,3}}\.){{1,3}}(?:[A-Za-z]{{1,4}}\.?)?)"
_TITLED = re.compile(rf"(?<![A-Za-z])((?:{_TITLE})+{_NAME}{_DEGREE}*|{_NAME}{_DEGREE}+)")
_TRIGGERED = re.compile(
    rf"\b(?:bernama|namanya|Namanya|atas\s+nama|a\.n\.|Sdr\.?|Sdri\.?|Saudara|Saudari|Bapak|Pak|Ibu|Bu|oknum(?:\s+ASN|\s+PNS)?)"
    rf"\s+['\"‘“]?((?:{_TITLE})*{_NAME}{_DEGREE}*)"
)
_INITIALS = re.compile(r"\b(?:berinisial|inisial|insial)\s+([A-Z]{1,4}(?:\.\s?[A-Z]{1,2})*\.?)")
_BRACKETED = re.compile(r"\(([A-Z]{1,3}|[A-Z][a-z])\)")
_BEFORE_NIP = re.compile(rf"({_NAME})\s*[,(]?\s*NIP\b")
_AFTER_POST_INITIAL = re.compile(r"\s+([A-Z](?:\.\s?[A-Z])*\.)(?=\s|$|[,;:)])")
# fmt: off
_CANDIDATE_WORDS = frozenset(
    [
        "paslon", "pasangan", "capres", "cawapres", "cagub", "cawagub", "cabup", "cawabup", "cawalkot",
        "calon", "caleg", "kandidat",
    ]
)
# fmt: on
_NUMBER_WORDS = frozenset({"nomor", "nomer", "nmr", "no"})
_CHOICE_WORDS = frozenset({"pilih", "coblos", "dukung", "menangkan", "nomor", "no"})
# Capitalised words that look like names but are not people (start of `Kepala Dinas ...` etc.).
# fmt: off
_NOT_NAMES = frozenset(
    [
        "Kepala", "Dinas", "Badan", "Kantor", "Kabupaten", "Kota", "Provinsi", "Camat", "Lurah", "Bupati",
        "Gubernur", "Bawaslu", "Panwaslu", "Pemerintah", "Pemkab", "Pemkot", "Pemprov", "Desa",
        "Kecamatan", "Kelurahan", "Sekretaris", "Daerah", "Partai", "Presiden", "Wakil", "Guru", "Bidan",
        "Dokter", "Kementerian", "Menteri", "Komisi", "Pilkada", "Pemilu", "Sekolah", "Puskesmas",
        "Rumah", "Sakit", "Jalan", "Ketua", "Anggota", "Tim", "Kampanye", "Grup", "Akun", "Warga", "Saya",
        "Kami", "Kita", "Dia", "Mereka", "Beliau", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu",
        "Minggu", "Bapak", "Ibu", "Pak", "Bu", "Sdr", "Oknum", "Yang", "Dan", "Di", "Ke", "Dari", "Pada",
        "Dengan", "Untuk", "Namanya", "Nama", "Beliau", "Bernama", "Ada", "Ini", "Itu", "Tersebut",
        "Selaku", "Sebagai", "Lalu", "Kemudian", "Lurah", "Sekda", "Kades", "Paslon", "Capres", "Caleg",
        "Umum", "Keuangan", "Kepegawaian", "Perencanaan", "Pendidikan", "Kesehatan", "Tata",
        "Pemerintahan", "Kesra", "Hukum", "Organisasi", "Protokol",
    ]
)
# fmt: on
# fmt: off
_ACRONYMS = frozenset(
    [
        "ASN", "PNS", "KPU", "DPR", "DPD", "TPS", "OPD", "BPD", "RT", "RW", "SD", "SMP", "SMA", "SMK",
        "PP", "PKK", "UPT", "TK", "KTP", "WA", "IG", "FB", "TV", "PKS", "PKB", "PAN", "PPP", "PSI", "MD",
        "RI", "NU", "UU", "PT", "CV", "SK", "KB", "DPC", "DPW", "DPP", "PPS", "PPK", "BKN", "DKI", "NTB",
        "NTT", "PLT", "PLH", "Pj",  # `Penjabat Wali Kota (Pj)`: the post's short form, not initials
    ]
)
# fmt: on


# Every NIP and NIK match contains this (18 or 16 digits, grouped or not): checked before them.
_DIGIT_RUN = re.compile(r"\d{4}[ .-]?\d{4}")
_ASCII_DIGITS = "0123456789"


def _may_hold_identity_numbers(text: str) -> bool:
    if text.isascii() and sum(map(text.count, _ASCII_DIGITS)) < 16:
        return False
    return _DIGIT_RUN.search(text) is not None


def find_nips(text: str) -> list[str]:
    found: list[str] = []
    if not _may_hold_identity_numbers(text):
        return found
    for match in _NIP_RE.finditer(text):
        nip = "".join(match.groups())
        if nip not in found and parse_nip(nip).valid:
            found.append(nip)
    return found


def find_niks(text: str, nips: list[str]) -> list[str]:
    found: list[str] = []
    if not _may_hold_identity_numbers(text):
        return found
    for match in _NIK_RE.finditer(text):
        nik = re.sub(r"\D", "", match[1])
        if nik not in found and not any(nik in nip for nip in nips) and parse_nik(nik).valid:
            found.append(nik)
    return found


def _not_name(word: str) -> bool:
    bare = word.strip(".,")
    return bare in _NOT_NAMES or bare.lower() in gazetteer().non_name_words


def _clean(name: str) -> str | None:
    parts = " ".join(name.split()).strip(" ,'\"‘’“”").split(" ")
    while len(parts) > 1 and _not_name(parts[0]):
        parts.pop(0)
    name = " ".join(parts)
    words = [w.strip(".,") for w in parts]
    if not words or all(_not_name(w) for w in words if w[:1].isupper()):
        return None
    if words[0] in _NOT_NAMES and len(words) < 2:
        return None
    return name


# A title or a degree somewhere: when neither is there, `_TITLED` cannot match. The two halves are
# searched apart: the degree one starts with a literal comma (a fast scan); the title one starts with
# `\b`, which makes the regex try every position, so `_TITLE_NEEDLE` (the same without `\b`, which
# the regex engine scans for quickly) must find something first.
_TITLE_HINT = re.compile(rf"\b(?:{_TITLE_WORDS})\.")
_TITLE_NEEDLE = re.compile(r"(?:Prof|Dr|Drs|Dra|Ir|H|Hj|Hc|dr|drg|Ns|Apt|Ust|St)\.")
_DEGREE_HINT = re.compile(r",\s*[A-Z][A-Za-z]{0,3}\.")
# Every `_TRIGGERED` match contains one of these (case-sensitive, as the regex is).
_TRIGGER_NEEDLE = re.compile(r"bernama|[Nn]amanya|atas|a\.n\.|Sdr|Saudar|Bapak|Pak|Ibu|Bu|oknum")
_TRIGGER_WORDS = frozenset(
    [
        "bernama",
        "namanya",
        "atas",
        "an",
        "sdr",
        "sdri",
        "saudara",
        "saudari",
        "bapak",
        "pak",
        "ibu",
        "bu",
        "oknum",
    ]
)
_INITIAL_WORDS = frozenset({"berinisial", "inisial", "insial"})
BALLOT_WORDS = _CANDIDATE_WORDS | _NUMBER_WORDS | _CHOICE_WORDS | {"urut", "nourut"}


def find_names(text: str, post_ends: list[tuple[int, str]], words: set[str] | None = None) -> list[str]:
    """Person names; `post_ends` are (character offset after a post, the post as written)."""
    words = words if words is not None else {w.lower() for w in re.findall(r"[A-Za-z0-9]+", text)}
    found: list[tuple[int, str]] = []

    def keep(start: int, name: str | None) -> None:
        if name and all(name not in other and other not in name for _s, other in found):
            found.append((start, name))

    titled = ("," in text and _DEGREE_HINT.search(text)) or (
        _TITLE_NEEDLE.search(text) and _TITLE_HINT.search(text)
    )
    for match in _TITLED.finditer(text) if titled else ():
        keep(match.start(1), _clean(match[1]))
    triggered = not words.isdisjoint(_TRIGGER_WORDS) and _TRIGGER_NEEDLE.search(text)
    for match in _TRIGGERED.finditer(text) if triggered else ():
        keep(match.start(1), _clean(match[1]))
    for match in _BEFORE_NIP.finditer(text) if "NIP" in text else ():
        keep(match.start(1), _clean(match[1]))
    for match in _INITIALS.finditer(text) if not words.isdisjoint(_INITIAL_WORDS) else ():
        keep(match.start(1), match[1])
    for match in _BRACKETED.finditer(text) if "(" in text else ():
        if match[1] not in _ACRONYMS:
            keep(match.start(1), match[1])
    for end, post in post_ends:
        initial = _AFTER_POST_INITIAL.match(text, end)
        if initial:
            keep(end - len(post), f"{post} {initial[1]}")
    found.sort(key=lambda item: item[0])
    return [name for _start, name in found]


def find_ballots(text: str, words: list[str], spans: list[tuple[int, int]]) -> list[dict[str, object]]:
    """Ballot numbers from the lower-case tokens `words` (with their character spans in `text`)."""
    found: list[dict[str, object]] = []
    if BALLOT_WORDS.isdisjoint(words):
        return found
    numbers: set[int] = set()
    for i, word in enumerate(words):
        if i == 0 or len(word) > 2 or not word.isdigit():
            continue
        prev = words[i - 1]
        before = words[i - 2] if i > 1 else ""
        start = i - 1
        if prev in {"urut", "nourut"}:
            start = i - 2 if before in _NUMBER_WORDS else i - 1
            if start > 0 and words[start - 1] in _CANDIDATE_WORDS:
                start -= 1
        elif prev in _NUMBER_WORDS and before in _CANDIDATE_WORDS:
            start = i - 2
        elif prev in _CANDIDATE_WORDS or (prev in _CHOICE_WORDS and word.startswith("0")):
            start = i - 1
        else:
            continue
        number = int(word)
        if 0 < number < 100 and number not in numbers:
            numbers.add(number)
            written = " ".join(text[spans[start][0] : spans[i][1]].split())
            found.append({"number": number, "name": None, "text": written})
    return found
