"""Whole names: the name words of `names.NameComposer`, plus Muhammad, noble titles, old spelling, the
Haji title, professional titles and degrees that fit the person's age and post."""

from __future__ import annotations

import random

from netral.personnel.names import normalize_name
from netral_gen.register import shape, words
from netral_gen.register.names import MUSLIM_STYLES, OLD_SPELLING_STYLES, NameComposer, old_spelling
from netral_gen.register.pick import Picker, one_of

HAJI_STYLES = MUSLIM_STYLES | {"maluku", "batak"}  # styles with many Muslims (Maluku, Mandailing)


class Names:
    """Whole names: the words from `NameComposer`, plus Muhammad, old spelling, titles and degrees."""

    def __init__(self, year: int = shape.REFERENCE_DATE.year) -> None:
        self.year = year  # ages (for Haji titles) are counted at this year
        self.composer = NameComposer()
        self.old = {"L": words.OLD_SPELLING_MALE, "P": words.OLD_SPELLING_FEMALE}
        self.noble = {"L": words.NOBLE_MALE, "P": words.NOBLE_FEMALE}
        self.muhammad = Picker([(w, form) for w, form in words.MUHAMMAD_FORMS])
        self.degrees = {key: Picker(options) for key, options in shape.DEGREES.items()}
        self._norm: dict[str, str] = {}

    def norm(self, word: str) -> str:
        value = self._norm.get(word)
        if value is None:
            value = self._norm[word] = normalize_name(word)
        return value

    def make(
        self, rng: random.Random, gender: str, birth_year: int, province: str, post: shape.Post
    ) -> tuple[str, str]:
        """A full name with titles, and its normalised form."""
        rnd = rng.random
        style, parts = self.composer.person(rnd, province, gender, birth_year)
        core: list[str] = []
        norm: list[str] = []
        if style in MUSLIM_STYLES:
            noble = self.noble[gender].get(province)
            if noble and rnd() < shape.NOBLE_SHARE:  # Teuku, Cut, Lalu, Baiq, Andi
                core.append(noble)
                norm.append(self.norm(noble))
            elif gender == "L" and province not in shape.FEW_HAJI_PROVINCES and rnd() < shape.MUHAMMAD_SHARE:
                core.append(self.muhammad.pick(rnd))
                norm.append("muhammad")
        if (
            birth_year < shape.OLD_SPELLING_YEAR
            and style in OLD_SPELLING_STYLES
            and rnd() < shape.OLD_SPELLING_SHARE
        ):
            if len(parts) == 1 and style == "jawa" and rnd() < 0.3:
                parts[0] = one_of(self.old[gender], rnd)
            else:
                parts[0] = old_spelling(parts[0])
        core.extend(parts)
        known = self._norm
        norm.extend([known.get(part) or self.norm(part) for part in parts])

        cls, key = post[0], post[5]
        prefixes: list[str] = []
        suffix = self.degrees[key].pick(rnd)
        old = shape.OLD_DEGREE_PREFIX.get(key)
        if old and birth_year < shape.OLD_DEGREE_YEAR and rnd() < 0.35:
            prefixes.append("Dra." if old == "Drs." and gender == "P" else old)
            suffix = suffix[1:]
        elif rnd() < shape.DOCTORATE_SHARE.get(key, shape.DOCTORATE_SHARE.get(cls, 0.0)):
            prefixes.append("Prof. Dr." if key == "profesor" else "Dr.")
        age = self.year - birth_year
        haji = (
            0.0
            if style not in HAJI_STYLES
            else 0.01
            if province in shape.FEW_HAJI_PROVINCES
            else (0.03 if age < 40 else 0.1 if age < 50 else 0.18)
        )
        if rnd() < haji:
            prefixes.append("H." if gender == "L" else "Hj.")
        if key in shape.PROFESSIONAL_PREFIX:
            prefixes.append(shape.PROFESSIONAL_PREFIX[key])
        name = " ".join(prefixes + core)
        if suffix:
            name = f"{name}, {', '.join(suffix)}"
        return name, " ".join(norm)
