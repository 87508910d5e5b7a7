# ruff: noqa: E501  (hand-written text fragments: one sentence per line reads better)
"""More whole texts per group, news-like and chatty (written for netral)."""

from __future__ import annotations

EXTRA_STANDALONE: dict[str, list[tuple[str, str]]] = {
    "media_sosial": [
        (
            "Seorang penyuluh KB berstatus ASN membuat grup Facebook 'Sahabat Bupati' dan setiap hari mengunggah "
            "kegiatan kampanye petahana. Bawaslu sudah meminta platform menurunkan konten itu.",
            "news",
        ),
        (
            "Kepala UPT di kabupaten kami menulis di status WhatsApp 'Pilih yang sudah terbukti, nomor 1!' "
            "dan dilihat ratusan kontaknya, termasuk bawahannya.",
            "formal",
        ),
        ("astaga bu bidan desa kami bikin video reels dukung capres, pake seragam putih2 lg", "whatsapp"),
    ],
    "alat_peraga": [
        (
            "Seorang ASN Dinas Lingkungan Hidup diperiksa karena menggunakan truk sampah untuk mengangkut "
            "baliho. Ia mengaku memasangnya sendiri demi membantu saudara yang mencalonkan diri.",
            "news",
        ),
        (
            "pak RT bilang yg nempel stiker paslon di rumah2 itu pak guru PNS SMP, dia keliling malem2",
            "whatsapp",
        ),
    ],
    "deklarasi_kampanye": [
        (
            "Dalam acara silaturahmi yang dikemas sebagai kampanye, sejumlah kepala sekolah negeri naik ke "
            "panggung dan menyatakan siap memenangkan calon bupati. Acara itu dihadiri sang calon.",
            "news",
        ),
        (
            "Video berdurasi satu menit memperlihatkan pejabat dinas membacakan ikrar dukungan untuk "
            "capres dan cawapres di sebuah gedung pertemuan.",
            "news",
        ),
        (
            "Kepala bagian di sekretariat daerah tercatat menjadi koordinator tim relawan pemenangan dan "
            "sering tampil dalam kampanye dialogis.",
            "formal",
        ),
    ],
    "foto_gestur": [
        (
            "Pengawas menemukan foto para pegawai kelurahan berpose membentuk angka dua dengan jari di "
            "depan spanduk bergambar calon wali kota.",
            "news",
        ),
        (
            "Foto PNS pakai kaos relawan sambil acung 3 jari bareng caleg, langsung tersebar di grup "
            "alumni. #netral",
            "caption",
        ),
    ],
    "kegiatan_keberpihakan": [
        (
            "Sejumlah lurah diduga dikumpulkan seorang pejabat pemkot di sebuah hotel dan diminta "
            "menyiapkan target suara untuk calon petahana di setiap RW.",
            "news",
        ),
        (
            "Kepala dinas kesehatan menginstruksikan para kepala puskesmas mengajak pasien dan kader "
            "untuk memilih calon tertentu, disertai pembagian kalender.",
            "news",
        ),
        ("camat kami keliling dari rumah ke rumah ngajak warga pilih paslon, sambil bawa amplop", "whatsapp"),
        (
            "Seorang guru ASN menggelar pertemuan dengan wali murid dan meminta mereka mendukung bakal "
            "calon bupati yang disebutnya akan memperhatikan sekolah.",
            "formal",
        ),
    ],
    "fasilitas_negara": [
        (
            "Rapat tim pemenangan salah satu pasangan calon diketahui digelar di ruang rapat kantor "
            "bupati pada malam hari. Kunci ruangan dipegang kepala bagian umum.",
            "news",
        ),
        ("Mobil dinas kepala puskesmas terlihat mengangkut kardus berisi kaos paslon ke posko", "whatsapp"),
    ],
    "parpol": [
        (
            "Bawaslu memverifikasi laporan bahwa seorang PNS dinas pertanian menjadi sekretaris DPC "
            "sebuah partai; surat keputusan kepengurusan partai memuat namanya.",
            "news",
        ),
        (
            "Seorang pegawai negeri hadir dalam rapat kerja partai politik dan tercatat sebagai wakil "
            "ketua bidang organisasi di partai tersebut.",
            "formal",
        ),
        ("guru PNS tetangga sy jadi pengurus DPC partai, udh lama katanya", "whatsapp"),
    ],
    "pencalonan": [
        (
            "Seorang kepala sekolah berstatus PNS maju sebagai calon legislatif DPRD provinsi. Hingga "
            "penetapan daftar calon tetap, ia belum mengundurkan diri dan masih mengajar.",
            "news",
        ),
        (
            "Bawaslu mendapati seorang calon anggota DPRD kabupaten yang masih "
            "tercatat sebagai pegawai negeri aktif di dinas pendidikan.",
            "formal",
        ),
    ],
    "keputusan_menguntungkan": [
        (
            "Bupati yang kembali maju dalam pilkada menandatangani keputusan rotasi belasan kepala "
            "sekolah setelah masa larangan penggantian pejabat berlaku.",
            "news",
        ),
        (
            "Kepala dinas menunda pencairan bantuan untuk kelompok tani yang diketahui mendukung calon "
            "lawan petahana.",
            "formal",
        ),
    ],
    "bukan_pelanggaran": [
        (
            "Kepala desa yang ikut berkampanye dan membagikan bantuan untuk calon bupati dilaporkan ke "
            "Bawaslu; kasusnya ditangani dengan aturan pemilu untuk kepala desa, bukan aturan ASN.",
            "news",
        ),
        (
            "Bawaslu menghentikan laporan terhadap seorang pegawai karena terbukti yang bersangkutan "
            "adalah tenaga honorer, bukan PNS atau PPPK.",
            "news",
        ),
        (
            "Seorang PPPK hadir di lokasi kampanye karena menjadi petugas kesehatan yang ditugaskan "
            "dinas, tanpa atribut dan tanpa menyatakan dukungan.",
            "news",
        ),
        (
            "Pegawai kelurahan memasang spanduk imbauan menjaga netralitas ASN dan ajakan datang ke TPS.",
            "formal",
        ),
        (
            "min sy PNS, suami sy caleg. sy boleh dateng ke acara kampanyenya kalo gk ikut orasi? sy udh "
            "ajukan cuti",
            "whatsapp",
        ),
    ],
}
