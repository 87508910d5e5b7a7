# ruff: noqa: E501  (hand-written text fragments: one sentence per line reads better)
"""Act templates: foto_gestur, kegiatan_keberpihakan, fasilitas_negara (written for netral)."""

from __future__ import annotations

FOTO_GESTUR = {
    "items": ("E5", "D7"),
    "formal": [
        "{asn} berfoto bersama {cand} sambil mengacungkan dua jari {when}.",
        "Foto {asn} berpose dengan simbol tiga jari bersama tim pemenangan {cand} beredar di {platform}.",
        "{asn} berswafoto dengan {cand} sambil memegang kaos bergambar nomor urut pasangan tersebut.",
        "{asn} terekam dalam video bersama relawan {cand} memperagakan gestur jari yang sesuai nomor urut.",
        "Dalam foto yang diunggah di {platform}, {asn} mengenakan atribut partai pengusung {cand} dan "
        "berpose satu jari.",
        "{asn} berfoto bersama para guru dengan gestur 'metal' yang identik dengan {cand} {when}.",
        "{asn} berfoto memegang spanduk {cand} bersama warga dan mengangkat jempol.",
        "Beredar foto {asn} bersama istri {cand} dengan pose jari membentuk angka nomor urut.",
        "{asn} dan rekan sekantornya berfoto seragam dinas sambil membentuk huruf V untuk {cand}.",
        "{asn} tampak dalam foto grup tim sukses {cand} sambil menunjukkan simbol pistol jari.",
        "{asn} berpose dengan gestur finger heart tiga jari di samping banner {cand} {when}.",
        "Video pendek memperlihatkan {asn} berjoget sambil mengacungkan empat jari bersama pendukung {cand}.",
        "{asn} mengunggah foto diri dengan topi dan syal bergambar {cand} sambil tersenyum mengacungkan jari.",
        "{asn} berfoto dengan {cand} dalam sebuah acara keluarga dan mengacungkan dua jari ke kamera.",
    ],
    "casual": [
        "{wasn} poto bareng {wcand} sambil salam 2 jari",
        "ada poto {wasn} pose 3 jari sama timses {wcand}",
        "{wasn} selfie sama {wcand} megang kaos no urut",
        "{wasn} foto pake seragam dinas tapi pose jari 1, jelas itu buat {wcand}",
        "liat nih poto {wasn} sama {wcand}, acungin jempol + pake atribut",
        "{wasn} video joget bareng relawan {wcand} gaya jari 4",
        "{wasn} foto rame2 sm guru2 pose metal ala {wcand}",
        "beredar poto {wasn} megang baliho {wcand} sambil nunjuk angka",
        "{wasn} foto bareng istrinya {wcand}, salam jari 2",
        "{wasn} pose pistol jari di samping banner {wcand} {wwhen}",
        "{wasn} poto pake kaos {wcand} trus diupload sendiri",
        "{wasn} dkk foto seragam ASN gaya V, pasti buat {wcand}",
    ],
    "standalone": [
        (
            "Foto sejumlah bidan berseragam dinas berpose salam dua jari di depan puskesmas beredar luas. "
            "Pose itu dikaitkan dengan nomor urut salah satu paslon.",
            "news",
        ),
        (
            "Saya lampirkan foto Camat yang berpose dengan bacalon bupati sambil memegang stiker dan "
            "mengangkat satu jari pada acara pernikahan warga.",
            "formal",
        ),
        (
            "ini kan pak kabid, kok pose 3 jari sambil rangkul paslon. screenshot dari story ig nya",
            "whatsapp",
        ),
        (
            "Seragam dinas + pose jari = pelanggaran netralitas ya bapak ibu ASN. Foto ini viral di grup "
            "warga. #ASNnetral #pemilu2024",
            "caption",
        ),
        (
            "Bawaslu memanggil delapan guru PNS yang terekam dalam foto bersama calon legislatif sambil "
            "mengacungkan jari membentuk nomor urut partai.",
            "news",
        ),
        ("bu kepsek foto sama tim paslon pake kaos tim trus jarinya dua. anak sy yg liat di fb", "whatsapp"),
        (
            "Sebuah video memperlihatkan kepala dinas berjoget di atas mobil komando sambil mengacungkan "
            "jempol bersama pendukung calon petahana.",
            "news",
        ),
        (
            "Pose satu jari bareng bakal calon di acara ulang tahun? Bapak ini Kabag Protokol loh. "
            "#pilkada2024",
            "caption",
        ),
    ],
}

KEGIATAN_KEBERPIHAKAN = {
    "items": "D8",
    "formal": [
        "{asn} mengumpulkan kepala desa dan tokoh masyarakat di rumahnya untuk membahas pemenangan {cand} "
        "{when}.",
        "{asn} membagikan sembako kepada warga sambil meminta mereka memilih {cand}.",
        (
            "{asn} meminta para guru di wilayahnya menyerahkan fotokopi KTP untuk dukungan {cand} jalur "
            "perseorangan.",
            "D11",
        ),
        ("{asn} memerintahkan seluruh staf kecamatan hadir dalam pertemuan relawan {cand}.", "L2"),
        "{asn} mengimbau para ketua RT dalam rapat koordinasi agar mengarahkan warganya memilih {cand}.",
        "{asn} membagikan amplop berisi uang kepada ibu-ibu pengajian dengan pesan agar mencoblos {cand}.",
        ("{asn} mengarahkan bawahannya untuk menjadi saksi dan relawan {cand} di TPS.", "L2"),
        "{asn} menggelar pertemuan tertutup dengan para kepala sekolah untuk menyusun strategi "
        "pemenangan {cand} {when}.",
        ("{asn} mendata pegawai honorer dan meminta surat pernyataan dukungan untuk {cand}.", "D11"),
        "{asn} mengadakan acara makan bersama pegawai di rumahnya dan meminta mereka mendukung {cand}.",
        "{asn} mengajak keluarga besar dan tetangga dalam arisan untuk memilih {cand}, disertai bingkisan.",
        ("{asn} mengancam akan memutasi pegawai yang tidak mendukung {cand}.", "L2"),
        "{asn} menyelenggarakan pengajian yang berisi ajakan memilih {cand} dan pembagian kerudung.",
        "{asn} mengorganisasi pertemuan pemuda di {kec} yang ternyata berisi konsolidasi dukungan untuk "
        "{cand}.",
        "{asn} memberikan hadiah ponsel kepada sejumlah kepala dusun dengan pesan agar memenangkan {cand}.",
    ],
    "casual": [
        "{wasn} ngumpulin kades2 di rumahnya, bahas menangin {wcand}",
        "{wasn} bagi sembako sambil bilang jgn lupa coblos {wcand}",
        ("{wasn} minta fotokopi ktp guru2 buat dukungan {wcand}", "D11"),
        ("{wasn} nyuruh semua staf dateng ke pertemuan relawan {wcand}, yg gk dateng diancam", "L2"),
        "{wasn} bagi amplop pas pengajian, pesannya pilih {wcand}",
        "{wasn} ngumpulin ketua RT, arahin warga milih {wcand}",
        ("{wasn} maksa bawahannya jadi saksi {wcand} di tps", "L2"),
        "{wasn} bikin acara makan2 di rumah terus ngajak dukung {wcand}",
        ("{wasn} ngedata honorer suruh tanda tangan surat dukungan {wcand}", "D11"),
        "{wasn} bagi2 beras pas arisan, katanya titipan {wcand}",
        "{wasn} rapat diem2 sama kepsek2 atur strategi menangin {wcand}",
        ("{wasn} ngancem mutasi pegawai yg gk dukung {wcand}", "L2"),
    ],
    "standalone": [
        (
            "Kepala Dinas Pendidikan mengumpulkan seluruh kepala SD dan SMP di sebuah rumah makan dan "
            "meminta masing-masing sekolah menyumbang suara untuk calon petahana.",
            "formal",
        ),
        (
            "Bawaslu menemukan seorang camat menggelar pertemuan dengan para kepala desa dan memberikan "
            "arahan untuk memenangkan salah satu pasangan calon bupati.",
            "news",
        ),
        (
            "pak camat ngumpulin kami perangkat desa, katanya kl paslon 1 kalah anggaran desa dipotong",
            "whatsapp",
        ),
        (
            "Guru-guru di sekolah kami diminta kepala sekolah membawa KTP keluarga untuk mendukung calon "
            "perseorangan. Yang tidak membawa dicatat namanya.",
            "formal",
        ),
        (
            "Pembagian paket sembako oleh oknum ASN disertai kartu nama paslon terekam kamera warga. "
            "Panwascam sedang mendalami.",
            "news",
        ),
        (
            "ASN bagi-bagi amplop di acara maulid sambil titip salam dari calon bupati. Ini netral? 🤔 "
            "#pilkadabersih",
            "caption",
        ),
        (
            "kadis kami bikin grup 'pegawai peduli' tp isinya cuma ngatur siapa ngajak berapa org utk milih "
            "bacalon",
            "whatsapp",
        ),
        (
            "Sekda mengundang para kepala OPD ke rumah dinasnya dan menyampaikan arahan agar seluruh "
            "jajaran mendukung calon tertentu. Undangan disampaikan lewat ajudan.",
            "news",
        ),
    ],
}

FASILITAS_NEGARA = {
    "items": "L1",
    "formal": [
        "{asn} menggunakan mobil dinas berpelat merah untuk mengangkut massa kampanye {cand} {when}.",
        "{asn} mengizinkan aula kantor {region} dipakai untuk rapat tim pemenangan {cand}.",
        "{asn} memakai anggaran perjalanan dinas untuk mendampingi kegiatan {cand}.",
        "{asn} menyisipkan ajakan memilih {cand} dalam acara resmi penyerahan bantuan sosial dari pemerintah.",
        "{asn} menggunakan kendaraan operasional puskesmas untuk membagikan alat peraga {cand}.",
        "{asn} memanfaatkan program bantuan pemerintah daerah untuk mengampanyekan {cand} di {kec}.",
        "{asn} mencetak bahan kampanye {cand} menggunakan printer dan kertas kantor dinas.",
        "Rumah dinas yang ditempati {asn} dijadikan posko pemenangan {cand}.",
        "{asn} memasang logo {cand} pada paket bantuan sosial yang dibeli dengan APBD.",
        "{asn} memakai ambulans desa untuk menjemput warga menghadiri kampanye {cand}.",
        "{asn} menggunakan jam kerja dan ruang rapat kantor untuk menyusun materi kampanye {cand}.",
        "{asn} membawa {cand} dalam kunjungan kerja resmi dan memperkenalkannya kepada peserta sebagai "
        "pilihan yang tepat.",
        "{asn} mengerahkan perahu dan kendaraan milik dinas untuk memobilisasi pendukung {cand} {when}.",
    ],
    "casual": [
        "{wasn} pake mobil dinas plat merah ngangkut massa kampanye {wcand}",
        "aula kantor dipake rapat timses {wcand}, {wasn} yg ngasih izin",
        "{wasn} bagi bansos pemerintah tapi bilang itu dari {wcand}",
        "mobil puskesmas dipake {wasn} nyebar APK {wcand}",
        "rumah dinas {wasn} jadi posko {wcand}",
        "{wasn} ngeprint brosur {wcand} pake printer kantor",
        "ambulans desa dipake jemput warga ke kampanye {wcand}",
        "paket bansos dari APBD ditempelin stiker {wcand}, yg bagi {wasn}",
        "{wasn} kunker bawa {wcand}, diperkenalin ke warga",
        "{wasn} pake jam kantor buat rapat tim {wcand}",
        "mobil dinas {wasn} parkir di posko {wcand} {wwhen}",
    ],
    "standalone": [
        (
            "Mobil dinas berpelat merah milik Pemerintah Kabupaten terparkir di lokasi kampanye salah satu "
            "paslon. Kendaraan itu dipakai seorang kepala bidang untuk membawa logistik kampanye.",
            "news",
        ),
        (
            "Kami menemukan kendaraan dinas kecamatan mengangkut spanduk dan kaos calon bupati pada malam "
            "hari. Nomor polisi kendaraan terlampir.",
            "formal",
        ),
        (
            "bansos beras dari dinsos dibagi pas acara paslon, karungnya ditempel stiker paslon. yg bagiin "
            "pegawai dinsos",
            "whatsapp",
        ),
        (
            "Fasilitas negara bukan buat kampanye! Aula kantor camat dipakai konsolidasi relawan semalam. "
            "#ASNnetral",
            "caption",
        ),
        (
            "Kepala Dinas Kesehatan menggunakan acara resmi posyandu untuk membagikan brosur dan mengajak "
            "kader memilih calon petahana.",
            "formal",
        ),
        (
            "Bawaslu menelusuri penggunaan anggaran sosialisasi dinas untuk kegiatan yang diduga kampanye "
            "terselubung salah satu calon gubernur.",
            "news",
        ),
        (
            "pak camat bawa ambulans kecamatan buat jemput org ke lapangan kampanye, sy fotoin platnya",
            "whatsapp",
        ),
    ],
}
