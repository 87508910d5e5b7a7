"""The workspace's step forms: recommendation, sending to the PPK, decree, leaving the service, block, the
Gakkumdu and other-law routes with their outcome, reasons for refusals; each offered only to the role that
takes the step, validated with clear messages, and changing nothing when invalid or refused."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from netral.accounts.models import User
from netral.cases import actions, routes, sanctions
from netral.cases.models import BlockRecord, Case, ExternalRoute, Recommendation, SanctionDecree, Transition
from netral.catalogue.services import get_item
from tests.test_cases_authority_support import forwarded_case, make_recommendation, sleman_agency
from tests.test_cases_support import PATH_TO, new_case, walk

pytestmark = pytest.mark.django_db


def client_for(user: User, language: str = "en") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    client.cookies["django_language"] = language
    return client


def page(client: Client, case: Case) -> str:
    response = client.get(f"/perkara/{case.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def step(client: Client, case: Case, action: str, data: dict[str, Any], version: int | None = None) -> Any:
    fields = {f"{action}-{name}": value for name, value in data.items()}
    fields["version"] = str(Case.objects.get(pk=case.pk).version if version is None else version)
    return client.post(f"/perkara/{case.pk}/langkah/{action}/", fields)


def state(case: Case) -> str:
    return Case.objects.get(pk=case.pk).state


def verified_case(staff: User, commissioner: User, analyst: User) -> Case:
    case = forwarded_case(staff, commissioner)
    for action in ("acknowledge_receipt", "verify"):
        case = actions.transition(case, action, actor=analyst)
    return case


def test_the_recommendation_form(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User, bkn_analyst: User
) -> None:
    case = verified_case(bawaslu_kab_sleman, commissioner_kab_sleman, bkn_analyst)
    client = client_for(bkn_analyst)
    html = page(client, case)
    assert 'id="step-recommend"' in html
    assert 'value="recommend"' not in html  # not a bare button
    assert "not linked to the register" in html  # the reported person, with its register link
    for other in (bawaslu_kab_sleman, commissioner_kab_sleman):
        assert 'id="step-recommend"' not in page(client_for(other), case)

    before = Transition.objects.filter(case=case).count()
    invalid = step(client, case, "recommend", {"sanction_level": "sedang", "text": ""})
    assert invalid.status_code == 400
    body = invalid.content.decode()
    assert "Choose the catalogue item of the violation." in body
    assert "Choose the agency whose PPK the recommendation is addressed to." in body
    assert (state(case), Transition.objects.filter(case=case).count()) == ("verified", before)

    item, agency = get_item("D8"), sleman_agency()
    assert item is not None
    person = case.case_reports.get().report.reported_persons.get()
    data = {
        "item": item.pk,
        "sanction_level": "berat",
        "agency": agency.pk,
        "reported_person": person.pk,
        "superior_knew_and_did_nothing": "on",
        "text": "Direkomendasikan hukuman disiplin berat.",
    }
    done = step(client, case, "recommend", data)
    assert done.status_code == 302
    assert state(case) == "recommended"
    row = Recommendation.objects.get(case=case)
    assert (row.item, row.sanction_level, row.agency, row.reported_person) == (item, "berat", agency, person)
    assert row.superior_knew_and_did_nothing
    assert "Done: Recommend a sanction." in client.get(done["Location"]).content.decode()


def test_sending_to_the_ppk_needs_the_confirmation(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User, bkn_analyst: User
) -> None:
    case = verified_case(bawaslu_kab_sleman, commissioner_kab_sleman, bkn_analyst)
    make_recommendation(case, bkn_analyst)
    client = client_for(bkn_analyst)
    html = page(client, case)
    assert 'id="step-send_to_ppk"' in html and "Pemerintah Kabupaten Sleman" in html
    refused = step(client, case, "send_to_ppk", {"note": "B/123"})
    assert refused.status_code == 400
    assert "Tick the confirmation to send the recommendation." in refused.content.decode()
    assert state(case) == "recommended"
    assert step(client, case, "send_to_ppk", {"note": "B/123", "confirm": "on"}).status_code == 302
    assert state(case) == "sent_to_ppk"
    assert Transition.objects.filter(case=case).last().reason == "B/123"  # type: ignore[union-attr]


def sent_case(users: dict[str, User]) -> Case:
    case = verified_case(users["bawaslu_kab_sleman"], users["commissioner_kab_sleman"], users["bkn_analyst"])
    make_recommendation(case, users["bkn_analyst"])
    return sanctions.send_to_ppk(case, actor=users["bkn_analyst"])


def test_the_decree_form_validates_and_computes_the_end(users_by_role: dict[str, User]) -> None:
    case = sent_case(users_by_role)
    ppk = users_by_role["ppk_kab_sleman"]
    client = client_for(ppk)
    html = page(client, case)
    assert 'id="step-record_sanction"' in html and 'id="step-record_left_service"' in html
    assert "PP 42/2004 Pasal 15: moral sanction" in html  # the forms grouped by legal basis
    for name in ("bkn_analyst", "kemendagri_officer", "bawaslu_kab_sleman", "ppk_kota_manado"):
        other = client_for(users_by_role[name]).get(f"/perkara/{case.pk}/")  # 404 where not visible
        assert 'id="step-record_sanction"' not in other.content.decode()

    data = {"number": "800/45/2024", "date": "2024-11-25", "form": "tukin_cut_6", "start": ""}
    missing_start = step(client, case, "record_sanction", data)
    assert missing_start.status_code == 400
    assert "This sanction runs for months: write the day it starts." in missing_start.content.decode()
    early = step(client, case, "record_sanction", {**data, "start": "2024-11-01"})
    assert "The sanction cannot start before the decree date." in early.content.decode()
    future = step(client, case, "record_sanction", {**data, "date": "2999-01-01", "start": "2999-01-02"})
    assert "The decree date cannot be in the future." in future.content.decode()
    assert state(case) == "sent_to_ppk" and not SanctionDecree.objects.exists()

    assert (
        step(client, case, "record_sanction", {**data, "start": "2024-12-02", "pppk": "on"}).status_code
        == 302
    )
    decree = SanctionDecree.objects.get(recommendation__case=case)
    # 6 months from Mon 2 Dec 2024: the last day is 1 Jun 2025.
    assert (decree.start, decree.end, decree.pppk) == (dt.date(2024, 12, 2), dt.date(2025, 6, 1), True)
    assert state(case) == "sanctioned"
    assert "800/45/2024" in page(client, case)


def test_the_messages_are_indonesian(users_by_role: dict[str, User]) -> None:
    case = sent_case(users_by_role)
    client = client_for(users_by_role["ppk_kab_sleman"], language="id")
    data = {"number": "", "date": "2024-11-25", "form": "tukin_cut_6", "start": ""}
    body = step(client, case, "record_sanction", data).content.decode()
    assert "Tuliskan nomor surat keputusan." in body
    assert "Sanksi ini berlaku beberapa bulan: tuliskan tanggal mulainya." in body


def test_leaving_the_service(users_by_role: dict[str, User]) -> None:
    case = sent_case(users_by_role)
    client = client_for(users_by_role["ppk_kab_sleman"])
    invalid = step(client, case, "record_left_service", {"how": "", "on": ""})
    assert invalid.status_code == 400 and state(case) == "sent_to_ppk"
    data = {"how": "retired", "on": "2024-11-01", "note": "SK pensiun 821/9/2024"}
    assert step(client, case, "record_left_service", data).status_code == 302
    assert state(case) == "left_service"
    reason = Transition.objects.filter(case=case).last().reason  # type: ignore[union-attr]
    assert reason == "Retired (2024-11-01). SK pensiun 821/9/2024"


def test_the_block_form_needs_a_reason(users_by_role: dict[str, User]) -> None:
    case = sent_case(users_by_role)
    sanctions.mark_ppk_overdue(case)
    case = sanctions.warn_ppk(case, actor=users_by_role["kemendagri_officer"])
    client = client_for(users_by_role["bkn_analyst"])
    assert step(client, case, "block", {"reason": " "}).status_code == 400
    assert state(case) == "warned"
    assert step(client, case, "block", {"reason": "Teguran tidak ditindaklanjuti."}).status_code == 302
    assert state(case) == "blocked"
    assert BlockRecord.objects.get(recommendation__case=case).reason == "Teguran tidak ditindaklanjuti."


@pytest.mark.parametrize(
    ("route", "forward", "outcome", "forwarded", "concluded"),
    [
        (
            "gakkumdu",
            "forward_to_gakkumdu",
            "record_gakkumdu_outcome",
            "forwarded_gakkumdu",
            "gakkumdu_concluded",
        ),
        ("other", "forward_to_other", "record_other_outcome", "forwarded_other", "other_concluded"),
    ],
)
def test_the_gakkumdu_and_other_law_routes(
    bawaslu_kab_sleman: User,
    commissioner_kab_sleman: User,
    route: str,
    forward: str,
    outcome: str,
    forwarded: str,
    concluded: str,
) -> None:
    case = walk(new_case(), PATH_TO["violation"], bawaslu_kab_sleman, commissioner_kab_sleman)
    client = client_for(bawaslu_kab_sleman)
    html = page(client, case)
    assert f'id="step-{forward}"' in html and 'value="forward_to_authority"' in html
    assert 'value="Sentra Gakkumdu Kabupaten Sleman"' in html  # the Gakkumdu form's default receiver
    assert f'id="step-{forward}"' not in page(client_for(commissioner_kab_sleman), case)
    empty = step(client, case, forward, {"receiving_body": ""})
    assert empty.status_code == 400
    assert "Name the body the case is forwarded to." in empty.content.decode()

    body = "Sentra Gakkumdu Kabupaten Sleman" if route == "gakkumdu" else "Bupati Sleman (kepala desa)"
    assert step(client, case, forward, {"receiving_body": body, "reason": "Unsur pidana."}).status_code == 302
    assert state(case) == forwarded
    row = ExternalRoute.objects.get(case=case)
    assert (row.route, row.receiving_body, row.outcome) == (route, body, "")
    html = page(client, case)
    assert f'id="step-{outcome}"' in html and body in html

    assert step(client, case, outcome, {"outcome": "", "note": ""}).status_code == 400
    data = {"outcome": "continued", "reference": "B/77/2024", "note": "Dilanjutkan ke penyidikan."}
    assert step(client, case, outcome, data).status_code == 302
    assert state(case) == concluded
    row.refresh_from_db()
    assert (row.outcome, row.outcome_reference, row.outcome_by) == (
        "continued",
        "B/77/2024",
        bawaslu_kab_sleman,
    )
    assert "followed up (investigation, prosecution or sanction)" in page(client, case)


def test_refusals_and_negative_decisions_need_a_reason(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User
) -> None:
    case = walk(new_case(), ["start_initial_review"], bawaslu_kab_sleman, commissioner_kab_sleman)
    client = client_for(bawaslu_kab_sleman)
    data = {"action": "reject_formal", "reason": "", "version": case.version}
    refused = client.post(f"/perkara/{case.pk}/tindakan/", data)
    assert refused.status_code == 400
    assert "Write the reason for “Reject: formal requirements not met”" in refused.content.decode()
    assert state(case) == "initial_review"
    data["reason"] = "Identitas pelapor tidak lengkap."
    assert client.post(f"/perkara/{case.pk}/tindakan/", data).status_code == 302
    assert state(case) == "rejected_formal"


def test_a_stale_form_or_a_step_of_another_role_changes_nothing(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User, bkn_analyst: User
) -> None:
    case = verified_case(bawaslu_kab_sleman, commissioner_kab_sleman, bkn_analyst)
    item = get_item("D8")
    assert item is not None
    data = {"item": item.pk, "sanction_level": "sedang", "agency": sleman_agency().pk, "text": "x"}
    stale = step(client_for(bkn_analyst), case, "recommend", data, version=case.version - 1)
    assert stale.status_code == 409
    # A Bawaslu officer who sees the case but whose role does not take the step is refused by the action.
    refused = step(client_for(bawaslu_kab_sleman), case, "recommend", data)
    assert refused.status_code == 409
    assert "Your role may not take this action." in refused.content.decode()
    assert client_for(bkn_analyst).post(f"/perkara/{case.pk}/langkah/no_such_step/", {}).status_code == 404
    assert state(case) == "verified" and not Recommendation.objects.exists()


def test_a_refused_forwarding_leaves_no_route_row(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User
) -> None:
    case = walk(new_case(), PATH_TO["violation"], bawaslu_kab_sleman, commissioner_kab_sleman)
    with pytest.raises(actions.TransitionRefused) as refused:
        routes.forward(
            case, actor=commissioner_kab_sleman, route="gakkumdu", receiving_body="Sentra Gakkumdu"
        )
    assert refused.value.code == "role" and not ExternalRoute.objects.exists()
    routes.forward(case, actor=bawaslu_kab_sleman, route="other", receiving_body="Bupati Sleman")
    with pytest.raises(actions.TransitionRefused) as again:
        routes.forward(case, actor=bawaslu_kab_sleman, route="other", receiving_body="Bupati Sleman")
    assert again.value.code == "wrong_state"
    assert list(ExternalRoute.objects.values_list("route", "receiving_body")) == [("other", "Bupati Sleman")]
