"""One composed text: a group's act template filled with fragments and wrapped in a style.

Styles: `formal` (a written report to Bawaslu), `news` (news-like prose), `whatsapp` (chat: slang,
abbreviations, typos, lower case), `caption` (a social-media caption with hashtags).
"""

from __future__ import annotations

import random
import re

from netral_gen.corpus import fragments as f
from netral_gen.corpus.fragments import GroupActs, Items

STYLES = ("formal", "news", "whatsapp", "caption")

# Sentence-initial words of acts that are lower case inside a sentence ("... bahwa seorang ASN").
_COMMON_STARTS = frozenset(
    [
        "seorang", "sejumlah", "dalam", "di", "akun", "foto", "rumah", "kendaraan", "acara", "gedung",
        "beredar", "video", "unggahan", "pengawas", "warga", "petugas", "saat", "penggantian", "oknum",
        "setelah", "laporan", "gambar", "mobil", "aula", "ambulans", "paket",
    ]
)  # fmt: skip
_SLOT = re.compile(r"\{(\w+)\}")


def fill(template: str, rng: random.Random) -> str:
    """Replace {slot}s with random fragments; a candidate's names stay consistent within one text."""
    cname, cname2 = rng.sample(f.CAND_NAMES, 2)
    values = {
        "region": rng.choice(f.REGIONS),
        "province": rng.choice(f.PROVINCES),
        "kec": rng.choice(f.KECAMATAN),
        "kel": rng.choice(f.KELURAHAN),
        "desa": rng.choice(f.DESA),
        "n": str(rng.randint(1, 12)),
        "no": str(rng.randint(1, 5)),
        "ini": rng.choice(f.INITIALS),
        "cname": cname,
        "cname2": cname2,
        "party": rng.choice(f.PARTIES),
        "platform": rng.choice(f.PLATFORMS),
        "wplatform": rng.choice(f.PLATFORMS_CASUAL),
        "code": "".join(rng.choice("abcdefghijkmnpqrstuvwxyz0123456789") for _ in range(10)),
        "num": str(rng.randint(10**17, 10**18)),
    }
    out = template
    # Nested templates (an actor phrase with {region} inside) need a second pass.
    for _ in range(3):
        out = _SLOT.sub(lambda m: values.get(m.group(1), m.group(0)), out)
    return out


def shorten(text: str, rng: random.Random, rate: float) -> str:
    """Chat-style spelling: abbreviations, dropped capitals, an occasional typo."""
    words = text.split(" ")
    out = []
    for word in words:
        bare = word.lower().strip(".,!?")
        tail = word[len(word.rstrip(".,!?")) :]
        if bare in f.SHORT_FORMS and rng.random() < rate:
            word = rng.choice(f.SHORT_FORMS[bare]) + tail
        elif len(bare) > 5 and rng.random() < rate / 12:
            a, b = rng.choice(f.TYPO_SWAPS)
            word = word.replace(a, b, 1)
        out.append(word)
    text = " ".join(out)
    if rng.random() < 0.6:
        text = text.lower()
    return text


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _join_case(opening: str, act: str) -> str:
    """The act's first letter as the opening requires: capital after a full stop, else lower case
    for a common word (a post or a name keeps its capital)."""
    if not opening or opening.rstrip().endswith((".", "!", "?", "-", ":")):
        return _capitalise(act)
    first = act.split(" ", 1)[0]
    return act[:1].lower() + act[1:] if first.lower() in _COMMON_STARTS else act


def _item(items: Items, determined: bool | None) -> str | None:
    if items is None:
        return None
    if isinstance(items, str):
        return items
    if determined is None:
        return None
    return items[1] if determined else items[0]


def compose(acts: GroupActs, style: str, rng: random.Random) -> tuple[str, str | None, str]:
    """(text, catalogue item or None, employment of the actor) for one act of the group in `style`."""
    casual = style in {"whatsapp", "caption"}
    entry = rng.choice(acts.casual if casual else acts.formal)
    template, items = (entry, acts.items) if isinstance(entry, str) else entry
    actor, employment = rng.choice(f.ASN_CASUAL if casual else f.ASN_FORMAL)
    non_asn, non_employment = rng.choice(f.NON_ASN)
    if "{nonasn}" in template or "{wnon}" in template:
        employment = non_employment
    candidate, determined = rng.choice(f.CANDIDATES_CASUAL if casual else f.CANDIDATES)
    when = rng.choice(f.WHEN_CASUAL if casual else f.WHEN_FORMAL)
    act = (
        template.replace("{asn}", actor)
        .replace("{wasn}", actor)
        .replace("{nonasn}", non_asn)
        .replace("{wnon}", non_asn)
        .replace("{cand}", candidate)
        .replace("{wcand}", candidate)
        .replace("{when}", when)
        .replace("{wwhen}", when)
    )
    url = fill(rng.choice(f.URLS), rng)
    wrap = f.WRAPPERS
    if style == "formal":
        opening = rng.choice(wrap["formal_open"])
        text = opening + _join_case(opening, act) + rng.choice(wrap["formal_close"])
    elif style == "news":
        opening = rng.choice(wrap["news_open"])
        text = opening + _join_case(opening, act) + rng.choice(wrap["news_close"])
        text = text.replace("{REGION}", rng.choice(f.REGIONS).upper())
    elif style == "whatsapp":
        text = rng.choice(wrap["chat_open"]) + act + rng.choice(wrap["chat_close"]).replace("{wwhen}", when)
        text = shorten(text, rng, rate=0.6)
    else:
        text = rng.choice(wrap["caption_open"]) + _capitalise(act) + rng.choice(wrap["caption_close"])
        text = shorten(text, rng, rate=0.3)
    if url:
        text = text.replace("{url}", url)
    else:
        text = text.replace(" Tautan unggahan: {url}", "").replace(" {url}", "")
    text = fill(text, rng)
    return " ".join(_capitalise(text).split()), _item(items, determined), employment
