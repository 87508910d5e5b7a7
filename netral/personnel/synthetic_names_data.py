"""Word lists for synthetic Indonesian personal names (see `synthetic_names.NameComposer`).

Written for this project from general knowledge of Indonesian naming; every list is in rough order
of how common the word is, and the composer weights it by rank (Zipf), so the first words of a list
are the frequent ones. The shapes are plausible, not counts from any register.

Javanese (and much of Indonesia's) given names are built from parts: an optional prefix (`Su`,
`Sri`, the birth-order words `Eko`, `Dwi`, `Tri`), a root and a gendered ending (`-yanto`, `-ono`,
`-adi` for men; `-ni`, `-ningsih`, `-wati`, `-yanti` for women). A root carries a class (the last
sound) that decides which endings fit it: `Supar` + `man`, `Sugi` + `yanto`, `Ngat` + `iman`.
"""

from __future__ import annotations

# --- Javanese single-word names: roots (class) and endings per class --------------------------------
# class "r": roots ending in a consonant that takes a consonant ending (Supar-man, Sumar-ni)
# class "i": roots ending in a vowel (Sugi-yanto, Wahyu-ningsih)
# class "c": roots ending in a consonant that takes a vowel ending (Ngat-iman, Tuk-iyem, Purw-anto)
JAVA_ROOTS_MALE = [
    ("Supar", "r"), ("Sugi", "i"), ("Sumar", "r"), ("Suwar", "r"), ("Sutar", "r"), ("Sudar", "r"),
    ("Supri", "i"), ("Purw", "c"), ("Muly", "c"), ("Suhar", "r"), ("Sukar", "r"), ("Hari", "i"),
    ("Hart", "c"), ("Wid", "c"), ("Sury", "c"), ("Sety", "c"), ("Priy", "c"), ("Tri", "i"),
    ("Dary", "c"), ("Wiy", "c"), ("Sus", "c"), ("Ngat", "c"), ("Tuk", "c"), ("Kas", "c"),
    ("Pon", "c"), ("Sujar", "r"), ("Sular", "r"), ("Wag", "c"), ("Hery", "c"), ("Tary", "c"),
    ("Kary", "c"), ("Sukir", "r"), ("Parj", "c"), ("Marj", "c"), ("Sart", "c"), ("Sag", "c"),
    ("Supra", "i"), ("Suyat", "r"), ("Sumard", "c"), ("Suka", "i"), ("Suwa", "i"), ("Giy", "c"),
    ("Rust", "c"), ("Yul", "c"), ("Ahm", "c"), ("Jum", "c"), ("Karn", "c"), ("Sarj", "c"),
    ("Sutris", "r"), ("Sukis", "r"), ("Tug", "c"), ("Pair", "c"), ("Munir", "r"), ("Bad", "c"),
    ("Warsi", "i"), ("Wart", "c"), ("Samir", "r"), ("Turi", "i"), ("Sapt", "c"), ("Rahar", "r"),
    ("Wahy", "c"), ("Saly", "c"), ("Kusn", "c"), ("Sunar", "r"), ("Subar", "r"), ("Sugen", "r"),
]  # fmt: skip
JAVA_ENDINGS_MALE = {
    "r": ["no", "di", "to", "man", "jo", "min", "sono", "tono", "mo", "yo", "ji", "wan", "ta"],
    "i": ["yanto", "yono", "arto", "adi", "man", "anto", "ono", "manto", "awan", "yadi"],
    "c": ["ono", "anto", "adi", "iman", "ijo", "ino", "iyanto", "iyono", "aryo", "ito", "udi", "awan"],
}  # fmt: skip
JAVA_ROOTS_FEMALE = [
    ("Sumar", "r"), ("Sutar", "r"), ("Supar", "r"), ("Sukar", "r"), ("Suwar", "r"), ("Sum", "c"),
    ("Suk", "c"), ("Sut", "c"), ("Ngat", "c"), ("Tuk", "c"), ("Pon", "c"), ("Kas", "c"), ("Sar", "c"),
    ("Tum", "c"), ("Sri", "i"), ("Wahyu", "i"), ("Setya", "i"), ("Kurnia", "i"), ("Rahma", "i"),
    ("Suhar", "r"), ("Sudar", "r"), ("Murni", "i"), ("Part", "c"), ("Wart", "c"), ("Suyat", "r"),
    ("Pur", "c"), ("Har", "c"), ("Mar", "c"), ("Kus", "c"), ("Wid", "c"), ("Ratna", "i"), ("Puji", "i"),
    ("Widya", "i"), ("Indra", "i"), ("Yuli", "i"), ("Nur", "c"), ("Susi", "i"), ("Tri", "i"),
    ("Sulisty", "c"), ("Heri", "i"), ("Endang", "r"), ("Ning", "c"), ("Sunar", "r"), ("Wag", "c"),
    ("Jum", "c"), ("Sami", "i"), ("Sulas", "r"), ("Wiji", "i"), ("Paini", "i"), ("Mujia", "i"),
]  # fmt: skip
JAVA_ENDINGS_FEMALE = {
    "r": ["ni", "ti", "mi", "sih", "yati", "tini", "miati", "ningsih", "ti", "si", "niah"],
    "i": ["wati", "ningsih", "yanti", "ani", "yati", "asih", "ningrum", "astuti", "sari", "ningtyas", "rini"],
    "c": ["ini", "iyem", "iyati", "inah", "iati", "ijah", "iyah", "anti", "ani", "ariyah", "umi"],
}  # fmt: skip

# Common Javanese single-word names written whole (mononyms of older people, second names).
JAVA_WORDS_MALE = [
    "Sutrisno", "Slamet", "Mulyadi", "Supardi", "Supriyanto", "Wahyudi", "Suparman", "Sugiyanto", "Sumarno",
    "Supriyadi", "Sukardi", "Sugeng",
    "Suharto", "Mulyono", "Suyanto", "Purwanto", "Sunarto", "Haryanto", "Sudarsono", "Paimin",
    "Ngadiman", "Tukiman", "Sarno", "Wagiman", "Sutikno", "Subagyo", "Sarwono", "Kasno",
    "Rusdi", "Parjo", "Sukirno", "Sumadi", "Tarno", "Juwari", "Saiman", "Rochmad", "Kasiyanto",
    "Waluyo", "Raharjo", "Widodo", "Suwandi", "Parman", "Wakidi", "Sukiman", "Supardi", "Sunaryo",
]  # fmt: skip
JAVA_WORDS_FEMALE = [
    "Sulastri", "Sumiati", "Sumarni", "Sunarti", "Kartini", "Ernawati", "Suparmi", "Sutinah", "Suprapti",
    "Sukarsih",
    "Sumini", "Ngatini", "Tumini", "Tukiyem", "Painem", "Poniyem", "Marsini", "Partini", "Wartini",
    "Sarmi", "Kasmini", "Suyatmi", "Jumiati", "Murniati", "Sukarti", "Suharti", "Suwarni", "Rubiyem",
    "Sarinah", "Kasiyati", "Wiji", "Sutiyem", "Parmi", "Jumirah", "Karsini", "Samini", "Lasmi",
]  # fmt: skip

# First words of two-word Javanese names (prefix-like given names and birth-order words).
JAVA_FIRST_MALE = [
    "Agus", "Budi", "Eko", "Bambang", "Joko", "Dwi", "Tri", "Heru", "Slamet", "Hadi", "Teguh", "Edy",
    "Sri", "Didik", "Wahyu", "Rudi", "Hari", "Sigit", "Bayu", "Imam", "Catur", "Arif", "Yudi", "Nur",
    "Bagus", "Priyo", "Ari", "Dedi", "Adi", "Setyo", "Tony", "Sapto", "Gatot", "Totok", "Wawan", "Hendro",
    "Puji", "Panca", "Untung", "Rahmat", "Bowo", "Kukuh", "Danang", "Anang", "Yoyok", "Koko", "Dodik",
    "Galih", "Wisnu", "Bimo", "Aris", "Gunawan", "Widi", "Yanto", "Hartono", "Sutarno", "Nanang",
]  # fmt: skip
JAVA_FIRST_FEMALE = [
    "Sri", "Siti", "Dwi", "Tri", "Endang", "Nur", "Retno", "Rini", "Dyah", "Eni", "Yuli", "Ninik", "Tutik",
    "Sumarni", "Puji", "Dewi", "Wahyu", "Eka", "Ari", "Anik", "Lilik", "Umi", "Titik", "Tatik", "Heni",
    "Setyo", "Catur", "Wiwik", "Yuni", "Ratna", "Indah", "Erna", "Susi", "Purwati", "Lestari", "Kartika",
    "Endah", "Sulistyo", "Mamik", "Ida", "Evi", "Ambar", "Esti", "Sih", "Kusuma", "Asih", "Tatiek",
]  # fmt: skip
# Second (last) words of Javanese names, written whole.
JAVA_LAST_MALE = [
    "Santoso", "Prasetyo", "Susanto", "Wibowo", "Nugroho", "Purnomo", "Setiawan", "Hartono", "Kurniawan",
    "Wahyudi", "Hidayat", "Haryanto", "Sutrisno", "Widodo", "Suprapto", "Raharjo", "Utomo", "Pamungkas",
    "Prabowo", "Saputro", "Cahyono", "Setiadi", "Riyanto", "Darmawan", "Sulistyo", "Wijaya", "Gunawan",
    "Triyono", "Prayitno", "Suharyanto", "Yulianto", "Budiono", "Rahardjo", "Siswanto", "Pranoto",
    "Subroto", "Handoko", "Kuncoro", "Permadi", "Sasongko", "Wicaksono", "Adi", "Hermawan", "Sudibyo",
    "Sukoco", "Winarno", "Nurcahyo", "Wahono", "Harsono", "Murdiyanto", "Susilo", "Priyanto", "Purwoko",
    "Ardiansyah", "Mardiyanto", "Setyawan", "Suseno", "Widiyanto", "Darsono", "Baskoro", "Laksono",
]  # fmt: skip
JAVA_LAST_FEMALE = [
    "Wahyuni", "Rahayu", "Lestari", "Astuti", "Handayani", "Wulandari", "Susanti", "Purwanti", "Suryani",
    "Hartati", "Mulyani", "Setyowati", "Rahmawati", "Sulistyowati", "Widayati", "Kurniasih", "Utami",
    "Yuliani", "Sulistyaningsih", "Haryati", "Puspitasari", "Andayani", "Prihatin", "Winarsih",
    "Ningsih", "Mardiyah", "Kusumawati", "Wijayanti", "Setyaningsih", "Pratiwi", "Rohmah", "Sundari",
    "Widyastuti", "Nurhayati", "Purwaningsih", "Indrawati", "Hidayati", "Martini", "Ernawati",
    "Suprihatin", "Wahyuningsih", "Rusmiati", "Yuniarti", "Fatmawati", "Mulyaningsih", "Sriyani",
    "Triwahyuni", "Agustina", "Anggraeni", "Kristiani", "Sumarsih", "Damayanti", "Susilowati",
]  # fmt: skip

# --- Arabic-derived names (all regions) -------------------------------------------------------------
ARABIC_MALE = [
    "Ahmad", "Abdul", "Ali", "Hasan", "Rahmat", "Yusuf", "Ilham", "Arif", "Hidayat", "Ridwan", "Irfan",
    "Fauzi", "Syaiful", "Umar", "Usman", "Ismail", "Ibrahim", "Rizal", "Faisal", "Hamzah", "Zainal",
    "Syamsul", "Zulkifli", "Iqbal", "Ikhsan", "Fadli", "Lukman", "Taufik", "Mahmud", "Anwar", "Amir",
    "Husein", "Idris", "Haris", "Hafiz", "Mustafa", "Nasir", "Rasyid", "Salim", "Yahya", "Zakaria", "Azis",
    "Fahmi", "Firdaus", "Habib", "Hakim", "Harun", "Jafar", "Kamal", "Luthfi", "Mansur", "Marzuki",
    "Mukhlis", "Munir", "Rahman", "Saleh", "Sofyan", "Sulaiman", "Wahid", "Yunus", "Abdullah", "Arifin",
    "Amin", "Muslim", "Syukri", "Syahrul", "Rusli", "Ramli", "Akbar", "Azhar", "Kholil", "Hanafi",
    "Bahtiar", "Fathoni", "Maksum", "Muchtar", "Nawawi", "Rosyid", "Sahlan", "Shodiq", "Thohir", "Zubair",
]  # fmt: skip
ARABIC_FEMALE = [
    "Siti", "Nur", "Nurul", "Aminah", "Fatimah", "Khadijah", "Aisyah", "Maryam", "Halimah", "Zainab",
    "Hasanah", "Rahmah", "Umi", "Laila", "Latifah", "Maimunah", "Azizah", "Salamah", "Rukiah", "Hamidah",
    "Sakinah", "Hafsah", "Nafisah", "Habibah", "Jamilah", "Mardiyah", "Fauziah", "Zulaikha", "Khoiriyah",
    "Hidayah", "Nadia", "Annisa", "Aulia", "Zahra", "Salma", "Hanifah", "Hasnah", "Rabiah", "Saodah",
    "Musyarofah", "Munawaroh", "Mutmainah", "Nurjanah", "Kholifah", "Inayah", "Fadilah", "Sholihah",
]  # fmt: skip
# Second words after Abdul (Abdul Rahman), Siti (Siti Aminah) or Nur (Nur Hayati, also written Nurhayati).
ABDUL_NAMES = [
    "Rahman", "Aziz", "Rahim", "Karim", "Malik", "Majid", "Latif", "Hakim", "Halim", "Gani", "Wahab",
    "Kadir", "Rasyid", "Hamid", "Jalil", "Muis", "Rauf", "Gafur", "Salam", "Basit", "Haris", "Mutalib",
    "Manan", "Rozak", "Somad", "Fatah", "Kholik", "Mukti", "Syukur", "Wahid",
]  # fmt: skip
SITI_NAMES = [
    "Aminah", "Fatimah", "Khadijah", "Aisyah", "Maryam", "Rohmah", "Nurhaliza", "Rahmawati", "Zubaidah",
    "Halimah", "Nurjanah", "Munawaroh", "Mariam", "Hajar", "Maemunah", "Kholifah", "Nurhayati", "Hasanah",
    "Zaenab", "Rukayah", "Badriah", "Muslimah", "Sholihah", "Julaeha", "Romlah", "Fauziah", "Umayah",
    "Sarah", "Rodiah", "Masitoh", "Komariah", "Chodijah", "Nuraini", "Patimah", "Juwariyah", "Anisah",
]  # fmt: skip
NUR_NAMES = [
    "Hayati", "Aini", "Azizah", "Hidayah", "Jannah", "Laila", "Fadilah", "Halimah", "Hasanah", "Khasanah",
    "Aisyah", "Lela", "Asiah", "Wahidah", "Cahaya", "Hafsah", "Izzah", "Afifah", "Rohmah", "Kholis",
    "Syamsiah", "Faizah", "Amalia", "Anisa", "Baiti", "Habibah", "Hikmah", "Indah", "Janah", "Mala",
]  # fmt: skip
# -uddin names: stems joined by u (Jamal-uddin); written -uddin or -udin.
UDDIN_STEMS = [
    "Saif", "Jamal", "Kamal", "Zain", "Nasr", "Fakhr", "Syams", "Bahar", "Hasan", "Khair", "Amir",
    "Syarif", "Sholah", "Badr", "Taj", "Ala", "Komar", "Najm", "Syihab", "Misbah", "Fath",
    "Haer", "Kahar", "Nasir", "Hamid", "Jalal", "Salah", "Sams", "Nur",
]  # fmt: skip

# --- Modern names (people born from the mid-1980s) -------------------------------------------------
MODERN_MALE = [
    "Rizki", "Dimas", "Aditya", "Fajar", "Bayu", "Yoga", "Andika", "Reza", "Rizky", "Ilham", "Fikri",
    "Gilang", "Galih", "Satria", "Rio", "Bagas", "Aldi", "Dani", "Arya", "Angga", "Ferdi", "Kevin",
    "Alvin", "Rangga", "Wisnu", "Yudha", "Zaki", "Farhan", "Fadhil", "Hafidz", "Ricky", "Randi", "Deni",
    "Dicky", "Hendra", "Eka", "Adam", "Bima", "Tegar", "Yusril", "Naufal", "Rafi", "Akbar", "Fachri",
    "Firman", "Andri", "Ardi", "Wahyu", "Doni", "Irwan", "Rendi", "Dwi", "Ahmad", "Ari", "Yogi", "Ikhsan",
]  # fmt: skip
MODERN_FEMALE = [
    "Putri", "Nadia", "Anisa", "Ayu", "Dian", "Indah", "Intan", "Dwi", "Fitri", "Rizka", "Tiara", "Nurul",
    "Siska", "Wulan", "Yulia", "Citra", "Dinda", "Mega", "Novi", "Ratna", "Sinta", "Tika", "Nabila",
    "Amelia", "Desi", "Eka", "Elsa", "Ika", "Irma", "Lia", "Mita", "Nia", "Nisa", "Novita", "Rani",
    "Rika", "Sari", "Vivi", "Winda", "Yuni", "Anggi", "Rahma", "Fitria", "Ria", "Devi", "Febri", "Okta",
    "Ade", "Diah", "Hana", "Ira", "Kiki", "Laras", "Maya", "Nanda", "Rina", "Santi", "Tri", "Vina",
]  # fmt: skip
MODERN_LAST_MALE = [
    "Pratama", "Saputra", "Putra", "Ramadhan", "Kurniawan", "Setiawan", "Permana", "Wijaya", "Hidayat",
    "Nugraha", "Firmansyah", "Maulana", "Syahputra", "Prasetyo", "Hidayatullah", "Ramadani", "Anggara",
    "Pangestu", "Saputro", "Wicaksono", "Kusuma", "Prakoso", "Nugroho", "Irawan", "Febrianto",
    "Afrianto", "Gunawan", "Hakim", "Fauzan", "Ardiansyah", "Rahman", "Aditama", "Perdana", "Akbar",
    "Yulianto", "Santoso", "Hermawan", "Mahendra", "Ananda", "Rizaldi", "Adiputra", "Wardana",
]  # fmt: skip
MODERN_LAST_FEMALE = [
    "Lestari", "Pratiwi", "Rahmawati", "Safitri", "Anggraini", "Maharani", "Oktaviani", "Febriani",
    "Wulandari", "Puspitasari", "Kusumawati", "Permatasari", "Ayuningtyas", "Rahmadani", "Fitriani",
    "Utami", "Sari", "Amalia", "Nurhaliza", "Novitasari", "Agustina", "Aprilia", "Septiani", "Putri",
    "Saputri", "Handayani", "Damayanti", "Purnamasari", "Ramadhani", "Yuliani", "Kartika", "Andriani",
    "Apriliani", "Novianti", "Fauziah", "Anjani", "Rahayu", "Paramita", "Cahyani", "Wardani",
]  # fmt: skip
# Month-born names: a month stem and an ending (Febri-anto, Oktavi-ani, Agusti-na, Septi-adi).
MONTH_STEMS = ["Febri", "Novi", "Agusti", "Yuli", "Apri", "Oktavi", "Desi", "Septi", "Juli", "Meili"]
MONTH_ENDINGS_MALE = ["anto", "ansyah", "awan", "adi", "an", "yanto", "andi"]
MONTH_ENDINGS_FEMALE = ["ani", "anti", "ana", "yanti", "ati", "asari", "na"]

# --- Sundanese ------------------------------------------------------------------------------------
SUNDA_FIRST_MALE = [
    "Asep", "Ujang", "Dede", "Cecep", "Dadang", "Deden", "Yayan", "Iwan", "Ade", "Aep", "Didin", "Jajang",
    "Nandang", "Encep", "Wawan", "Maman", "Endang", "Hendi", "Dadan", "Yusup", "Nanang", "Engkos", "Iyus",
    "Oman", "Ayi", "Atep", "Entis", "Dodi", "Yaya", "Ruhiyat", "Agus", "Rahmat", "Ahmad", "Ayip", "Cucu",
    "Mamat", "Usep", "Ateng", "Eman", "Dayat", "Jaja", "Odang", "Ujang", "Herman", "Undang", "Acep",
]  # fmt: skip
SUNDA_FIRST_FEMALE = [
    "Euis", "Iis", "Neneng", "Nining", "Entin", "Imas", "Lilis", "Nenden", "Cucu", "Eti", "Titin", "Yeni",
    "Enok", "Eha", "Enung", "Teti", "Ai", "Iin", "Nia", "Wiwin", "Elis", "Yati", "Lina", "Dewi", "Rina",
    "Siti", "Nurul", "Neng", "Ani", "Ela", "Ika", "Ida", "Tati", "Atin", "Ooh", "Enah", "Nani", "Yanti",
    "Ratna", "Rosi", "Lia", "Erna", "Tini", "Nunung", "Ucu", "Emah", "Eulis", "Onih", "Komalasari",
]  # fmt: skip
SUNDA_LAST_MALE = [
    "Hidayat", "Suhendar", "Sopian", "Saepudin", "Sutisna", "Permana", "Rustandi", "Supriatna", "Kusnadi",
    "Hermawan", "Sunandar", "Mulyana", "Ramdani", "Nurdin", "Rohman", "Sobari", "Sukmana", "Mukhtar",
    "Hendrayana", "Setiawan", "Kurniawan", "Gunawan", "Somantri", "Sumpena", "Suryana", "Hamdani",
    "Komarudin", "Saepuloh", "Abdulah", "Firmansyah", "Nugraha", "Wiharja", "Sukarya", "Darajat",
    "Kusumah", "Rukmana", "Sudrajat", "Supriadi", "Mulyadi", "Ruswandi", "Suherman", "Taryana",
]  # fmt: skip
SUNDA_LAST_FEMALE = [
    "Komariah", "Rohaeni", "Rohayati", "Nurhayati", "Kurniasih", "Sumiati", "Suryani", "Rosmiati",
    "Maryati", "Hasanah", "Rostini", "Nurlela", "Yulianti", "Mulyani", "Herawati", "Rahmawati",
    "Solihat", "Rosita", "Sopiah", "Juariah", "Karlina", "Nurjanah", "Mulyasari", "Sulastri", "Kartini",
    "Ratnasari", "Nuraeni", "Aisah", "Rukmini", "Wartini", "Jubaedah", "Fatimah", "Saadah", "Khoeriyah",
    "Marlina", "Setiawati", "Sartika", "Apriani", "Resmiati", "Yuningsih", "Sukaesih", "Rohimah",
]  # fmt: skip
# Sundanese -na / -ah / -ih composed second names (Sutis-na, Kur-nia-sih).
SUNDA_ROOTS_MALE = [
    "Sutis",
    "Supriat",
    "Sukma",
    "Mulya",
    "Surya",
    "Hendra",
    "Taryu",
    "Karya",
    "Sumpe",
    "Sopia",
]
SUNDA_ENDINGS_MALE = ["na", "ni", "nda", "man", "di", "wan"]
SUNDA_ROOTS_FEMALE = [
    "Kurnia",
    "Rosmi",
    "Yuni",
    "Rohae",
    "Sukae",
    "Nurae",
    "Komari",
    "Resmi",
    "Cicih",
    "Ratna",
]
SUNDA_ENDINGS_FEMALE = ["sih", "ati", "ni", "ah", "ningsih", "yati", "wati"]

# --- Malay Sumatra, Aceh, Kalimantan (Banjar) -----------------------------------------------------
MELAYU_FIRST_MALE = [
    "Herman", "Junaidi", "Ismail", "Syahrial", "Syafrizal", "Zulkarnain", "Effendi", "Azhari", "Mahyudin",
    "Safrizal", "Khairul",
    "Razali", "Mawardi", "Husaini", "Mukhtar", "Jailani", "Bukhari", "Hasballah", "Zulfikar", "Munawar",
    "Fadhli", "Mahdi", "Irwansyah", "Rusdi", "Yusri", "Hendri", "Erwin", "Darwis",
    "Ramlan", "Sabaruddin", "Nasrul", "Masrul", "Syahril", "Jumadi", "Rusman", "Armansyah",
    "Rahmadi", "Zainuddin", "Darmansyah", "Surya", "Amran", "Ibnu", "Anas", "Syarifuddin", "Yusran",
]  # fmt: skip
MELAYU_FIRST_FEMALE = [
    "Nurhayati", "Rosmiati", "Yusnidar", "Rahmi", "Nurlaila", "Rosdiana", "Marlina", "Zuraida",
    "Yuliana", "Nurbaiti", "Fitriani", "Rosnani", "Syarifah", "Hasnah", "Mariani", "Ernawati",
    "Rohani", "Nurmala", "Salmah", "Juliana", "Hayati", "Asmah", "Darmawati", "Nurasiah", "Rosmawar",
    "Zubaidah", "Cut", "Fauziah", "Rahmawati", "Susilawati", "Herlina", "Zulaikha", "Hafsah", "Rusmini",
]  # fmt: skip
# Last names for both genders (a father's name or a family name: `Nurhayati Hamzah`).
MELAYU_LAST = [
    "Hasan", "Ismail", "Ibrahim", "Yusuf", "Abdullah", "Rahman", "Hamid", "Ali", "Umar", "Saleh",
    "Harahap", "Syah", "Effendi", "Usman", "Idris", "Amin", "Arsyad", "Zakaria", "Yunus",
    "Junaidi", "Bakar", "Daud", "Zain", "Mahmud", "Rasyid", "Husin", "Hamzah", "Latif",
]  # fmt: skip

# --- Minangkabau: prefix + ending compositions (Des-rizal, Yus-nidar, Afri-zal) --------------------
MINANG_PREFIXES = ["Des", "Yus", "Zul", "Syaf", "Afri", "Nov", "Er", "Ef", "Jon", "Ris", "Nas", "Hen", "Yul",
                   "Mar", "Al", "Rus", "Wer", "Ar", "Eli", "Nel", "Fit", "Ros", "Jas", "Del"]  # fmt: skip
MINANG_ENDINGS_MALE = ["rizal", "ril", "man", "mardi", "wardi", "di", "fendi", "nedi", "zal", "win", "lis",
                       "mizal", "nal", "hendri", "yadi", "fian"]  # fmt: skip
MINANG_ENDINGS_FEMALE = ["nita", "neli", "nidar", "nawati", "mawati", "nelis", "lina", "yanti", "fitri",
                         "wati", "ni", "niati", "mi", "wita", "dawati", "yetti", "nur"]  # fmt: skip

# --- Batak: given names and marga ------------------------------------------------------------------
BATAK_FIRST_MALE = [
    "Hotman", "Parlindungan", "Togar", "Tumpal", "Martua", "Maruli", "Marihot", "Binsar", "Halomoan",
    "Bonar", "Poltak", "Sahat", "Jonggi", "Marojahan", "Mangasi", "Manahan", "Lamhot", "Robert", "Jhon",
    "Darwin", "Edward", "Hendrik", "Johannes", "Benny", "Charles", "Rudolf", "Jansen", "Ronald", "Frans",
    "Janter", "Pardomuan", "Horas", "Sutan", "Mangatas", "Parulian", "Tigor", "Saut", "Hasudungan",
]  # fmt: skip
BATAK_FIRST_FEMALE = [
    "Lasmaria", "Tiurma", "Sondang", "Rumondang", "Dameria", "Hotmaida", "Romauli", "Lamria", "Taruli",
    "Nurmaida", "Masdiana", "Rosmaida", "Herlina", "Lusiana", "Rotua", "Roslina", "Marlina", "Rosdiana",
    "Elfrida", "Friska", "Juliana", "Kristina", "Riama", "Tiominar", "Rismauli", "Dumaria", "Hotnida",
    "Lenny", "Nurhaida", "Sarma", "Tiurlan", "Erlina", "Rosianna", "Martha", "Debora", "Helen",
]  # fmt: skip
BATAK_MARGA = [
    "Siregar", "Nasution", "Harahap", "Lubis", "Simanjuntak", "Sitorus", "Hutapea", "Pasaribu", "Sinaga",
    "Situmorang", "Panjaitan", "Tampubolon", "Manurung", "Sihombing", "Ginting", "Tarigan", "Sembiring",
    "Purba", "Saragih", "Damanik", "Simatupang", "Hutagalung", "Silalahi", "Sianturi", "Napitupulu",
    "Aritonang", "Simbolon", "Sitompul", "Pardede", "Pohan", "Rangkuti", "Daulay", "Hasibuan", "Batubara",
    "Gultom", "Sihotang", "Hutabarat", "Sianipar", "Marpaung", "Silaban", "Simamora", "Lumbantobing",
    "Butarbutar", "Nainggolan", "Siahaan", "Hutauruk", "Tambunan", "Munthe", "Sitepu", "Perangin-angin",
    "Karo-karo", "Barus", "Sipayung", "Girsang", "Matondang", "Pulungan", "Ritonga", "Dalimunthe",
    "Sagala", "Samosir", "Sinambela", "Gurning", "Limbong", "Malau", "Sidabutar", "Pakpahan", "Rajagukguk",
]  # fmt: skip

# --- Bali: given names after the birth-order prefix (I Wayan, Ni Made), root + ending ---------------
BALI_ROOTS = ["Sud", "Suar", "Mert", "Suk", "Sut", "Wir", "Ast", "Purn", "Dar", "Ard", "Swast", "Ad", "Ark",
              "Sukad", "Parw", "Gun", "Wij", "Kert", "Bud", "Sur", "Sant", "Jay", "Yas", "Sedan"]  # fmt: skip
BALI_ENDINGS_MALE = ["arma", "ana", "awa", "ayasa", "erta", "ama", "yawan", "ika", "adi", "asa", "antara",
                     "awan", "ada", "ata", "ena"]  # fmt: skip
BALI_ENDINGS_FEMALE = ["ani", "ini", "ati", "iasih", "yanti", "wati", "ari", "arini", "asih", "antari",
                       "ayani", "iti"]  # fmt: skip

# --- Sulawesi Selatan and neighbours (Bugis, Makassar, Mandar) ------------------------------------
BUGIS_FIRST_MALE = [
    "Syamsul", "Haeruddin", "Hasanuddin", "Baharuddin", "Syahrir", "Bahtiar", "Suardi",
    "Amiruddin", "Ansar", "Arfan", "Nasrullah", "Sudirman", "Kaharuddin", "Muhlis", "Ilyas", "Jamaluddin",
    "Asri", "Hamka", "Nurdin", "Mappiare", "Baso", "Ridwan", "Sahabuddin", "Syamsuddin", "Akhmad",
    "Rustam", "Abdi", "Asdar", "Firdaus", "Muhtar", "Rahmatullah", "Takdir", "Sukri", "Tahir", "Amir",
]  # fmt: skip
BUGIS_FIRST_FEMALE = [
    "Sitti", "Hasnawati", "Nurhayati", "Hasnah", "Hadijah", "Haslinda", "Marlina", "Rosmini", "Rosdiana",
    "Nurlina", "Nurjannah", "Suriani", "Hasmawati", "Nurhaedah", "Darmawati", "Rahmatia", "Hamsinah",
    "Sahariah", "Megawati", "Asmawati", "Jumriani", "Nurliah", "Kartini", "Hartati", "Mardiana", "Asni",
    "Rosnaeni", "Musdalifah", "Nurmiati", "Sumarni", "Rahmawati", "Fatmawati", "Nurhidayah",
]  # fmt: skip
BUGIS_LAST = [
    "Rahman", "Hamzah", "Latif", "Nur", "Ali", "Amir", "Hasan", "Saleh", "Tahir", "Arifin", "Daeng",
    "Mappa", "Makkasau", "Yusuf", "Anwar", "Kadir", "Syam", "Said", "Mustafa", "Rauf",
    "Sultan", "Jafar", "Salam", "Basri", "Halim", "Idrus", "Marzuki", "Asis",
]  # fmt: skip

# --- Christian given names (Minahasa, Maluku, NTT, Papua, Batak, Toraja) --------------------------
CHRISTIAN_MALE = [
    "Yohanes", "Fransiskus", "Agustinus", "Antonius", "Yosef", "Petrus", "Paulus", "Stefanus", "Markus",
    "Yakobus", "Kornelis", "Bernadus", "Dominikus", "Emanuel", "Albertus", "Hendrik", "Johny", "Fredy",
    "Stenly", "Jefry", "Ronny", "Frangky", "Roy", "Daniel", "David", "Samuel", "Simon", "Yulius",
    "Andreas", "Benediktus", "Marthen", "Yance", "Alfons", "Lukas", "Matius", "Philipus", "Herman",
    "Yoseph", "Wilhelmus", "Gerardus", "Linus", "Melkias", "Abraham", "Obet", "Frans", "Yunus", "Piter",
]  # fmt: skip
CHRISTIAN_FEMALE = [
    "Maria", "Yuliana", "Kristina", "Veronika", "Theresia", "Margaretha", "Marselina", "Fransiska",
    "Agnes", "Elisabeth", "Meiske", "Marlin", "Vivi", "Deisy", "Novita", "Yohana", "Anastasia", "Katarina",
    "Florentina", "Susana", "Ester", "Debora", "Ribka", "Sarah", "Magdalena", "Martha", "Regina", "Lusia",
    "Yosefina", "Paulina", "Hermina", "Jeane", "Olvie", "Stela", "Grace", "Mersi", "Yuli", "Angela",
    "Priskila", "Lidia", "Selvi", "Ferdinanda", "Rosalina", "Bernadeta", "Kristin", "Natalia",
]  # fmt: skip

# Family names (fam): Minahasa, Maluku, NTT, Papua, Toraja.
FAM_MINAHASA = [
    "Lumempouw", "Mandagi", "Pangemanan", "Rumengan", "Sondakh", "Tumbelaka", "Wowor", "Kaunang",
    "Lengkong", "Kalalo", "Karamoy", "Mamahit", "Runtuwene", "Sumual", "Tambuwun", "Pontoh", "Walangitan",
    "Rondonuwu", "Supit", "Tumewu", "Lumenta", "Wuisan", "Kawengian", "Rompas", "Mandey", "Lolong",
    "Tangkilisan", "Sigar", "Moningka", "Rumondor", "Pandelaki", "Tuwaidan", "Wenas", "Kairupan",
    "Tumiwa", "Rorimpandey", "Makalew", "Sumampouw", "Kumaat", "Wullur", "Polii", "Lasut", "Mokoginta",
    "Lantang", "Roring", "Tulung", "Manoppo", "Paat", "Ratulangi", "Tampi", "Liow", "Mangundap",
]  # fmt: skip
FAM_MALUKU = [
    "Pattinama", "Latuconsina", "Tuasikal", "Leiwakabessy", "Sahetapy", "Pelupessy", "Tuhumury",
    "Matulessy", "Wattimena", "Lewerissa", "Pattiasina", "Manuputty", "Nanlohy", "Huwae", "Siahaya",
    "Tuanakotta", "Tupamahu", "Latumahina", "Sopacua", "Ohorella", "Tehupeiory", "Marasabessy",
    "Rumalutur", "Ollong", "Pattipeilohy", "Soumokil", "Latupapua", "Salakory", "Tahapary", "Wairata",
    "Saimima", "Kaliky", "Rumakat", "Sanaky", "Tanasale", "Rahanra", "Ngabalin", "Renwarin", "Rahayaan",
    "Ubra", "Sapulette", "Lekatompessy", "Hukom", "Lawalata", "Pesulima", "Talakua", "Watimury",
]  # fmt: skip
FAM_NTT = [
    "Manafe", "Ndun", "Lay", "Bessie", "Kapitan", "Fernandez", "Da Costa", "Dethan", "Messakh", "Foenay",
    "Benu", "Tefa", "Nenobais", "Nubatonis", "Nalle", "Pello", "Radja", "Lado", "Kore", "Hurek", "Bataona",
    "Koten", "Making", "Tokan", "Witak", "Sogen", "Beribe", "Halan", "Openg", "Da Cunha", "Parera",
    "Kedang", "Diaz", "Bria", "Seran", "Nahak", "Klau", "Bere", "Mau", "Taek", "Tallo", "Lake", "Ratu",
    "Ndoen", "Leo", "Riwu", "Bili", "Tanggu", "Ngongo", "Wungo", "Djawa", "Woda", "Gaja", "Lika", "Meko",
]  # fmt: skip
FAM_PAPUA = [
    "Wenda", "Tabuni", "Wonda", "Kogoya", "Murib", "Yikwa", "Wanimbo", "Mandowen", "Rumbiak", "Rumbewas",
    "Kafiar", "Mansawan", "Ayomi", "Yoku", "Ireeuw", "Wanggai", "Kambu", "Sawaki", "Msen", "Womsiwor",
    "Karubaba", "Kaisiepo", "Worembai", "Korwa", "Rumbrawer", "Wompere", "Numberi", "Mambor", "Krey",
    "Suebu", "Ohee", "Hamadi", "Itlay", "Gobai", "Pigai", "Douw", "Mote", "Tebay", "Degei", "Yogi",
    "Kotouki", "Wakerkwa", "Enembe", "Lokobal", "Wetipo", "Kossay", "Yelipele", "Asso", "Pahabol",
    "Alua", "Magai", "Kareth", "Fonataba", "Rumkorem", "Sanggenafa", "Ap", "Bonay", "Awom", "Sroyer",
]  # fmt: skip
FAM_TORAJA = [
    "Pasanda", "Tandililing", "Rante", "Pongsapan", "Sampe", "Palinggi", "Paembonan", "Tangdilintin",
    "Lembang", "Rombe", "Parinding", "Sarungallo", "Bua", "Karurukan", "Tandirerung", "Allo", "Toding",
]  # fmt: skip
# Chinese-Indonesian family-style surnames.
SURNAME_TIONGHOA = [
    "Wijaya", "Gunawan", "Halim", "Tanoto", "Kusuma", "Santoso", "Salim", "Hartono", "Tjandra",
    "Setiadi", "Hadinata", "Kurniadi", "Sutanto", "Wibisono", "Tanuwijaya", "Jayadi", "Winata",
    "Tanjaya", "Liman", "Susanto", "Lie", "Tan", "Lim", "Tanzil", "Widjaja", "Chandra", "Sugianto",
]  # fmt: skip

# Titles of birth worn as the first word: Aceh (Teuku, Cut), Lombok (Lalu, Baiq), Bugis (Andi).
NOBLE_MALE = {"11": "Teuku", "52": "Lalu", "73": "Andi", "76": "Andi", "74": "Andi"}
NOBLE_FEMALE = {"11": "Cut", "52": "Baiq", "73": "Andi", "76": "Andi", "74": "Andi"}
NOBLE_SHARE = 0.05

# Naming traditions by province: (weight, style). Provinces not listed use "other". Migration
# (transmigrants, civil servants posted far from home) puts some Javanese and Malay names everywhere.
STYLE_MIX: dict[str, list[tuple[float, str]]] = {
    "11": [(85, "melayu"), (8, "jawa"), (4, "batak"), (3, "minang")],
    "12": [(45, "batak"), (25, "melayu"), (22, "jawa"), (5, "minang"), (3, "tionghoa")],
    "13": [(88, "minang"), (6, "melayu"), (4, "jawa"), (2, "batak")],
    "14": [(45, "melayu"), (22, "minang"), (20, "jawa"), (10, "batak"), (3, "tionghoa")],
    "15": [(50, "melayu"), (30, "jawa"), (15, "minang"), (5, "batak")],
    "16": [(55, "melayu"), (35, "jawa"), (5, "sunda"), (5, "minang")],
    "17": [(55, "melayu"), (25, "jawa"), (15, "minang"), (5, "sunda")],
    "18": [(55, "jawa"), (20, "melayu"), (18, "sunda"), (5, "bali"), (2, "minang")],
    "19": [(60, "melayu"), (20, "jawa"), (10, "tionghoa"), (5, "sunda"), (5, "bugis")],
    "21": [(45, "melayu"), (25, "jawa"), (15, "minang"), (10, "batak"), (5, "tionghoa")],
    "31": [
        (40, "jawa"),
        (18, "sunda"),
        (12, "melayu"),
        (8, "batak"),
        (8, "minang"),
        (4, "bugis"),
        (3, "tionghoa"),
        (3, "manado"),
        (2, "maluku"),
        (2, "ntt"),
    ],
    "32": [(75, "sunda"), (20, "jawa"), (3, "melayu"), (2, "batak")],
    "33": [(95, "jawa"), (3, "sunda"), (2, "tionghoa")],
    "34": [(95, "jawa"), (2, "sunda"), (3, "melayu")],
    "51": [(88, "bali"), (9, "jawa"), (3, "melayu")],
    "35": [(96, "jawa"), (2, "melayu"), (2, "tionghoa")],
    "36": [(65, "sunda"), (28, "jawa"), (5, "melayu"), (2, "batak")],
    "52": [(85, "melayu"), (10, "jawa"), (5, "bali")],
    "53": [(88, "ntt"), (5, "jawa"), (4, "melayu"), (3, "bugis")],
    "61": [(50, "melayu"), (25, "jawa"), (12, "ntt"), (8, "tionghoa"), (5, "bugis")],
    "62": [(45, "melayu"), (35, "jawa"), (15, "ntt"), (5, "sunda")],
    "63": [(75, "melayu"), (20, "jawa"), (5, "bugis")],
    "64": [(40, "jawa"), (30, "bugis"), (20, "melayu"), (10, "ntt")],
    "65": [(40, "bugis"), (30, "melayu"), (20, "jawa"), (10, "ntt")],
    "71": [(75, "manado"), (12, "melayu"), (8, "jawa"), (5, "bugis")],
    "72": [(50, "bugis"), (25, "melayu"), (15, "jawa"), (10, "manado")],
    "73": [(80, "bugis"), (10, "toraja"), (7, "jawa"), (3, "melayu")],
    "74": [(70, "bugis"), (18, "melayu"), (12, "jawa")],
    "75": [(75, "melayu"), (15, "bugis"), (10, "manado")],
    "76": [(80, "bugis"), (12, "toraja"), (8, "jawa")],
    "81": [(75, "maluku"), (15, "melayu"), (5, "bugis"), (5, "jawa")],
    "82": [(55, "melayu"), (30, "maluku"), (10, "bugis"), (5, "jawa")],
}
for _papua in ("91", "92", "93", "94", "95", "96"):
    STYLE_MIX[_papua] = [(60, "papua"), (15, "jawa"), (10, "bugis"), (8, "maluku"), (7, "ntt")]
STYLE_MIX["other"] = [(50, "jawa"), (20, "melayu"), (15, "sunda"), (5, "batak"), (5, "minang"), (5, "bugis")]
