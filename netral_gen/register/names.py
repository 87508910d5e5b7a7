"""Synthetic Indonesian personal names with a realistic spread: the name words of one person.

`NameComposer` writes the name words of one person (no titles: `titles.Names` adds those). A person's
naming tradition (*style*: Javanese, Sundanese, Malay, Minangkabau, Batak, Bugis, Balinese, Minahasa,
Maluku, NTT, Papua, Toraja, Chinese-Indonesian) is drawn from `words.STYLE_MIX` for the province where
they work; the style gives the shapes of names (a single name, first + last, first + middle + last,
`Siti Aminah`/`Abdul Rahman` pairs, a family name or marga) and the words. Words come from hand-written
lists weighted by rank (Zipf: `Agus`, `Sri`, `Siti` are common, the tail is long) and from compositions
(`Supar` + `man`, `Wahyu` + `ningsih`, `Des` + `rizal`), so common names stay common (many `Sri
Rahayu`) while most people have a name few others share, as in a real register. Older people more often
have a single name; younger ones more often modern names (`Rizky`, `Putri`, `Pratama`). Faker's id_ID
pools remain one source among many.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from netral_gen.register import words
from netral_gen.register.pick import (
    Dist,
    Picker,
    Random,
    composed,
    composed_by_class,
    mix,
    pair,
    picker,
    ranked,
    uniform,
)

Template = tuple[Picker[str], ...]
COHORTS = (1970, 1985)  # born before 1970, 1970-1984, from 1985
MODERN = (0.04, 0.2, 0.6)  # modern names' weight per cohort, relative to a style's traditional sources
MUSLIM_STYLES = frozenset({"jawa", "sunda", "melayu", "minang", "bugis"})
OLD_SPELLING_STYLES = frozenset({"jawa", "sunda", "melayu", "minang"})


def cohort(birth_year: int) -> int:
    return bisect_right(COHORTS, birth_year)


class Shape:
    """A style's name shapes for one gender and cohort: a single name, first + last, and so on."""

    __slots__ = ("templates",)

    def __init__(self, mono: float, templates: Sequence[tuple[float, Template]], single: Picker[str]) -> None:
        self.templates = Picker([(mono, (single,)), *[((1 - mono) * w, t) for w, t in templates]])


def _faker() -> tuple[dict[str, Dist], dict[str, Dist]]:
    from faker.providers.person.id_ID import Provider

    first = {"L": uniform(Provider.first_names_male), "P": uniform(Provider.first_names_female)}
    last = {"L": uniform(Provider.last_names_male), "P": uniform(Provider.last_names_female)}
    return first, last


def _by_gender(male: Dist, female: Dist) -> dict[str, Dist]:
    return {"L": male, "P": female}


def _sources() -> dict[str, dict[str, Dist]]:
    """Every word source, by name and gender."""
    w = words
    faker_first, faker_last = _faker()
    uddin = mix(
        [
            (3, composed_by_class([(stem, "") for stem in w.UDDIN_STEMS], {"": ["uddin"]})),
            (2, composed_by_class([(stem, "") for stem in w.UDDIN_STEMS], {"": ["udin"]})),
        ]
    )
    month = _by_gender(
        composed(w.MONTH_STEMS, w.MONTH_ENDINGS_MALE), composed(w.MONTH_STEMS, w.MONTH_ENDINGS_FEMALE)
    )
    return {
        "faker_first": dict(faker_first),
        "faker_last": dict(faker_last),
        "uddin": _by_gender(uddin, uddin),
        "modern_first": _by_gender(
            mix([(5, ranked(w.MODERN_MALE)), (1, month["L"])]),
            mix([(5, ranked(w.MODERN_FEMALE)), (1, month["P"])]),
        ),
        "modern_last": _by_gender(
            mix([(5, ranked(w.MODERN_LAST_MALE)), (1, month["L"])]),
            mix([(5, ranked(w.MODERN_LAST_FEMALE)), (1, month["P"])]),
        ),
        # a first name that may be a pair: Abdul Rahman, Siti Aminah, Nur Hayati / Nurhayati
        "arabic": _by_gender(
            mix([(6, ranked(ARABIC_MALE_WORDS)), (2, pair("Abdul", w.ABDUL_NAMES)), (1, uddin)]),
            mix(
                [
                    (6, ranked(w.ARABIC_FEMALE[3:])),
                    (2, pair("Siti", w.SITI_NAMES)),
                    (1.5, pair("Nur", w.NUR_NAMES, joined=0.5)),
                    (0.5, pair("Nurul", w.NUR_NAMES)),
                ]
            ),
        ),
        "arabic_word": _by_gender(
            mix([(3, ranked(ARABIC_MALE_WORDS)), (1, uddin)]), ranked(w.ARABIC_FEMALE[3:])
        ),
        "pair": _by_gender(pair("Abdul", w.ABDUL_NAMES), pair("Siti", w.SITI_NAMES)),
        "pair_bugis": _by_gender(pair("Abdul", w.ABDUL_NAMES), pair("Sitti", w.SITI_NAMES)),
        "java": _by_gender(
            composed_by_class(w.JAVA_ROOTS_MALE, w.JAVA_ENDINGS_MALE),
            composed_by_class(w.JAVA_ROOTS_FEMALE, w.JAVA_ENDINGS_FEMALE),
        ),
        "java_words": _by_gender(ranked(w.JAVA_WORDS_MALE), ranked(w.JAVA_WORDS_FEMALE)),
        "java_first": _by_gender(ranked(w.JAVA_FIRST_MALE), ranked(w.JAVA_FIRST_FEMALE)),
        "java_last": _by_gender(ranked(w.JAVA_LAST_MALE), ranked(w.JAVA_LAST_FEMALE)),
        "sunda_first": _by_gender(ranked(w.SUNDA_FIRST_MALE), ranked(w.SUNDA_FIRST_FEMALE)),
        "sunda_last": _by_gender(ranked(w.SUNDA_LAST_MALE), ranked(w.SUNDA_LAST_FEMALE)),
        "sunda_comp": _by_gender(
            composed(w.SUNDA_ROOTS_MALE, w.SUNDA_ENDINGS_MALE),
            composed(w.SUNDA_ROOTS_FEMALE, w.SUNDA_ENDINGS_FEMALE),
        ),
        "melayu_first": _by_gender(ranked(w.MELAYU_FIRST_MALE), ranked(w.MELAYU_FIRST_FEMALE)),
        "melayu_last": _by_gender(ranked(w.MELAYU_LAST), ranked(w.MELAYU_LAST)),
        "minang": _by_gender(
            composed(w.MINANG_PREFIXES, w.MINANG_ENDINGS_MALE),
            composed(w.MINANG_PREFIXES, w.MINANG_ENDINGS_FEMALE),
        ),
        "batak_first": _by_gender(ranked(w.BATAK_FIRST_MALE), ranked(w.BATAK_FIRST_FEMALE)),
        "marga": _by_gender(ranked(w.BATAK_MARGA), ranked(w.BATAK_MARGA)),
        "bugis_first": _by_gender(ranked(w.BUGIS_FIRST_MALE), ranked(w.BUGIS_FIRST_FEMALE)),
        "bugis_last": _by_gender(ranked(w.BUGIS_LAST), ranked(w.BUGIS_LAST)),
        "bali": _by_gender(
            composed(w.BALI_ROOTS, w.BALI_ENDINGS_MALE), composed(w.BALI_ROOTS, w.BALI_ENDINGS_FEMALE)
        ),
        "bali_prefix": _by_gender(uniform(w.BALI_MALE), uniform(w.BALI_FEMALE)),
        "christian": _by_gender(ranked(w.CHRISTIAN_MALE), ranked(w.CHRISTIAN_FEMALE)),
        "tionghoa": _by_gender(ranked(w.SURNAME_TIONGHOA), ranked(w.SURNAME_TIONGHOA)),
        **{f"fam_{style}": _by_gender(ranked(fam), ranked(fam)) for style, fam in FAMILY_NAMES.items()},
    }


ARABIC_MALE_WORDS = [word for word in words.ARABIC_MALE if word != "Abdul"]  # Abdul comes with a second word
FAMILY_NAMES = {
    "manado": words.FAM_MINAHASA,
    "maluku": words.FAM_MALUKU,
    "ntt": words.FAM_NTT,
    "papua": words.FAM_PAPUA,
    "toraja": words.FAM_TORAJA,
}
# Share of single names (no second word) by cohort, for the styles where older people often have one.
MONO_SHARE = {
    "jawa": (0.35, 0.15, 0.05),
    "sunda": (0.2, 0.1, 0.04),
    "melayu": (0.2, 0.12, 0.05),
    "minang": (0.3, 0.2, 0.08),
    "bugis": (0.3, 0.18, 0.07),
}
# A style's words: (slot, [(weight, source name)]). Slots: `single` (a one-word name), `first`, `middle`,
# `last`; `first`, `last` and `single` also take modern names, weighted by cohort (MODERN).
Slots = dict[str, list[tuple[float, str]]]
STYLE_WORDS: dict[str, Slots] = {
    "jawa": {
        "single": [(3, "java"), (2, "java_words"), (0.5, "arabic_word"), (0.7, "faker_first")],
        "first": [(4, "java_first"), (2, "arabic"), (1.5, "java"), (1, "faker_first")],
        "middle": [(2, "java"), (1, "java_first"), (1, "arabic_word")],
        "last": [(4, "java_last"), (3, "java"), (1, "faker_last"), (1, "arabic_word")],
    },
    "sunda": {
        "single": [(3, "sunda_first"), (0.5, "arabic_word"), (1, "faker_first")],
        "first": [(4, "sunda_first"), (2, "arabic"), (1, "faker_first")],
        "middle": [(2, "sunda_first"), (1, "arabic_word")],
        "last": [(4, "sunda_last"), (1.5, "sunda_comp"), (1, "arabic_word"), (0.7, "faker_last")],
    },
    "melayu": {
        "single": [(3, "melayu_first"), (1.5, "arabic_word"), (1, "faker_first")],
        "first": [(3, "melayu_first"), (3, "arabic"), (1, "faker_first")],
        "middle": [(2, "arabic_word"), (1, "melayu_first")],
        "last": [(2, "melayu_last"), (2, "arabic_word"), (1, "faker_last")],
    },
    "minang": {
        "single": [(4, "minang"), (1, "arabic_word"), (1, "melayu_first")],
        "first": [(4, "minang"), (2, "arabic"), (1, "melayu_first")],
        "middle": [(1, "arabic_word")],
        "last": [(2, "arabic_word"), (2, "minang"), (1, "melayu_last")],
    },
    "bugis": {
        "single": [(3, "bugis_first"), (1.5, "arabic_word")],
        "first": [(3, "bugis_first"), (3, "arabic")],
        "middle": [(1, "arabic_word"), (1, "bugis_first")],
        "last": [(2, "bugis_last"), (2, "arabic_word"), (1, "uddin")],
    },
    "batak": {
        "first": [(3, "batak_first"), (2, "christian"), (1, "faker_first")],
        "middle": [(1, "christian"), (1, "batak_first")],
        "last": [(1, "marga")],
    },
    "bali": {
        "prefix": [(1, "bali_prefix")],
        "first": [(5, "bali"), (1, "faker_first")],
        "middle": [(1, "bali")],
    },
    "tionghoa": {
        "first": [(2, "faker_first"), (1, "christian"), (1, "java_first")],
        "middle": [(1, "christian")],
        "last": [(1, "tionghoa")],
    },
}
for _style in FAMILY_NAMES:
    _muslim = 3 if _style == "maluku" else 0.5 if _style == "ntt" else 0
    STYLE_WORDS[_style] = {
        "first": [(4, "christian"), (_muslim, "arabic_word"), (0.7, "faker_first")],
        "middle": [(1, "christian")],
        "last": [(1, f"fam_{_style}")],
    }
# Shapes as (weight, slots); a `pair` is a whole two-word name (Siti Aminah, Abdul Rahman).
STYLE_SHAPES: dict[str, list[tuple[float, tuple[str, ...]]]] = {
    "jawa": [(0.815, ("first", "last")), (0.17, ("first", "middle", "last")), (0.015, ("pair",))],
    "sunda": [(0.86, ("first", "last")), (0.12, ("first", "middle", "last")), (0.02, ("pair",))],
    "melayu": [(0.825, ("first", "last")), (0.15, ("first", "middle", "last")), (0.025, ("pair",))],
    "minang": [(0.875, ("first", "last")), (0.1, ("first", "middle", "last")), (0.025, ("pair",))],
    "bugis": [(0.87, ("first", "last")), (0.1, ("first", "middle", "last")), (0.03, ("pair_bugis",))],
    "batak": [(0.7, ("first", "last")), (0.25, ("first", "middle", "last")), (0.05, ("first", "faker_last"))],
    "bali": [(0.55, ("prefix", "first")), (0.45, ("prefix", "first", "middle"))],
    "tionghoa": [(0.8, ("first", "last")), (0.2, ("first", "faker_last"))],
}
for _style in FAMILY_NAMES:
    STYLE_SHAPES[_style] = [
        (0.6, ("first", "last")),
        (0.3, ("first", "middle", "last")),
        (0.1, ("first", "faker_last")),
    ]
RARE_SINGLE = 0.02  # single names where a style lists none (a family name is nearly always written)


MODERN_SLOTS = {"first": "modern_first", "last": "modern_last"}  # young people seldom have a single name


def _slot(sources: dict[str, dict[str, Dist]], options: list[tuple[float, str]], slot: str, gender: str,
          factor: float) -> Dist:  # fmt: skip
    parts = [(weight, sources[name][gender]) for weight, name in options]
    modern = MODERN_SLOTS.get(slot)
    if modern:  # modern names take a share that grows with the cohort
        parts.append((factor * sum(weight for weight, _d in parts), sources[modern][gender]))
    return mix(parts)


def build_shapes() -> dict[tuple[str, str, int], Shape]:
    """Every (style, gender, cohort) -> Shape, from STYLE_WORDS and STYLE_SHAPES: each slot is one flat
    table of words (all its sources merged), so a name costs one bisection per word."""
    sources = _sources()
    shapes: dict[tuple[str, str, int], Shape] = {}
    for style, slots in STYLE_WORDS.items():
        for gender in ("L", "P"):
            for co, factor in enumerate(MODERN):
                built = {
                    slot: picker(_slot(sources, options, slot, gender, factor))
                    for slot, options in slots.items()
                }
                for whole in ("pair", "pair_bugis", "faker_last"):
                    built[whole] = picker(sources[whole][gender])
                templates = [
                    (weight, tuple(built[slot] for slot in shape)) for weight, shape in STYLE_SHAPES[style]
                ]
                mono = (
                    MONO_SHARE[style][co] if style in MONO_SHARE else 0.0 if style == "bali" else RARE_SINGLE
                )
                shapes[style, gender, co] = Shape(mono, templates, built.get("single", built["first"]))
    return shapes


def old_spelling(word: str) -> str:
    """The spelling before 1972 (`Sugiyanto` -> `Soegijanto`, `Cahyono` -> `Tjahjono`)."""
    return word.replace("u", "oe").replace("j", "dj").replace("c", "tj").replace("y", "j").replace("C", "Tj")


class NameComposer:
    """The name words of one person, from the province they work in, their gender and birth year."""

    def __init__(self) -> None:
        self.shapes = build_shapes()
        # (province, gender, cohort) -> one table of (style, template): a name costs one bisection
        # for its style and shape, then one per word.
        self.people: dict[tuple[str, str, int], Picker[tuple[str, Template]]] = {}
        for prov, styles in words.STYLE_MIX.items():
            total = sum(weight for weight, _style in styles)
            for gender in ("L", "P"):
                for co in range(len(COHORTS) + 1):
                    pairs = []
                    for weight, style in styles:
                        shape = self.shapes[style, gender, co].templates
                        previous = 0.0
                        for cum, template in zip(shape.cum, shape.items, strict=True):
                            p = min(cum, 1.0) - previous
                            previous = min(cum, 1.0)
                            pairs.append((weight / total * p, (style, template)))
                    self.people[prov, gender, co] = Picker(pairs)

    def words(self, rnd: Random, style: str, gender: str, birth_year: int) -> list[str]:
        """Name parts (a part may hold two words: `Siti Aminah`, `I Wayan`), without Muhammad or titles."""
        template = self.shapes[style, gender, cohort(birth_year)].templates.pick(rnd)
        return [source.items[bisect_right(source.cum, rnd())] for source in template]

    def person(self, rnd: Random, province: str, gender: str, birth_year: int) -> tuple[str, list[str]]:
        """The style drawn for the province and the name parts (as `words`), in one go."""
        co = 0 if birth_year < COHORTS[0] else 1 if birth_year < COHORTS[1] else 2
        table = self.people.get((province, gender, co)) or self.people["other", gender, co]
        style, template = table.items[bisect_right(table.cum, rnd())]
        return style, [source.items[bisect_right(source.cum, rnd())] for source in template]
