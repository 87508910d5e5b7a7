"""The corpus's hand-written fragments, loaded once from the data files (described in data/README.md)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netral_gen.datafiles import read

DATA = Path(__file__).resolve().parent / "data"

# The groups in corpus order (the order of the rows and of their ids).
GROUPS = (
    "media_sosial", "alat_peraga", "deklarasi_kampanye", "foto_gestur", "kegiatan_keberpihakan",
    "fasilitas_negara", "parpol", "pencalonan", "keputusan_menguntungkan", "bukan_pelanggaran",
)  # fmt: skip
# Formal templates every group gets after its own (data/formal_templates_other_wording.json).
OTHER_WORDING = "formal_templates_other_wording"
# Sets of whole texts, added to each group's own whole texts in this order.
WHOLE_TEXT_SETS = (
    "whole_texts_news_and_chat",
    "whole_texts_long_reports",
    "whole_texts_neighbouring_groups",
    "whole_texts_case_history",
    "whole_texts_appeals_in_person",
)

# The catalogue item a template settles: a pair (before the KPU determination, after), one fixed
# item, or None (bukan_pelanggaran).
Items = str | tuple[str, ...] | None
Template = str | tuple[str, Items]  # a template with the group's items, or (template, its own items)
WholeText = tuple[str, str]  # (text, style)


@dataclass(frozen=True)
class GroupActs:
    """What the corpus is made of for one group."""

    group: str
    items: Items
    formal: list[Template]
    casual: list[Template]
    whole_texts: list[WholeText]


def _items(value: Any) -> Items:
    return tuple(value) if isinstance(value, list) else value


def _template(entry: Any) -> Template:
    return entry if isinstance(entry, str) else (entry["template"], _items(entry["items"]))


def _whole(entry: Any) -> WholeText:
    return entry["text"], entry["style"]


def _group_acts() -> dict[str, GroupActs]:
    other_wording = read(DATA / f"{OTHER_WORDING}.json")["formal_templates"]
    sets = [read(DATA / f"{name}.json")["whole_texts"] for name in WHOLE_TEXT_SETS]
    acts: dict[str, GroupActs] = {}
    for group in GROUPS:
        own = read(DATA / "group_acts" / f"{group}.json")
        if own["group"] != group:
            raise ValueError(f"group_acts/{group}.json holds the acts of {own['group']}")
        acts[group] = GroupActs(
            group=group,
            items=_items(own["items"]),
            formal=[_template(e) for e in own["formal_templates"] + other_wording.get(group, [])],
            casual=[_template(e) for e in own["casual_templates"]],
            whole_texts=[_whole(e) for e in own["whole_texts"] + [e for s in sets for e in s.get(group, [])]],
        )
    return acts


GROUP_ACTS = _group_acts()

_slots = read(DATA / "slot_fillers.json")
# (phrase, employment)
ASN_FORMAL: list[tuple[str, str]] = [(e["phrase"], e["employment"]) for e in _slots["asn_formal"]]
ASN_CASUAL: list[tuple[str, str]] = [(e["phrase"], e["employment"]) for e in _slots["asn_casual"]]
NON_ASN: list[tuple[str, str]] = [(e["phrase"], e["employment"]) for e in _slots["non_asn"]]
INITIALS: list[str] = _slots["initials"]
REGIONS: list[str] = _slots["regions"]
PROVINCES: list[str] = _slots["provinces"]
KECAMATAN: list[str] = _slots["kecamatan"]
KELURAHAN: list[str] = _slots["kelurahan"]
DESA: list[str] = _slots["desa"]
# (phrase, determined): True after the KPU determination, False before, None when the text does not tell.
CANDIDATES: list[tuple[str, bool | None]] = [(e["phrase"], e["determined"]) for e in _slots["candidates"]]
CANDIDATES_CASUAL: list[tuple[str, bool | None]] = [
    (e["phrase"], e["determined"]) for e in _slots["candidates_casual"]
]
CAND_NAMES: list[str] = _slots["candidate_names"]
PARTIES: list[str] = _slots["parties"]
WHEN_FORMAL: list[str] = _slots["when_formal"]
WHEN_CASUAL: list[str] = _slots["when_casual"]
PLATFORMS: list[str] = _slots["platforms"]
PLATFORMS_CASUAL: list[str] = _slots["platforms_casual"]
URLS: list[str] = _slots["urls"]

_spelling = read(DATA / "informal_spelling.json")
SHORT_FORMS: dict[str, list[str]] = _spelling["short_forms"]
TYPO_SWAPS: list[tuple[str, str]] = [(a, b) for a, b in _spelling["typo_swaps"]]

# formal_open, formal_close, news_open, news_close, chat_open, chat_close, caption_open, caption_close
WRAPPERS: dict[str, list[str]] = read(DATA / "style_wrappers.json")
