"""Word lists for synthetic Indonesian personal names, loaded once from data/*.json (data/README.md).

Every list is in rough order of how common the word is; `pick.ranked` weights it by rank (Zipf), so the
first words of a list are the frequent ones. Javanese (and much of Indonesia's) given names are built
from parts: an optional prefix (`Su`, `Sri`, the birth-order words `Eko`, `Dwi`, `Tri`), a root and a
gendered ending; a root carries a class (its last sound) that decides which endings fit it: `Supar` +
`man`, `Sugi` + `yanto`, `Ngat` + `iman`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from netral_gen.datafiles import read

DATA = Path(__file__).resolve().parent / "data"


def _load(name: str) -> dict[str, Any]:
    return read(DATA / f"{name}.json")


def _roots(entries: list[list[str]]) -> list[tuple[str, str]]:
    return [(root, cls) for root, cls in entries]


_java = _load("javanese")
JAVA_ROOTS_MALE = _roots(_java["roots_male"])  # (root, class)
JAVA_ENDINGS_MALE: dict[str, list[str]] = _java["endings_male"]  # class -> endings
JAVA_ROOTS_FEMALE = _roots(_java["roots_female"])
JAVA_ENDINGS_FEMALE: dict[str, list[str]] = _java["endings_female"]
JAVA_WORDS_MALE: list[str] = _java["words_male"]
JAVA_WORDS_FEMALE: list[str] = _java["words_female"]
JAVA_FIRST_MALE: list[str] = _java["first_male"]
JAVA_FIRST_FEMALE: list[str] = _java["first_female"]
JAVA_LAST_MALE: list[str] = _java["last_male"]
JAVA_LAST_FEMALE: list[str] = _java["last_female"]
OLD_SPELLING_MALE: list[str] = _java["old_spelling_male"]
OLD_SPELLING_FEMALE: list[str] = _java["old_spelling_female"]

_arabic = _load("arabic")
ARABIC_MALE: list[str] = _arabic["male"]
ARABIC_FEMALE: list[str] = _arabic["female"]
ABDUL_NAMES: list[str] = _arabic["abdul_second"]
SITI_NAMES: list[str] = _arabic["siti_second"]
NUR_NAMES: list[str] = _arabic["nur_second"]
UDDIN_STEMS: list[str] = _arabic["uddin_stems"]
MUHAMMAD_FORMS: list[tuple[float, str]] = [(weight, form) for weight, form in _arabic["muhammad_forms"]]

_modern = _load("modern")
MODERN_MALE: list[str] = _modern["first_male"]
MODERN_FEMALE: list[str] = _modern["first_female"]
MODERN_LAST_MALE: list[str] = _modern["last_male"]
MODERN_LAST_FEMALE: list[str] = _modern["last_female"]
MONTH_STEMS: list[str] = _modern["month_stems"]
MONTH_ENDINGS_MALE: list[str] = _modern["month_endings_male"]
MONTH_ENDINGS_FEMALE: list[str] = _modern["month_endings_female"]

_sunda = _load("sundanese")
SUNDA_FIRST_MALE: list[str] = _sunda["first_male"]
SUNDA_FIRST_FEMALE: list[str] = _sunda["first_female"]
SUNDA_LAST_MALE: list[str] = _sunda["last_male"]
SUNDA_LAST_FEMALE: list[str] = _sunda["last_female"]
SUNDA_ROOTS_MALE: list[str] = _sunda["roots_male"]
SUNDA_ENDINGS_MALE: list[str] = _sunda["endings_male"]
SUNDA_ROOTS_FEMALE: list[str] = _sunda["roots_female"]
SUNDA_ENDINGS_FEMALE: list[str] = _sunda["endings_female"]

_malay = _load("malay")
MELAYU_FIRST_MALE: list[str] = _malay["first_male"]
MELAYU_FIRST_FEMALE: list[str] = _malay["first_female"]
MELAYU_LAST: list[str] = _malay["last"]

_minang = _load("minangkabau")
MINANG_PREFIXES: list[str] = _minang["prefixes"]
MINANG_ENDINGS_MALE: list[str] = _minang["endings_male"]
MINANG_ENDINGS_FEMALE: list[str] = _minang["endings_female"]

_batak = _load("batak")
BATAK_FIRST_MALE: list[str] = _batak["first_male"]
BATAK_FIRST_FEMALE: list[str] = _batak["first_female"]
BATAK_MARGA: list[str] = _batak["marga"]

_bali = _load("balinese")
BALI_MALE: list[str] = _bali["birth_order_male"]  # I Wayan, I Made, ...
BALI_FEMALE: list[str] = _bali["birth_order_female"]
BALI_ROOTS: list[str] = _bali["roots"]
BALI_ENDINGS_MALE: list[str] = _bali["endings_male"]
BALI_ENDINGS_FEMALE: list[str] = _bali["endings_female"]

_bugis = _load("bugis")
BUGIS_FIRST_MALE: list[str] = _bugis["first_male"]
BUGIS_FIRST_FEMALE: list[str] = _bugis["first_female"]
BUGIS_LAST: list[str] = _bugis["last"]

_christian = _load("christian")
CHRISTIAN_MALE: list[str] = _christian["male"]
CHRISTIAN_FEMALE: list[str] = _christian["female"]

_family = _load("family_names")
FAM_MINAHASA: list[str] = _family["minahasa"]
FAM_MALUKU: list[str] = _family["maluku"]
FAM_NTT: list[str] = _family["ntt"]
FAM_PAPUA: list[str] = _family["papua"]
FAM_TORAJA: list[str] = _family["toraja"]

SURNAME_TIONGHOA: list[str] = _load("chinese_indonesian")["surnames"]

_noble = _load("noble_titles")
NOBLE_MALE: dict[str, str] = _noble["male"]  # province code -> title (Teuku, Lalu, Andi)
NOBLE_FEMALE: dict[str, str] = _noble["female"]

# Naming traditions by province: (weight, style); provinces not listed use "other".
STYLE_MIX: dict[str, list[tuple[float, str]]] = {
    province: [(weight, style) for weight, style in mix]
    for province, mix in _load("naming_traditions")["by_province"].items()
}
