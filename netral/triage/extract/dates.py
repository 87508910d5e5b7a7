"""Dates in Indonesian text -> ISO strings.

Absolute: `23/6/2023`, `Jumat (23/6/2023)`, `23-06-23`, `2023-06-23`, `25 Februari 2023`, `25 Feb. 2023`,
`tgl 6 November`, `Senin (15/1)`, `tgl 3/10` (year from the report date when it is missing, the last such day
not after it; dropped without a report date).
Relative to `reported_on` (dropped without it): `hari ini`, `tadi pagi/siang/sore`, `barusan` (0 days);
`kemarin`/`kmrn`, `semalam`/`semalem`, `tadi malam`/`td mlm` (-1); `kemarin lusa` (-2); `N hari (yang) lalu`
(-N, digits or words up to ten); `minggu lalu`/`pekan lalu`/`seminggu lalu` (-7); `N minggu lalu` (-7N);
`Senin lalu`/`Jumat kemarin`/`hari Sabtu` + lalu/kemarin (the latest such weekday before the report
date; Sunday as `Ahad` or `hari Minggu`, since `Minggu lalu` alone is last week).
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8,
    "agt": 8, "ags": 8, "agust": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "nop": 11, "desember": 12, "des": 12,
}  # fmt: skip
WEEKDAYS = {
    "senin": 0,
    "selasa": 1,
    "rabu": 2,
    "kamis": 3,
    "jumat": 4,
    "jum'at": 4,
    "sabtu": 5,
    "minggu": 6,
    "ahad": 6,
}
NUMBER_WORDS = {
    "se": 1, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10,
}  # fmt: skip
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUMERIC = re.compile(r"\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b(?![/.-]\d)")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# Day/month with no year: the press's weekday with it in brackets (`Senin (15/1)`), or after `tgl`/`tanggal`.
_DAY_MONTH = re.compile(
    r"\b(?:(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad),?\s*\(\s*(\d{1,2})/(\d{1,2})\s*\)"
    r"|(?:tgl|tanggal)\.?\s*(\d{1,2})/(\d{1,2})\b(?![/.-]\d))",
    re.IGNORECASE,
)
_TEXTUAL = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_ALT})\.?(?:\s+(\d{{4}}))?(?![a-z])", re.IGNORECASE)
_RELATIVE_BODY = (
    r"(?:(kemarin|kemaren|kmrn|kmarin|kmaren)\s+lusa"
    r"|(\d{1,2}|se|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)\s*(hari|minggu|pekan)\s+"
    r"(?:yang\s+|yg\s+)?(?:lalu|kemarin|kmrn)"
    r"|(minggu|pekan|mgg)\s+(?:lalu|kemarin|kmrn|kemaren)"
    r"|(?:hari\s+|hr\s+|pas\s+)?(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|ahad|(?<=hari\s)minggu|(?<=hr\s)minggu)"
    r"\s+(?:lalu|kemarin|kmrn|kemaren)"
    r"|(kemarin|kemaren|kmrn|kmaren|kmarin|semalam|semalem|(?:tadi|td)\s+(?:malam|malem|mlm))"
    r"|(hari\s+ini|tadi\s+pagi|tadi\s+siang|tadi\s+sore|td\s+pagi|td\s+siang|td\s+sore|barusan|pagi\s+ini))\b"
)
_RELATIVE = re.compile(r"\b" + _RELATIVE_BODY, re.IGNORECASE)
# The same on the lower-cased text of an ASCII report, three times faster: no IGNORECASE, and a
# look-ahead for the first letters of the alternatives (digits, a b d e h j k l m p r s t) rejects
# most word starts at once. Lower-casing ASCII keeps every position, so matches are the same.
_RELATIVE_ASCII = re.compile(r"\b(?=[\dabdehjklmprst])" + _RELATIVE_BODY)
MIN_YEAR, MAX_YEAR = 1990, 2100


def _make(year: int, month: int, day: int) -> dt.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


# Non-ASCII letters that the IGNORECASE patterns match as ASCII ones (`ſelasa`, `Kamis` with a
# Kelvin sign): mapped before the table lookups, which would otherwise raise KeyError.
_FOLD = str.maketrans({"ı": "i", "İ": "i", "ſ": "s", "\u212a": "k"})


def _key(word: str) -> str:
    return word.translate(_FOLD).lower()


def _relative(match: re.Match[str], today: dt.date) -> dt.date:
    before_yesterday, count, unit, week, weekday, yesterday, _same_day = match.groups()
    if before_yesterday:
        return today - dt.timedelta(days=2)
    if count:
        n = int(count) if count.isdigit() else NUMBER_WORDS[_key(count)]
        return today - dt.timedelta(days=n * (1 if _key(unit) == "hari" else 7))
    if week:
        return today - dt.timedelta(days=7)
    if weekday:
        back = (today.weekday() - WEEKDAYS[_key(weekday)]) % 7 or 7
        return today - dt.timedelta(days=back)
    if yesterday:
        return today - dt.timedelta(days=1)
    return today


# fmt: off
_RELATIVE_WORDS = frozenset(
    [
        "kemarin", "kemaren", "kmrn", "kmarin", "kmaren", "lalu", "semalam", "semalem", "malam", "malem",
        "mlm", "ini", "pagi", "siang", "sore", "barusan",
    ]
)
# fmt: on


# Tokens one of which every `_RELATIVE` match of an ASCII text contains as a whole word...
_RELATIVE_ALONE = frozenset(
    ["kemarin", "kemaren", "kmrn", "kmarin", "kmaren", "semalam", "semalem", "tadi", "td", "barusan"]
)
# ... or `ini` after one of these, or `lalu` after a weekday, `mgg` or a word ending in one of
# `_UNIT_ENDINGS` (`hari`, `sehari`, `2hari`, `seminggu`).
_BEFORE_INI = frozenset({"hari", "pagi"})
_BEFORE_LALU = frozenset(["mgg", "senin", "selasa", "rabu", "kamis", "jumat", "jum", "sabtu", "ahad"])
_UNIT_ENDINGS = ("hari", "minggu", "pekan")
# A digit, a separator and a digit: in every `_ISO` and `_NUMERIC` match (a fast scan: no `\b` first).
_DIGIT_SEPARATOR_DIGIT = re.compile(r"\d[/.-]\d")


def _may_be_relative(text: str, words: set[str]) -> bool:
    """False only when `_RELATIVE` cannot match (the regex is slow: it tries every position)."""
    if words.isdisjoint(_RELATIVE_WORDS):
        return False
    if not text.isascii():
        return True
    return (
        not words.isdisjoint(_RELATIVE_ALONE)
        or ("ini" in words and not words.isdisjoint(_BEFORE_INI))
        or (
            "lalu" in words
            and (not words.isdisjoint(_BEFORE_LALU) or any(w.endswith(_UNIT_ENDINGS) for w in words))
        )
    )


def find_dates(text: str, reported_on: dt.date | None, words: set[str] | None = None) -> list[str]:
    """ISO dates in order of appearance; `words` (the lower-case tokens) lets it skip absent forms."""
    words = words if words is not None else {w.lower() for w in re.findall(r"[A-Za-z0-9]+", text)}
    found: list[tuple[int, dt.date]] = []
    taken: list[tuple[int, int]] = []
    has_separator = ("/" in text or "-" in text or "." in text) and bool(_DIGIT_SEPARATOR_DIGIT.search(text))
    for match in _ISO.finditer(text) if has_separator and "-" in text else ():
        day = _make(int(match[1]), int(match[2]), int(match[3]))
        if day:
            found.append((match.start(), day))
            taken.append(match.span())
    for match in _NUMERIC.finditer(text) if has_separator else ():
        if any(a <= match.start() < b for a, b in taken):
            continue
        day = _make(_year(match[4]), int(match[3]), int(match[1]))
        if match.start() > 0 and text[match.start() - 1] in "/.-":
            continue
        if day:
            found.append((match.start(), day))
    if reported_on is not None and "/" in text:
        for match in _DAY_MONTH.finditer(text):
            day_of_month, month = (match[1], match[2]) if match[1] else (match[3], match[4])
            day = _make(reported_on.year, int(month), int(day_of_month))
            if day and day > reported_on:
                day = _make(reported_on.year - 1, day.month, day.day)  # `Jumat (29/12)` in a January report
            if day:
                found.append((match.start(), day))
    for match in _TEXTUAL.finditer(text) if not words.isdisjoint(MONTHS) else ():
        year = int(match[3]) if match[3] else (reported_on.year if reported_on else None)
        if year is None:
            continue
        day = _make(year, MONTHS[_key(match[2])], int(match[1]))
        if day and not match[3] and reported_on and day > reported_on:
            day = _make(year - 1, day.month, day.day)  # `6 November` in a January report: last year
        if day:
            found.append((match.start(), day))
    if reported_on is not None and _may_be_relative(text, words):
        matches = _RELATIVE_ASCII.finditer(text.lower()) if text.isascii() else _RELATIVE.finditer(text)
        for match in matches:
            found.append((match.start(), _relative(match, reported_on)))
    found.sort(key=lambda item: item[0])
    result: list[str] = []
    for _position, day in found:
        iso = day.isoformat()
        if iso not in result:
            result.append(iso)
    return result
