"""Bulk import of reports (netral intake import): files built here with csv and openpyxl."""

from __future__ import annotations

import csv
import datetime as dt
import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from netral.audit.models import AuditEntry
from netral.intake.bulk_import import ImportFileError, import_reports
from netral.intake.bulk_rows import RowParser, parse_moment
from netral.intake.crypto import decrypt_identity
from netral.intake.models import Report, ReportedPerson

pytestmark = pytest.mark.django_db

UTC = dt.UTC
SIGAPLAPOR_HEADER = [
    "Nomor Laporan", "Tanggal Laporan", "Nama Pelapor", "NIK Pelapor", "No. HP Pelapor", "Nama Terlapor",
    "Jabatan Terlapor", "NIP Terlapor", "Uraian Kejadian", "Kode Wilayah", "Tempat Kejadian",
    "Tanggal Kejadian", "Tanggal Diketahui", "Pemilihan", "Tautan Bukti",
]  # fmt: skip
NIK = "3404014509860001"
PHONE = "0812-3456-7890"
GOOD = [
    ["LP-001/XI/2024", "2024-11-10 09:30", "Siti Rahmawati", NIK, PHONE, "Bambang Sutrisno", "Camat Depok",
     "198609262015051001", "Camat memasang spanduk pasangan calon.", "34.04", "Kantor Kecamatan Depok",
     "2024-11-08", "2024-11-09", "pilkada-2024", "https://instagram.com/p/abc"],
    # anonymous (no reporter), region by name, Indonesian dates, two reported persons
    ["LP-002/XI/2024", "10/11/2024", "", "", "", "Lurah Caturtunggal; Sekretaris Lurah", "", "",
     "Lurah mengarahkan warga memilih calon tertentu.", "Kab. Sleman", "Balai Kelurahan",
     "8 November 2024", "9 Nopember 2024", "pilkada-2024", ""],
]  # fmt: skip
BAD = [
    # a date that does not exist
    ["LP-003/XI/2024", "2024-11-10", "", "", "", "Guru SMP", "", "", "Guru berkampanye.", "34.04", "",
     "32/11/2024", "2024-11-09", "pilkada-2024", ""],
    # a region code that does not exist and a NIP with 17 digits
    ["LP-004/XI/2024", "2024-11-10", "", "", "", "Kepala Dinas", "", "19860926201505100",
     "Kadis berkampanye.", "99.99", "", "", "2024-11-09", "pilkada-2024", ""],
    # a bad NIK and phone: the error report must not repeat them
    ["LP-005/XI/2024", "2024-11-10", "Budi Santoso", "3404999999999999", "12", "Camat", "", "",
     "Camat berkampanye.", "34.04", "", "", "2024-11-09", "pilkada-2024", ""],
]  # fmt: skip


def write_csv(
    path: Path, rows: list[list[Any]], header: list[str] = SIGAPLAPOR_HEADER, sep: str = ","
) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=sep)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[Any]], header: list[str] = SIGAPLAPOR_HEADER) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def read_errors(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def run_command(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("intake", *args, "--no-progress", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_csv_import_files_good_rows_through_submit_report(tmp_path: Path) -> None:
    summary = import_reports(write_csv(tmp_path / "in.csv", GOOD), source="sigaplapor", progress=False)
    assert (summary.created, summary.present, summary.rejected) == (2, 0, 0)

    first = Report.objects.get(idempotency_key="import:sigaplapor:LP-001/XI/2024")
    assert first.channel == "sigaplapor"
    assert first.region_id == "34.04"
    assert first.election.code == "pilkada-2024"
    assert first.known_on == dt.date(2024, 11, 9)
    assert first.occurred_on == dt.date(2024, 11, 8)
    # 09:30 WIB (Sleman) is 02:30 UTC
    assert first.created_at == dt.datetime(2024, 11, 10, 2, 30, tzinfo=UTC)
    assert first.evidence_urls == ["https://instagram.com/p/abc"]
    assert not first.anonymous
    assert decrypt_identity(first.reporter_identity_token).nik == NIK
    person = ReportedPerson.objects.get(report=first)
    assert (person.name, person.position, person.nip) == (
        "Bambang Sutrisno",
        "Camat Depok",
        "198609262015051001",
    )
    assert AuditEntry.objects.filter(action="intake.report_received", object_id=str(first.pk)).exists()

    second = Report.objects.get(idempotency_key="import:sigaplapor:LP-002/XI/2024")
    assert second.anonymous and second.reporter_identity_token == ""
    assert second.region_id == "34.04"  # "Kab. Sleman"
    assert (second.known_on, second.occurred_on) == (dt.date(2024, 11, 9), dt.date(2024, 11, 8))
    # a date alone means noon in the region's zone: 12:00 WIB = 05:00 UTC
    assert second.created_at == dt.datetime(2024, 11, 10, 5, 0, tzinfo=UTC)
    names = list(ReportedPerson.objects.filter(report=second).values_list("name", flat=True))
    assert names == ["Lurah Caturtunggal", "Sekretaris Lurah"]


def test_reimporting_the_same_file_creates_nothing(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", GOOD + BAD)
    first = import_reports(path, source="sigaplapor", progress=False)
    before = (Report.objects.count(), AuditEntry.objects.count())
    again = import_reports(path, source="sigaplapor", progress=False)
    assert (first.created, first.present, first.rejected) == (2, 0, 3)
    assert (again.created, again.present, again.rejected) == (0, 2, 3)
    assert (Report.objects.count(), AuditEntry.objects.count()) == before


def test_bad_rows_go_to_the_error_report_without_personal_data(tmp_path: Path) -> None:
    errors = tmp_path / "errors.csv"
    summary = import_reports(
        write_csv(tmp_path / "in.csv", GOOD + BAD), source="sigaplapor", errors_path=errors, progress=False
    )
    assert (summary.created, summary.rejected) == (2, 3)
    rows = read_errors(errors)
    assert [(r["row"], r["source_id"]) for r in rows] == [
        ("4", "LP-003/XI/2024"), ("5", "LP-004/XI/2024"), ("6", "LP-005/XI/2024"),
    ]  # fmt: skip
    assert rows[0]["reason"] == "Tanggal Kejadian: Bukan tanggal (gunakan TTTT-BB-HH atau HH/BB/TTTT)."
    assert "Kode Wilayah: Kode wilayah tidak dikenal." in rows[1]["reason"]
    assert "NIP Terlapor: NIP terdiri atas 18 digit" in rows[1]["reason"]
    assert "NIK Pelapor: " in rows[2]["reason"] and "No. HP Pelapor: " in rows[2]["reason"]
    text = errors.read_text(encoding="utf-8")
    for personal in ("3404999999999999", "Budi Santoso", NIK, "Siti"):
        assert personal not in text
    assert Report.objects.count() == 2


def test_xlsx_with_date_cells_and_a_numeric_nik(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["X-1", dt.datetime(2024, 11, 10, 9, 30), "Siti Rahmawati", NIK, PHONE, "Bambang", "Camat", "",
         "Camat memasang spanduk.", "3404", "", dt.datetime(2024, 11, 8), dt.datetime(2024, 11, 9),
         "pilkada-2024", ""],
        # the NIK typed as a number: Excel keeps 15 significant digits, so it is refused
        ["X-2", dt.datetime(2024, 11, 10, 9, 30), "Siti Rahmawati", int(NIK), 81234567890, "Bambang", "Camat",
         "", "Camat memasang spanduk.", "34.04", "", None, dt.datetime(2024, 11, 9), "pilkada-2024", ""],
    ]  # fmt: skip
    errors = tmp_path / "errors.csv"
    summary = import_reports(
        write_xlsx(tmp_path / "in.xlsx", rows), source="sigaplapor", errors_path=errors, progress=False
    )
    assert (summary.created, summary.rejected) == (1, 1)
    report = Report.objects.get(idempotency_key="import:sigaplapor:X-1")
    assert report.region_id == "34.04"
    assert report.created_at == dt.datetime(2024, 11, 10, 2, 30, tzinfo=UTC)
    assert read_errors(errors)[0]["reason"] == (
        "NIK Pelapor: Tersimpan sebagai angka sehingga digitnya bisa hilang; simpan kolom ini sebagai teks."
    )


def test_dry_run_checks_everything_and_stores_nothing(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", [*GOOD, GOOD[0], *BAD])
    before = (Report.objects.count(), ReportedPerson.objects.count(), AuditEntry.objects.count())
    summary = import_reports(path, source="sigaplapor", dry_run=True, progress=False)
    assert (summary.created, summary.present, summary.rejected) == (2, 1, 3)
    assert summary.dry_run
    assert (Report.objects.count(), ReportedPerson.objects.count(), AuditEntry.objects.count()) == before
    # after the real import, a dry run finds every good row already present
    import_reports(path, source="sigaplapor", progress=False)
    again = import_reports(path, source="sigaplapor", dry_run=True, progress=False)
    assert (again.created, again.present, again.rejected) == (0, 3, 3)


def test_same_id_with_other_content_is_refused_and_the_first_kept(tmp_path: Path) -> None:
    import_reports(write_csv(tmp_path / "a.csv", GOOD[:1]), source="sigaplapor", progress=False)
    changed = [[*GOOD[0][:8], "Isi yang lain.", *GOOD[0][9:]]]
    errors = tmp_path / "errors.csv"
    summary = import_reports(
        write_csv(tmp_path / "b.csv", changed), source="sigaplapor", errors_path=errors, progress=False
    )
    assert (summary.created, summary.rejected) == (0, 1)
    assert "sudah diimpor dengan isi yang berbeda" in read_errors(errors)[0]["reason"]
    assert Report.objects.get(idempotency_key="import:sigaplapor:LP-001/XI/2024").description.startswith(
        "Camat"
    )


def test_custom_mapping_overrides_the_builtin_one(tmp_path: Path) -> None:
    header = ["No", "Isi", "Kab/Kota", "Tgl Tahu", "Terlapor", "Jabatan", "Anonim"]
    rows = [
        [
            "1",
            "Kepala desa membagikan sembako dari calon.",
            "34.71",
            "2024-11-09",
            "Agus",
            "Kepala Seksi",
            "ya",
        ],
        ["2", "Guru memakai atribut calon.", "34.71", "2024-11-09", "", "Guru SD", "tidak"],
    ]
    mapping = tmp_path / "map.json"
    mapping.write_text(
        json.dumps({"source_id": "No", "description": "Isi", "region_code": "kab/kota",
                    "known_on": "Tgl Tahu", "reported_name": "Terlapor", "reported_position": ["Jabatan"],
                    "received_at": None})
    )  # fmt: skip
    errors = tmp_path / "errors.csv"
    summary = import_reports(
        write_csv(tmp_path / "in.csv", rows, header, sep=";"),
        source="spreadsheet",
        mapping_path=mapping,
        election="pilkada-2024",
        errors_path=errors,
        progress=False,
    )
    assert (summary.created, summary.rejected) == (1, 1)
    report = Report.objects.get(idempotency_key="import:spreadsheet:1")
    assert (report.channel, report.region_id, report.election.code) == (
        "spreadsheet",
        "34.71",
        "pilkada-2024",
    )
    assert report.anonymous
    # "tidak" anonymous without a name: the reporter's name is required
    assert read_errors(errors)[0]["reason"] == "reporter_name: Kolom ini wajib diisi."


def test_rows_without_an_id_are_keyed_by_their_content(tmp_path: Path) -> None:
    header = ["Uraian", "Kode Wilayah", "Tanggal Diketahui", "Jabatan Terlapor"]
    row = ["Camat hadir di kampanye.", "34.04", "2024-11-09", "Camat"]
    path = write_csv(tmp_path / "in.csv", [row, row, [*row[:3], "Lurah"]], header)
    first = import_reports(path, source="spreadsheet", election="pilkada-2024", progress=False)
    again = import_reports(path, source="spreadsheet", election="pilkada-2024", progress=False)
    assert (first.created, first.present) == (2, 1)
    assert (again.created, again.present) == (0, 3)
    keys = [r.idempotency_key or "" for r in Report.objects.filter(channel="spreadsheet")]
    assert len(keys) == 2 and all(k.startswith("import:spreadsheet:row:") for k in keys)
    assert not any("Camat" in k for k in keys)


@pytest.mark.parametrize(
    ("mapping", "header", "message"),
    [
        ({"nonsense": "X"}, SIGAPLAPOR_HEADER, "Isian tidak dikenal dalam pemetaan map.json: nonsense."),
        ({"description": "Tidak Ada"}, SIGAPLAPOR_HEADER,
         'Kolom yang disebut dalam pemetaan tidak ada dalam berkas: description ("Tidak Ada").'),
        ({}, [h for h in SIGAPLAPOR_HEADER if h != "Uraian Kejadian"],
         'Kolom wajib tidak ada: description ("Uraian Kejadian"). Sesuaikan pemetaan dengan --mapping.'),
        ({"election": None}, SIGAPLAPOR_HEADER, "Kolom wajib tidak ada: election atau --election."),
    ],
)  # fmt: skip
def test_mapping_and_column_errors_stop_before_any_row(
    tmp_path: Path, mapping: dict[str, Any], header: list[str], message: str
) -> None:
    (tmp_path / "map.json").write_text(json.dumps(mapping))
    path = write_csv(tmp_path / "in.csv", [GOOD[0][: len(header)]], header)
    with pytest.raises(ImportFileError) as caught:
        import_reports(path, source="sigaplapor", mapping_path=tmp_path / "map.json", progress=False)
    assert message in str(caught.value)
    assert not Report.objects.exists()


def test_file_errors(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("Uraian Kejadian\nCamat di pasar Kota Gedé\n".encode("latin-1"))
    with pytest.raises(ImportFileError, match='bukan teks UTF-8: simpan ulang sebagai "CSV UTF-8"'):
        import_reports(latin1, source="sigaplapor", progress=False)
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ImportFileError, match=r"Hanya berkas .csv dan .xlsx"):
        import_reports(tmp_path / "old.xls", source="sigaplapor", progress=False)
    with pytest.raises(ImportFileError, match="Pemilihan pemilu-1999 tidak dikenal"):
        import_reports(write_csv(tmp_path / "a.csv", GOOD), source="sigaplapor", election="pemilu-1999")


def test_command_summary_and_exit_codes(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", GOOD + BAD[:1])
    out, err = run_command("import", str(path), "--source", "sigaplapor", "--dry-run")
    assert out.splitlines() == ["Uji coba: tidak ada yang disimpan.", "2 dibuat, 0 sudah ada, 1 ditolak."]
    assert "baris 4 (ID LP-003/XI/2024): Tanggal Kejadian: Bukan tanggal" in err
    out, _err = run_command("import", str(path), "--source", "sigaplapor")
    assert out.strip() == "2 dibuat, 0 sudah ada, 1 ditolak."
    out, _err = run_command("import", str(path), "--source", "sigaplapor")
    assert out.strip() == "0 dibuat, 2 sudah ada, 1 ditolak."

    with pytest.raises(SystemExit) as exited:
        run_command("import", str(tmp_path / "missing.csv"), "--source", "sbt")
    assert exited.value.code == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-04-05", (dt.date(2024, 4, 5), None)),
        ("05/04/2024", (dt.date(2024, 4, 5), None)),
        ("5-4-2024 14.30", (dt.date(2024, 4, 5), dt.time(14, 30))),
        ("5 April 2024", (dt.date(2024, 4, 5), None)),
        ("17 Agustus 2024, 08:15:30", (dt.date(2024, 8, 17), dt.time(8, 15, 30))),
        ("1 Des. 2024", (dt.date(2024, 12, 1), None)),
        ("31/04/2024", None),
        ("05/04/24", None),
        ("kemarin", None),
    ],
)
def test_dates_in_cells(text: str, expected: tuple[dt.date, dt.time | None] | None) -> None:
    assert parse_moment(text) == expected


@pytest.mark.parametrize(
    ("cell", "code"),
    [("34.04", "34.04"), ("3404", "34.04"), ("34", "34"), ("Kabupaten Sleman", "34.04"),
     ("kab. sleman", "34.04"), ("KOTA  YOGYAKARTA", "34.71"), ("Provinsi Daerah Istimewa Yogyakarta", "34"),
     ("Sleman", "")],
)  # fmt: skip
def test_region_cells(cell: str, code: str) -> None:
    parser = RowParser({"region_code": 0})
    parsed, errors = parser.parse([cell])
    if code:
        assert parsed is not None and parsed.data.region_code == code
    else:
        assert errors == [
            ("region_code", "Wilayah tidak dikenal: isi kode Kemendagri (mis. 34.04) atau nama persisnya.")
        ]


def test_command_prints_a_builtin_mapping() -> None:
    out, _err = run_command_plain("mapping", "sp4n-lapor")
    mapping = json.loads(out)
    assert mapping["source_id"][0] == "Tracking ID"
    assert {"description", "region_code", "known_on", "election"} <= set(mapping)


def run_command_plain(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("intake", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()
