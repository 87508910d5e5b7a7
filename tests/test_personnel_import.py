"""Register import from CSV and XLSX files built in the test."""

from __future__ import annotations

import csv
import datetime as dt
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from netral.personnel.importer import ImportFileError, import_register
from netral.personnel.models import Employee

pytestmark = pytest.mark.django_db

HEADER = [
    "nip", "nik", "name", "employment", "position_class", "position_title", "agency", "region", "gender",
    "birth_date",
]  # fmt: skip


def row(
    nip: str,
    *,
    nik: str = "",
    name: str = "Budi",
    employment: str = "pns",
    position_class: str = "pelaksana",
    title: str = "",
    agency: str = "pemkab-34.04",
    region: str = "",
    gender: str = "",
    birth_date: str = "",
) -> list[str]:
    return [nip, nik, name, employment, position_class, title, agency, region, gender, birth_date]


GOOD = [
    # a regency official, every column given
    row("198609262015051001", nik="3404012609860001", name="Drs. H. Ahmad Fauzi, M.Si.", employment="pns",
        position_class="administrator", title="Kepala Bidang Pemerintahan", agency="pemkab-34.04",
        region="34.04", gender="L", birth_date="1986-09-26"),
    # PPPK teacher: agency by name; region, employment and gender from the agency and the NIP
    row("19900101 202221 2 001", nik="3471014101900001", name="Siti Aminah, S.Pd.", employment="",
        position_class="fungsional", title="Guru Ahli Pertama", agency="Pemerintah Kota Yogyakarta"),
    # a central agency's employee in a regency, region code without the dot, other spellings
    row("197501152000031002", name="Moh. Soedjono", employment="PNS", position_class="Pelaksana",
        agency="pusat-kemenag", region="3404", gender="l", birth_date="15/01/1975"),
]  # fmt: skip
BAD = [
    (row("198609262015051000"), "NIP: Nomor urut"),
    (row("198001012005011001", nik="3404010202800001"), "Tanggal lahir dalam NIK tidak sesuai dengan NIP"),
    (row("198001012005011002", agency="pemkab-99.99"), "Instansi pemkab-99.99 tidak dikenal"),
    (row("198001012005011003", agency="pusat-bkn", region="99.99"), "Kode wilayah 99.99 tidak dikenal"),
    (row("198001012005011004", region="33.74"), "Wilayah 33.74 berada di luar wilayah instansi 34.04"),
    (row("198001012005011005", position_class="staf"), "Jenis jabatan staf tidak dikenal"),
    (row("198001012005011006", employment="pppk"), "Status kepegawaian pppk tidak sesuai dengan NIP (pns)"),
    (row("198001012005011007", birth_date="1980-01-02"),
     "Tanggal lahir 1980-01-02 tidak sesuai dengan NIP (1980-01-01)"),
    (row("198001012005011008", gender="P"), "Jenis kelamin tidak sesuai dengan NIP"),
    (row("198001012005011009", name=""), "Nama kosong"),
    (row("198001012005011010", agency="pusat-bkn"),
     "Wilayah wajib diisi untuk instansi yang tidak memiliki wilayah"),
    (row("198001012005011011", nik="3404000101800001"), "NIK: Digit 5-6"),
    (row("198001012005011012", employment="honorer"), "Status kepegawaian honorer tidak dikenal"),
]  # fmt: skip


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER, delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def read_errors(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_good_rows_load_and_bad_rows_are_reported(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "register.csv", GOOD + [row for row, _reason in BAD])
    summary = import_register(source, errors_path=tmp_path / "errors.csv", progress=False)
    assert (summary.created, summary.updated, summary.unchanged, summary.rejected) == (3, 0, 0, len(BAD))

    ahmad = Employee.objects.select_related("agency", "region").get(nip="198609262015051001")
    assert (ahmad.name, ahmad.name_normalized, ahmad.nik) == (
        "Drs. H. Ahmad Fauzi, M.Si.",
        "ahmad fauzi",
        GOOD[0][1],
    )
    assert (ahmad.agency.code, ahmad.region.code, ahmad.gender, ahmad.birth_date) == (
        "pemkab-34.04", "34.04", "L", dt.date(1986, 9, 26),
    )  # fmt: skip
    siti = Employee.objects.select_related("agency").get(nip="199001012022212001")
    assert (siti.employment, siti.agency.code, siti.region_id, siti.gender) == (
        "pppk",
        "pemkot-34.71",
        "34.71",
        "P",
    )
    assert siti.birth_date == dt.date(1990, 1, 1)
    soedjono = Employee.objects.get(nip="197501152000031002")
    assert (soedjono.region_id, soedjono.position_class, soedjono.name_normalized) == (
        "34.04", "pelaksana", "muhammad sujono",
    )  # fmt: skip

    errors = read_errors(tmp_path / "errors.csv")
    assert [e["row"] for e in errors] == [str(n) for n in range(5, 5 + len(BAD))]  # header is row 1
    assert [e["nip"] for e in errors] == [row[0] for row, _reason in BAD]
    for error, (_row, reason) in zip(errors, BAD, strict=True):
        assert reason in error["reason"]


def test_a_bad_nip_gives_only_its_own_reasons(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "r.csv", [row("12345", employment="")])
    summary = import_register(source, progress=False)
    assert summary.first_errors == [(2, "12345", "NIP: NIP terdiri atas 18 digit; yang diberikan 5 digit.")]


def test_reimport_updates_and_never_duplicates(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "register.csv", GOOD)
    import_register(source, progress=False)
    again = import_register(source, progress=False)
    assert (again.created, again.updated, again.unchanged, again.rejected) == (0, 0, 3, 0)

    stamps = dict(Employee.objects.values_list("nip", "updated_at"))
    changed = [list(row) for row in GOOD]
    changed[0][5] = "Sekretaris Dinas Pendidikan"
    summary = import_register(write_csv(tmp_path / "changed.csv", changed), progress=False)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 2)
    updated = Employee.objects.get(nip="198609262015051001")
    assert updated.position_title == "Sekretaris Dinas Pendidikan"
    # The update time moves for the updated row only (register matching rebuilds its index on it).
    assert updated.updated_at > stamps[updated.nip]
    unchanged = Employee.objects.exclude(nip=updated.nip).filter(nip__in=stamps)
    assert all(row.updated_at == stamps[row.nip] for row in unchanged)
    assert Employee.objects.filter(nip__in=["198609262015051001", "199001012022212001"]).count() == 2


def test_dry_run_saves_nothing(tmp_path: Path) -> None:
    before = Employee.objects.count()
    summary = import_register(write_csv(tmp_path / "register.csv", GOOD), dry_run=True, progress=False)
    assert (summary.created, summary.dry_run) == (3, True)
    assert Employee.objects.count() == before


def test_semicolons_and_indonesian_headers(tmp_path: Path) -> None:
    header = ["NIP", "Nama", "Kelas Jabatan", "Instansi", "Kode Wilayah"]
    rows = [
        ["198609262015051001", "Ahmad Fauzi", "fungsional", "pemkab-34.04", "34.04"],
        ["199001012022212001", "Siti Aminah, S.Pd., M.Pd.", "fungsional", "pemkot-34.71", "34.71"],
    ]
    source = write_csv(tmp_path / "r.csv", rows, header, delimiter=";")
    assert "Aminah, S.Pd., M.Pd.;" in source.read_text()  # commas inside a field, unquoted
    summary = import_register(source, progress=False)
    assert (summary.created, summary.rejected) == (2, 0)
    assert Employee.objects.get(nip="199001012022212001").name == "Siti Aminah, S.Pd., M.Pd."


def test_xlsx_streaming_with_typed_cells(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(
        [*row("198609262015051001", agency="pemkab-34.04", region="34.04")[:9], dt.datetime(1986, 9, 26)]
    )
    sheet.append(["199001012022212001", None, "Siti Aminah", None, "fungsional", None, "pemkot-34.71"])
    # a NIP typed as a number: a spreadsheet keeps only about 15 significant digits
    sheet.append([198001012005011001, *row("")[1:]])
    book.save(tmp_path / "register.xlsx")

    summary = import_register(tmp_path / "register.xlsx", errors_path=tmp_path / "e.csv", progress=False)
    assert (summary.created, summary.rejected) == (2, 1)
    assert Employee.objects.get(nip="199001012022212001").employment == "pppk"
    [error] = read_errors(tmp_path / "e.csv")
    assert error["row"] == "4" and "tersimpan sebagai angka" in error["reason"]


def test_whole_file_problems(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="Kolom wajib tidak ada: agency"):
        import_register(write_csv(tmp_path / "r.csv", [], ["nip", "name", "position_class"]), progress=False)
    (tmp_path / "r.txt").write_text("nip\n")
    with pytest.raises(ImportFileError, match=r"Hanya berkas \.csv dan \.xlsx"):
        import_register(tmp_path / "r.txt", progress=False)
    (tmp_path / "fake.xlsx").write_text("not a workbook")
    with pytest.raises(ImportFileError, match="bukan berkas XLSX"):
        import_register(tmp_path / "fake.xlsx", progress=False)
    with pytest.raises(ImportFileError, match="Berkas tidak ditemukan"):
        import_register(tmp_path / "missing.csv", progress=False)


def run_command(*args: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("register", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_command(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "register.csv", [*GOOD, BAD[0][0]])
    code, out, err = run_command("import", str(source), "--no-progress")
    assert code == 0
    assert out.strip() == "3 dibuat, 0 diperbarui, 0 tidak berubah, 1 ditolak."
    assert "baris 5, NIP 198609262015051000" in err

    code, out, _err = run_command(
        "import", str(source), "--errors", str(tmp_path / "e.csv"), "--dry-run", "--no-progress"
    )
    assert code == 0 and "Uji coba" in out and "0 dibuat, 0 diperbarui, 3 tidak berubah, 1 ditolak." in out
    assert len(read_errors(tmp_path / "e.csv")) == 1

    code, out, err = run_command("import", str(tmp_path / "nothing.csv"))
    assert code == 1 and out == "" and "Berkas tidak ditemukan" in err
