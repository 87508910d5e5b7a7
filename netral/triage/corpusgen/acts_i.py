# ruff: noqa: E501  (hand-written text fragments: one sentence per line reads better)
"""Whole texts that carry the case's history and the channel it surfaced in (written for netral).

Reports and news about a case often say what happened next (Bawaslu's study, a recommendation to KASN or
BKN, a finding, a sanction) and how the act became known (a video that went viral, a live stream). Those
words name no group: they appear here in every group, so the classifier learns the act, not the paperwork
or the channel. `bukan_pelanggaran` gets findings of no violation (not ASN, an allowed act, an account
that is not the person's own) told the same way.
"""

from __future__ import annotations

PROCEEDINGS: dict[str, list[tuple[str, str]]] = {
    "media_sosial": [
        (
            "Bawaslu Kabupaten Bone merekomendasikan seorang kepala seksi di dinas pertanian ke KASN setelah ia berulang kali membagikan poster calon bupati di grup Facebook warga dan menulis 'pilih yang sudah terbukti'. Hasil klarifikasi menguatkan bahwa akun itu miliknya sendiri.",
            "news",
        ),
        (
            "Seorang dosen PNS di sebuah universitas negeri dijatuhi sanksi moral oleh pejabat pembina kepegawaian setelah terbukti mengunggah video dukungan kepada salah satu capres di TikTok dan mengajak mahasiswanya menontonnya.",
            "news",
        ),
        (
            "Hasil kajian Bawaslu menyimpulkan bahwa penyuluh pertanian berstatus PPPK itu melanggar netralitas karena memberikan komentar 'lanjutkan dua periode!' dan tanda suka pada unggahan kampanye petahana di Instagram. Rekomendasi telah dikirim ke BKN.",
            "formal",
        ),
        (
            "Saya melaporkan seorang staf kelurahan yang setiap hari memperbarui status WhatsApp dengan foto kampanye caleg DPRD dari partainya. Tangkapan layar status selama seminggu sudah saya kumpulkan sebagai bukti.",
            "formal",
        ),
        (
            "Viral di X, cuitan seorang kepala bidang di pemkot yang menyindir pasangan calon lawan dan mengunggah tagar dukungan kepada pasangan nomor urut 1. Bawaslu kota sudah memanggilnya untuk klarifikasi dan kasusnya diteruskan ke KASN.",
            "news",
        ),
        (
            "Camat itu mengaku hanya membagikan ulang tautan siaran kampanye di akun Facebook-nya tanpa maksud mendukung. Namun Bawaslu menilai perbuatannya tetap melanggar larangan bagi ASN menyebarluaskan materi kampanye di media sosial.",
            "news",
        ),
        (
            "min ini guru sd negeri ganti foto profil fb pake bingkai dukungan capres, terus share video kampanye di grup wali murid. udh dilaporin ke panwascam tapi blm ada kabar",
            "whatsapp",
        ),
        (
            "Seorang pegawai BPKAD menjadi admin grup Telegram relawan salah satu calon gubernur dan rutin mengunggah jadwal kampanye ke grup itu. Bawaslu provinsi menemukan namanya dalam daftar admin saat patroli siber.",
            "news",
        ),
        (
            "Kasus ini bermula dari siaran langsung di Instagram: seorang bidan PNS di puskesmas ikut menyapa penonton dan mempromosikan calon legislatif suaminya sambil menyebutkan nomor urutnya. Tayangan ulangnya masih bisa dilihat di akunnya.",
            "news",
        ),
        (
            "Bawaslu mencatat 12 ASN di kabupaten ini memberikan tanda suka dan komentar dukungan di halaman Facebook resmi salah satu pasangan calon. Seluruh temuan sudah direkomendasikan ke KASN untuk diberi sanksi.",
            "news",
        ),
        (
            "Penjabat bupati mengunggah foto bersama salah satu calon presiden di akun Instagram pribadinya dengan keterangan 'pemimpin masa depan kita'. Bawaslu kabupaten meneruskan temuan itu ke Kemendagri dan KASN.",
            "news",
        ),
        (
            "Seorang perawat PNS di RSUD membuat konten TikTok berisi ajakan memilih calon gubernur nomor urut 2 dengan seragam dinasnya. Video itu sudah dihapus, tetapi rekamannya disimpan pengawas.",
            "news",
        ),
        (
            "Rektor sebuah perguruan tinggi negeri membagikan ulang unggahan kampanye calon legislatif di akun X-nya disertai komentar dukungan. Hasil klarifikasi Bawaslu menyatakan ia melanggar netralitas.",
            "news",
        ),
    ],
    "alat_peraga": [
        (
            "Bawaslu Kota Kendari merekomendasikan seorang ASN di kantor kelurahan ke KASN setelah ia tertangkap memasang spanduk calon wali kota di pagar rumah-rumah warga pada malam hari. Pengakuannya tertuang dalam berita acara klarifikasi.",
            "news",
        ),
        (
            "Seorang staf dinas perhubungan terbukti membagikan kalender dan stiker bergambar pasangan calon kepada para sopir angkot di terminal. KASN menyatakan ia melanggar netralitas dan merekomendasikan hukuman disiplin.",
            "news",
        ),
        (
            "Dengan ini saya laporkan seorang guru PNS yang menempelkan stiker salah satu capres pada kaca mobil pribadinya dan membagikan stiker yang sama kepada guru-guru lain di ruang guru.",
            "formal",
        ),
        (
            "Video seorang pegawai kecamatan yang menurunkan baliho calon lain lalu menggantinya dengan baliho calon petahana beredar luas di TikTok. Setelah dikaji, Bawaslu menyatakan perbuatan itu melanggar netralitas ASN.",
            "news",
        ),
        (
            "pak kabid di dinas pu bawa sekarung kaos caleg ke kantor trus dibagi2 ke honorer sama satpam. videonya ada, udh viral di grup kecamatan",
            "whatsapp",
        ),
        (
            "Hasil penelusuran pengawas: rumah dinas seorang kepala UPT dipasangi bendera partai dan baliho caleg yang dipesan sendiri oleh pejabat itu. Bawaslu meneruskan temuan ke BKN dan meminta pejabat pembina kepegawaian menjatuhkan sanksi.",
            "news",
        ),
        (
            "Seorang penyuluh KB berstatus PNS memasang poster calon bupati di posyandu tempatnya bertugas dan meminta kader menyebarkannya. Ia dijatuhi sanksi moral pernyataan secara terbuka oleh bupati.",
            "news",
        ),
        (
            "Kami melaporkan ASN di kantor kecamatan yang mencetak dan menyebarkan brosur program kerja salah satu pasangan calon ke rumah-rumah warga saat jam kerja. Bukti foto dan brosurnya kami serahkan ke Panwaslu Kecamatan.",
            "formal",
        ),
        (
            "Penjabat wali kota terekam kamera warga membantu memasang baliho calon legislatif di depan rumah orang tuanya pada hari libur. Kasus ini dilaporkan ke Bawaslu dan diteruskan ke Kemendagri.",
            "news",
        ),
        (
            "Siaran langsung sebuah akun warga memperlihatkan seorang kepala seksi di kantor camat menempelkan stiker pasangan calon di warung-warung sepanjang jalan desa.",
            "news",
        ),
        (
            "Saya laporkan dokter PNS di puskesmas yang menaruh tumpukan kalender calon bupati di meja pendaftaran pasien dan meminta pasien membawanya pulang.",
            "formal",
        ),
    ],
    "deklarasi_kampanye": [
        (
            "Bawaslu Kabupaten Pinrang menyatakan seorang kepala dinas terbukti melanggar netralitas karena hadir dan berorasi di panggung kampanye terbuka calon bupati. Rekomendasi sudah dikirim ke KASN dan pejabat pembina kepegawaian.",
            "news",
        ),
        (
            "Puluhan kepala desa dan sejumlah camat ikut deklarasi dukungan untuk salah satu pasangan capres di sebuah hotel. Bawaslu memeriksa para camat yang berstatus ASN; kasus para kepala desa ditangani dengan aturan desa.",
            "news",
        ),
        (
            "Rekaman siaran langsung kampanye akbar di lapangan kota memperlihatkan seorang kepala sekolah SMA negeri berdiri di atas panggung dan mengajak massa memenangkan calon gubernur. Videonya diunggah ulang banyak akun dan ditonton ribuan kali.",
            "news",
        ),
        (
            "Seorang sekretaris camat ternyata tercatat sebagai anggota tim kampanye calon bupati dan hadir dalam rapat umum pasangan itu. Ia dijatuhi hukuman disiplin berupa penundaan kenaikan pangkat setelah rekomendasi KASN.",
            "news",
        ),
        (
            "Saya melaporkan seorang kepala bidang di BKPSDM yang duduk di barisan depan pertemuan kampanye calon legislatif di balai pertemuan, memakai atribut partai dan ikut meneriakkan yel-yel.",
            "formal",
        ),
        (
            "lapor, pak kadis kesehatan tadi pagi ikut konvoi kampanye paslon 3 pake kaos tim, naik mobil bak terbuka keliling kota. ada videonya di ig warga",
            "whatsapp",
        ),
        (
            "Dalam acara deklarasi relawan, seorang pejabat eselon III membacakan ikrar dukungan kepada calon wali kota dan menyatakan siap memenangkannya. KASN menilai tindakan itu pelanggaran berat netralitas.",
            "news",
        ),
        (
            "Bawaslu memanggil tiga ASN dinas sosial yang tampak dalam video kampanye tatap muka calon bupati sebagai juru kampanye. Ketiganya mengakui hadir atas undangan tim pemenangan.",
            "news",
        ),
        (
            "Hasil pengawasan kampanye dialogis di kecamatan ini menemukan seorang lurah memberi sambutan dan menyatakan dukungannya kepada pasangan calon di hadapan warga. Temuan itu dinaikkan menjadi dugaan pelanggaran netralitas ASN.",
            "formal",
        ),
        (
            "Penjabat gubernur hadir di panggung deklarasi pasangan calon kepala daerah dan ikut mengangkat tangan pasangan itu di hadapan massa. Bawaslu provinsi merekomendasikan kasus ini ke Mendagri.",
            "news",
        ),
        (
            "Seorang dosen PNS tampil sebagai pembicara dalam kampanye terbuka calon presiden dan menyatakan dukungannya secara terbuka. Siaran langsung acara itu ditonton ribuan orang.",
            "news",
        ),
        (
            "Rektor universitas negeri ikut dalam barisan tim pemenangan yang diumumkan di acara peluncuran relawan pasangan calon. Kementerian meminta klarifikasi setelah Bawaslu menyampaikan temuan.",
            "news",
        ),
    ],
    "foto_gestur": [
        (
            "KASN menjatuhkan rekomendasi sanksi kepada enam guru PNS yang berfoto bersama caleg DPRD sambil mengacungkan tiga jari di depan sekolah. Foto itu mereka unggah sendiri ke grup alumni.",
            "news",
        ),
        (
            "Bawaslu Kota Bekasi mengkaji foto seorang lurah yang berpose dengan simbol jari membentuk angka nomor urut pasangan calon saat acara pernikahan warga. Lurah itu mengaku hanya bercanda.",
            "news",
        ),
        (
            "Dengan hormat, kami laporkan foto bersama pegawai dinas pendidikan yang mengenakan kaos bergambar capres dan membentuk huruf V dengan jari di ruang rapat kantor.",
            "formal",
        ),
        (
            "Beredar video pendek para perawat PNS rumah sakit daerah menari sambil menunjukkan gestur satu jari dan menyanyikan jingle pasangan calon. Direktur rumah sakit sudah dipanggil untuk klarifikasi.",
            "news",
        ),
        (
            "foto pak camat sama calon bupati, dua2nya salam dua jari, kesebar di grup wa kecamatan. itu kan gk boleh ya min buat asn",
            "whatsapp",
        ),
        (
            "Seorang kepala puskesmas terbukti berfoto dengan pasangan calon wakil bupati sambil memegang stiker bertuliskan nomor urut mereka. Bawaslu merekomendasikan kasusnya ke KASN.",
            "news",
        ),
        (
            "Sekelompok ASN dinas pariwisata berpose di depan baliho calon gubernur dengan mengacungkan jempol dan dua jari. Pengawas memastikan mereka ASN melalui data kepegawaian.",
            "news",
        ),
        (
            "Saat kunjungan calon presiden ke pasar, seorang kepala pasar berstatus PNS ikut berfoto dan meneriakkan slogan kampanye sambil mengangkat dua jari. Foto itu dipakai sebagai bukti dalam kajian Bawaslu.",
            "news",
        ),
        (
            "Penjabat bupati berfoto dengan calon anggota DPR RI sambil mengacungkan jari membentuk nomor urut partainya. Foto itu beredar setelah diunggah akun caleg tersebut.",
            "news",
        ),
        (
            "Para dokter dan perawat PNS di sebuah rumah sakit daerah berpose dengan tangan membentuk angka satu di depan spanduk salah satu calon wali kota. Bawaslu telah meminta keterangan direktur rumah sakit.",
            "news",
        ),
        (
            "Dalam siaran langsung sebuah acara ulang tahun, sekelompok guru PNS bernyanyi dan menunjukkan salam tiga jari sambil menyebut nama calon presiden.",
            "news",
        ),
    ],
    "kegiatan_keberpihakan": [
        (
            "Bawaslu Kabupaten Bantaeng menyatakan seorang kepala bidang terbukti mengarahkan bawahannya memilih calon bupati petahana dalam apel pagi. Kasus ini sudah diteruskan ke KASN dan ia diberi hukuman disiplin sedang.",
            "news",
        ),
        (
            "Dalam sambutan pada acara wisuda sekolah yang disiarkan di kanal YouTube, seorang kepala dinas meminta orang tua murid mendukung calon tertentu karena dianggap berjasa membangun sekolah. Potongan videonya kemudian viral.",
            "news",
        ),
        (
            "Seorang camat mengumpulkan ketua RT, tokoh agama dan kader posyandu di aula kecamatan, lalu meminta mereka mengamankan suara untuk calon legislatif tertentu. Notulen rapat beredar di media sosial.",
            "news",
        ),
        (
            "Saya melaporkan kepala sekolah SMP negeri yang membagikan sembako berlogo salah satu pasangan calon kepada orang tua murid dan berpesan agar mereka tidak lupa memilih pasangan itu.",
            "formal",
        ),
        (
            "Seorang pejabat dinas sosial menghadiri pengajian ibu-ibu dan mengajak jamaah mencoblos calon wali kota tertentu. Rekaman ceramahnya diunggah panitia ke Facebook dan menjadi bahan laporan warga.",
            "news",
        ),
        (
            "pak sekcam ngumpulin staf kecamatan abis jam kerja, bilang semua harus cari 20 KTP pendukung buat paslon 1, yg gk dapet dipindah tugas. skrinsut grupnya ada",
            "whatsapp",
        ),
        (
            "Bawaslu menemukan seorang penyuluh agama PNS menggelar pertemuan dengan kelompok majelis taklim dan membagikan amplop berisi uang dengan pesan memilih calon legislatif tertentu. KASN merekomendasikan sanksi berat.",
            "news",
        ),
        (
            "Seorang kepala puskesmas meminta para tenaga kesehatan mengajak pasien memilih pasangan calon petahana saat pelayanan. Pengakuan dua perawat menjadi dasar rekomendasi Bawaslu ke BKN.",
            "news",
        ),
        (
            "Saat menyerahkan bantuan pangan, kepala dinas ketahanan pangan berpesan kepada para penerima bahwa bantuan hanya berlanjut bila calon bupati petahana menang. Pengawas kecamatan mencatat kejadian itu dalam laporan hasil pengawasan.",
            "news",
        ),
        (
            "Pada pertemuan kelompok tani yang difasilitasi dinas, seorang penyuluh PPPK membagikan kalender calon dan meminta petani mendukungnya di TPS. Bawaslu kecamatan sedang mengkaji laporan itu.",
            "formal",
        ),
        (
            "Penjabat bupati mengumpulkan para camat dan kepala desa di pendopo, lalu meminta mereka memastikan kemenangan salah satu pasangan calon presiden di wilayah masing-masing. Rekaman pertemuan itu bocor ke publik.",
            "news",
        ),
        (
            "Rektor sebuah kampus negeri mengarahkan dosen dan pegawai untuk memilih calon tertentu dalam rapat pimpinan. Beberapa dosen melaporkannya ke Bawaslu.",
            "news",
        ),
        (
            "Dalam siaran langsung pengajian yang ia isi, seorang penghulu PNS di KUA mengajak jamaah mencoblos calon legislatif tertentu dan menyebutkan nomor urutnya.",
            "news",
        ),
        (
            "Seorang dokter PNS membagikan obat gratis dan kartu nama calon bupati kepada warga dalam bakti sosial yang diadakan tim pemenangan.",
            "formal",
        ),
    ],
    "fasilitas_negara": [
        (
            "Bawaslu menyatakan seorang kepala bagian umum sekretariat daerah melanggar netralitas karena meminjamkan mobil dinas kepada tim pemenangan untuk mengangkut atribut kampanye. Rekomendasi sudah dikirim ke KASN.",
            "news",
        ),
        (
            "Aula kantor dinas dipakai untuk rapat tim kampanye calon bupati pada akhir pekan atas izin kepala dinas. Video rapat itu viral dan Bawaslu kabupaten menindaklanjutinya.",
            "news",
        ),
        (
            "Saya melaporkan kepala desa dan camat yang menggunakan anggaran program bantuan sosial dari APBD untuk membagikan paket bantuan bertuliskan nama salah satu calon gubernur.",
            "formal",
        ),
        (
            "mobil plat merah punya dinas pendidikan dipake buat bawa baliho caleg ke kampung2, sopirnya pns. ini fotonya min",
            "whatsapp",
        ),
        (
            "Seorang kepala UPT puskesmas terbukti menggunakan ruang pelayanan puskesmas untuk menyimpan dan membagikan kaos kampanye pasangan calon. KASN merekomendasikan hukuman disiplin kepada PPK.",
            "news",
        ),
        (
            "Akun resmi dinas komunikasi dan informatika kabupaten mengunggah video kegiatan calon petahana lengkap dengan ajakan memilih. Bawaslu menilai ini penggunaan fasilitas negara untuk kampanye dan memanggil kepala dinasnya.",
            "news",
        ),
        (
            "Dalam kajian Bawaslu terungkap bahwa seorang pejabat dinas PUPR memerintahkan stafnya memakai alat berat milik pemda untuk meratakan lahan lokasi kampanye akbar calon bupati.",
            "news",
        ),
        (
            "Sejumlah kendaraan operasional kecamatan terlihat mengangkut massa ke lokasi kampanye capres. Camat berdalih kendaraan itu sedang tidak dipakai, tetapi Bawaslu merekomendasikan kasus ini ke KASN.",
            "news",
        ),
        (
            "Penjabat wali kota memakai mobil dinasnya untuk menghadiri rapat tim sukses calon gubernur di luar kota. Bawaslu mencocokkan nomor polisi kendaraan dengan data aset pemkot.",
            "news",
        ),
        (
            "Siaran langsung di akun resmi sebuah rumah sakit daerah menayangkan kunjungan calon bupati yang disambut direktur dan dipromosikan sebagai calon pilihan. Akun itu dikelola bagian humas rumah sakit.",
            "news",
        ),
        (
            "Gedung rektorat universitas negeri dipakai untuk acara konsolidasi relawan salah satu capres tanpa biaya sewa atas izin wakil rektor.",
            "news",
        ),
    ],
    "parpol": [
        (
            "Bawaslu menemukan nama seorang guru PNS dalam Sipol sebagai pengurus partai tingkat kabupaten. Setelah klarifikasi, ia mengakui menjadi bendahara partai, dan kasusnya direkomendasikan ke KASN serta pejabat pembina kepegawaian.",
            "news",
        ),
        (
            "Seorang kepala dinas mengambil formulir pendaftaran bakal calon bupati di kantor DPC partai dan mengikuti uji kelayakan partai itu tanpa mengajukan cuti. KASN menyatakannya melanggar netralitas.",
            "news",
        ),
        (
            "Kami melaporkan seorang ASN dinas kesehatan yang menjadi anggota partai politik dan memiliki kartu tanda anggota partai. Foto kartunya beredar di grup warga.",
            "formal",
        ),
        (
            "Seorang sekretaris dinas yang ingin maju dalam pilkada memasang baliho bergambar dirinya bertuliskan 'siap mengabdi' dan bersafari ke tokoh masyarakat, padahal belum mundur maupun cuti. Bawaslu merekomendasikan sanksi.",
            "news",
        ),
        (
            "pak camat kita ternyata ikut rakercab partai, pake jaket partai, duduk di barisan pengurus. fotonya diupload akun partai sendiri",
            "whatsapp",
        ),
        (
            "Hasil verifikasi faktual menemukan dua PNS guru tercatat sebagai anggota partai peserta pemilu. Keduanya dipanggil Bawaslu dan kasusnya diteruskan ke BKN.",
            "news",
        ),
        (
            "Seorang pejabat eselon II mendaftar dalam penjaringan bakal calon wakil gubernur di sebuah partai dan hadir saat partai itu mengumumkan nama-nama yang lolos seleksi, tanpa cuti di luar tanggungan negara.",
            "formal",
        ),
        (
            "Seorang dosen PNS tercatat sebagai wakil ketua DPD partai di kabupaten dan ikut menandatangani surat rekomendasi partai. Bawaslu meneruskan temuannya ke KASN dan kementerian.",
            "news",
        ),
        (
            "Penjabat kepala daerah diketahui menghadiri rapat tertutup pengurus partai untuk membahas pencalonannya sebagai bakal calon bupati sebelum masa jabatannya berakhir dan tanpa mengundurkan diri.",
            "news",
        ),
    ],
    "pencalonan": [
        (
            "Bawaslu menemukan seorang guru PNS tercantum dalam daftar calon tetap anggota DPRD kabupaten, tetapi ia belum mengundurkan diri dan masih menerima gaji. Kasus ini direkomendasikan ke KPU dan KASN.",
            "news",
        ),
        (
            "Seorang camat mendaftarkan diri sebagai calon anggota DPD ke KPU provinsi tanpa melampirkan surat pengunduran diri sebagai PNS. Bawaslu menyatakan ia melanggar ketentuan netralitas dan syarat pencalonan.",
            "news",
        ),
        (
            "Saya melaporkan seorang dokter PPPK di RSUD yang sudah ditetapkan sebagai calon legislatif nomor urut 2 dari sebuah partai namun masih aktif bertugas dan belum berhenti sebagai pegawai.",
            "formal",
        ),
        (
            "Seorang kepala badan mendaftar sebagai calon wakil bupati bersama pasangannya ke KPU, sedangkan keputusan pemberhentiannya sebagai ASN belum terbit. KASN meminta PPK segera menindaklanjuti.",
            "news",
        ),
        (
            "guru pns di sini namanya ada di DCS caleg dprd provinsi, tapi katanya blm resign. masih ngajar tiap hari min",
            "whatsapp",
        ),
        (
            "Dalam sengketa pencalonan terungkap bahwa seorang bakal calon bupati masih berstatus ASN aktif saat berkas pendaftarannya diserahkan ke KPU. Bawaslu meneruskan temuan pelanggaran netralitasnya ke KASN.",
            "news",
        ),
        (
            "Seorang kepala sekolah negeri resmi menjadi calon kepala desa sekaligus calon anggota DPRD tanpa mundur dari jabatan ASN-nya. Dinas pendidikan mengaku baru mengetahui setelah laporan Bawaslu.",
            "news",
        ),
        (
            "Seorang dosen PNS ditetapkan sebagai calon anggota DPR RI nomor urut 3 tanpa surat pemberhentian dari kementerian. Bawaslu menyatakan pencalonannya tidak memenuhi syarat dan melanggar netralitas.",
            "news",
        ),
        (
            "Penjabat bupati mendaftar sebagai calon bupati di daerah yang sama tanpa mengundurkan diri lebih dulu sebagai ASN. Bawaslu memberi rekomendasi kepada KPU dan Mendagri.",
            "news",
        ),
    ],
    "keputusan_menguntungkan": [
        (
            "Bawaslu menyatakan seorang bupati petahana melanggar Pasal 71 karena melantik pejabat pengganti sejumlah camat dalam enam bulan sebelum penetapan pasangan calon tanpa persetujuan tertulis Mendagri. Rekomendasi sudah diteruskan ke Mendagri.",
            "news",
        ),
        (
            "Seorang kepala dinas sosial menerbitkan keputusan penambahan penerima bantuan yang seluruhnya berasal dari desa basis salah satu pasangan calon menjelang pemungutan suara. Kajian Bawaslu menilai keputusan itu menguntungkan pasangan tersebut.",
            "news",
        ),
        (
            "Kami melaporkan kepala dinas pendidikan yang memutasi sejumlah kepala sekolah yang diketahui tidak mendukung calon petahana ke daerah terpencil pada masa kampanye.",
            "formal",
        ),
        (
            "Seorang camat menolak memberikan izin keramaian untuk kampanye pasangan calon lawan, sementara izin untuk pasangan petahana diberikan dalam sehari. Bawaslu merekomendasikan kasusnya ke KASN.",
            "news",
        ),
        (
            "kepala dinas perizinan tiba2 nahan izin usaha warga yg pasang baliho paslon lawan, yg dukung paslon petahana lancar semua. udh dilaporin ke bawaslu",
            "whatsapp",
        ),
        (
            "Seorang kepala desa dan sekretaris camat mempercepat pencairan dana hibah kepada kelompok pendukung salah satu calon bupati. Bawaslu menemukan surat keputusan pencairan ditandatangani sekretaris camat yang berstatus PNS.",
            "news",
        ),
        (
            "KASN menyatakan seorang kepala badan kepegawaian daerah melanggar netralitas karena menyusun rotasi pejabat yang menguntungkan tim pemenangan calon petahana. Rekomendasi sanksi dikirim ke PPK.",
            "news",
        ),
        (
            "Rektor universitas negeri menerbitkan surat edaran yang mewajibkan mahasiswa penerima beasiswa menghadiri acara salah satu calon presiden. Bawaslu menilai keputusan itu menguntungkan calon tersebut.",
            "news",
        ),
        (
            "Direktur RSUD menerbitkan keputusan pembebasan biaya berobat khusus bagi warga yang membawa kartu relawan salah satu pasangan calon.",
            "news",
        ),
    ],
    "bukan_pelanggaran": [
        (
            "Setelah klarifikasi, Bawaslu Kabupaten Sidrap menghentikan laporan terhadap seorang camat karena fotonya bersama calon bupati diambil saat acara resmi peresmian jembatan yang dihadiri semua pejabat daerah, tanpa gestur dukungan.",
            "news",
        ),
        (
            "Akun Instagram yang mengunggah ajakan memilih salah satu capres ternyata akun palsu yang memakai foto seorang guru PNS. Hasil penelusuran Bawaslu menyatakan akun itu bukan milik guru tersebut, sehingga laporan tidak ditindaklanjuti.",
            "news",
        ),
        (
            "Laporan terhadap pria berseragam batik yang ikut kampanye dihentikan karena ia ternyata anggota tim kampanye dan pengusaha, bukan aparatur sipil negara.",
            "news",
        ),
        (
            "Bawaslu menyatakan tidak terbukti ada pelanggaran netralitas oleh seorang kepala dinas karena ia menghadiri debat kandidat atas undangan resmi KPU dan tidak menunjukkan dukungan apa pun.",
            "news",
        ),
        (
            "Akun Facebook seorang lurah diretas dan dipakai mengunggah materi kampanye. Lurah itu sudah melapor ke polisi sebelum unggahan dilaporkan, dan Bawaslu menyatakan laporan tidak memenuhi unsur pelanggaran.",
            "news",
        ),
        (
            "Kasus dugaan keberpihakan seorang kepala desa di acara kampanye tidak diteruskan ke KASN karena kepala desa bukan ASN; Bawaslu menanganinya dengan ketentuan undang-undang desa.",
            "news",
        ),
        (
            "Seorang ASN yang fotonya beredar di lokasi kampanye ternyata sedang bertugas sebagai petugas pengamanan dari Satpol PP sesuai surat tugas. Bawaslu menyatakan tidak ada pelanggaran.",
            "news",
        ),
        (
            "min mau nanya aja, tetangga saya pns, istrinya jadi caleg dan suaminya cuma nganter ke kantor kpu, gk ikut kampanye. itu termasuk pelanggaran gk ya?",
            "whatsapp",
        ),
        (
            "Unggahan dukungan kepada pasangan calon yang dilaporkan warga ternyata dibuat tahun 2018, sebelum pemilik akun diangkat sebagai PPPK. Bawaslu menghentikan penanganan laporan itu.",
            "news",
        ),
        (
            "Guru PNS yang dilaporkan berfoto dengan caleg ternyata berfoto dalam kegiatan lomba sekolah yang juga dihadiri anggota DPRD sebagai juri, tanpa atribut kampanye atau gestur. Laporan dinyatakan tidak memenuhi unsur.",
            "news",
        ),
        (
            "Pegawai BUMD yang ikut deklarasi dukungan calon wali kota dilaporkan sebagai ASN. Setelah dicek, ia bukan PNS maupun PPPK sehingga Bawaslu tidak meneruskannya ke KASN.",
            "news",
        ),
        (
            "Seorang kepala dinas mengajukan cuti di luar tanggungan negara dan mengundurkan diri sebelum mendaftar sebagai calon bupati. Bawaslu menilai langkahnya sesuai aturan dan tidak ada pelanggaran netralitas.",
            "news",
        ),
        (
            "Seorang anggota Polri yang terekam ikut berfoto dengan gestur dukungan dilaporkan sebagai ASN. Bawaslu menyatakan ia bukan ASN dan meneruskan laporan ke Propam sesuai aturan kepolisian.",
            "news",
        ),
        (
            "Prajurit TNI yang fotonya di lokasi kampanye dilaporkan warga ternyata bertugas mengamankan jalannya kampanye. Bawaslu menyatakan laporan ini bukan pelanggaran netralitas ASN.",
            "news",
        ),
        (
            "Siaran langsung acara KPU tentang simulasi pemungutan suara menampilkan beberapa guru PNS sebagai anggota KPPS. Laporan warga tentang keterlibatan mereka dinyatakan tidak memenuhi unsur karena mereka petugas resmi.",
            "news",
        ),
        (
            "Penjabat bupati menghadiri penetapan pasangan calon oleh KPU sebagai undangan resmi dan memberi sambutan tentang pemilu damai tanpa menyebut calon mana pun. Bawaslu menyatakan tidak ada pelanggaran.",
            "news",
        ),
        (
            "Dosen PNS yang dilaporkan karena menjadi panelis debat calon kepala daerah ternyata ditunjuk resmi oleh KPU. Bawaslu menghentikan laporan itu.",
            "news",
        ),
    ],
}
