"""Hand-written fragments shared by every group: actors, candidates, places, times, wrappers.

The corpus generator (`build.py`) fills an act template of a group (acts_*.py) with these
fragments and wraps it in one of four styles. Everything here was written for netral; no
sentence comes from a news article or from the evaluation files.
"""

from __future__ import annotations

import random
import re

# --- who ---------------------------------------------------------------------------------------

# Civil servants in formal wording: (phrase, employment)
ASN_FORMAL = [
    ("seorang ASN berinisial {ini} yang bertugas di Dinas Kesehatan {region}", "pns"),
    ("Camat {kec}", "pns"),
    ("Lurah {kel}", "pns"),
    ("seorang guru berstatus PNS di SMP Negeri {n} {region}", "pns"),
    ("Kepala Dinas Pendidikan {region}", "pns"),
    ("Sekretaris Daerah {region}", "pns"),
    ("seorang pegawai PPPK di RSUD {region}", "pppk"),
    ("Kepala Bidang Perizinan pada DPMPTSP {region}", "pns"),
    ("seorang bidan PNS di Puskesmas {kec}", "pns"),
    ("Kepala SD Negeri {n} {kec}", "pns"),
    ("oknum ASN di lingkungan Pemerintah {region}", "unknown"),
    ("seorang penyuluh pertanian berstatus PPPK di {kec}", "pppk"),
    ("Kepala Bappeda {region}", "pns"),
    ("seorang staf Sekretariat DPRD {region} berstatus PNS", "pns"),
    ("Kepala Seksi Pemerintahan Kecamatan {kec}", "pns"),
    ("seorang dosen PNS di salah satu perguruan tinggi negeri di {region}", "pns"),
    ("Kepala Dinas Sosial {region}", "pns"),
    ("sejumlah ASN Dinas Pekerjaan Umum {region}", "pns"),
    ("seorang guru PPPK di SD Negeri {n} {kec}", "pppk"),
    ("Sekretaris Camat {kec}", "pns"),
    ("Kepala Puskesmas {kec}", "pns"),
    ("seorang pejabat eselon III di Badan Kepegawaian dan Pengembangan SDM {region}", "pns"),
    ("Asisten I Setda {region}", "pns"),
    ("seorang pegawai Kantor Kementerian Agama {region}", "pns"),
    ("Kepala Satpol PP {region}", "pns"),
    ("seorang aparatur sipil negara (ASN) di Dinas Perhubungan {region}", "unknown"),
]

# Civil servants the way people name them in chats and posts: (phrase, employment)
ASN_CASUAL = [
    ("pak camat", "pns"),
    ("pak camat {kec}", "pns"),
    ("bu lurah", "pns"),
    ("pak lurah {kel}", "pns"),
    ("guru PNS di sekolah anak sy", "pns"),
    ("bu kadis pendidikan", "pns"),
    ("pak kadis PU", "pns"),
    ("oknum ASN dinkes", "unknown"),
    ("pak sekda", "pns"),
    ("kepsek SDN {n}", "pns"),
    ("bidan puskesmas yg PNS itu", "pns"),
    ("pegawai pemda", "unknown"),
    ("pegawai kantor bupati", "unknown"),
    ("ASN kecamatan", "unknown"),
    ("bu guru PPPK", "pppk"),
    ("pak kabid di dinas", "pns"),
    ("om sy yg PNS di BPBD", "pns"),
    ("tetangga sy yg kerja di dinas sosial, PNS", "pns"),
    ("pak sekcam", "pns"),
    ("kapus puskesmas {kec}", "pns"),
    ("pejabat dinas perhubungan", "unknown"),
    ("pak kasi pemerintahan kecamatan", "pns"),
    ("ASN pemkot", "unknown"),
    ("bu kepala sekolah", "pns"),
]

# People who are not civil servants (hard negatives and routed cases): (phrase, employment)
NON_ASN = [
    ("seorang anggota tim pemenangan", "unknown"),
    ("Kepala Desa {desa}", "kepala_desa"),
    ("pak kades {desa}", "kepala_desa"),
    ("seorang perangkat desa di {desa}", "unknown"),
    ("seorang guru honorer di {kec}", "honorer"),
    ("tenaga honorer di kantor kelurahan", "honorer"),
    ("relawan paslon", "unknown"),
    ("seorang pensiunan PNS", "unknown"),
    ("seorang pengurus partai", "unknown"),
    ("anggota BPD {desa}", "unknown"),
    ("seorang caleg", "unknown"),
    ("ketua RT setempat", "unknown"),
    ("timses", "unknown"),
    ("seorang pengusaha lokal", "unknown"),
    ("seorang influencer", "unknown"),
]

INITIALS = ["AS", "MR", "HS", "RN", "DW", "YK", "SP", "NF", "BT", "IW", "LH", "ZA", "TM", "EK", "RS"]

REGIONS = [
    "Kabupaten Sleman",
    "Kota Manado",
    "Kab. Bandung",
    "Kota Palangka Raya",
    "Kabupaten Bima",
    "Kabupaten Gowa",
    "Kota Kendari",
    "Kabupaten Lombok Timur",
    "Kabupaten Banyumas",
    "Kota Ternate",
    "Kabupaten Wakatobi",
    "Kabupaten Jember",
    "Kota Pekanbaru",
    "Kabupaten Sumbawa",
    "Kota Ambon",
    "Kabupaten Bone",
    "Kabupaten Tapanuli Utara",
    "Kota Samarinda",
    "Kabupaten Sidoarjo",
    "Kabupaten Konawe Selatan",
    "Kota Jayapura",
    "Kabupaten Garut",
    "Kota Padang",
    "Kabupaten Kupang",
    "Kabupaten Muna",
    "Kota Makassar",
    "Kabupaten Lampung Selatan",
    "Kabupaten Halmahera Barat",
    "Kota Bengkulu",
    "Kabupaten Kepulauan Sangihe",
]
PROVINCES = [
    "Provinsi Sulawesi Tenggara",
    "Provinsi NTB",
    "Provinsi Jawa Tengah",
    "Provinsi Maluku Utara",
    "Provinsi Sulawesi Utara",
    "Provinsi Banten",
    "Provinsi Kalimantan Tengah",
    "DKI Jakarta",
]
KECAMATAN = [
    "Mlati",
    "Tikala",
    "Soreang",
    "Pahandut",
    "Woha",
    "Bontomarannu",
    "Mandonga",
    "Selong",
    "Sokaraja",
    "Ternate Tengah",
    "Wangi-Wangi",
    "Kaliwates",
    "Tampan",
    "Moyo Hilir",
    "Sirimau",
    "Tanete Riattang",
    "Tarutung",
    "Sungai Kunjang",
    "Candi",
    "Andoolo",
    "Abepura",
    "Tarogong",
    "Kuranji",
    "Kupang Tengah",
]
KELURAHAN = ["Sendangadi", "Tikala Baru", "Langgeng Sari", "Panarung", "Wawonii", "Kampung Baru", "Tanjung"]
DESA = [
    "Sukamaju",
    "Mekarsari",
    "Tanjung Harapan",
    "Bontoa",
    "Lamokato",
    "Sido Mulyo",
    "Waiheru",
    "Watuliandu",
]

# --- candidates --------------------------------------------------------------------------------

# (phrase, determined): True = after KPU determination (calon), False = before (bakal calon),
# None = the text does not tell.
CANDIDATES = [
    ("paslon nomor urut {no}", True),
    ("pasangan calon bupati nomor urut {no}", True),
    ("pasangan calon wali kota nomor urut {no}", True),
    ("calon gubernur nomor urut {no}, {cname}", True),
    ("pasangan capres-cawapres nomor urut {no}", True),
    ("calon petahana {cname}", True),
    ("pasangan {cname}-{cname2} yang sudah ditetapkan KPU", True),
    ("bakal calon bupati {cname}", False),
    ("bakal calon wali kota {cname}", False),
    ("bakal pasangan calon {cname}-{cname2}", False),
    ("{cname}, tokoh yang digadang-gadang maju di pilkada", False),
    ("bakal calon gubernur yang belum ditetapkan KPU", False),
    ("salah satu kandidat", None),
    ("salah satu calon kepala daerah", None),
    ("{cname}", None),
    ("salah satu caleg DPRD", None),
]
CANDIDATES_CASUAL = [
    ("paslon {no}", True),
    ("paslon 0{no}", True),
    ("no urut {no}", True),
    ("calon petahana", True),
    ("pasangan {cname}", True),
    ("bacalon {cname}", False),
    ("balon bupati {cname}", False),
    ("jagoannya yg mau nyalon bupati", False),
    ("calonnya {cname}", None),
    ("salah satu calon", None),
    ("kandidat tertentu", None),
]
CAND_NAMES = [
    "Hendra",
    "Sulastri",
    "Yusuf Mandala",
    "Rahmat",
    "Irawati",
    "Andi Baso",
    "Fransiskus",
    "Nurhayati",
    "Daeng Situju",
    "Marthen",
    "Zulkarnain",
    "Ketut Arsana",
    "Wenny",
    "Abdul Gafur",
    "Stevanus",
    "Made Widia",
    "Harun",
    "Latifah",
    "Gerson",
    "Syamsul",
]
PARTIES = [
    "Partai Amanat Rakyat",
    "Partai Nusantara Bersatu",
    "PKB",
    "Gerindra",
    "Golkar",
    "PDIP",
    "NasDem",
    "PKS",
    "Demokrat",
    "PAN",
    "Partai Buruh",
    "Perindo",
    "Hanura",
]

# --- when --------------------------------------------------------------------------------------

WHEN_FORMAL = [
    "pada Sabtu (14/9/2024)",
    "pada Senin, 7 Oktober 2024",
    "pada hari Minggu tanggal 20 Oktober 2024",
    "pada 3 Januari 2024",
    "pada Jumat (23/2/2024) sore",
    "sekitar pukul 10.00 WITA",
    "pada pekan lalu",
    "pada Rabu (16/10/2024)",
    "beberapa hari lalu",
    "pada tanggal 28 November 2023",
    "kemarin siang",
    "pada Kamis, 12 September 2024",
    "pada awal bulan ini",
    "pada 5 Agustus 2024",
]
WHEN_CASUAL = [
    "kemarin",
    "td pagi",
    "tadi siang",
    "minggu lalu",
    "tgl 12 kmrn",
    "semalem",
    "pas hari sabtu",
    "barusan",
    "kmrn sore",
    "2 hari lalu",
    "pas acara jumat",
    "",
]

PLATFORMS = ["Facebook", "Instagram", "TikTok", "grup WhatsApp", "X (Twitter)", "YouTube", "status WhatsApp"]
PLATFORMS_CASUAL = ["fb", "ig", "tiktok", "grup wa", "sw", "twitter", "story ig", "status wa"]
URLS = [
    "https://www.facebook.com/share/p/{code}",
    "https://www.instagram.com/p/{code}/",
    "https://vt.tiktok.com/{code}/",
    "https://x.com/akun/status/{num}",
    "",
]

# --- informal spelling -------------------------------------------------------------------------

# The way people shorten words in chats. Applied with a probability to casual texts so the corpus
# carries the same noise as real messages; slang.tsv maps these back during preprocessing.
SHORTEN = {
    "yang": ["yg"],
    "tidak": ["gk", "gak", "ga", "tdk", "nggak"],
    "sudah": ["udh", "sdh", "udah"],
    "dengan": ["dgn", "dg"],
    "untuk": ["utk", "buat"],
    "saya": ["sy", "aku"],
    "bapak": ["pak", "bpk"],
    "sekarang": ["skrg"],
    "karena": ["krn", "soalnya"],
    "banyak": ["byk"],
    "juga": ["jg"],
    "tolong": ["tlg"],
    "terima kasih": ["makasih", "trims", "tq"],
    "sama": ["sm"],
    "kalau": ["kalo", "klo"],
    "pemilihan": ["pilihan"],
    "bagaimana": ["gmn", "gimana"],
    "begitu": ["gitu"],
    "orang": ["org"],
    "sangat": ["bgt"],
    "kemarin": ["kmrn", "kemaren"],
    "tahu": ["tau"],
    "lagi": ["lg"],
    "dia": ["dy", "doi"],
    "foto": ["poto"],
    "pakai": ["pake"],
    "semua": ["smua"],
    "apa": ["ap"],
    "ini": ["nih"],
    "mereka": ["mrk"],
    "pegawai": ["pgw"],
    "kampanye": ["kampanye", "kampanyeu"],
    "belum": ["blm"],
}
TYPO_SWAPS = [("a", "s"), ("i", "o"), ("n", "m"), ("e", "r")]


def fill(template: str, rng: random.Random) -> str:
    """Replace {slot}s with random fragments; a candidate's names stay consistent within one text."""
    cname, cname2 = rng.sample(CAND_NAMES, 2)
    values = {
        "region": rng.choice(REGIONS),
        "province": rng.choice(PROVINCES),
        "kec": rng.choice(KECAMATAN),
        "kel": rng.choice(KELURAHAN),
        "desa": rng.choice(DESA),
        "n": str(rng.randint(1, 12)),
        "no": str(rng.randint(1, 5)),
        "ini": rng.choice(INITIALS),
        "cname": cname,
        "cname2": cname2,
        "party": rng.choice(PARTIES),
        "platform": rng.choice(PLATFORMS),
        "wplatform": rng.choice(PLATFORMS_CASUAL),
        "code": "".join(rng.choice("abcdefghijkmnpqrstuvwxyz0123456789") for _ in range(10)),
        "num": str(rng.randint(10**17, 10**18)),
    }
    out = template
    # Nested templates (an actor phrase with {region} inside) need a second pass.
    for _ in range(3):
        out = re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), out)
    return out


def shorten(text: str, rng: random.Random, rate: float) -> str:
    """Chat-style spelling: abbreviations, dropped capitals, an occasional typo."""
    words = text.split(" ")
    out = []
    for word in words:
        bare = word.lower().strip(".,!?")
        tail = word[len(word.rstrip(".,!?")) :]
        if bare in SHORTEN and rng.random() < rate:
            word = rng.choice(SHORTEN[bare]) + tail
        elif len(bare) > 5 and rng.random() < rate / 12:
            a, b = rng.choice(TYPO_SWAPS)
            word = word.replace(a, b, 1)
        out.append(word)
    text = " ".join(out)
    if rng.random() < 0.6:
        text = text.lower()
    return text
