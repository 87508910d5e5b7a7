# ruff: noqa: E501  (hand-written text fragments: one sentence per line reads better)
"""Whole texts that sharpen distinctions between neighbouring groups (written for netral)."""

from __future__ import annotations

# Distinctions the first sets drew too thinly (written for netral): a would-be candidate approaching
# parties or the public (parpol, D3) versus registering (pencalonan); meetings that organise support
# (kegiatan_keberpihakan) versus attending a campaign (deklarasi_kampanye); reports found unproven.
DISTINCTIONS: dict[str, list[tuple[str, str]]] = {
    "parpol": [
        (
            "Seorang sekretaris dinas memasang baliho bergambar dirinya dengan tulisan 'bakal calon bupati' dan mendatangi sejumlah partai untuk meminta dukungan, padahal belum mengajukan cuti di luar tanggungan negara.",
            "news",
        ),
        (
            "Seorang ASN aktif mendaftar dalam penjaringan bakal calon kepala daerah yang dibuka partai politik dan hadir dalam pemaparan visi misi di kantor partai.",
            "formal",
        ),
        (
            "Kepala badan di pemprov keliling menyosialisasikan diri sebagai bakal calon gubernur jalur perseorangan tanpa cuti, sambil meminta warga memberi dukungan.",
            "news",
        ),
        (
            "pak asisten setda udh daftar ke 3 partai buat dijadikan calon wakil walikota, tp masih ngantor dan gk cuti",
            "whatsapp",
        ),
        (
            "Seorang PNS menghadiri rapat pleno partai sebagai pengurus dan ikut memutuskan rekomendasi calon yang akan diusung partai itu.",
            "news",
        ),
        (
            "Guru PNS ini ternyata sekretaris partai tingkat kecamatan. Fotonya ada di baliho pengurus partai. #netralitasASN",
            "caption",
        ),
    ],
    "pencalonan": [
        (
            "Seorang dokter PNS di rumah sakit daerah ditetapkan KPU sebagai calon anggota DPRD, tetapi surat keputusan pemberhentiannya sebagai PNS belum terbit dan ia masih bertugas.",
            "news",
        ),
        (
            "Seorang ASN mendaftarkan diri sebagai calon kepala daerah ke KPU bersama pasangannya, sementara pengajuan pengunduran dirinya baru dikirim setelah pendaftaran ditutup.",
            "formal",
        ),
        ("pak kasi di kecamatan udah ditetapin jadi calon legislatif tapi masih terima gaji PNS", "whatsapp"),
    ],
    "kegiatan_keberpihakan": [
        (
            "Seorang kepala dinas menggelar rapat di rumah pribadinya dengan puluhan ketua kelompok tani dan meminta mereka memastikan anggotanya memilih calon bupati tertentu.",
            "news",
        ),
        (
            "Seorang pejabat kecamatan menghadiri rapat konsolidasi tim pemenangan di sebuah rumah makan dan membagi tugas penggalangan suara per desa.",
            "formal",
        ),
        (
            "Seorang guru PNS mengumpulkan para orang tua murid dan membagikan uang serta kalender bergambar calon legislatif.",
            "news",
        ),
        (
            "Kepala puskesmas meminta para bidan desa mendata ibu hamil dan keluarga mereka sebagai calon pemilih salah satu pasangan.",
            "formal",
        ),
        (
            "Lurah mengundang ketua RT dan RW ke kantor kelurahan pada malam hari; dalam pertemuan itu mereka diminta mengarahkan warga mencoblos calon petahana dan diberi uang transport.",
            "news",
        ),
    ],
    "deklarasi_kampanye": [
        (
            "Seorang guru PNS terlihat di antara peserta kampanye terbuka calon presiden di stadion, memakai kaos dan ikat kepala bergambar calon serta ikut berteriak mendukung.",
            "news",
        ),
        (
            "ASN di sebuah kabupaten hadir dalam acara deklarasi dukungan relawan untuk calon bupati; ia berdiri di barisan depan sambil mengangkat poster calon.",
            "news",
        ),
        (
            "Seorang pegawai dinas menjadi ketua panitia acara kampanye calon gubernur di kecamatannya dan memimpin doa pembukaan kampanye.",
            "formal",
        ),
    ],
    "bukan_pelanggaran": [
        (
            "Setelah klarifikasi, Bawaslu menyatakan dugaan pelanggaran netralitas oleh seorang PPPK tidak terbukti karena unggahan yang dilaporkan berasal dari akun palsu yang memakai fotonya.",
            "news",
        ),
        (
            "Bawaslu menghentikan penanganan laporan terhadap seorang guru karena foto yang beredar diambil saat acara keluarga tanpa atribut kampanye dan tanpa gestur dukungan.",
            "news",
        ),
        (
            "Seorang kepala desa dilaporkan karena hadir dalam kampanye calon legislatif dan mengajak warga memilihnya. Kepala desa bukan ASN; laporannya diproses menurut undang-undang pemilu.",
            "news",
        ),
        (
            "Seorang pegawai honorer di kantor kecamatan ikut menjadi relawan calon bupati. Bawaslu menyebut honorer tidak terikat aturan netralitas ASN dan meneruskan laporan ke instansinya.",
            "news",
        ),
        (
            "Camat hadir dalam kampanye terbuka karena diminta kepolisian membantu pengamanan dan koordinasi lalu lintas; ia tidak memakai atribut dan tidak berbicara di panggung.",
            "formal",
        ),
        (
            "Seorang PPPK guru menjadi anggota KPPS setelah mendapat izin atasan, dan bertugas di TPS sesuai aturan.",
            "formal",
        ),
        (
            "kemarin ada pegawai kelurahan foto sama paslon pas acara resmi hut kota, gk ada pose jari apa2. ini lapor ke mana ya, apa termasuk pelanggaran?",
            "whatsapp",
        ),
    ],
}
