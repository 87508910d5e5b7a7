"""Catalogue item of a classified report: from the group, cue words and the event's timing.

The same act is an ethics item (E*) before the KPU's candidate determination (a bakal calon) and a
discipline item (D*) after it (a calon). Timing comes from the event date (the first date the
extractor found, else the report date) against the determination date of the election the date
falls in (`netral.elections.services.determination_date`). When no date or election is known,
cue words ("bakal calon" / "paslon nomor urut") decide with lower confidence; with no cue either,
the discipline item is proposed with basis "unknown" (a low item confidence: find out the date).
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass
from typing import Any, NamedTuple

# (before determination, after determination); a single code when timing does not matter.
ItemPair = tuple[str, str] | str

DEFAULT_ITEMS: dict[str, ItemPair] = {
    "media_sosial": ("E2", "D2"),
    "alat_peraga": ("E1", "D1"),
    "deklarasi_kampanye": ("E3", "D4"),
    "foto_gestur": ("E5", "D7"),
    "kegiatan_keberpihakan": "D8",
    "fasilitas_negara": "L1",
    "parpol": "D5",
    "pencalonan": "L3",
    "keputusan_menguntungkan": "D12",
}


class Cue(NamedTuple):
    """A cue regex plus the substrings it needs: every match contains, for each group of `needles`,
    at least one of that group's strings. Most texts lack them, and `in` tests are much cheaper than
    the regex, whose leading `\b(a|b|...)` makes it try every position. Keep the needles in step
    with the pattern (`test_cue_needles_never_change_a_result` checks them on the corpus)."""

    pattern: re.Pattern[str]
    needles: tuple[tuple[str, ...], ...]

    def search(self, text: str) -> re.Match[str] | None:
        for group in self.needles:
            if not any(needle in text for needle in group):
                return None
        return self.pattern.search(text)


_SOCIAL_ACTS = ("like", "suka", "komentar", "follow", "ikut", "gabung", "anggota", "admin")
_PARTY_STEPS = ("formulir", "penjaringan", "rekomendasi", "diusung", "fit and proper", "mendaftar ke partai")
_REPLACING = ("mutasi", "lantik", "rotasi", "mengganti", "penggantian")

# Cue patterns (on normalised text) that select a more specific item of the group; first match wins.
CUES: dict[str, list[tuple[Cue, ItemPair]]] = {
    "media_sosial": [
        (
            Cue(
                re.compile(
                    r"\b(like|suka|komentar|follow|ikut|gabung|anggota|admin)\w*\b.{0,60}"
                    r"\b(tim|relawan|grup|group|akun)"
                ),
                (_SOCIAL_ACTS, ("tim", "relawan", "grup", "group", "akun")),
            ),
            ("E4", "D6"),
        ),
    ],
    "deklarasi_kampanye": [
        (
            Cue(
                re.compile(r"\b(tim (kampanye|sukses|pemenangan)|konsultan|ketua tim)"),
                (("tim kampanye", "tim sukses", "tim pemenangan", "konsultan", "ketua tim"),),
            ),
            ("D9", "D10"),
        ),
        (
            Cue(
                re.compile(r"\b(istri|suami) (dari )?(calon|bakal|pasangan|bupati|wali|gubernur)"),
                (("istri ", "suami "),),
            ),
            ("E7", "D4"),
        ),
        (Cue(re.compile(r"\bperkenalan\b"), (("perkenalan",),)), ("E6", "D4")),
    ],
    "kegiatan_keberpihakan": [
        (
            Cue(
                re.compile(r"\b(ktp|surat (pernyataan )?dukungan|perseorangan|independen)\b"),
                (("ktp", "surat ", "perseorangan", "independen"),),
            ),
            "D11",
        ),
        (
            Cue(
                re.compile(r"\b(bawahan|staf|seluruh pegawai|para pegawai|mobilisasi|memobilisasi|ancam)\w*"),
                (("bawahan", "staf", "seluruh pegawai", "para pegawai", "mobilisasi", "ancam"),),
            ),
            "L2",
        ),
    ],
    "parpol": [
        (
            Cue(
                re.compile(
                    r"\b(formulir|penjaringan|rekomendasi|diusung|fit and proper|mendaftar ke partai)"
                ),
                (_PARTY_STEPS,),
            ),
            "D3",
        ),
    ],
    "keputusan_menguntungkan": [
        (
            Cue(
                re.compile(
                    r"\b(mutasi|memutasi|melantik|lantik|pelantikan|rotasi|mengganti|penggantian)\b.{0,120}"
                    r"\b(pejabat|kepala dinas|kepala opd|eselon)"
                ),
                (_REPLACING, ("pejabat", "kepala dinas", "kepala opd", "eselon")),
            ),
            "L4",
        ),
        (
            Cue(
                re.compile(
                    r"\b(pasal (71|angka)|masa larangan"
                    r"|izin (tertulis )?(menteri dalam negeri|mendagri|kemendagri))"
                ),
                (("pasal ", "masa larangan", "izin "),),
            ),
            "L4",
        ),
    ],
}

BEFORE_CUES = Cue(
    re.compile(r"\b(bakal calon|bakal pasangan|bacalon|balon|belum ditetapkan|digadang|penjaringan)"),
    (("bakal calon", "bakal pasangan", "bacalon", "balon", "belum ditetapkan", "digadang", "penjaringan"),),
)
AFTER_CUES = Cue(
    re.compile(r"\b(pasangan calon|nomor urut|calon petahana|dct|ditetapkan kpu|masa kampanye)"),
    (("pasangan calon", "nomor urut", "calon petahana", "dct", "ditetapkan kpu", "masa kampanye"),),
)


@dataclass(frozen=True)
class ItemChoice:
    item: str | None
    determined: bool | None
    # "date" (event date vs determination date), "cue" (words in the text), "fixed" (timing does
    # not matter), "unknown" (timing needed but not found), "none" (bukan_pelanggaran).
    basis: str
    election: str | None = None


# Elections change rarely (an administrator adds one): read them at most once a minute per process.
ELECTIONS_TTL_SECONDS = 60.0
_ELECTIONS: dict[str, Any] = {}


def _elections() -> tuple[tuple[str, dt.date, dt.date | None], ...]:
    """(code, voting date, determination date) of every election, cached for a minute."""
    now = time.monotonic()
    if _ELECTIONS and now - _ELECTIONS["at"] < ELECTIONS_TTL_SECONDS:
        cached: tuple[tuple[str, dt.date, dt.date | None], ...] = _ELECTIONS["rows"]
        return cached
    from netral.elections.models import Election
    from netral.elections.services import determination_date

    rows = tuple(
        (election.code, election.voting_date, determination_date(election))
        for election in Election.objects.order_by("voting_date")
    )
    _ELECTIONS.update(at=now, rows=rows)
    return rows


def election_for(day: dt.date) -> tuple[str, dt.date | None] | None:
    """The election an event on `day` belongs to: the next vote within ~14 months, else one that
    voted in the 60 days before (counting and disputes). Returns (code, determination date)."""
    upcoming = [(code, det) for code, vote, det in _elections() if 0 <= (vote - day).days <= 430]
    if upcoming:
        return upcoming[0]
    recent = [(code, det) for code, vote, det in _elections() if 0 < (day - vote).days <= 60]
    return recent[-1] if recent else None


def _pick(pair: ItemPair, determined: bool | None) -> str | None:
    if isinstance(pair, str):
        return pair
    if determined is None:
        return None
    return pair[1] if determined else pair[0]


def choose_item(group: str, normalised_text: str, event_date: dt.date | None) -> ItemChoice:
    if group not in DEFAULT_ITEMS:
        return ItemChoice(None, None, "none")
    pair = DEFAULT_ITEMS[group]
    for cue, cue_pair in CUES.get(group, []):
        if cue.search(normalised_text):
            pair = cue_pair
            break
    if isinstance(pair, str):
        return ItemChoice(pair, None, "fixed")
    found = election_for(event_date) if event_date else None
    if found is not None and found[1] is not None:
        determined = event_date >= found[1]  # type: ignore[operator]
        return ItemChoice(_pick(pair, determined), determined, "date", found[0])
    before = BEFORE_CUES.search(normalised_text)
    after = AFTER_CUES.search(normalised_text)
    if before and not after:
        return ItemChoice(_pick(pair, False), False, "cue", found[0] if found else None)
    if after and not before:
        return ItemChoice(_pick(pair, True), True, "cue", found[0] if found else None)
    # Timing unknown: most reports concern the campaign, after the determination, so the discipline
    # item is the better guess; basis "unknown" lowers its confidence and tells the supervisor to
    # find out the date.
    return ItemChoice(_pick(pair, True), None, "unknown", found[0] if found else None)


def clear_cache() -> None:
    _ELECTIONS.clear()
