"""Compose netral/triage/data/corpus.jsonl from the hand-written fragments (deterministic).

Run: `python -m netral.triage.corpusgen.build [--per-group N]`. The same seed gives the same file,
so the corpus in the repository can be regenerated and reviewed as a diff. See data/CARD.md.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

from netral.triage.corpusgen import common as c
from netral.triage.corpusgen.acts_a import ALAT_PERAGA, DEKLARASI_KAMPANYE, MEDIA_SOSIAL
from netral.triage.corpusgen.acts_b import FASILITAS_NEGARA, FOTO_GESTUR, KEGIATAN_KEBERPIHAKAN
from netral.triage.corpusgen.acts_c import KEPUTUSAN_MENGUNTUNGKAN, PARPOL, PENCALONAN
from netral.triage.corpusgen.acts_d import BUKAN_PELANGGARAN
from netral.triage.corpusgen.acts_e import EXTRA_FORMAL
from netral.triage.corpusgen.acts_f import EXTRA_STANDALONE
from netral.triage.corpusgen.acts_g import MORE_STANDALONE
from netral.triage.corpusgen.acts_h import DISTINCTIONS
from netral.triage.corpusgen.acts_i import PROCEEDINGS
from netral.triage.corpusgen.acts_j import APPEALS

CORPUS_FILE = Path(__file__).resolve().parent.parent / "data" / "corpus.jsonl"
SEED = 20240922
PER_GROUP = 400

GROUPS: dict[str, dict[str, Any]] = {
    "media_sosial": MEDIA_SOSIAL,
    "alat_peraga": ALAT_PERAGA,
    "deklarasi_kampanye": DEKLARASI_KAMPANYE,
    "foto_gestur": FOTO_GESTUR,
    "kegiatan_keberpihakan": KEGIATAN_KEBERPIHAKAN,
    "fasilitas_negara": FASILITAS_NEGARA,
    "parpol": PARPOL,
    "pencalonan": PENCALONAN,
    "keputusan_menguntungkan": KEPUTUSAN_MENGUNTUNGKAN,
    "bukan_pelanggaran": BUKAN_PELANGGARAN,
}

FORMAL_OPEN = [
    "Dengan hormat, bersama ini saya melaporkan bahwa ",
    "Laporan dugaan pelanggaran netralitas ASN. ",
    "Kami warga Kecamatan {kec} ingin menyampaikan bahwa ",
    "Saya ingin melaporkan kejadian berikut: ",
    "Yth. Bawaslu {region}, ",
    "Melalui laporan ini kami sampaikan bahwa ",
    "",
    "Mohon perhatian Bapak/Ibu pengawas. ",
]
FORMAL_CLOSE = [
    " Bukti berupa foto dan video terlampir.",
    " Mohon ditindaklanjuti sesuai ketentuan yang berlaku.",
    " Kejadian ini disaksikan beberapa warga.",
    " Tautan unggahan: {url}",
    " Tangkapan layar sudah saya simpan sebagai bukti.",
    "",
    " Terima kasih atas perhatiannya.",
    " Saya bersedia memberikan keterangan jika diperlukan.",
]
NEWS_OPEN = [
    "{REGION} - ",
    "Bawaslu {region} menerima laporan bahwa ",
    "Panwaslu Kecamatan {kec} mencatat ",
    "",
    "Warga {region} dihebohkan kabar ",
    "Berdasarkan penelusuran pengawas pemilu, ",
]
NEWS_CLOSE = [
    " Bawaslu akan memanggil yang bersangkutan untuk dimintai klarifikasi.",
    " Kasus ini tengah dikaji oleh Bawaslu setempat.",
    " Ketua Bawaslu setempat membenarkan adanya laporan tersebut.",
    " Hingga berita ini diturunkan, yang bersangkutan belum memberikan tanggapan.",
    " Pengawas telah mengumpulkan keterangan dari sejumlah saksi.",
    "",
]
CHAT_OPEN = [
    "min ",
    "lapor min, ",
    "assalamualaikum, mau lapor ",
    "bawaslu tolong ",
    "",
    "gaes ",
    "ini gmn ya, ",
    "permisi, ",
    "halo kak, ",
    "pak/bu pengawas, ",
]
CHAT_CLOSE = [
    "",
    " tlg ditindak",
    " ada videonya",
    " 🙏",
    " bukti sy kirim japri",
    " ini ASN lho",
    "??",
    " mohon diproses min",
    " {wwhen}",
    " sy ada fotonya",
    " gmn ini",
    " {url}",
]
CAPTION_OPEN = ["Viral!! ", "Netral katanya... ", "", "Lihat kelakuan ini: ", "Parah. ", "Bukti nyata: "]
CAPTION_CLOSE = [
    " 😡 #netralitasASN",
    " #pilkada2024",
    " Bawaslu mana nih? @bawasluri",
    " #ASNnetral #pemilu",
    " 🙄",
    " Share biar viral!",
    " #lapor",
]


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


# Sentence-initial words of acts that are lower case inside a sentence ("... bahwa seorang ASN").
_COMMON_STARTS = frozenset(
    [
        "seorang",
        "sejumlah",
        "dalam",
        "di",
        "akun",
        "foto",
        "rumah",
        "kendaraan",
        "acara",
        "gedung",
        "beredar",
        "video",
        "unggahan",
        "pengawas",
        "warga",
        "petugas",
        "saat",
        "penggantian",
        "oknum",
        "setelah",
        "laporan",
        "gambar",
        "mobil",
        "aula",
        "ambulans",
        "paket",
    ]
)


def _join_case(opening: str, act: str) -> str:
    """The act's first letter as the opening requires: capital after a full stop, else lower case
    for a common word (a post or a name keeps its capital)."""
    if not opening or opening.rstrip().endswith((".", "!", "?", "-", ":")):
        return _capitalise(act)
    first = act.split(" ", 1)[0]
    return act[:1].lower() + act[1:] if first.lower() in _COMMON_STARTS else act


def _actor(rng: random.Random, casual: bool) -> tuple[str, str]:
    return rng.choice(c.ASN_CASUAL if casual else c.ASN_FORMAL)


def _candidate(rng: random.Random, casual: bool) -> tuple[str, bool | None]:
    return rng.choice(c.CANDIDATES_CASUAL if casual else c.CANDIDATES)


def _item(items: Any, determined: bool | None) -> str | None:
    if items is None:
        return None
    if isinstance(items, str):
        return items
    if determined is None:
        return None
    return items[1] if determined else items[0]


def _compose(spec: dict[str, Any], style: str, rng: random.Random) -> tuple[str, str | None, str]:
    casual = style in {"whatsapp", "caption"}
    entry = rng.choice(spec["casual"] if casual else spec["formal"] + EXTRA_FORMAL[spec["code"]])
    template, items = (entry, spec["items"]) if isinstance(entry, str) else entry
    actor, employment = _actor(rng, casual)
    non_asn, non_employment = rng.choice(c.NON_ASN)
    if "{nonasn}" in template or "{wnon}" in template:
        employment = non_employment
    candidate, determined = _candidate(rng, casual)
    when = rng.choice(c.WHEN_CASUAL if casual else c.WHEN_FORMAL)
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
    url = c.fill(rng.choice(c.URLS), rng)
    if style == "formal":
        opening = rng.choice(FORMAL_OPEN)
        text = opening + _join_case(opening, act) + rng.choice(FORMAL_CLOSE)
    elif style == "news":
        opening = rng.choice(NEWS_OPEN)
        text = opening + _join_case(opening, act) + rng.choice(NEWS_CLOSE)
        text = text.replace("{REGION}", rng.choice(c.REGIONS).upper())
    elif style == "whatsapp":
        text = rng.choice(CHAT_OPEN) + act + rng.choice(CHAT_CLOSE).replace("{wwhen}", when)
        text = c.shorten(text, rng, rate=0.6)
    else:
        text = rng.choice(CAPTION_OPEN) + _capitalise(act) + rng.choice(CAPTION_CLOSE)
        text = c.shorten(text, rng, rate=0.3)
    if url:
        text = text.replace("{url}", url)
    else:
        text = text.replace(" Tautan unggahan: {url}", "").replace(" {url}", "")
    text = c.fill(text, rng)
    return " ".join(_capitalise(text).split()), _item(items, determined), employment


def build(per_group: int = PER_GROUP, seed: int = SEED) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    styles = ["formal"] * 3 + ["news"] * 2 + ["whatsapp"] * 3 + ["caption"] * 2
    for group, spec in GROUPS.items():
        spec = {**spec, "code": group}
        seen: set[str] = set()
        group_rows: list[dict[str, Any]] = []
        for text, style in (
            spec["standalone"]
            + EXTRA_STANDALONE[group]
            + MORE_STANDALONE[group]
            + DISTINCTIONS.get(group, [])
            + PROCEEDINGS[group]
            + APPEALS.get(group, [])
        ):
            seen.add(text)
            group_rows.append({"text": text, "style": style, "form": "whole"})
        attempts = 0
        while len(group_rows) < per_group and attempts < per_group * 50:
            attempts += 1
            style = rng.choice(styles)
            text, item, employment = _compose(spec, style, rng)
            if text in seen:
                continue
            seen.add(text)
            row: dict[str, Any] = {"text": text, "style": style, "form": "composed", "employment": employment}
            if item:
                row["item"] = item
            group_rows.append(row)
        for number, row in enumerate(group_rows, start=1):
            rows.append(
                {
                    "id": f"{group}-{number:04d}",
                    "text": row["text"],
                    "category": group,
                    **({"item": row["item"]} if "item" in row else {}),
                    "style": row["style"],
                    "form": row["form"],
                    "source": "netral-authored",
                }
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-group", type=int, default=PER_GROUP)
    parser.add_argument("--out", type=Path, default=CORPUS_FILE)
    args = parser.parse_args()
    rows = build(args.per_group)
    with args.out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} examples written to {args.out}")


if __name__ == "__main__":
    main()
