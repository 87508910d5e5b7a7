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
  named most often, among equally named regencies of one province the only one *anchored* to an office
  (named right after a post, an agency, Bawaslu/Panwaslu/KPU, or as `Pemkab`/`Bupati`/... X:
  `Sekda Kabupaten Muna ... di sebuah hotel di Kendari` -> Muna), else their common province, or else the
  first region named. The rest follow in order of first mention; a province whose regency is listed is left
  out.
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
        "tuba", "mabar", "loteng", "balut", "tala", "mura", "tasik",  # short forms that are also words
    ]
)
# fmt: on
_PROVINCE_WORDS = frozenset({"aceh", "riau", "bali", "papua", "maluku", "banten", "lampung", "jambi"})
# A region written right after these is where an office sits (the reported person's, or the supervisor's).
_OFFICE_WORDS = frozenset({"bawaslu", "panwaslu", "panwas", "kpu", "kpud", "pemkab", "pemkot", "pemprov"})
_OFFICE_HINTS = frozenset({"pemkab", "pemkot", "pemprov", "bupati", "walikota", "wali kota", "gubernur"})
_OFFICE_KINDS = frozenset({"position", "agency", "central"})
_DISTRICT_OFFICES = frozenset({"camat", "sekcam", "panwascam", "panwaslu kecamatan"})


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
    mentions: list[tuple[list[str], bool]] = []  # (candidate codes, anchored to an office)
    ends = {hit.end: hit for hit in hits}
    previous: Hit | None = None
    for hit in hits:
        info = hit.info
        if info.dtrigger:
            district = _district_after(words, hit.end, gaz)
            if district:
                # `Camat Toili`, `Panwascam X` name an office there; `warga Kecamatan X` does not
                mentions.append(([district], " ".join(words[hit.start : hit.end]) in _DISTRICT_OFFICES))
        if info.regions:
            adjoining = previous is not None and previous.end == hit.start and previous.info.hint
            lead = previous if adjoining else None  # `Kabupaten`, `Pemkot`, `Bupati` ... just before
            hint = lead.info.hint if lead is not None else None
            if _accept(" ".join(words[hit.start : hit.end]), hit.start, orig, hint is not None):
                mentions.append(
                    (_resolve(list(info.regions), hint, gaz), _anchored(words, orig, hit, lead, ends))
                )
        previous = hit
    if not mentions:
        return []
    sure = [c[0] for c, _a in mentions if len(c) == 1]
    provinces_named = {c[:2] for c in sure}
    resolved: list[str] = []
    anchored: set[str] = set()
    for codes, at_office in mentions:
        code = codes[0] if len(codes) == 1 else _pick(codes, sure, provinces_named, gaz)
        resolved.append(code)
        if at_office:
            anchored.add(code)
    return _order(resolved, anchored)


def _anchored(words: list[str], orig: list[str], hit: Hit, lead: Hit | None, ends: dict[int, Hit]) -> bool:
    """Whether a region is named as where an office or a post sits: `Pemkab X`, `Bupati X`, `Bawaslu Kota
    X`, `Sekda Kabupaten X`, `Dinas Pendidikan Kota X`, `camat di X` (a post or an agency just before it or
    its hint, past the capitalised rest of the agency's name or a `di`)."""
    if lead is not None and " ".join(words[lead.start : lead.end]) in _OFFICE_HINTS:
        return True
    start = lead.start if lead is not None else hit.start
    for index in range(start, max(0, start - 4), -1):
        if words[index - 1] in _OFFICE_WORDS:
            return True
        before = ends.get(index)
        if before is not None:
            return not before.info.kinds.isdisjoint(_OFFICE_KINDS)
        if not (orig[index - 1][:1].isupper() or words[index - 1] == "di"):
            return False
    return False


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


def _order(resolved: list[str], anchored: set[str]) -> list[str]:
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
        top = [c for c in ranked if counts[c] == counts[ranked[0]]]
        at_office = [c for c in top if c in anchored]
        if len(top) == 1:
            primary = top[0]
        elif len({r[:2] for r in regencies}) > 1:
            primary = resolved[0]
        elif len(at_office) == 1:
            primary = at_office[0]
        else:
            primary = regencies[0][:2]
    covered = {r[:2] for r in regencies}
    rest = [c for c in distinct if c != primary and (c in regencies or c not in covered)]
    return [primary, *rest]
