"""The violation catalogue: exact groups and items from docs/catalogue.md, loading, timing rule, command."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from netral.catalogue import services
from netral.catalogue.models import CatalogueItem, CatalogueVersion, ViolationGroup
from netral.elections.services import get_election, is_determined

pytestmark = pytest.mark.django_db

GROUPS = [
    "media_sosial",
    "alat_peraga",
    "deklarasi_kampanye",
    "foto_gestur",
    "kegiatan_keberpihakan",
    "fasilitas_negara",
    "parpol",
    "pencalonan",
    "keputusan_menguntungkan",
    "bukan_pelanggaran",
]

B, A, ANY = "before_determination", "after_determination", "any"
# Written out by hand from the items table of the catalogue (docs/catalogue.md):
# code: (group, class, sanction level, applies, param)
ITEMS = {
    "E1": ("alat_peraga", "ethics", "moral", B, False),
    "E2": ("media_sosial", "ethics", "moral", B, False),
    "E3": ("deklarasi_kampanye", "ethics", "moral", B, False),
    "E4": ("media_sosial", "ethics", "moral", B, False),
    "E5": ("foto_gestur", "ethics", "moral", B, False),
    "E6": ("deklarasi_kampanye", "ethics", "moral", B, False),
    "E7": ("deklarasi_kampanye", "ethics", "moral", B, False),
    "D1": ("alat_peraga", "discipline", "berat", A, False),
    "D2": ("media_sosial", "discipline", "berat", A, False),
    "D3": ("parpol", "discipline", "sedang", ANY, False),
    "D4": ("deklarasi_kampanye", "discipline", "berat", A, False),
    "D5": ("parpol", "discipline", "dismissal", ANY, False),
    "D6": ("media_sosial", "discipline", "berat", A, False),
    "D7": ("foto_gestur", "discipline", "berat", A, False),
    "D8": ("kegiatan_keberpihakan", "discipline", "berat", ANY, False),
    "D9": ("deklarasi_kampanye", "discipline", "sedang", B, False),
    "D10": ("deklarasi_kampanye", "discipline", "berat", A, False),
    "D11": ("kegiatan_keberpihakan", "discipline", "berat", ANY, False),
    "D12": ("keputusan_menguntungkan", "discipline", "berat", ANY, False),
    "L1": ("fasilitas_negara", "discipline", "berat", ANY, True),
    "L2": ("kegiatan_keberpihakan", "discipline", "berat", ANY, False),
    "L3": ("pencalonan", "discipline", "berat", ANY, True),
    "L4": ("keputusan_menguntungkan", "criminal", "criminal", ANY, False),
}

BERAT_FORMS = [
    "penurunan jabatan setingkat lebih rendah selama 12 bulan",
    "pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan",
    "pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS",
]


def item(code: str) -> CatalogueItem:
    found = services.get_item(code)
    assert found is not None, code
    return found


def run(*args: str) -> str:
    out = StringIO()
    call_command("catalogue", *args, stdout=out)
    return out.getvalue()


def test_the_ten_group_codes_in_order() -> None:
    assert [group.code for group in services.groups()] == GROUPS
    assert list(services.GROUP_CODES) == GROUPS
    for group in services.groups():
        assert group.label_id and group.label_en and group.description_id and group.description_en


def test_exactly_the_23_items_with_group_class_level_timing_and_param() -> None:
    found = {
        item.code: (item.group.code, item.violation_class, item.sanction_level, item.applies, item.param)
        for item in services.current_items()
    }
    assert found == ITEMS
    assert services.current_items().count() == 23
    assert [item.code for item in services.current_items()][:3] == ["E1", "E2", "E3"]


def test_sanction_forms_follow_the_penalty_table() -> None:
    table = services.penalty_forms()
    assert [form["id"] for form in table["berat"]["forms"]] == BERAT_FORMS
    assert [form["id"] for form in table["ringan"]["forms"]] == [
        "teguran lisan",
        "teguran tertulis",
        "pernyataan tidak puas secara tertulis",
    ]
    assert len(table["sedang"]["forms"]) == 3 and all(
        "25%" in form["id"] for form in table["sedang"]["forms"]
    )
    for row in services.current_items():
        level = table[row.sanction_level]
        assert row.sanction_forms == [form["id"] for form in level["forms"]], row.code
        assert row.legal_basis and row.act_id and row.act_en
    assert item("D1").sanction_forms == BERAT_FORMS
    assert item("E1").sanction_forms == [
        "pernyataan secara tertutup",
        "pernyataan secara terbuka",
    ]
    assert "Pasal 190" in item("L4").legal_basis


def test_reload_is_idempotent_and_keeps_admin_edits() -> None:
    d3 = item("D3")
    d3.act_id = "Diubah oleh administrator."
    d3.save()
    group = ViolationGroup.objects.get(code="parpol")
    group.label_id = "Parpol (diubah)"
    group.save()
    summary = services.load_reference_data()
    assert "already loaded" in summary
    assert CatalogueVersion.objects.count() == 1
    assert CatalogueItem.objects.count() == 23
    assert ViolationGroup.objects.count() == 10
    assert item("D3").act_id == "Diubah oleh administrator."
    assert ViolationGroup.objects.get(code="parpol").label_id == "Parpol (diubah)"


def test_a_new_file_version_becomes_current(tmp_path: Path) -> None:
    data = json.loads(services.CATALOGUE_FILE.read_text(encoding="utf-8"))
    data["version"] = "test-2099.1"
    data["items"] = [entry for entry in data["items"] if entry["code"] != "E7"]
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    version, created = services.load_catalogue(path)
    assert created
    assert services.current_version() == version
    assert CatalogueVersion.objects.filter(is_current=True).count() == 1
    assert services.current_items().count() == 22
    assert services.get_item("E7") is None
    assert CatalogueItem.objects.count() == 23 + 22  # the old version stays, not current
    assert ViolationGroup.objects.count() == 10
    _again, created_again = services.load_catalogue(path)
    assert not created_again


def test_making_a_version_current_in_the_admin_unsets_the_others() -> None:
    old = services.current_version()
    assert old is not None
    other = CatalogueVersion(version="manual", source="test", is_current=True)
    other.full_clean()  # what the admin form does: no "one current version" error
    other.save()
    old.refresh_from_db()
    assert not old.is_current
    assert services.current_version() == other


def test_a_malformed_file_is_refused(tmp_path: Path) -> None:
    data = json.loads(services.CATALOGUE_FILE.read_text(encoding="utf-8"))
    data["groups"] = data["groups"][1:]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(services.CatalogueFileError, match="group codes"):
        services.load_catalogue(path)
    data = json.loads(services.CATALOGUE_FILE.read_text(encoding="utf-8"))
    data["items"][0]["class"] = "moral"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(services.CatalogueFileError, match="item E1: invalid class"):
        services.load_catalogue(path)


@pytest.mark.parametrize(
    ("group", "determined", "expected"),
    [
        ("media_sosial", False, "E2"),
        ("media_sosial", True, "D2"),
        ("media_sosial", None, None),
        ("alat_peraga", False, "E1"),
        ("alat_peraga", True, "D1"),
        ("foto_gestur", False, "E5"),
        ("foto_gestur", True, "D7"),
        ("deklarasi_kampanye", False, "E3"),
        ("deklarasi_kampanye", True, "D4"),
        ("parpol", None, "D3"),
        ("parpol", True, "D3"),
        ("fasilitas_negara", False, "L1"),
        ("keputusan_menguntungkan", True, "D12"),
        ("bukan_pelanggaran", False, None),
    ],
)
def test_item_for_applies_the_ethics_discipline_timing_rule(
    group: str, determined: bool | None, expected: str | None
) -> None:
    found = services.item_for(group, determined)
    assert (found.code if found else None) == expected


def test_items_for_lists_the_items_that_fit_the_timing() -> None:
    def codes(determined: bool | None) -> list[str]:
        return [item.code for item in services.items_for("deklarasi_kampanye", determined)]

    assert codes(False) == ["E3", "E6", "E7", "D9"]
    assert codes(True) == ["D4", "D10"]
    assert codes(None) == ["E3", "E6", "E7", "D4", "D9", "D10"]


def test_timing_from_the_election_calendar_picks_ethics_then_discipline() -> None:
    # Pilkada 2024: KPU determined the candidate pairs on 22 Sep 2024.
    election = get_election("pilkada-2024")
    before = services.item_for("media_sosial", is_determined(election, dt.date(2024, 9, 21)))
    after = services.item_for("media_sosial", is_determined(election, dt.date(2024, 9, 22)))
    assert before is not None and before.violation_class == "ethics"
    assert after is not None and after.violation_class == "discipline"


def test_show_json_has_exactly_the_documented_shape() -> None:
    data = json.loads(run("show", "--json"))
    assert set(data) == {"version", "groups", "items"}
    assert data["version"] == "skb-2022.1"
    assert [group["code"] for group in data["groups"]] == GROUPS
    assert all(set(group) == {"code", "label", "description"} for group in data["groups"])
    keys = {
        "code",
        "group",
        "class",
        "sanction_level",
        "sanction_forms",
        "legal_basis",
        "applies",
        "act",
        "param",
    }
    assert all(set(item) == keys for item in data["items"])
    assert len(data["items"]) == 23
    l4 = next(item for item in data["items"] if item["code"] == "L4")
    assert (l4["group"], l4["class"], l4["sanction_level"], l4["param"]) == (
        "keputusan_menguntungkan",
        "criminal",
        "criminal",
        False,
    )
    media = next(group for group in data["groups"] if group["code"] == "media_sosial")
    assert media["label"] == "Media sosial"  # Indonesian by default


def test_show_json_for_one_group_in_english() -> None:
    data = json.loads(run("show", "--json", "--group", "parpol", "--lang", "en"))
    assert [group["code"] for group in data["groups"]] == ["parpol"]
    assert data["groups"][0]["label"] == "Political parties"
    assert [item["code"] for item in data["items"]] == ["D3", "D5"]
    assert data["items"][1]["act"] == "Being a member or officer of a political party."


def test_show_table_is_in_indonesian() -> None:
    text = run("show", "--group", "fasilitas_negara")
    assert "Katalog pelanggaran" in text
    assert "L1" in text and "disiplin" in text
    assert "Dasar hukum" in text


def test_unknown_group_exits_1_with_a_message() -> None:
    err = StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("catalogue", "show", "--group", "nope", stdout=StringIO(), stderr=err)
    assert exit_info.value.code == 1
    assert "nope" in err.getvalue() and "tidak dikenal" in err.getvalue()
