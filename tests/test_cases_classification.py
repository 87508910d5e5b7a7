"""`classify_case`: the only way the classification of a case changes (values checked, role and scope,
optimistic lock, history row, audit entry), and its form on the workspace."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.cases import actions
from netral.cases.classification import classify_case
from netral.cases.models import Case, ClassificationChange, Transition
from netral.catalogue.services import get_item
from netral.personnel.models import Agency
from tests.fixtures import USER_FIXTURES
from tests.test_cases_support import new_case

pytestmark = pytest.mark.django_db

# Written by hand: who may classify a Sleman case in `received` (Bawaslu officers whose scope covers
# Sleman; the ASN authority sees no case before it is forwarded to it).
MAY_CLASSIFY = {"bawaslu_ri", "bawaslu_prov_diy", "bawaslu_kab_sleman", "commissioner_kab_sleman"}
OUT_OF_SCOPE = {"bawaslu_kota_manado", "bkn_analyst"}  # the right role, but the case is not theirs


def sleman() -> Agency:
    return Agency.objects.get(code="pemkab-34.04")


def test_classify_sets_the_fields_keeps_history_and_audits(bawaslu_kab_sleman: User) -> None:
    case = new_case()
    item = get_item("D6")
    assert item is not None
    version = case.version
    done = classify_case(
        case,
        actor=bawaslu_kab_sleman,
        group="media_sosial",
        item=item,
        employment="pppk",
        position_class="fungsional",
        agency=sleman(),
        reason="Unggahan di grup WhatsApp tim pemenangan.",
    )
    stored = Case.objects.get(pk=case.pk)
    assert (stored.group, stored.item, stored.employment, stored.position_class, stored.agency) == (
        "media_sosial", item, "pppk", "fungsional", sleman(),
    )  # fmt: skip
    assert stored.version == done.version == version + 1
    assert stored.state == "received" and Transition.objects.filter(case=case).count() == 1  # no state change
    change = ClassificationChange.objects.get(case=case)
    assert change.before == {
        "group": "",
        "item": "",
        "employment": "unknown",
        "position_class": "",
        "agency": "",
    }
    assert change.after == {
        "group": "media_sosial", "item": "D6", "employment": "pppk", "position_class": "fungsional",
        "agency": "pemkab-34.04",
    }  # fmt: skip
    assert (change.actor, change.reason) == (bawaslu_kab_sleman, "Unggahan di grup WhatsApp tim pemenangan.")
    entry = AuditEntry.objects.get(action="cases.classified")
    assert entry.data["after"]["item"] == "D6" and "WhatsApp" not in str(entry.data)

    # The same values again write nothing.
    classify_case(
        stored, actor=bawaslu_kab_sleman, group="media_sosial", item=item, employment="pppk",
        position_class="fungsional", agency=sleman(),
    )  # fmt: skip
    assert ClassificationChange.objects.count() == 1 and Case.objects.get(pk=case.pk).version == version + 1


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"group": "tidak_ada"}, "Unknown violation group"),
        ({"group": "parpol", "item": "D6"}, "belongs to the group"),
        ({"group": "bukan_pelanggaran", "item": "D6"}, "belongs to the group"),
        ({"employment": "kontrak"}, "Unknown employment status"),
        ({"position_class": "menteri"}, "Unknown position class"),
    ],
)
def test_bad_values_are_refused(bawaslu_kab_sleman: User, values: dict[str, str], message: str) -> None:
    case = new_case()
    arguments: dict[str, Any] = {
        "group": "media_sosial",
        "item": None,
        "employment": "pns",
        "position_class": "",
        "agency": None,
    }
    arguments.update(values)
    if arguments["item"]:
        arguments["item"] = get_item(str(arguments["item"]))
    with translation.override("en"), pytest.raises(actions.TransitionRefused) as refused:
        classify_case(case, actor=bawaslu_kab_sleman, **arguments)
    assert refused.value.code == "invalid" and message in refused.value.message
    assert Case.objects.get(pk=case.pk).version == case.version and not ClassificationChange.objects.exists()


def test_every_role_and_the_optimistic_lock(users_by_role: dict[str, User]) -> None:
    case = new_case()
    for name in USER_FIXTURES:
        fresh = Case.objects.get(pk=case.pk)
        arguments = {
            "group": "foto_gestur",
            "item": None,
            "employment": "pns",
            "position_class": "",
            "agency": None,
        }
        if name in MAY_CLASSIFY:
            arguments["position_class"] = "pelaksana" if fresh.position_class != "pelaksana" else "jpt"
            classify_case(fresh, actor=users_by_role[name], **arguments)  # type: ignore[arg-type]
            continue
        with pytest.raises(actions.TransitionRefused) as refused:
            classify_case(fresh, actor=users_by_role[name], **arguments)  # type: ignore[arg-type]
        assert (name, refused.value.code) == (name, "scope" if name in OUT_OF_SCOPE else "role")
    assert ClassificationChange.objects.filter(case=case).count() == len(MAY_CLASSIFY)
    stale = Case.objects.get(pk=case.pk)
    stale.version -= 1
    with pytest.raises(actions.ConcurrentChange):
        classify_case(
            stale, actor=users_by_role["bawaslu_kab_sleman"], group="parpol", item=None, employment="pns",
            position_class="", agency=None,
        )  # fmt: skip


def test_the_classification_form(bawaslu_kab_sleman: User, bkn_analyst: User) -> None:
    case = new_case()
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(bawaslu_kab_sleman)
    client.cookies["django_language"] = "en"
    page = client.get(f"/perkara/{case.pk}/").content.decode()
    assert 'id="classify-form"' in page
    url = f"/perkara/{case.pk}/klasifikasi/"
    d6, d3 = get_item("D6"), get_item("D3")
    assert d6 is not None and d3 is not None
    data = {
        "version": case.version,
        "classify-group": "parpol",
        "classify-item": d6.pk,
        "classify-employment": "pns",
    }
    wrong = client.post(url, data)
    assert wrong.status_code == 400
    assert "Item D6 belongs to another group" in wrong.content.decode()
    # Without a group, the item's group is taken.
    data.update({"classify-group": "", "classify-item": d3.pk, "classify-agency": sleman().pk})
    assert client.post(url, data).status_code == 302
    stored = Case.objects.get(pk=case.pk)
    assert (stored.group, stored.item, stored.agency) == ("parpol", d3, sleman())
    page = client.get(f"/perkara/{case.pk}/").content.decode()
    assert "The classification was saved." in page and "D3 ·" in page
    stale = client.post(url, {**data, "classify-group": "media_sosial", "classify-item": ""})
    assert stale.status_code == 409  # the page's version is old now

    # A PPK officer never gets the form (and a case not visible to them is a 404).
    other = Client()
    other.force_login(bkn_analyst)
    assert other.post(url, data).status_code == 404
