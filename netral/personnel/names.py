"""Normalising Indonesian personal names for matching (never for display).

`normalize_name("Drs. H. Moch. Soedjono, M.Si.") == "muhammad sujono"`. Steps, in order:

1. Unicode folded to lower-case ASCII; apostrophes dropped (`Syafi'i` -> `syafii`).
2. Titles removed: leading honorifics and degrees (Prof., Dr., Drs., Dra., Ir., H., Hj., KH., ...)
   before the name, degrees after it (S.Pd., S.H., M.Si., S.Kom., S.E., M.M., A.Md.Keb., ...) whether
   written after a comma or not. After the first comma, only tokens that look like degrees are
   dropped; a lone trailing initial (`Budi S.`) is kept.
3. Punctuation and hyphens become spaces; whitespace collapses.
4. Muhammad variants (Muhammad, Muhamad, Mohammad, Mohamad, Mochammad, Moh., Muh., Mhd., M. ...)
   become `muhammad`; a lone `M` counts only when a name follows it.
5. Old spellings: `oe`->`u`, `dj`->`j`, `tj`->`c`, `ch`->`kh`, and `j`->`y` only in a word that
   shows another Dutch-era mark (oe, dj, tj, sj, hj, or a leading nj): `Soerjo`->`suryo`,
   `Wahjudi`->`wahyudi`, `Djojo`->`joyo`, `Njoman`->`nyoman`, while modern `Joko`, `Panji`,
   `Harjono` keep their `j`.
"""

from __future__ import annotations

import re
import unicodedata

# Honorifics and degrees written before the name. Each must be followed by a dot or a space.
_PREFIX_TITLES = (
    "prof",
    "dr",
    "drs",
    "dra",
    "drg",
    "drh",
    "ir",
    "h",
    "hj",
    "kh",
    "k.h",
    "hc",
    "apt",
    "ns",
    "ust",
    "ustadz",
    "ustadzah",
    "tgk",
    "ec",
)
_PREFIX_RE = re.compile(
    r"^(?:"
    + "|".join(re.escape(t) for t in sorted(_PREFIX_TITLES, key=len, reverse=True))
    + r")(?:\.\s*|\s+)"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Degrees written without dots (`SE`, `MSi`) at the end of the name, before any comma ...
_TRAILING_DEGREES = _words(
    "se sh mm msi spd skom ssos sag sip skm st mt mh mpd mkes mba phd amd skep sked shi sei spdi mpdi "
    "mag ssi sstp"
)
# ... and after a comma, where a few more short ones are unambiguous.
_DEGREES_AFTER_COMMA = _TRAILING_DEGREES | _words(
    "ma lc sfarm spt sp mp msc bsc ners ns apt mkom ap mtr mkn ak cpa"
)
# A dotted abbreviation such as `s.pd`, `m.si.`, `a.md.keb`, `ph.d`, `s.i.kom`.
_DOTTED_DEGREE_RE = re.compile(r"^(?:[a-z]{1,4}\.)+[a-z]{0,4}\.?$")
_MUHAMMAD = _words(
    "muhammad muhamad muhammed mohammad mohamad mohammed mohamed mochammad mochamad muchammad "
    "muchamad mokhammad mukhammad moch moh muh mhd muhd mohd"
)
_OLD_SPELLING_MARKS = ("oe", "dj", "tj", "sj", "hj")
_APOSTROPHES = re.compile(r"['`´‘’]")
_HONORIS_CAUSA = re.compile(r"\(\s*h\.?\s*c\.?\s*\)")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def _ascii_lower(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii").lower()


def _is_degree(token: str, *, after_comma: bool) -> bool:
    bare = token.strip(".")
    if not bare:
        return True
    known = _DEGREES_AFTER_COMMA if after_comma else _TRAILING_DEGREES
    if bare.replace(".", "") in known:
        return True
    if "." not in token or not _DOTTED_DEGREE_RE.match(token):
        return False
    letters = sum(ch.isalpha() for ch in token)
    # `s.pd` or `m.m.` are degrees; a lone initial `s.` is a degree only after a comma.
    return letters >= 2 or after_comma


def _strip_prefix_titles(head: str) -> str:
    while True:
        match = _PREFIX_RE.match(head)
        if not match or not head[match.end() :].strip():
            return head
        head = head[match.end() :]


def _strip_degrees(head: str, tail: list[str]) -> list[str]:
    tokens = head.split()
    while len(tokens) > 1 and _is_degree(tokens[-1], after_comma=False):
        tokens.pop()
    for segment in tail:
        tokens.extend(t for t in segment.split() if not _is_degree(t, after_comma=True))
    return tokens


def _modernise(word: str) -> str:
    old = word.startswith("nj") or any(mark in word for mark in _OLD_SPELLING_MARKS)
    word = word.replace("oe", "u").replace("ch", "kh").replace("tj", "c").replace("dj", "J")
    if old:
        word = word.replace("j", "y")
    return word.replace("J", "j")


def normalize_name(name: str) -> str:
    """A lower-case ASCII matching key for an Indonesian personal name (see module docstring)."""
    text = _HONORIS_CAUSA.sub(" ", _ascii_lower(_APOSTROPHES.sub("", name or "")))
    head, *tail = text.split(",")
    head = _strip_prefix_titles(head.strip())
    words = _NON_ALNUM.sub(" ", " ".join(_strip_degrees(head, tail))).split()
    result: list[str] = []
    for index, word in enumerate(words):
        is_last = index == len(words) - 1
        if word in _MUHAMMAD or (word == "m" and not is_last):
            result.append("muhammad")
        else:
            result.append(_modernise(word))
    return " ".join(result)
