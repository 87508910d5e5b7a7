# ruff: noqa: E501  (hand-written text fragments: one sentence per line reads better)
"""Act templates: bukan_pelanggaran, the hard negatives (written for netral).

Allowed acts of civil servants that look like violations, acts of people who are not civil
servants ({nonasn}: campaign teams, village heads and officials, honorer staff, party members),
and messages that report nothing. No catalogue item.
"""

from __future__ import annotations

BUKAN_PELANGGARAN = {
    "items": None,
    "formal": [
        # allowed acts of civil servants
        "{asn} menghadiri sosialisasi tahapan pemilu yang diselenggarakan KPU {region} {when}.",
        "{asn} bertugas sebagai anggota KPPS di TPS dekat rumahnya dan bekerja sesuai aturan.",
        "{asn} menggunakan hak pilihnya di TPS {when} lalu berfoto menunjukkan jari bertinta.",
        "{asn} hadir dalam debat publik yang digelar KPU sebagai undangan tanpa memakai atribut apa pun.",
        "{asn} membagikan informasi resmi KPU tentang jadwal pemungutan suara di {platform}.",
        "{asn} mengikuti apel siaga netralitas ASN yang diadakan Bawaslu dan menandatangani pakta integritas.",
        "{asn} yang merupakan istri {cand} telah mengambil cuti di luar tanggungan negara sebelum ikut "
        "mendampingi kampanye suaminya.",
        "{asn} menjadi narasumber sosialisasi netralitas ASN bagi pegawai di {region} {when}.",
        "{asn} mengamankan jalannya rapat pleno rekapitulasi suara sesuai tugas dari pimpinan.",
        "{asn} mengajak warga datang ke TPS dan menggunakan hak pilih tanpa menyebut nama calon mana pun.",
        "{asn} berfoto dengan tangan mengepal bersama rekan kerja saat apel pagi.",
        "{asn} melaporkan ke Bawaslu adanya ajakan dari atasannya untuk mendukung {cand}.",
        "{asn} telah mengundurkan diri dari PNS dan keputusan pemberhentiannya terbit sebelum mendaftar "
        "sebagai calon anggota DPRD.",
        "{asn} menyiapkan gedung untuk debat kandidat atas permintaan resmi KPU, semua paslon mendapat "
        "perlakuan yang sama.",
        "{asn} memberikan izin tempat kampanye sesuai jadwal KPU kepada seluruh pasangan calon secara adil.",
        "Penggantian pejabat oleh bupati {region} dilakukan setelah mendapat persetujuan tertulis Menteri "
        "Dalam Negeri.",
        "{asn} membuka acara resmi pemerintah tanpa menyinggung pilkada atau calon mana pun.",
        "{asn} mengikuti bimbingan teknis pengawasan partisipatif bersama Bawaslu {when}.",
        # people who are not civil servants
        "{nonasn} memasang baliho {cand} di sepanjang jalan desa {when}.",
        "{nonasn} membagikan stiker dan kaos {cand} kepada warga.",
        "{nonasn} berorasi dalam kampanye terbuka {cand} di lapangan {kec}.",
        "{nonasn} mengunggah ajakan memilih {cand} di akun {platform} miliknya.",
        "{nonasn} berfoto dengan {cand} sambil mengacungkan dua jari.",
        "{nonasn} mengumpulkan warga di balai desa untuk mendengarkan visi misi {cand}.",
        "{nonasn} menjadi ketua tim pemenangan {cand} di tingkat kecamatan.",
    ],
    "casual": [
        "{wasn} dateng sosialisasi KPU {wwhen}, itu boleh kan?",
        "{wasn} jadi KPPS di tps sebelah, gpp kan dia PNS?",
        "{wasn} nyoblos terus poto jari ungu, gk pose apa2",
        "{wasn} nonton debat paslon di gedung KPU, diundang resmi, gk pake atribut",
        "{wasn} share jadwal coblosan dari kpu di grup wa",
        "{wasn} ngajak warga dateng ke tps, gk nyebut nama calon",
        "{wasn} poto rame2 tangan kepal pas apel, itu aman kan",
        "istrinya {wcand} yg PNS ikut kampanye tp katanya udh cuti",
        "{wasn} lapor ke bawaslu krn diajak atasannya dukung {wcand}",
        "{wasn} udh resmi mundur dari PNS sebelum nyaleg, SK nya ada",
        "{wnon} masang baliho {wcand} di jalan desa {wwhen}",
        "{wnon} bagi2 stiker {wcand} ke warga",
        "{wnon} orasi di kampanye {wcand}",
        "{wnon} upload ajakan milih {wcand} di {wplatform}",
        "{wnon} poto bareng {wcand} salam 2 jari",
        "{wnon} ngumpulin warga di balai desa dengerin visi misi {wcand}",
        "{wnon} jadi ketua tim pemenangan {wcand}",
        "mau tanya min cara lapor pelanggaran gmn ya",
    ],
    "standalone": [
        (
            "Seorang kepala desa di kabupaten kami ikut berkampanye untuk paslon nomor urut 1 dan menyatakan "
            "dukungan di hadapan warga. Mohon diteruskan ke pihak yang berwenang.",
            "formal",
        ),
        (
            "Tim pemenangan paslon memasang ratusan baliho di jalan protokol tanpa izin. Baliho itu "
            "menutupi rambu lalu lintas.",
            "formal",
        ),
        (
            "Bawaslu menegaskan kehadiran ASN dalam sosialisasi pemilu yang digelar KPU bukan pelanggaran "
            "netralitas selama tidak disertai ajakan memilih calon tertentu.",
            "news",
        ),
        (
            "kmrn ada ibu2 PNS foto di TPS sambil nunjukin jari ungu. itu bukan pelanggaran kan min?",
            "whatsapp",
        ),
        (
            "Istri calon bupati yang berstatus PNS mengajukan cuti di luar tanggungan negara selama masa "
            "kampanye, sehingga kehadirannya mendampingi suami tidak melanggar aturan netralitas.",
            "news",
        ),
        (
            "Pak kades kami joget di panggung kampanye caleg. Kades kan bukan ASN ya? lapor kemana ini?",
            "whatsapp",
        ),
        (
            "Guru honorer di sekolah kami jadi relawan salah satu capres dan aktif posting di Facebook. "
            "Apakah ini termasuk pelanggaran ASN?",
            "formal",
        ),
        (
            "Sejumlah pensiunan PNS membentuk relawan pendukung calon gubernur. Bawaslu menyebut para "
            "pensiunan bukan lagi subjek aturan netralitas ASN.",
            "news",
        ),
        (
            "ASN nyoblos itu hak, yang dilarang itu kampanye. Yuk datang ke TPS 14 Februari! "
            "#pemilu2024 #ASNnetral",
            "caption",
        ),
        (
            "Bupati melantik pejabat eselon II setelah mengantongi izin tertulis Mendagri, sehingga Bawaslu "
            "menyatakan pelantikan tersebut tidak melanggar Pasal 71.",
            "news",
        ),
        (
            "Aparat desa dan anggota BPD di desa kami terlihat mengikuti rapat akbar salah satu partai. "
            "Mereka bukan PNS.",
            "formal",
        ),
        (
            "Camat menggelar rapat koordinasi persiapan logistik pemilu bersama PPK dan PPS. Tidak ada "
            "pembahasan tentang calon.",
            "news",
        ),
        (
            "Pjs kepala daerah mengimbau seluruh ASN menjaga netralitas dan melaporkan jika ada tekanan "
            "dari atasan untuk mendukung calon tertentu.",
            "news",
        ),
        ("Relawan capres membagikan kaos dan kalender di pasar. Tidak ada ASN yang terlibat.", "formal"),
        (
            "aku cuma mau curhat, atasan sy nanya2 pilihan politik sy, tp gk maksa. ini perlu dilaporin gk?",
            "whatsapp",
        ),
        (
            "Seorang pegawai BUMD menjadi juru kampanye paslon. Bawaslu menyatakan pegawai BUMD bukan ASN, "
            "sehingga perkara ditangani sesuai aturan lain.",
            "news",
        ),
        (
            "Dosen PNS menjadi ahli dalam sidang sengketa pemilu di Bawaslu atas permintaan resmi lembaga.",
            "formal",
        ),
        (
            "Ada spanduk ajakan 'Jangan Golput' dipasang kelurahan. Tidak ada gambar calon, cuma logo KPU.",
            "whatsapp",
        ),
    ],
}
