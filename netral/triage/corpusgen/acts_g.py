# ruff: noqa: E501  (hand-written text fragments: one sentence per line reads better)
"""A third set of whole texts per group: longer reports and news items (written for netral)."""

from __future__ import annotations

MORE_STANDALONE: dict[str, list[tuple[str, str]]] = {
    "media_sosial": [
        (
            "Bawaslu kabupaten memproses dugaan pelanggaran netralitas oleh seorang kepala seksi di dinas perikanan. Melalui akun Facebook pribadinya, ia mengunggah foto kegiatan kampanye calon bupati disertai keterangan 'ayo bersatu menangkan'. Unggahan itu dibagikan lebih dari dua ratus kali.",
            "news",
        ),
        (
            "Selama masa kampanye, seorang analis kepegawaian aktif menulis komentar membela calon presiden tertentu di kolom komentar akun berita daring. Ia memakai nama asli dan foto berseragam.",
            "news",
        ),
        (
            "Saya melaporkan seorang pengawas sekolah berstatus PNS yang membuat siaran di kanal YouTube miliknya berisi ulasan prestasi salah satu calon gubernur dan ajakan kepada para guru untuk memilihnya.",
            "formal",
        ),
        (
            "Guru-guru di grup WA sekolah dapat kiriman dari wakasek (PNS): link video kampanye + 'wajib ditonton dan dibagikan ya bapak ibu'. Sy screenshot semua.",
            "whatsapp",
        ),
        (
            "kok ASN posting 'coblos nomor 3 biar sejahtera' di story ig, terus tag teman2 kantornya. parah",
            "whatsapp",
        ),
        (
            "Akun TikTok seorang perawat PNS rumah sakit daerah mengunggah video dirinya menirukan jargon kampanye seorang calon wali kota. Video itu ditonton puluhan ribu kali sebelum dihapus.",
            "news",
        ),
        (
            "Pengawas pemilu menerima aduan tentang ASN yang memberi tanda suka pada puluhan unggahan akun resmi pasangan calon dan mengikuti akun tim pemenangannya.",
            "news",
        ),
        (
            "Kepala Bidang Humas ikut mempromosikan bakal calon lewat akun Instagram resmi pribadinya: 'Beliau pemimpin yang kita tunggu'. Postingan diunggah saat jam kerja.",
            "caption",
        ),
    ],
    "alat_peraga": [
        (
            "Panwaslu kecamatan mendapati tumpukan spanduk dan baliho seorang calon legislatif di gudang milik seorang ASN dinas pertanian. Pemilik gudang mengaku ikut mendistribusikan alat peraga itu ke desa-desa.",
            "news",
        ),
        (
            "Seorang guru PNS memasang bendera partai dan poster calon anggota DPRD di pagar rumahnya yang berada persis di depan sekolah tempatnya mengajar.",
            "formal",
        ),
        (
            "Dalam video yang beredar, seorang lurah tampak memanjat tangga untuk memasang spanduk bergambar pasangan calon di gapura kelurahan.",
            "news",
        ),
        (
            "tetangga sy PNS pemkab bikin stiker paslon ratusan lembar, anak2 muda disuruh tempel di angkot",
            "whatsapp",
        ),
        (
            "Mohon ditertibkan: baliho bakal calon wali kota dipasang di halaman kantor kelurahan atas perintah sekretaris lurah. Baliho itu berukuran 3 x 4 meter.",
            "formal",
        ),
        (
            "Kaos, topi, dan payung bergambar calon bupati dibagikan seorang kepala sekolah kepada para wali murid saat pengambilan rapor.",
            "news",
        ),
    ],
    "deklarasi_kampanye": [
        (
            "Seorang pejabat di lingkungan pemerintah provinsi tampil sebagai pembicara dalam acara kampanye dialogis calon gubernur. Dalam rekaman, ia meminta hadirin memberikan suara kepada calon tersebut.",
            "news",
        ),
        (
            "Saya melihat langsung Kepala Dinas Pariwisata berdiri di atas panggung kampanye terbuka, memakai rompi tim pemenangan dan memandu yel-yel.",
            "formal",
        ),
        (
            "Bawaslu mengkaji keterlibatan sejumlah ASN yang bergabung dalam rombongan kampanye calon presiden saat berkunjung ke pasar tradisional. Mereka terlihat membagikan brosur dan mengenakan kaos relawan.",
            "news",
        ),
        ("pak kadis ikut acara pengukuhan relawan paslon, dia yg baca ikrar dukungannya", "whatsapp"),
        (
            "Kepala puskesmas hadir dalam deklarasi pencalonan seorang tokoh sebagai bakal calon bupati dan memberi kata sambutan mewakili tenaga kesehatan.",
            "formal",
        ),
        (
            "Seorang ASN tercatat sebagai juru bicara tim pemenangan calon wali kota dan beberapa kali tampil di televisi lokal membela calon tersebut.",
            "news",
        ),
        (
            "ASN yang ikut kampanye, naik panggung, pegang mic, teriak 'menang!'. Ini jelas bukan netral. #pemilu2024",
            "caption",
        ),
    ],
    "foto_gestur": [
        (
            "Bawaslu memeriksa seorang kepala sekolah yang berfoto dengan calon anggota DPR di acara syukuran. Dalam foto itu ia memegang kalender bergambar sang calon sambil mengacungkan tiga jari.",
            "news",
        ),
        (
            "Beredar foto para pegawai dinas sosial berseragam cokelat yang berbaris di samping calon wali kota sambil menunjukkan gestur angka satu.",
            "news",
        ),
        (
            "Saya melampirkan foto seorang ASN perempuan yang berpose bersama calon bupati dengan gestur jari membentuk huruf L sesuai simbol kampanye calon itu.",
            "formal",
        ),
        (
            "itu poto guru2 PNS di acara perpisahan sekolah kok pada pose jari 2 pas ada caleg nya dateng",
            "whatsapp",
        ),
        (
            "Seorang camat mengunggah foto dirinya merangkul pasangan calon dengan kedua tangan mengacungkan jempol, lengkap dengan latar spanduk kampanye.",
            "news",
        ),
        (
            "Pose jari + foto bareng calon = pelanggaran bagi ASN. Yang ini malah pakai rompi dinas. #ASNnetral",
            "caption",
        ),
    ],
    "kegiatan_keberpihakan": [
        (
            "Seorang kepala dinas diduga menggerakkan para kepala bidangnya untuk menghimpun dukungan bagi calon petahana. Setiap bidang diberi target jumlah pemilih yang harus diajak.",
            "news",
        ),
        (
            "Sejumlah guru PNS melaporkan bahwa kepala sekolah mereka membagikan formulir dukungan calon perseorangan dan meminta salinan KTP keluarga para guru.",
            "news",
        ),
        (
            "Dalam acara arisan PKK yang dihadiri pejabat kecamatan, istri camat bersama sekretaris camat membagikan bingkisan dan kartu bergambar calon bupati.",
            "formal",
        ),
        (
            "pas rapat dinas kemarin kabid kami bilang 'yg mau naik jabatan, tau kan harus dukung siapa'. semua diem",
            "whatsapp",
        ),
        (
            "Seorang ASN di kantor kecamatan mengadakan pertemuan dengan tokoh adat dan meminta mereka mengarahkan masyarakat adat untuk memilih pasangan calon tertentu.",
            "news",
        ),
        (
            "Seorang penyuluh agama berstatus PNS menyisipkan ajakan memilih calon tertentu dalam ceramah pengajian rutin yang diikuti ratusan jamaah.",
            "news",
        ),
        (
            "Kepala UPTD meminta para pegawai honorer dan PNS di unitnya ikut acara jalan sehat pendukung calon, dengan ancaman tidak diperpanjang kontraknya.",
            "formal",
        ),
    ],
    "fasilitas_negara": [
        (
            "Bawaslu menemukan spanduk kampanye disimpan di gudang dinas perhubungan dan diangkut dengan truk milik pemerintah daerah ke lokasi kampanye.",
            "news",
        ),
        (
            "Seorang kepala bagian memakai laptop dan ruang kerja kantor untuk mendesain brosur kampanye calon bupati. Staf lain diminta membantu pada jam kerja.",
            "formal",
        ),
        (
            "Kegiatan peresmian jembatan yang dibiayai APBD diisi pidato kepala dinas yang memuji calon petahana dan mengajak warga 'melanjutkan pembangunan' dengan memilihnya.",
            "news",
        ),
        (
            "mobil dinas dishub plat merah dipake jemput relawan paslon ke lokasi kampanye, sopirnya PNS",
            "whatsapp",
        ),
        (
            "Anggaran makan minum rapat dinas dipakai untuk menjamu tim sukses salah satu calon di rumah dinas camat.",
            "formal",
        ),
        ("Posko pemenangan di rumah dinas pejabat? Itu fasilitas negara lho. #pilkada", "caption"),
    ],
    "parpol": [
        (
            "Hasil verifikasi Bawaslu mendapati seorang guru PPPK menjadi pengurus dewan pimpinan cabang sebuah partai politik dan ikut menandatangani dokumen partai.",
            "news",
        ),
        (
            "Seorang PNS di kantor camat diketahui menjadi ketua pengurus anak cabang partai di kecamatannya, sebagaimana tercantum dalam surat keputusan partai yang saya lampirkan.",
            "formal",
        ),
        (
            "Seorang kepala dinas mengikuti proses penjaringan bakal calon bupati di dua partai sekaligus tanpa mengajukan cuti di luar tanggungan negara.",
            "news",
        ),
        (
            "bu guru PNS di sekolah anak sy aktif jadi pengurus sayap perempuan partai, sering posting kegiatan partainya",
            "whatsapp",
        ),
        (
            "Data Sipol menunjukkan nama dan NIK seorang bidan PNS terdaftar sebagai anggota partai; yang bersangkutan mengaku tidak pernah mendaftar.",
            "news",
        ),
        (
            "Seorang pejabat eselon III menemui sejumlah ketua partai untuk menjajaki dukungan pencalonan dirinya sebagai wakil bupati, masih dalam status aktif.",
            "formal",
        ),
    ],
    "pencalonan": [
        (
            "Seorang kepala bidang di dinas kesehatan berstatus PNS mendaftarkan diri ke KPU sebagai bakal calon wakil bupati tanpa surat pengunduran diri.",
            "formal",
        ),
        (
            "KPU provinsi menerima pendaftaran seorang PNS sebagai calon anggota DPD. Bawaslu mengingatkan bahwa yang bersangkutan wajib mundur sebelum penetapan calon.",
            "news",
        ),
        (
            "Seorang pegawai negeri di kantor wali kota masuk daftar calon sementara DPRD kota dari salah satu partai, sementara ia masih masuk kerja seperti biasa.",
            "news",
        ),
        (
            "PPPK boleh nyaleg? Harus berhenti dulu! Ini ada yang masih ngajar tapi fotonya udah di baliho caleg. #pemilu",
            "caption",
        ),
        (
            "kepsek kami mau nyalon DPRD, udh daftar di partai katanya, tp blm ngurus pensiun dini atau mundur",
            "whatsapp",
        ),
        (
            "Seorang camat yang masih aktif mengumumkan dirinya akan maju dalam pilkada kabupaten dan mulai membentuk tim pemenangan untuk dirinya sendiri.",
            "news",
        ),
    ],
    "keputusan_menguntungkan": [
        (
            "Bawaslu merekomendasikan pembatalan keputusan mutasi yang ditandatangani bupati petahana lima bulan sebelum penetapan calon, karena tidak disertai persetujuan tertulis Menteri Dalam Negeri.",
            "news",
        ),
        (
            "Kepala dinas sosial memutuskan penerima bantuan hanya dari daftar yang disusun tim sukses calon petahana, sedangkan warga lain yang memenuhi syarat dicoret.",
            "formal",
        ),
        (
            "Seorang kepala dinas pendidikan menerbitkan surat tugas yang memindahkan guru-guru yang diketahui menjadi saksi pasangan lawan ke sekolah lain menjelang pemungutan suara.",
            "news",
        ),
        (
            "camat kami nolak ngasih izin tempat buat kampanye paslon 1 tapi paslon 2 dikasih lapangan kecamatan gratis",
            "whatsapp",
        ),
        (
            "Penjabat wali kota merombak susunan pejabat administrator di masa larangan penggantian pejabat; Bawaslu meminta klarifikasi soal izin Kemendagri.",
            "news",
        ),
        (
            "Lurah mengeluarkan surat keterangan hanya untuk warga yang berjanji mendukung calon tertentu dan mempersulit warga lain.",
            "formal",
        ),
    ],
    "bukan_pelanggaran": [
        (
            "Bawaslu menyatakan laporan terhadap seorang pegawai kecamatan tidak dapat diproses karena yang dilaporkan ternyata perangkat desa yang bukan ASN. Laporan diteruskan ke bupati untuk pembinaan.",
            "news",
        ),
        (
            "Seorang ASN datang ke kantor KPU untuk mengikuti bimbingan teknis sebagai anggota panitia pemungutan suara yang sah ditunjuk.",
            "formal",
        ),
        (
            "Foto pegawai dinas bersama calon bupati diambil saat acara resmi pemerintahan sebelum masa pencalonan, tanpa pose jari dan tanpa atribut kampanye; Bawaslu menyimpulkan tidak ada pelanggaran.",
            "news",
        ),
        (
            "Seorang kepala desa terekam mengajak warganya memilih calon bupati saat acara desa. Karena kepala desa bukan ASN, laporan ditangani dengan ketentuan larangan bagi kepala desa.",
            "news",
        ),
        (
            "Anggota tim kampanye yang berprofesi sebagai pengusaha memasang baliho calon di tanah miliknya sendiri.",
            "formal",
        ),
        (
            "sy mau nanya, kalo sy PNS terus nonton debat capres di tv sambil komen di grup keluarga 'debatnya seru', itu melanggar gk?",
            "whatsapp",
        ),
        (
            "Seorang ASN membagikan ulang pengumuman KPU tentang lokasi TPS dan daftar pemilih tetap di akun Facebook-nya.",
            "formal",
        ),
        (
            "Tenaga honorer di sebuah kantor dinas ikut kampanye dan mengenakan kaos calon. Bawaslu menyebut aturan netralitas ASN tidak berlaku baginya, tetapi instansi dapat menjatuhkan sanksi sesuai kontrak.",
            "news",
        ),
        (
            "Seorang PNS yang suaminya menjadi calon bupati mengambil cuti di luar tanggungan negara dan mendampingi suaminya berkampanye.",
            "news",
        ),
        (
            "Yuk, ASN tetap netral! Datang ke TPS, gunakan hak pilih, jangan ikut kampanye. #ASNnetral #pilkada2024",
            "caption",
        ),
    ],
}
