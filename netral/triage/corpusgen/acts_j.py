# ruff: noqa: E501  (hand-written text fragments: one sentence per line reads better)
"""Whole texts on appeals made in person and on official duty (written for netral).

An ASN who asks people face to face to vote for someone (door to door, in a welcome speech at a school or
office event, at a morning assembly, in a sermon, with a threat to staff) organises support:
`kegiatan_keberpihakan`. Speaking on a *campaign's* stage stays `deklarasi_kampanye`. Accompanying an
official visit, reminding staff to stay neutral or explaining the election without naming anyone is
`bukan_pelanggaran`. Before these texts, `mengampanyekan` and `berkeliling` occurred only in
`fasilitas_negara`, `apel` almost only in `bukan_pelanggaran` and `sambutan`/`pidato` almost only in
`deklarasi_kampanye`, so the classifier read those words as the label.
"""

from __future__ import annotations

APPEALS: dict[str, list[tuple[str, str]]] = {
    "kegiatan_keberpihakan": [
        (
            "Seorang penyuluh KB berstatus PNS di Kabupaten Brebes mendatangi rumah warga satu per satu sambil membawa nama seorang caleg DPR dan meminta penghuninya mencoblos caleg itu. Bawaslu Brebes menerima laporan dari tiga warga yang didatangi.",
            "news",
        ),
        (
            "Kepala bidang di dinas perikanan ikut mengampanyekan calon bupati petahana kepada kelompok nelayan binaannya dan menyebut kerja sama dengan kelompok itu hanya berlanjut bila petahana menang. KASN menyatakan ia terbukti melanggar netralitas.",
            "news",
        ),
        (
            "Saya melaporkan camat kami yang dalam sambutan acara wisuda TK se-kecamatan mengajak para orang tua murid memilih pasangan calon nomor urut 2 pada hari pemungutan suara. Rekaman video sambutan itu saya lampirkan.",
            "formal",
        ),
        (
            "Dalam apel pagi di halaman kantor, seorang kepala dinas meminta seluruh pegawai beserta keluarganya memenangkan calon gubernur tertentu dan mengancam akan memindahkan yang tidak patuh. Rekamannya kemudian beredar di TikTok.",
            "news",
        ),
        (
            "pak kabid td pas apel nyuruh kita semua coblos caleg partai biru, katanya yg gak nurut siap2 dipindah ke pelosok",
            "whatsapp",
        ),
        (
            "Seorang guru PNS yang juga penceramah memakai pengajian ibu-ibu di kampungnya untuk mengajak jamaah memilih caleg DPRD yang disebutnya orang kita sendiri. Panwaslu kecamatan mengkaji rekaman ceramah tersebut.",
            "news",
        ),
        (
            "Kepala sekolah negeri tempat anak saya bersekolah memperkenalkan seorang caleg kepada wali murid dalam rapat pembagian rapor dan meminta kami mendukungnya. Caleg itu ikut hadir dan menyalami para orang tua.",
            "formal",
        ),
        (
            "Kepala puskesmas berkeliling ke posyandu-posyandu bersama tim sukses bakal calon bupati dan meminta para kader mengajak warga mendukung bakal calon itu. Bawaslu merekomendasikan kasusnya ke BKN.",
            "news",
        ),
        (
            "Kades dan pak camat kompak ngajak tamu pilih paslon 2 pas hajatan nikahan warga. Camatnya PNS lho! #ASNnetral",
            "caption",
        ),
        (
            "Rektor sebuah universitas negeri dilaporkan karena dalam pidato penerimaan mahasiswa baru meminta mahasiswa dan dosen memilih salah satu capres. KASN merekomendasikan sanksi kepada menteri.",
            "news",
        ),
        (
            "bu lurah dtg ke rumah2 warga bawa beras 5 kilo, minta kita coblos caleg yg dia dukung. dia kan pns ya??",
            "whatsapp",
        ),
        (
            "Seorang kepala seksi di kantor Kementerian Agama menitipkan pesan kepada para penghulu agar mengajak calon pengantin yang mereka layani memilih pasangan calon tertentu. Pesan itu terungkap dari rekaman rapat bulanan.",
            "news",
        ),
        (
            "Lurah kami mengundang ketua RT dan RW ke rumahnya, lalu meminta mereka mendata warga yang bersedia memilih calon wali kota nomor urut 1 dan menjanjikan insentif bagi RT yang suaranya menang.",
            "formal",
        ),
        (
            "Dalam upacara hari jadi kabupaten, sekda menyelipkan ajakan kepada peserta upacara, para pegawai dan pelajar, untuk melanjutkan pembangunan bersama bupati petahana yang kembali mencalonkan diri.",
            "news",
        ),
        (
            "Seorang pengawas sekolah PNS menelepon kepala-kepala sekolah binaannya dan mengancam penilaian kinerja mereka akan buruk bila suara di TPS sekitar sekolah kalah untuk calon yang ia dukung.",
            "news",
        ),
        (
            "ada guru pns di sekolah sy yg tiap hari nitip pesan ke murid2 suruh bilang ortunya pilih caleg X. anak2 sampe hafal nomernya",
            "whatsapp",
        ),
        (
            "Kepala dinas kelautan memperkenalkan seorang caleg DPR RI kepada para nelayan dalam pertemuan di dermaga dan meminta mereka menitipkan suara kepadanya. Warga mengunggah rekamannya ke YouTube.",
            "news",
        ),
        (
            "Seorang bidan PNS di desa berkata kepada ibu-ibu yang memeriksakan kehamilan bahwa pelayanan akan lebih baik bila mereka memilih calon bupati nomor urut 3. Beberapa pasien melapor ke pengawas desa.",
            "news",
        ),
        (
            "Camat itu ikut mengampanyekan pasangan calon gubernur kepada para kepala desa saat silaturahmi di rumah makan dan meminta setiap desa menyiapkan target suara untuk pasangan tersebut.",
            "formal",
        ),
        (
            "Bawaslu kota memproses seorang ASN kecamatan yang menemui warga dari rumah ke rumah pada malam hari, membagikan amplop dan meminta mereka memilih calon wali kota yang didukungnya.",
            "news",
        ),
    ],
    "deklarasi_kampanye": [
        (
            "Seorang kepala sekolah PNS menjadi juru kampanye di panggung kampanye terbuka calon bupati dan mengampanyekan program sekolah gratis pasangan itu di hadapan massa.",
            "news",
        ),
        (
            "liat tuh pak kasi ikut orasi di kampanye akbar paslon 1 kemarin, pake kaos tim pula",
            "whatsapp",
        ),
        (
            "Dalam kampanye dialogis calon gubernur di gedung serbaguna, seorang pejabat pemprov naik ke panggung dan memberi testimoni dukungan kepada pasangan itu.",
            "news",
        ),
    ],
    "bukan_pelanggaran": [
        (
            "Kepala dinas perhubungan mendampingi kunjungan kerja seorang menteri, yang juga calon anggota legislatif, meninjau terminal dalam kapasitas tugas kedinasan. Bawaslu menyatakan tidak ada ajakan atau atribut kampanye sehingga laporan tidak ditindaklanjuti.",
            "news",
        ),
        (
            "Dalam sambutan upacara hari pahlawan, sekda mengajak seluruh ASN menjaga netralitas dan warga menggunakan hak pilihnya tanpa menyebut calon mana pun. Laporan yang menyebut sambutan itu kampanye dinyatakan tidak terbukti.",
            "news",
        ),
        (
            "Saya ingin bertanya: camat kami membacakan ikrar netralitas dalam apel bersama Bawaslu dan pegawai kecamatan, lalu videonya diunggah akun kecamatan. Itu bukan pelanggaran, kan?",
            "formal",
        ),
        (
            "Seorang lurah mengumpulkan ketua RT untuk sosialisasi jadwal pemungutan suara dan pemutakhiran data pemilih bersama PPS. Laporan dugaan pengarahan dukungan dihentikan Bawaslu karena tidak ada calon yang disebut.",
            "news",
        ),
        (
            "td kepsek di apel senin cuma ngingetin guru2 jangan ikut kampanye & tetep netral. ada yg videoin trs dilaporin, lebay bgt",
            "whatsapp",
        ),
        (
            "Guru PNS yang dilaporkan mengajak murid memilih salah satu calon ternyata sedang mengajarkan materi PPKn tentang tata cara pemilu dengan surat suara simulasi. Bawaslu menyatakan tidak ada unsur keberpihakan.",
            "news",
        ),
        (
            "Kepala dinas kesehatan mendampingi wakil presiden meninjau rumah sakit daerah di masa kampanye. Karena itu kunjungan kerja resmi tanpa atribut atau ajakan memilih, Bawaslu tidak menemukan pelanggaran.",
            "news",
        ),
        (
            "Tim kampanye seorang caleg berkeliling kampung memperkenalkan caleg itu kepada warga, ditemani ketua RT. Laporan bahwa seorang ASN ikut dalam rombongan tidak terbukti: orang yang dimaksud pengusaha setempat.",
            "news",
        ),
        (
            "Pelapor menyebut seorang pegawai kecamatan berkampanye dari rumah ke rumah. Klarifikasi Panwascam menunjukkan pegawai itu tenaga honorer, bukan ASN, sehingga laporan tidak diproses sebagai pelanggaran netralitas ASN.",
            "formal",
        ),
        (
            "Seorang camat menghadiri rapat koordinasi pengamanan kampanye bersama KPU, Bawaslu dan polres, lalu memberi sambutan tentang ketertiban. Fotonya di antara atribut calon di lokasi rapat dilaporkan, tetapi Bawaslu menyatakan ia hadir karena tugas.",
            "news",
        ),
    ],
}
