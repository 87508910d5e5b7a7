"""Regions named in a text -> Kemendagri codes, the best single guess first.

Rules (docs/triage.md, "Extraction"):

* The longest known name wins: `Bandung Barat` (32.17) before `Bandung`, `Papua Barat` before `Papua`.
* A word just before the name says which kind is meant: `Kab.`/`Kabupaten`/`Bupati`/`Pilbup`/`Pemkab`
  -> the regency, `Kota`/`Wali Kota`/`Pilwalkot`/`Pemkot` -> the city, `Provinsi`/`Gubernur` -> the province.
* A bare ambiguous name (`Bandung`, `Bekasi`, `Banjar`, `Gorontalo`) takes, in order: a candidate also
  named unambiguously elsewhere in the text; a candidate in a province named elsewhere; the province
  (bare `Jambi`, `Gorontalo`, `Bengkulu` mean the province); else the city (`Bandung` -> 32.73).
* A district after `Kecamatan`/`Kec.`/`Camat`/`Panwascam` gives its regency when the district name is
  unique in the country (`Camat Toili` -> 72.01 Banggai).
* Single names that are also common words (`batu`, `padang`, `kudus`, ...) count only when written
  with a capital and not at the start of a sentence, or right after a hint word.
* The first code is the best single guess: the one regency named (even with its province), the regency
  named most often, the common province of several equally named regencies, or else the first region
  named. The rest follow in order of first mention; a province whose regency is listed is left out.
"""

from __future__ import annotations

from netral.triage.extract.gazetteer import Gazetteer, Hit

# fmt: off
COMMON_WORDS = frozenset(
    [
        "batang", "pati", "buru", "metro", "batu", "malaka", "puncak", "landak", "banjar", "kaur",
        "kudus", "padang", "palu", "toba", "kapuas", "bone", "agam", "lingga", "sampang", "tapin", "belu",
        "ende", "seram", "asmat", "paser", "sigi", "bungo", "karo", "lahat", "alor", "bima", "muna",
        "dairi", "siak", "tuban", "jambi", "lebak", "kota", "sorong", "mappi", "keerom", "tual", "deli",
        "barat", "timur", "utara", "selatan", "tengah", "raya", "kepulauan", "pesisir", "bangka",
        "bintan", "natuna", "nias", "gowa", "maros", "poso", "luwu", "buton", "wajo", "enrekang",
        "kolaka", "sinjai", "morowali", "solok", "kampar", "merangin", "pinrang", "majene", "tanah",
        "aceh", "riau", "bali", "papua", "maluku", "banten", "lampung",
    ]
)
# fmt: on
_PROVINCE_WORDS = frozenset({"aceh", "riau", "bali", "papua", "maluku", "banten", "lampung", "jambi"})


def _accept(code_names: str, start: int, orig: list[str], hinted: bool) -> bool:
    if hinted or " " in code_names or code_names not in COMMON_WORDS:
        return True
    token = orig[start]
    if not token[:1].isupper():
        return False
    # A capital at the very start says nothing (`Batu itu ...`); anywhere else it marks a name.
    return start > 0 or code_names in _PROVINCE_WORDS


def _resolve(candidates: list[str], hint: str | None, gaz: Gazetteer) -> list[str]:
    if hint:
        typed = [c for c in candidates if gaz.region_types.get(c) == hint]
        if typed:
            return typed
    return candidates


def find_regions(words: list[str], orig: list[str], hits: list[Hit], gaz: Gazetteer) -> list[str]:
    mentions: list[tuple[int, list[str], bool]] = []  # (token index, candidate codes, from a district)
    previous: Hit | None = None
    for hit in hits:
        info = hit.info
        if info.dtrigger:
            district = _district_after(words, hit.end, gaz)
            if district:
                mentions.append((hit.start, [district], True))
        if info.regions:
            hint = previous.info.hint if previous is not None and previous.end == hit.start else None
            if _accept(" ".join(words[hit.start : hit.end]), hit.start, orig, hint is not None):
                mentions.append((hit.start, _resolve(list(info.regions), hint, gaz), False))
        previous = hit
    if not mentions:
        return []
    sure = [c[0] for _i, c, _d in mentions if len(c) == 1]
    provinces_named = {c[:2] for c in sure}
    resolved: list[str] = []
    for _index, codes, _district in mentions:
        resolved.append(codes[0] if len(codes) == 1 else _pick(codes, sure, provinces_named, gaz))
    return _order(resolved)


def _district_after(words: list[str], start: int, gaz: Gazetteer) -> str | None:
    for size in (3, 2, 1):
        if start + size <= len(words):
            code = gaz.districts.get(" ".join(words[start : start + size]))
            if code:
                return code
    return None


def _pick(codes: list[str], sure: list[str], provinces_named: set[str], gaz: Gazetteer) -> str:
    for code in codes:
        if code in sure:
            return code
    in_named = [c for c in codes if c[:2] in provinces_named]
    if in_named:
        codes = in_named
    for wanted in ("provinsi", "kota"):
        for code in codes:
            if gaz.region_types.get(code) == wanted:
                return code
    return codes[0]


def _order(resolved: list[str]) -> list[str]:
    counts: dict[str, int] = {}
    for code in resolved:
        counts[code] = counts.get(code, 0) + 1
    distinct = list(counts)
    regencies = [c for c in distinct if "." in c]
    provinces = [c for c in distinct if "." not in c]
    if not regencies:
        primary = max(provinces, key=lambda c: counts[c])  # max keeps the first among equals
    elif any(p not in {r[:2] for r in regencies} for p in provinces):
        primary = resolved[0]  # regions in different provinces: the first one named
    elif len(regencies) == 1:
        primary = regencies[0]
    else:
        ranked = sorted(regencies, key=lambda c: -counts[c])
        if counts[ranked[0]] > counts[ranked[1]]:
            primary = ranked[0]
        elif len({r[:2] for r in regencies}) == 1:
            primary = regencies[0][:2]
        else:
            primary = resolved[0]
    covered = {r[:2] for r in regencies}
    rest = [c for c in distinct if c != primary and (c in regencies or c not in covered)]
    return [primary, *rest]
