"""The shape of the demo cases (from the published numbers named below): mixes of groups, positions,
employment, outcomes and PPK behaviour, and the regions where reports concentrate. Shapes, never hard-coded
outputs: the demo draws each case from these weights with a seeded random generator.
"""

from __future__ import annotations

# Violation groups: KASN, Pilkada 2020 (social media 30.4%, partisan activities 22.4%, photos with
# gestures 12.6%, declarations 10.9%, approaching parties 5.6%); the rest spread over the others.
GROUPS: list[tuple[float, str]] = [
    (30.4, "media_sosial"),
    (22.4, "kegiatan_keberpihakan"),
    (12.6, "foto_gestur"),
    (10.9, "deklarasi_kampanye"),
    (5.6, "parpol"),
    (6.0, "alat_peraga"),
    (6.0, "fasilitas_negara"),
    (4.5, "keputusan_menguntungkan"),
    (1.6, "pencalonan"),
]
# Position classes: KASN, Pilkada 2020 (fungsional 26.5, pelaksana 17.2, JPT 15.7, administrator 13.4,
# pengawas 11.8) and Pemilu 2024 (kepala wilayah 16.7).
POSITIONS: list[tuple[float, str]] = [
    (26.5, "fungsional"),
    (17.2, "pelaksana"),
    (15.7, "jpt"),
    (13.4, "administrator"),
    (11.8, "pengawas"),
    (15.4, "kepala_wilayah"),
]
EMPLOYMENT: list[tuple[float, str]] = [(84, "pns"), (11, "pppk"), (3, "honorer"), (2, "kepala_desa")]

# How the Bawaslu stage ends (share of all cases of the current election).
BAWASLU_OUTCOMES: list[tuple[float, str]] = [
    (4, "received"),  # still waiting for the initial review
    (2, "initial_review"),
    (2, "registered"),
    (2, "clarification"),
    (2, "study"),
    (1, "plenary"),
    (5, "rejected_formal"),
    (3, "rejected_expired"),
    (14, "not_violation"),
    (65, "violation"),  # goes on below
]
# After a violation: where it is forwarded (honorer and village heads always go to other laws).
FORWARDING: list[tuple[float, str]] = [(90, "authority"), (4, "gakkumdu"), (2, "stay")]
# The ASN authority's stage (cases forwarded to it).
AUTHORITY_OUTCOMES: list[tuple[float, str]] = [
    (4, "forwarded_asn_authority"),
    (3, "authority_received"),
    (3, "verified"),
    (8, "not_proven"),
    (2, "rejected"),
    (80, "sent_to_ppk"),  # goes on below
]
# The PPK's behaviour (the follow-up gap: only about half act in time).
PPK_OUTCOMES: list[tuple[float, str]] = [
    (50, "sanctioned_on_time"),
    (6, "sent_to_ppk"),  # not yet due
    (3, "left_service"),
    (9, "ppk_overdue"),
    (9, "warned_then_sanctioned"),
    (6, "warned"),
    (10, "blocked"),
    (7, "blocked_then_sanctioned"),
]
SANCTION_FORMS = {
    "ringan": ["written_reprimand", "written_dissatisfaction"],
    "sedang": ["tukin_cut_6", "tukin_cut_9", "tukin_cut_12"],
    "berat": ["demotion_12", "release_12", "dismissal_honourable"],
    "moral": ["moral_closed", "moral_open"],
    "dismissal": ["dismissal_not_honourable"],
}

# Provinces weighted up where reports concentrated (KASN Sep 2020: Sultra, NTB, Jateng, Sulsel, Jatim;
# Bawaslu 2023 risk map: Maluku Utara, Sulawesi Utara, Banten); every other province weighs 1.
PROVINCE_WEIGHTS = {"74": 9, "52": 8, "33": 7, "73": 5, "35": 4, "82": 6, "71": 5, "36": 3}
# The demo users' own regencies get a fixed share so their dashboards have something to show.
FIXED_REGIONS: list[tuple[float, str]] = [(0.05, "34.04"), (0.05, "71.71")]

DESCRIPTIONS = {
    "media_sosial": "ASN membagikan dan mengomentari unggahan akun tim pemenangan salah satu pasangan calon.",
    "kegiatan_keberpihakan": "ASN mengajak pegawai dan warga dalam pertemuan untuk mendukung pasangan calon.",
    "foto_gestur": "ASN berfoto bersama pasangan calon dengan gestur jari yang menunjukkan nomor urut.",
    "deklarasi_kampanye": "ASN menghadiri deklarasi pasangan calon dan menyatakan dukungan di panggung.",
    "parpol": "ASN tercatat sebagai pengurus partai politik di tingkat kabupaten.",
    "alat_peraga": "ASN memasang spanduk pasangan calon di depan kantor dinas.",
    "fasilitas_negara": "Mobil dinas digunakan untuk mengangkut atribut kampanye pasangan calon.",
    "keputusan_menguntungkan": "Kepala dinas membuat keputusan yang menguntungkan salah satu pasangan calon.",
    "pencalonan": "ASN mendaftar sebagai bakal calon tanpa mengajukan pengunduran diri.",
}
FIRST_NAMES = [
    "Budi", "Siti", "Agus", "Dewi", "Hendra", "Rina", "Yusuf", "Maria", "Frans", "Sri", "Bambang",
    "Nur", "Andi", "Wayan", "Made", "Ketut", "La Ode", "Wa Ode", "Muhammad", "Fitri", "Rahmat", "Lestari",
]  # fmt: skip
LAST_NAMES = [
    "Santoso", "Wulandari", "Hidayat", "Pratama", "Lumowa", "Rumengan", "Handayani", "Gunawan",
    "Saputra", "Siregar", "Nasution", "Simanjuntak", "Tanjung", "Ramadhan", "Kusuma", "Halim",
]  # fmt: skip
POSITION_TITLES = {
    "jpt": "Kepala Dinas",
    "administrator": "Kepala Bagian",
    "pengawas": "Kepala Seksi",
    "fungsional": "Guru",
    "pelaksana": "Staf Pelaksana",
    "kepala_wilayah": "Camat",
    "": "Kepala Desa",
}
