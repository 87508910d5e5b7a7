# ruff: noqa: E501  (hand-written text fragments: one sentence per line reads better)
"""Act templates: media_sosial, alat_peraga, deklarasi_kampanye (written for netral).

Slots: {asn} an actor, {cand} a candidate phrase, {when} a time, {platform}, {region}, {kec}, ...
Casual templates use {wasn}, {wcand}, {wwhen}, {wplatform}. An entry is a template or
(template, item pair) where the pair is (ethics item, discipline item) or one fixed item.
"""

from __future__ import annotations

MEDIA_SOSIAL = {
    "items": ("E2", "D2"),
    "formal": [
        "{asn} mengunggah video ajakan memilih {cand} di akun {platform} pribadinya {when}.",
        (
            "{asn} memberikan tanda suka (like) dan komentar dukungan pada unggahan akun tim pemenangan "
            "{cand} {when}.",
            ("E4", "D6"),
        ),
        (
            "{asn} tercatat sebagai admin grup WhatsApp relawan {cand} dan aktif membagikan materi "
            "kampanye ke grup tersebut.",
            ("E4", "D6"),
        ),
        "{asn} membagikan ulang (share) poster {cand} disertai tulisan 'lanjutkan!' di {platform} {when}.",
        (
            "{asn} mengikuti dan aktif berkomentar di akun resmi tim sukses {cand}, bahkan menandai "
            "rekan-rekan kantornya.",
            ("E4", "D6"),
        ),
        "{asn} mengganti foto profil {platform} dengan bingkai (twibbon) dukungan untuk {cand}.",
        "{asn} menulis status di {platform} yang menyerang lawan politik {cand} dan mengajak warga "
        "tidak memilih pasangan lain.",
        "{asn} melakukan siaran langsung di {platform} sambil mempromosikan program kerja {cand} {when}.",
        "{asn} memasang stiker digital dan tagar kampanye {cand} pada setiap unggahan di {platform}.",
        "Akun {platform} milik {asn} kedapatan mengunggah konten kampanye {cand} lengkap dengan nomor urut.",
        (
            "{asn} menyukai dan membagikan video kampanye yang diunggah akun relawan {cand} {when}.",
            ("E4", "D6"),
        ),
        "{asn} membuat konten TikTok berjoget dengan lagu kampanye {cand} dan mengajak penonton memilihnya.",
        ("{asn} bergabung dan menjadi anggota aktif grup Facebook pendukung {cand}.", ("E4", "D6")),
        "{asn} meneruskan pesan berantai berisi ajakan mencoblos {cand} ke puluhan grup WhatsApp {when}.",
        "{asn} memberi komentar 'siap menangkan!' pada unggahan kampanye {cand} di {platform}.",
        "Di akun {platform}-nya, {asn} rutin menulis testimoni keberhasilan {cand} dan meminta "
        "pengikutnya mendukung.",
    ],
    "casual": [
        "{wasn} upload video ngajak milih {wcand} di {wplatform} nya {wwhen}",
        "{wasn} tiap hari share poster {wcand} di {wplatform}, ini ASN loh",
        ("{wasn} jadi admin grup wa relawan {wcand}, rajin bgt kirim materi kampanye", ("E4", "D6")),
        "{wasn} ganti pp pake twibbon {wcand}, dia kan PNS emang boleh?",
        ("{wasn} like sama komen2 di akun timses {wcand}", ("E4", "D6")),
        "{wasn} bikin status dukung {wcand} di {wplatform}, ada screenshotnya",
        "{wasn} live tiktok promosiin {wcand} {wwhen}",
        "{wasn} nyebarin broadcast ajakan coblos {wcand} ke grup2 wa",
        ("{wasn} follow akun timses {wcand} terus repost semua postingannya", ("E4", "D6")),
        "{wasn} posting di {wplatform} 'pilih {wcand} biar daerah kita maju' wkwk parah",
        "{wasn} nyindir paslon lain di {wplatform} trus muji2 {wcand}",
        "sw nya {wasn} isinya kampanye {wcand} mulu",
        "{wasn} komen 'gas menangkan' di postingan kampanye {wcand}",
    ],
    "standalone": [
        (
            "Mohon dicek akun Facebook atas nama 'Bunda Rina' yang adalah guru PNS di SDN 4, hampir setiap hari "
            "membagikan konten dukungan untuk paslon nomor 3 dan menjelekkan paslon lain.",
            "formal",
        ),
        (
            "min itu ada kepala bidang dinas pertanian yg tiap malem live fb kampanyein bacalon bupati, "
            "udh sy rekam layarnya",
            "whatsapp",
        ),
        (
            "ASN kok jadi buzzer? Akun IG @pejuang_perubahan ternyata dikelola staf BKPSDM, isinya kampanye "
            "paslon terus. #ASNnetral",
            "caption",
        ),
        (
            "Seorang ASN Pemerintah Kota Kendari diperiksa Bawaslu karena mengunggah video dukungan kepada "
            "salah satu pasangan calon di akun TikTok miliknya. Video itu telah ditonton ribuan kali.",
            "news",
        ),
        (
            "Saya lampirkan tangkapan layar grup WhatsApp 'Relawan Bersatu' yang admin-nya adalah pegawai "
            "Dinas Kominfo. Dia menyebarkan jadwal kampanye dan ajakan memilih setiap hari.",
            "formal",
        ),
        (
            "Bawaslu menemukan puluhan ASN di lingkungan pemerintah provinsi menyukai dan membagikan unggahan "
            "akun resmi tim kampanye salah satu capres selama masa kampanye.",
            "news",
        ),
        (
            "guru anak sy komen di postingan capres 'lanjutkan pak, kami guru mendukung' pake akun aslinya. "
            "boleh gk sih guru PNS gitu?",
            "whatsapp",
        ),
        (
            "Pak Kabag Umum jadi admin grup telegram 'Sahabat Paslon 2'. Yang join diminta share flyer tiap pagi.",
            "whatsapp",
        ),
        (
            "Screenshot ini bukti pak camat ikut nge-like dan share video kampanye bacalon. Pejabat kok "
            "gini. #pilkadadamai",
            "caption",
        ),
    ],
}

ALAT_PERAGA = {
    "items": ("E1", "D1"),
    "formal": [
        "{asn} terlihat memasang baliho {cand} di depan rumahnya {when}.",
        "{asn} ikut memasang spanduk bergambar {cand} di sepanjang jalan menuju kantor kecamatan.",
        "{asn} membagikan stiker {cand} kepada warga dan menempelkannya di kendaraan dinas {when}.",
        "{asn} menyiapkan ratusan kalender bergambar {cand} untuk dibagikan kepada warga.",
        "{asn} memesan dan mendistribusikan kaos bergambar {cand} kepada para guru {when}.",
        "{asn} menempelkan stiker nomor urut {cand} di kaca belakang mobil pribadinya.",
        "Di halaman rumah {asn} terpasang bendera dan umbul-umbul {cand}, dipasang sendiri oleh yang "
        "bersangkutan.",
        "{asn} mengangkut alat peraga kampanye {cand} dengan mobil pikap miliknya {when}.",
        "{asn} tertangkap kamera sedang memaku poster {cand} di pohon dekat pasar.",
        "{asn} membagikan topi dan pin bergambar {cand} kepada peserta senam di lapangan {kec}.",
        "{asn} menyablon kaos dan membuat gantungan kunci {cand} di rumahnya untuk dibagikan.",
        "{asn} memasang billboard besar {cand} di atas ruko miliknya di pusat kota {region}.",
        "{asn} mendirikan posko dengan spanduk besar {cand} di depan rumahnya {when}.",
        "{asn} mengecat pagar rumahnya dengan warna dan logo {cand}.",
    ],
    "casual": [
        "{wasn} masang baliho {wcand} depan rumahnya {wwhen}",
        "{wasn} bagi2 stiker {wcand} ke warga, ditempel di motor2",
        "{wasn} ikut pasang spanduk {wcand} di jalan masuk kampung",
        "mobilnya {wasn} ditempelin stiker {wcand} gede bgt",
        "{wasn} ngedrop kaos {wcand} ke rumah2 warga {wwhen}",
        "{wasn} bantu angkut baliho {wcand} pake pickup",
        "depan rumah {wasn} ada bendera {wcand} segede gaban, dia sendiri yg pasang",
        "{wasn} bagiin kalender {wcand} pas arisan",
        "{wasn} nempel poster {wcand} di tiang listrik {wwhen}, ada videonya",
        "{wasn} masang umbul2 {wcand} di gang rumahnya",
        "{wasn} bagi2 topi sama pin {wcand} abis senam",
        "{wasn} nyimpen tumpukan APK {wcand} di garasinya",
    ],
    "standalone": [
        (
            "Di depan rumah dinas Kepala Puskesmas terpasang baliho besar bergambar bakal calon bupati. Warga "
            "melihat sendiri beliau yang memasangnya bersama keluarga.",
            "formal",
        ),
        (
            "Bawaslu Kabupaten menertibkan spanduk paslon yang dipasang seorang ASN di pagar sekolah tempatnya "
            "mengajar. Yang bersangkutan mengaku hanya membantu kerabat.",
            "news",
        ),
        ("lapor min, guru PNS di SMA 2 bagi2in stiker capres ke murid2 suruh ditempel di rumah", "whatsapp"),
        (
            "Lihat nih, mobil plat merah ditempelin stiker no urut 1. Sopirnya pegawai dinas. #APK #pilkada",
            "caption",
        ),
        (
            "Seorang PNS Dinas Perhubungan kedapatan mengangkut dan memasang APK salah satu paslon pada malam "
            "hari. Panwascam telah mendokumentasikan kejadian tersebut.",
            "news",
        ),
        (
            "Saya melihat Kasubbag Keuangan menyablon ratusan kaos bergambar calon wali kota di rumahnya, "
            "kaos itu dibagikan ke RT-RT.",
            "formal",
        ),
        ("pak lurah kok masang baliho bacalon di tembok kantor lurah, itu boleh ya?", "whatsapp"),
        (
            "Viral! Oknum guru ASN pasang poster caleg di dinding kelas. Sekolah itu tempat belajar bukan "
            "tempat kampanye.",
            "caption",
        ),
    ],
}

DEKLARASI_KAMPANYE = {
    "items": ("E3", "D4"),
    "formal": [
        "{asn} hadir dan ikut berorasi dalam deklarasi {cand} di {region} {when}.",
        ("{asn} tercatat dalam susunan tim kampanye {cand} yang didaftarkan ke KPU.", ("D9", "D10")),
        "{asn} menjadi pembawa acara (MC) dalam kampanye terbuka {cand} {when}.",
        "{asn} menghadiri kampanye {cand} mengenakan kaos tim pemenangan dan ikut meneriakkan yel-yel.",
        (
            "{asn} diketahui menjadi konsultan pemenangan {cand} dan hadir dalam rapat strategi tim.",
            ("D9", "D10"),
        ),
        "{asn} menyampaikan sambutan dukungan di panggung deklarasi {cand} {when}.",
        (
            "{asn} hadir dalam acara perkenalan {cand} kepada tokoh masyarakat dan ikut memperkenalkan visi "
            "misinya.",
            ("E6", "D4"),
        ),
        "{asn} secara terbuka menyatakan dukungan kepada {cand} dalam wawancara dengan media lokal {when}.",
        "{asn} ikut konvoi kampanye {cand} dengan membawa bendera dan memakai atribut tim.",
        "{asn} menjadi juru kampanye {cand} dan berbicara di hadapan massa di lapangan {kec}.",
        (
            "{asn} menghadiri deklarasi dukungan yang digelar istri {cand} dan ikut membacakan ikrar.",
            ("E7", "D4"),
        ),
        "{asn} ikut dalam barisan pendukung saat {cand} mendaftar ke KPU dan mengenakan atribut partai "
        "pengusung.",
        ("{asn} ditunjuk sebagai ketua tim pemenangan tingkat kecamatan untuk {cand}.", ("D9", "D10")),
        "{asn} hadir dalam rapat umum {cand} {when} dan berdiri di atas panggung bersama tim.",
        "Dalam video yang beredar, {asn} bersama sejumlah pegawai membacakan deklarasi dukungan untuk {cand}.",
    ],
    "casual": [
        "{wasn} ikut deklarasi {wcand} {wwhen}, malah orasi di panggung",
        "{wasn} jadi MC kampanye {wcand}, suaranya sy hafal bgt",
        "{wasn} masuk tim sukses {wcand}, namanya ada di daftar tim",
        "{wasn} dateng kampanye {wcand} pake kaos tim, teriak2 yel2",
        "{wasn} ikut konvoi {wcand} bawa bendera",
        "{wasn} pidato dukung {wcand} pas deklarasi",
        "{wasn} ngomong di depan warga 'kita semua harus menangkan {wcand}'",
        "{wasn} jadi jurkam {wcand} di lapangan",
        "{wasn} ngantar {wcand} daftar ke kpu, pake atribut lengkap",
        "{wasn} ikut acara deklarasi istrinya {wcand}",
        "{wasn} jadi ketua timses {wcand} tingkat kecamatan",
        "{wasn} nongol di panggung kampanye {wcand}, joget2 lagi",
    ],
    "standalone": [
        (
            "Belasan kepala sekolah negeri di kecamatan kami ikut deklarasi mendukung paslon nomor urut 2 di "
            "aula sebuah hotel. Deklarasi itu direkam dan diunggah ke YouTube.",
            "formal",
        ),
        (
            "Seorang kepala dinas diketahui hadir dan memberi sambutan pada deklarasi relawan salah satu "
            "bakal calon gubernur. Bawaslu provinsi menjadwalkan klarifikasi.",
            "news",
        ),
        ("itu pak kadis ikut kampanye akbar kemarin, naik panggung lagi. ASN loh dia", "whatsapp"),
        ("ASN jadi MC kampanye paslon? Videonya udah nyebar kemana-mana 😤 #netralitasASN", "caption"),
        (
            "Kami melaporkan Kepala Kantor Kemenag yang menyatakan dukungan kepada capres dalam sambutan "
            "resmi di hadapan ratusan orang.",
            "formal",
        ),
        ("pak sekdes sm pak camat ikut kampanye dialogis paslon, camatnya sampe pidato", "whatsapp"),
        (
            "Sejumlah lurah di Kota Ambon kedapatan menghadiri kampanye tertutup salah satu calon wali kota "
            "dan duduk di barisan depan mengenakan atribut.",
            "news",
        ),
    ],
}
