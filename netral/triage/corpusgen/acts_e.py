"""More formal and news-like act templates, longer and with other wording (written for netral).

These widen the vocabulary each group is learned from: reported speech, passive voice, several
actors, the supervisor's point of view. build.py adds them to the groups' "formal" lists.
"""

from __future__ import annotations

EXTRA_FORMAL: dict[str, list[str | tuple[str, object]]] = {
    "media_sosial": [
        "Unggahan {asn} yang berisi dukungan terhadap {cand} sempat viral sebelum akhirnya dihapus. "
        "Pengawas sudah mengarsipkan tangkapan layarnya.",
        "Pengawas siber menemukan akun milik {asn} menyebarkan konten kampanye {cand} selama masa tenang.",
        "Dalam grup percakapan guru, {asn} berulang kali mengirim pesan yang mengajak anggota grup "
        "memilih {cand}.",
        "Akun media sosial {asn} dipenuhi unggahan yang mempromosikan {cand}, termasuk ajakan untuk "
        "mencoblos pada hari pemungutan suara.",
    ],
    "alat_peraga": [
        "Petugas menemukan stiker dan spanduk {cand} disimpan di rumah {asn}, siap untuk dipasang di "
        "sejumlah titik.",
        "Warga melihat {asn} membantu relawan menegakkan baliho {cand} di simpang jalan {when}.",
        "{asn} kedapatan membagikan kaos dan stiker bergambar {cand} kepada pedagang pasar.",
    ],
    "deklarasi_kampanye": [
        "Saat kampanye akbar {cand} di {region}, {asn} terlihat ikut bernyanyi di atas panggung dan "
        "menyerukan kemenangan.",
        "{asn} mengakui dalam klarifikasi bahwa dirinya hadir dalam acara deklarasi {cand} dan "
        "menyampaikan dukungan.",
    ],
    "foto_gestur": [
        "Foto bersama {cand} yang diambil di sebuah rumah makan memperlihatkan {asn} mengacungkan jari "
        "sesuai nomor urut.",
        "Gambar {asn} berseragam dinas yang berpose dengan simbol jari bersama pendukung {cand} beredar "
        "di media sosial.",
    ],
    "kegiatan_keberpihakan": [
        "{asn} mengajak para kader posyandu dalam sebuah pertemuan untuk mendukung {cand} dan "
        "menjanjikan insentif.",
        "Dalam rapat rutin di kantornya, {asn} meminta seluruh peserta memenangkan {cand} di wilayah "
        "masing-masing.",
        "{asn} menghadiri pertemuan konsolidasi pemenangan {cand} bersama tokoh agama dan memberi "
        "arahan kepada peserta.",
        "{asn} menyerahkan bantuan atas nama {cand} kepada korban banjir sambil meminta dukungan suara.",
        "Warga melaporkan {asn} mendatangi rumah-rumah dan membagikan uang transport agar warga "
        "hadir dalam acara {cand}.",
        "{asn} menggalang dukungan untuk {cand} melalui kegiatan silaturahmi dengan para ketua RT dan "
        "tokoh pemuda.",
        "{asn} diduga mengarahkan guru dan tenaga kependidikan di bawahnya agar memilih {cand}.",
    ],
    "fasilitas_negara": [
        "Kendaraan dinas yang dikuasai {asn} dipakai untuk mengantar tim {cand} berkeliling kampung.",
        "Acara resmi pemerintah yang dipimpin {asn} diisi dengan ajakan memilih {cand} dan pembagian "
        "bahan kampanye.",
        "Gedung milik pemerintah daerah yang dikelola {asn} dipinjamkan untuk acara kampanye {cand} "
        "tanpa prosedur yang sama bagi peserta lain.",
    ],
    "parpol": [
        "Berdasarkan penelusuran data keanggotaan partai, {asn} tercatat sebagai anggota {party} dan "
        "belum pernah mengundurkan diri dari keanggotaan itu.",
        "{asn} mengakui menjadi pengurus {party} namun berdalih tidak aktif dalam kegiatan partai.",
        "Foto {asn} mengenakan seragam {party} dalam pelantikan pengurus partai beredar luas.",
        (
            "{asn} menemui pimpinan {party} untuk meminta dukungan pencalonan dirinya sebagai kepala "
            "daerah tanpa mengambil cuti.",
            "D3",
        ),
    ],
    "pencalonan": [
        "{asn} mencalonkan diri sebagai anggota legislatif, padahal statusnya masih aktif sebagai "
        "aparatur sipil negara.",
        "KPU {region} mencatat {asn} sebagai calon anggota DPRD dari {party}; yang bersangkutan belum "
        "berhenti sebagai ASN.",
        "{asn} mendeklarasikan pencalonan dirinya dalam pemilihan kepala daerah dan sudah mulai "
        "berkampanye, tetapi masih menduduki jabatan.",
    ],
    "keputusan_menguntungkan": [
        "{asn} mengeluarkan kebijakan pembagian bantuan yang hanya menyasar wilayah pendukung {cand} "
        "menjelang hari pemungutan suara.",
        "{asn} mencopot sejumlah pejabat yang dinilai tidak loyal kepada {cand} dan menggantinya dengan "
        "orang dekat.",
        (
            "Kepala daerah petahana melakukan pelantikan pejabat di masa larangan tanpa persetujuan "
            "Menteri Dalam Negeri; Bawaslu meneruskan temuan ini.",
            "L4",
        ),
    ],
    "bukan_pelanggaran": [
        "{asn} terlihat di lokasi kampanye karena bertugas mengatur lalu lintas atas perintah atasan, "
        "tanpa atribut dan tanpa ajakan memilih.",
        "{asn} mengikuti rapat koordinasi persiapan pemungutan suara yang diadakan pemerintah "
        "kecamatan bersama penyelenggara pemilu.",
        "Setelah diklarifikasi, foto {asn} bersama {cand} ternyata diambil jauh sebelum masa "
        "pencalonan dan tanpa gestur apa pun.",
        "{nonasn} membagikan sembako sambil mengajak warga memilih {cand}; yang bersangkutan bukan "
        "aparatur sipil negara.",
        "{nonasn} mengunggah foto kampanye {cand} di {platform}; Bawaslu memastikan pelaku bukan ASN.",
        "Laporan tentang {asn} dinyatakan tidak memenuhi unsur karena yang bersangkutan sudah pensiun "
        "sebelum kejadian.",
        "{asn} memberikan hak suaranya di TPS sesuai jadwal dan tidak menunjukkan dukungan kepada "
        "calon mana pun.",
    ],
}
