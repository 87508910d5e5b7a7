"""Weights and tables that shape the synthetic register (docs/personnel.md, "Synthetic register").

All weights are plausible shapes for a whole register, not published counts: the published figures give the
position mix of *reported* civil servants, where JPT and kepala wilayah are heavily over-represented;
in a register most ASN are functional staff (teachers, nurses, midwives) or pelaksana.
"""

from __future__ import annotations

import datetime as dt

# Ages are computed at this fixed date, so a seed gives the same register whatever the day.
REFERENCE_DATE = dt.date(2025, 1, 1)

# Approximate population (millions, 2023) per province: employees of a province's governments are
# weighted by population ** 0.75 (small and eastern provinces have more civil servants per head).
PROVINCE_POPULATION = {
    "11": 5.48, "12": 15.39, "13": 5.64, "14": 6.64, "15": 3.68, "16": 8.74, "17": 2.09, "18": 9.31,
    "19": 1.49, "21": 2.15, "31": 10.67, "32": 49.86, "33": 37.54, "34": 3.74, "35": 41.53, "36": 12.31,
    "51": 4.43, "52": 5.56, "53": 5.47, "61": 5.62, "62": 2.74, "63": 4.17, "64": 3.94, "65": 0.73,
    "71": 2.66, "72": 3.09, "73": 9.36, "74": 2.76, "75": 1.20, "76": 1.46, "81": 1.88, "82": 1.33,
    "91": 1.06, "92": 0.56, "93": 0.53, "94": 1.45, "95": 1.45, "96": 0.63,
}  # fmt: skip
POPULATION_EXPONENT = 0.75
CENTRAL_SHARE = 0.22  # central agencies' share of all ASN
PROVINCIAL_SHARE = 0.18  # a province's own government's share of its regional ASN
CENTRAL_HQ_SHARE = 0.25  # central employees placed in Jakarta (head offices)
CENTRAL_HQ_REGION = "31.71"

# Relative size of the central agencies in the register (thousands, rounded shapes).
CENTRAL_WEIGHTS = {
    "kemenag": 230, "kemendiktisaintek": 80, "kemenkeu": 80, "kemenkes": 55, "kemenatr-bpn": 35,
    "kemenhub": 30, "kemenpu": 20, "kementan": 20, "kemenkum": 15, "bps": 16, "brin": 15,
    "kemendikdasmen": 10, "kemendagri": 7, "kemensos": 6, "bmkg": 5, "bkn": 4, "kemenpkp": 3,
    "kemendesa": 3, "lan": 1,
    "kemenpan-rb": 0.5,
}  # fmt: skip

# Age (years at the reference date) weights: the ASN age pyramid is heavy in the 40s and 50s.
AGE_WEIGHTS = [(21, 2), (26, 5), (31, 7), (36, 8), (41, 9), (46, 10), (51, 10), (56, 7), (59, 1.5)]
MIN_AGE, MAX_AGE = 21, 60

PPPK_SHARE = 0.22  # among functional and pelaksana posts, for people old enough
PPPK_FIRST_YEAR = 2019
NIK_SHARE = 0.9  # rows that carry a NIK
# TMT CPNS months: most intakes start in January, March or April.
TMT_MONTH_WEIGHTS = [4, 0.3, 2, 2, 0.3, 1, 1, 0.3, 0.3, 0.3, 0.3, 1]

# Position posts: (class, title, weight, minimum age, female share, degree key, PPPK possible).
# Titles may use {unit}, {dinas}, {asisten}, {district} and {village}.
Post = tuple[str, str, float, int, float, str, bool]
REGIONAL_POSTS: list[Post] = [
    ("fungsional", "Guru Ahli Pertama", 14, 22, 0.68, "pendidikan", True),
    ("fungsional", "Guru Ahli Muda", 9, 30, 0.68, "pendidikan", True),
    ("fungsional", "Guru Ahli Madya", 6, 40, 0.65, "pendidikan", False),
    ("fungsional", "Pengawas Sekolah Ahli Madya", 0.3, 45, 0.5, "pendidikan_master", False),
    ("fungsional", "Bidan Terampil", 2.5, 21, 1.0, "kebidanan", True),
    ("fungsional", "Bidan Ahli Pertama", 1, 23, 1.0, "kebidanan", True),
    ("fungsional", "Perawat Terampil", 2.5, 21, 0.7, "keperawatan_d3", True),
    ("fungsional", "Perawat Ahli Pertama", 2, 23, 0.7, "keperawatan", True),
    ("fungsional", "Dokter Ahli Pertama", 1, 25, 0.6, "dokter", True),
    ("fungsional", "Dokter Gigi Ahli Pertama", 0.3, 25, 0.7, "dokter_gigi", True),
    ("fungsional", "Apoteker Ahli Pertama", 0.3, 24, 0.75, "apoteker", True),
    ("fungsional", "Penyuluh Pertanian Ahli Pertama", 1.2, 23, 0.3, "pertanian", True),
    ("fungsional", "Analis Kebijakan Ahli Muda", 0.6, 30, 0.45, "master", False),
    ("fungsional", "Pranata Komputer Ahli Pertama", 0.5, 23, 0.4, "komputer", True),
    ("fungsional", "Auditor Ahli Pertama", 0.4, 23, 0.5, "ekonomi", False),
    ("fungsional", "Pustakawan Ahli Pertama", 0.2, 23, 0.6, "sosial", True),
    ("pelaksana", "Pengadministrasi Perkantoran", 9, 20, 0.5, "pelaksana", True),
    ("pelaksana", "Penata Layanan Operasional", 7, 22, 0.5, "pelaksana_sarjana", True),
    ("pelaksana", "Operator Layanan Operasional", 7, 20, 0.45, "pelaksana", True),
    ("pelaksana", "Pengolah Data dan Informasi", 4, 22, 0.5, "pelaksana_sarjana", True),
    ("pelaksana", "Pengelola Keuangan", 2, 22, 0.6, "ekonomi", False),
    ("pengawas", "Kepala Seksi {unit}", 2.5, 30, 0.4, "sosial", False),
    ("pengawas", "Kepala Subbagian {unit}", 2, 30, 0.45, "sosial", False),
    ("pengawas", "Kepala Unit Pelaksana Teknis {unit}", 0.5, 35, 0.35, "sosial", False),
    ("administrator", "Kepala Bidang {unit}", 1.5, 35, 0.3, "master", False),
    ("administrator", "Kepala Bagian {unit}", 0.8, 35, 0.35, "master", False),
    ("administrator", "Sekretaris {dinas}", 0.4, 38, 0.3, "master", False),
    ("kepala_wilayah", "Camat {district}", 0.25, 32, 0.15, "pemerintahan", False),
    ("kepala_wilayah", "Lurah {village}", 0.25, 30, 0.25, "pemerintahan", False),
    ("jpt", "Sekretaris Daerah", 0.015, 45, 0.1, "master", False),
    ("jpt", "Kepala {dinas}", 0.25, 42, 0.2, "master", False),
    ("jpt", "Asisten {asisten}", 0.03, 45, 0.2, "master", False),
    ("jpt", "Inspektur", 0.015, 45, 0.2, "master", False),
]
PROVINCIAL_POSTS = [post for post in REGIONAL_POSTS if post[0] != "kepala_wilayah"]
CENTRAL_COMMON_POSTS: list[Post] = [
    ("fungsional", "Analis Kebijakan Ahli Muda", 3, 30, 0.45, "master", False),
    ("fungsional", "Pranata Komputer Ahli Pertama", 2, 23, 0.35, "komputer", True),
    ("fungsional", "Auditor Ahli Pertama", 1, 23, 0.5, "ekonomi", False),
    ("fungsional", "Arsiparis Ahli Pertama", 1, 23, 0.6, "sosial", True),
    ("fungsional", "Perencana Ahli Pertama", 1, 23, 0.45, "master", False),
    ("pelaksana", "Pengadministrasi Perkantoran", 8, 20, 0.5, "pelaksana", True),
    ("pelaksana", "Penata Layanan Operasional", 7, 22, 0.5, "pelaksana_sarjana", True),
    ("pelaksana", "Pengolah Data dan Informasi", 4, 22, 0.5, "pelaksana_sarjana", True),
    ("pengawas", "Kepala Subbagian {unit}", 3, 30, 0.45, "sosial", False),
    ("pengawas", "Kepala Seksi {unit}", 2, 30, 0.4, "sosial", False),
    ("administrator", "Kepala Bagian {unit}", 1.2, 35, 0.35, "master", False),
    ("administrator", "Kepala Subdirektorat {unit}", 0.8, 35, 0.3, "master", False),
    ("jpt", "Direktur {unit}", 0.2, 42, 0.2, "master", False),
    ("jpt", "Kepala Biro {unit}", 0.1, 42, 0.25, "master", False),
    ("jpt", "Kepala Pusat {unit}", 0.1, 42, 0.25, "master", False),
]
# The large functional groups of particular central agencies (weights on the same scale).
CENTRAL_OWN_POSTS: dict[str, list[Post]] = {
    "kemenag": [
        ("fungsional", "Guru Ahli Pertama", 25, 22, 0.6, "agama", True),
        ("fungsional", "Guru Ahli Muda", 15, 30, 0.6, "agama", True),
        ("fungsional", "Penghulu Ahli Pertama", 3, 25, 0.05, "agama", False),
        ("fungsional", "Penyuluh Agama Islam Ahli Pertama", 3, 23, 0.4, "agama", True),
        ("fungsional", "Dosen Asisten Ahli", 3, 26, 0.45, "dosen", False),
    ],
    "kemendiktisaintek": [
        ("fungsional", "Dosen Asisten Ahli", 12, 26, 0.45, "dosen", False),
        ("fungsional", "Dosen Lektor", 20, 30, 0.45, "dosen", False),
        ("fungsional", "Dosen Lektor Kepala", 8, 40, 0.4, "dosen", False),
        ("fungsional", "Dosen Profesor", 1.5, 45, 0.3, "profesor", False),
        ("fungsional", "Pranata Laboratorium Pendidikan Ahli Pertama", 3, 23, 0.5, "teknik", True),
    ],
    "kemenkeu": [
        ("fungsional", "Pemeriksa Pajak Ahli Pertama", 8, 23, 0.4, "ekonomi", False),
        ("fungsional", "Pemeriksa Bea dan Cukai Ahli Pertama", 6, 23, 0.3, "ekonomi", False),
        ("fungsional", "Analis Pengelolaan Keuangan APBN Ahli Pertama", 4, 23, 0.5, "ekonomi", False),
    ],
    "kemenkes": [
        ("fungsional", "Perawat Ahli Pertama", 12, 23, 0.7, "keperawatan", True),
        ("fungsional", "Dokter Ahli Muda", 5, 30, 0.55, "dokter", True),
        ("fungsional", "Bidan Ahli Pertama", 3, 23, 1.0, "kebidanan", True),
    ],
    "bps": [("fungsional", "Statistisi Ahli Pertama", 20, 22, 0.5, "statistik", False)],
    "bmkg": [("fungsional", "Pengamat Meteorologi dan Geofisika Ahli Pertama", 15, 22, 0.3, "teknik", False)],
    "brin": [
        ("fungsional", "Peneliti Ahli Pertama", 10, 24, 0.45, "dosen", False),
        ("fungsional", "Peneliti Ahli Madya", 6, 38, 0.4, "dosen", False),
    ],
    "kemenatr-bpn": [("fungsional", "Surveyor Pemetaan Ahli Pertama", 10, 22, 0.25, "teknik", True)],
    "kemenkum": [
        ("fungsional", "Perancang Peraturan Perundang-undangan Ahli Pertama", 6, 23, 0.5, "hukum", False),
        ("fungsional", "Analis Hukum Ahli Pertama", 6, 23, 0.5, "hukum", False),
    ],
    "bkn": [
        ("fungsional", "Analis Sumber Daya Manusia Aparatur Ahli Pertama", 12, 23, 0.55, "sosial", False)
    ],
    "kemensos": [("fungsional", "Pekerja Sosial Ahli Pertama", 10, 23, 0.6, "sosial", True)],
    "lan": [("fungsional", "Widyaiswara Ahli Muda", 10, 35, 0.4, "master", False)],
    "kementan": [("fungsional", "Pengawas Benih Tanaman Ahli Pertama", 6, 23, 0.35, "pertanian", True)],
    "kemenhub": [("fungsional", "Penguji Kendaraan Bermotor Ahli Pertama", 6, 23, 0.15, "teknik", True)],
    "kemenpu": [("fungsional", "Teknik Jalan dan Jembatan Ahli Pertama", 8, 23, 0.2, "teknik", True)],
}
UNITS = [
    "Pemerintahan", "Perencanaan", "Keuangan", "Umum dan Kepegawaian", "Pelayanan", "Kesejahteraan Sosial",
    "Pendataan", "Program dan Evaluasi", "Pembinaan Sekolah Dasar", "Pelayanan Kesehatan",
    "Sarana dan Prasarana", "Perekonomian", "Hukum", "Organisasi",
]  # fmt: skip
DINAS = [
    "Dinas Pendidikan", "Dinas Kesehatan", "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Sosial",
    "Dinas Kependudukan dan Pencatatan Sipil", "Dinas Pertanian", "Dinas Perhubungan",
    "Badan Perencanaan Pembangunan Daerah", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "Badan Pengelolaan Keuangan dan Aset Daerah", "Satuan Polisi Pamong Praja",
    "Badan Kesatuan Bangsa dan Politik",
]  # fmt: skip
ASISTEN = ["Pemerintahan dan Kesejahteraan Rakyat", "Perekonomian dan Pembangunan", "Administrasi Umum"]

# Degree suffixes by key: (weight, degrees). Keys ending in an old-degree rule get Drs./Dra./Ir. for
# people born before OLD_DEGREE_YEAR (the undergraduate Drs. title was phased out in the early 1990s).
DEGREES: dict[str, list[tuple[float, tuple[str, ...]]]] = {
    "pendidikan": [(78, ("S.Pd.",)), (12, ("S.Pd.", "M.Pd.")), (10, ("S.Pd.I.",))],
    "pendidikan_master": [(80, ("S.Pd.", "M.Pd.")), (20, ("S.Pd.", "M.Si."))],
    "kebidanan": [(70, ("A.Md.Keb.",)), (20, ("S.Tr.Keb.",)), (10, ("S.Keb.", "Bd."))],
    "keperawatan_d3": [(100, ("A.Md.Kep.",))],
    "keperawatan": [(100, ("S.Kep.", "Ns."))],
    "dokter": [(85, ()), (15, ("M.Kes.",))],
    "dokter_gigi": [(100, ())],
    "apoteker": [(100, ("S.Farm.",))],
    "pertanian": [(70, ("S.P.",)), (30, ("S.TP.",))],
    "komputer": [(70, ("S.Kom.",)), (30, ("S.T.",))],
    "ekonomi": [(50, ("S.E.",)), (25, ("S.Ak.",)), (25, ("S.E.", "M.M."))],
    "sosial": [(35, ("S.Sos.",)), (25, ("S.IP.",)), (20, ("S.H.",)), (20, ("S.E.",))],
    "master": [
        (30, ("S.Sos.", "M.Si.")),
        (25, ("S.H.", "M.H.")),
        (20, ("S.E.", "M.M.")),
        (15, ("S.IP.", "M.A.P.")),
        (10, ("S.T.", "M.T.")),
    ],
    "pemerintahan": [
        (40, ("S.STP.",)),
        (25, ("S.STP.", "M.Si.")),
        (20, ("S.IP.",)),
        (15, ("S.Sos.", "M.Si.")),
    ],
    "pelaksana": [(60, ()), (15, ("A.Md.",)), (15, ("S.E.",)), (10, ("S.Sos.",))],
    "pelaksana_sarjana": [
        (30, ("S.E.",)),
        (25, ("S.Sos.",)),
        (20, ("S.Kom.",)),
        (15, ("S.H.",)),
        (10, ("S.AP.",)),
    ],
    "dosen": [(35, ("S.T.", "M.T.")), (35, ("S.Si.", "M.Si.")), (30, ("S.E.", "M.M."))],
    "profesor": [(50, ("S.T.", "M.T.")), (50, ("S.Si.", "M.Si."))],
    "statistik": [(60, ("S.ST.",)), (20, ("S.Tr.Stat.",)), (20, ("S.Si.",))],
    "hukum": [(75, ("S.H.",)), (25, ("S.H.", "M.H."))],
    "agama": [(40, ("S.Ag.",)), (30, ("S.Pd.I.",)), (20, ("S.H.I.",)), (10, ("Lc.",))],
    "teknik": [(80, ("S.T.",)), (20, ("S.T.", "M.T."))],
}
# Professional titles written before the name (after H./Hj.).
PROFESSIONAL_PREFIX = {"dokter": "dr.", "dokter_gigi": "drg.", "apoteker": "apt."}
OLD_DEGREE_YEAR = 1971
OLD_DEGREE_PREFIX = {
    "pendidikan": "Drs.",
    "sosial": "Drs.",
    "master": "Drs.",
    "pertanian": "Ir.",
    "teknik": "Ir.",
}
DOCTORATE_SHARE = {"jpt": 0.15, "dosen": 0.3, "profesor": 1.0}

# Haji/Hajjah titles are rarer where Muslims are a minority (Bali, NTT, Sulawesi Utara, Papua).
FEW_HAJI_PROVINCES = {"51", "53", "71", "91", "92", "93", "94", "95", "96"}

MUHAMMAD_SHARE = 0.08  # men of Muslim styles whose name starts with a form of Muhammad (words.MUHAMMAD_FORMS)
OLD_SPELLING_YEAR = 1973  # born before: some names in the spelling before 1972 (words.OLD_SPELLING_*)
OLD_SPELLING_SHARE = 0.2
NOBLE_SHARE = 0.05  # titles of birth (words.NOBLE_MALE/FEMALE) in their provinces
