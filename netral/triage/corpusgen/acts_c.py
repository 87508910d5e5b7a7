"""Act templates: parpol, pencalonan, keputusan_menguntungkan (written for netral)."""

from __future__ import annotations

PARPOL = {
    "items": "D5",
    "formal": [
        "{asn} tercatat sebagai anggota {party} dalam Sipol KPU.",
        "{asn} diketahui menjabat sebagai bendahara pengurus cabang {party} di {region}.",
        "Nama {asn} tercantum dalam SK kepengurusan {party} tingkat kabupaten.",
        "{asn} memiliki kartu tanda anggota {party} dan aktif menghadiri rapat partai {when}.",
        (
            "{asn} mendatangi kantor DPD {party} untuk mengambil formulir penjaringan calon bupati tanpa "
            "mengajukan cuti di luar tanggungan negara.",
            "D3",
        ),
        (
            "{asn} melakukan pendekatan ke sejumlah partai politik agar diusung sebagai bakal calon wakil "
            "bupati {when}.",
            "D3",
        ),
        "{asn} menjadi pengurus ranting {party} di {kec} dan ikut menyusun struktur partai.",
        ("{asn} mengikuti fit and proper test yang digelar {party} untuk penjaringan kepala daerah.", "D3"),
        "{asn} hadir dalam musyawarah daerah {party} sebagai peserta dengan mengenakan jas partai.",
        ("{asn} mengembalikan formulir pendaftaran bakal calon ke sekretariat {party} {when}.", "D3"),
        "{asn} tercatat ganda sebagai anggota partai politik setelah dilakukan verifikasi faktual.",
        ("{asn} bertemu ketua {party} untuk meminta rekomendasi maju dalam pilkada {region}.", "D3"),
        "{asn} menjadi saksi mandat {party} saat rapat pleno, padahal masih aktif sebagai pegawai.",
    ],
    "casual": [
        "{wasn} ternyata anggota {party}, namanya ada di sipol",
        "{wasn} jadi pengurus partai, bendahara katanya",
        ("{wasn} ambil formulir penjaringan di {party}, mau nyalon wabup", "D3"),
        ("{wasn} wira wiri ke kantor partai minta diusung", "D3"),
        "{wasn} punya KTA {party}, rajin rapat partai",
        "{wasn} ikut musda {party} pake jas partai",
        ("{wasn} daftar penjaringan bacalon di {party} tp gk cuti", "D3"),
        "nama {wasn} ada di SK pengurus {party}",
        ("{wasn} sowan ke ketua {party} minta rekom", "D3"),
        "{wasn} ikut fit and proper test partai",
        "{wasn} jadi pengurus ranting partai di kampung",
    ],
    "standalone": [
        (
            "Saya menemukan nama Kepala SD Negeri 3 dalam daftar anggota partai di situs info pemilu. "
            "Mohon dicek apakah yang bersangkutan masih PNS aktif.",
            "formal",
        ),
        (
            "Seorang kepala bidang di dinas pendidikan diketahui mengambil formulir pendaftaran bakal calon "
            "bupati di kantor salah satu partai tanpa mengajukan cuti.",
            "news",
        ),
        ("sekcam kami ternyata pengurus partai loh, fotonya pake jas partai di musda", "whatsapp"),
        (
            "Bawaslu menemukan 12 nama ASN terdaftar sebagai anggota partai politik saat verifikasi "
            "faktual keanggotaan partai calon peserta pemilu.",
            "news",
        ),
        ("PNS aktif tapi punya KTA partai? Ini dia ketahuan pas verfak. #netralitasASN", "caption"),
        (
            "Kepala Dinas PUPR terlihat mengikuti penjaringan bakal calon wakil wali kota yang dibuka "
            "sebuah partai, lengkap dengan pemaparan visi misi.",
            "formal",
        ),
        (
            "om sy PNS diminta jadi ketua ranting partai sama kades, katanya gpp asal gk ketahuan. itu "
            "gimana?",
            "whatsapp",
        ),
    ],
}

PENCALONAN = {
    "items": "L3",
    "formal": [
        "{asn} mendaftarkan diri sebagai calon anggota DPRD {region} tanpa mengundurkan diri dari PNS.",
        "{asn} terdaftar dalam daftar calon sementara (DCS) {party} padahal masih aktif sebagai ASN.",
        "{asn} mendaftar sebagai calon perseorangan kepala daerah ke KPU {region} tanpa menyerahkan "
        "surat pengunduran diri.",
        "{asn} mendeklarasikan diri maju sebagai calon bupati {region} sementara masih menjabat {when}.",
        "{asn} tercantum sebagai calon anggota DPD namun belum mengajukan pengunduran diri sebagai PNS.",
        "{asn} telah ditetapkan dalam daftar calon tetap (DCT) caleg {party}, tetapi masih menerima gaji "
        "dan masuk kantor.",
        "{asn} mengumumkan pencalonannya sebagai calon wakil wali kota di hadapan pendukung tanpa "
        "mengajukan berhenti.",
        "{asn} maju sebagai calon kepala daerah dan surat pengunduran dirinya belum diproses hingga "
        "penetapan calon.",
        "{asn} memasang baliho dirinya sendiri sebagai calon legislatif {party} padahal masih berstatus ASN.",
        "{asn} mendaftar sebagai bakal calon anggota DPR RI dan masih aktif bertugas di {region}.",
        "{asn} menyatakan akan maju di pilkada {region} dan menggalang dukungan KTP untuk dirinya sendiri "
        "melalui jalur perseorangan.",
    ],
    "casual": [
        "{wasn} nyaleg tapi belum resign dari PNS",
        "{wasn} daftar caleg {party}, masih ngantor tuh",
        "{wasn} mau nyalon bupati, blm mundur dari ASN",
        "{wasn} namanya ada di DCS, padahal masih PNS aktif",
        "{wasn} deklarasi maju pilkada tp masih pake seragam dinas",
        "{wasn} pasang baliho dirinya sendiri sbg caleg",
        "{wasn} daftar calon DPD, status PNS masih aktif",
        "{wasn} udh ditetapin di DCT tp gajinya masih jalan",
        "{wasn} maju jalur independen, ngumpulin KTP buat dirinya sendiri, blm pensiun",
        "{wasn} nyalon wakil walikota, surat mundurnya gk ada",
    ],
    "standalone": [
        (
            "Seorang PNS guru di kabupaten kami tercantum dalam DCT DPRD kabupaten dari salah satu partai. "
            "Sampai sekarang masih mengajar dan menerima tunjangan.",
            "formal",
        ),
        (
            "KPU menerima berkas bakal calon bupati yang ternyata masih berstatus ASN aktif di pemerintah "
            "provinsi. Bawaslu meminta surat pengunduran dirinya diperiksa.",
            "news",
        ),
        (
            "pak kabid di kantor sy nyaleg, baliho dirinya udh dimana2 tp dy masih ngantor tiap hari",
            "whatsapp",
        ),
        ("Nyaleg tapi masih PNS? Harusnya mundur dulu dong pak. #pemilu2024", "caption"),
        (
            "Bawaslu menemukan tiga calon anggota DPRD yang masih berstatus PPPK dan belum menyerahkan "
            "surat pengunduran diri hingga batas waktu.",
            "news",
        ),
        (
            "Camat aktif mendeklarasikan diri sebagai bakal calon wali kota dalam sebuah acara yang juga "
            "dihadiri pejabat pemerintah kota.",
            "news",
        ),
        (
            "Sekretaris dinas mendaftar ke KPU sebagai calon perseorangan tanpa berhenti dari jabatannya.",
            "formal",
        ),
    ],
}

KEPUTUSAN_MENGUNTUNGKAN = {
    "items": "D12",
    "formal": [
        (
            "Bupati petahana {cname} melantik dan mengganti sejumlah kepala dinas {when}, kurang dari enam "
            "bulan sebelum penetapan calon, tanpa persetujuan tertulis Mendagri.",
            "L4",
        ),
        (
            "Wali kota yang kembali mencalonkan diri memutasi puluhan pejabat eselon III dalam masa larangan "
            "Pasal 71 tanpa izin Menteri Dalam Negeri.",
            "L4",
        ),
        (
            "Penjabat (Pj) bupati {region} mengganti kepala OPD di masa larangan penggantian pejabat tanpa "
            "izin Kemendagri {when}.",
            "L4",
        ),
        "{asn} mempercepat pencairan bantuan hanya untuk desa-desa basis pendukung {cand}.",
        "{asn} menerbitkan izin keramaian untuk kampanye {cand} tetapi menolak izin yang sama untuk "
        "pasangan lain.",
        "{asn} menahan pencairan insentif guru yang diketahui tidak mendukung {cand}.",
        "{asn} memindahkan sejumlah kepala sekolah yang dianggap tidak mendukung {cand} ke daerah terpencil.",
        "{asn} meluncurkan program bagi-bagi bantuan dengan label program {cand} menjelang pemungutan suara.",
        "{asn} mengeluarkan surat edaran yang mewajibkan pegawai menghadiri kegiatan {cand}.",
        "{asn} membatalkan izin penggunaan lapangan untuk kampanye lawan {cand} secara mendadak.",
        "{asn} memprioritaskan perbaikan jalan di kampung-kampung pendukung {cand} dan menunda yang lain.",
        "{asn} menerbitkan keputusan mutasi terhadap pegawai yang menolak menjadi relawan {cand}.",
        "{asn} menolak menandatangani berkas pencairan dana desa untuk desa yang kepala desanya "
        "mendukung lawan {cand}.",
        (
            "Gubernur petahana melakukan rotasi jabatan di lingkungan pemprov setelah masa larangan "
            "dimulai, tanpa rekomendasi Kemendagri.",
            "L4",
        ),
    ],
    "casual": [
        (
            "bupati petahana mutasi pejabat bulan lalu, padahal udh masuk masa larangan, izin mendagri gk "
            "ada",
            "L4",
        ),
        ("pj walikota ganti2 kepala dinas mendadak, katanya gk ada izin kemendagri", "L4"),
        "{wasn} cuma cairin bantuan ke desa2 pendukung {wcand}",
        "{wasn} nahan insentif guru yg gk dukung {wcand}",
        "guru2 yg gk mau dukung {wcand} dimutasi ke pelosok sama {wasn}",
        "{wasn} ngasih izin kampanye cuma ke {wcand}, yg lain ditolak",
        "{wasn} bikin surat edaran wajib hadir acara {wcand}",
        "jalan di kampung pendukung {wcand} diaspal duluan, yg lain nunggu. kadisnya {wasn}",
        "{wasn} nyabut izin lapangan buat kampanye lawan {wcand}",
        "pegawai yg nolak jadi relawan {wcand} langsung dimutasi sm {wasn}",
        ("petahana lantik pejabat baru 3 bulan sebelum penetapan calon, aman tuh?", "L4"),
    ],
    "standalone": [
        (
            "Bupati petahana melantik 40 pejabat administrator dan pengawas empat bulan sebelum penetapan "
            "pasangan calon. Bawaslu tidak menemukan surat persetujuan Menteri Dalam Negeri.",
            "news",
        ),
        (
            "Kami melaporkan mutasi kepala sekolah yang dilakukan Kepala Dinas Pendidikan terhadap guru-guru "
            "yang menolak mendukung calon petahana.",
            "formal",
        ),
        (
            "insentif RT di kelurahan kami dipotong katanya karena RT nya pendukung paslon sebelah. yg "
            "motong pak lurah",
            "whatsapp",
        ),
        (
            "Mutasi pejabat di masa larangan tanpa izin Mendagri = bisa didiskualifikasi. Kok berani ya "
            "petahana? #pilkada2024",
            "caption",
        ),
        (
            "Pj Gubernur disorot karena mengganti sejumlah pejabat eselon II beberapa pekan setelah masa "
            "larangan Pasal 71 dimulai; surat izin Kemendagri belum diperlihatkan.",
            "news",
        ),
        (
            "Dinas PUPR hanya mengerjakan proyek jalan di desa-desa yang pada pemilu lalu memenangkan "
            "petahana, sedangkan desa lain dibiarkan.",
            "formal",
        ),
        (
            "sekda ngeluarin edaran semua ASN wajib ikut jalan sehat yg ternyata acaranya calon petahana",
            "whatsapp",
        ),
    ],
}
