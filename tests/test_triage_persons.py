"""A supervisor narrows a reported person's register search and confirms a candidate (triage/persons.py):
the narrowing lists, partial names, bad input, two supervisors at once, and the register being indexed."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from netral.accounts.models import User
from netral.cases.actions import TransitionRefused
from netral.triage import persons, suggestions
from netral.triage.models import ModelVersion, Suggestion
from tests.test_triage_suggest_support import add_employee, logged_in, post_step, submit, trained

pytestmark = pytest.mark.django_db
__all__ = ["trained"]  # the fixture, imported for the tests below


def _candidate_ids(row: Suggestion) -> list[int]:
    return [int(candidate["employee_id"]) for candidate in row.value or []]


def test_a_supervisor_narrows_the_register_search_and_confirms_a_new_candidate(
    trained: ModelVersion,
    django_capture_on_commit_callbacks: Any,
    bawaslu_kab_sleman: User,
) -> None:
    for serial in range(1, 7):  # six of the same name in Sleman: the name alone cannot tell them apart
        add_employee("Ahmad Fauzi", serial=serial)
    manado = add_employee("Ahmad Fauzi", serial=7, agency="pemkot-71.71", region="71.71")
    case = submit(django_capture_on_commit_callbacks, person="Ahmad Fauzi")
    row = Suggestion.objects.get(case=case, field="person")
    assert manado.pk not in _candidate_ids(row) and len(_candidate_ids(row)) == 5
    assert row.register_namesakes["anywhere"] == 7

    # Written as a list entry ("code — name"), or by name: the search is narrowed to that agency.
    response = post_step(
        bawaslu_kab_sleman,
        case,
        "terlapor",
        {"agency": "pemkot-71.71 — Pemerintah Kota Manado"},
        row.pk,
        "persempit",
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert _candidate_ids(row) == [manado.pk] and row.status == "pending"
    assert row.register_namesakes["narrowed"] == {"agency": "pemkot-71.71"}
    assert row.register_namesakes["in_scope"] == 1 and row.register_namesakes["anywhere"] == 7
    post_step(bawaslu_kab_sleman, case, "terlapor", {"region": "Kota Manado"}, row.pk, "persempit")
    row.refresh_from_db()
    assert row.register_namesakes["narrowed"] == {"region": "71.71"}
    assert _candidate_ids(row) == [manado.pk]
    post_step(bawaslu_kab_sleman, case, "terlapor", {"employee": manado.pk}, row.pk)
    row.refresh_from_db()
    assert (row.status, row.decided_value) == ("accepted", manado.pk)  # one of the narrowed candidates


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Isi instansi, wilayah, jabatan, atau sebagian NIP."),
        ({"agency": "Dinas Rahasia"}, "Instansi tidak dikenal: Dinas Rahasia."),
        ({"region": "99.99"}, "Wilayah tidak dikenal: 99.99."),
        ({"nip": "12"}, "Sebagian NIP: 4 sampai 18 angka."),
        ({"nip": "1975-03"}, "Sebagian NIP: 4 sampai 18 angka."),
    ],
)
def test_narrowing_with_bad_input_says_why_and_changes_nothing(
    trained: ModelVersion,
    django_capture_on_commit_callbacks: Any,
    bawaslu_kab_sleman: User,
    data: dict[str, str],
    message: str,
) -> None:
    add_employee("Ahmad Fauzi", serial=1)
    case = submit(django_capture_on_commit_callbacks, person="Ahmad Fauzi")
    row = Suggestion.objects.get(case=case, field="person")
    client = logged_in(bawaslu_kab_sleman)
    with translation.override("id"):
        response = client.post(
            f"/triage/perkara/{case.pk}/terlapor/{row.pk}/persempit/",
            data,
            follow=True,
            HTTP_ACCEPT_LANGUAGE="id",
        )
    assert message in response.content.decode()
    stored = Suggestion.objects.get(pk=row.pk)
    assert (stored.value, stored.register_namesakes) == (row.value, row.register_namesakes)


def test_a_decided_person_suggestion_cannot_be_narrowed(
    trained: ModelVersion, django_capture_on_commit_callbacks: Any, bawaslu_kab_sleman: User
) -> None:
    fauzi = add_employee("Ahmad Fauzi", serial=1)
    case = submit(django_capture_on_commit_callbacks, person="Ahmad Fauzi")
    row = Suggestion.objects.get(case=case, field="person")
    persons.confirm_person(row, actor=bawaslu_kab_sleman, employee_id=fauzi.pk)
    with pytest.raises(TransitionRefused, match="tidak sedang menunggu keputusan"):
        persons.narrow_person(row, actor=bawaslu_kab_sleman, agency_code="pemkab-34.04")


def test_two_supervisors_on_one_person_suggestion_act_one_after_the_other(
    trained: ModelVersion, django_capture_on_commit_callbacks: Any, bawaslu_kab_sleman: User
) -> None:
    """Each works from the page they loaded (a stale row); the stored suggestion decides."""
    sleman = [add_employee("Ahmad Fauzi", serial=serial) for serial in range(1, 4)]
    manado = add_employee("Ahmad Fauzi", serial=7, agency="pemkot-71.71", region="71.71")
    case = submit(django_capture_on_commit_callbacks, person="Ahmad Fauzi")
    seen_by_first = Suggestion.objects.get(case=case, field="person")
    seen_by_second = Suggestion.objects.get(pk=seen_by_first.pk)
    assert sleman[0].pk in _candidate_ids(seen_by_first)

    # The second narrows to Manado; the first then confirms a Sleman candidate from their older page.
    persons.narrow_person(seen_by_second, actor=bawaslu_kab_sleman, agency_code="pemkot-71.71")
    with pytest.raises(TransitionRefused, match="Pilih salah satu"), translation.override("id"):
        persons.confirm_person(seen_by_first, actor=bawaslu_kab_sleman, employee_id=sleman[0].pk)
    assert Suggestion.objects.get(pk=seen_by_first.pk).status == "pending"

    # One confirmation wins; a second one, or a narrowing, from a page loaded before it is refused.
    persons.confirm_person(seen_by_second, actor=bawaslu_kab_sleman, employee_id=manado.pk)
    with translation.override("id"):
        with pytest.raises(TransitionRefused, match="tidak sedang menunggu keputusan"):
            persons.confirm_person(seen_by_first, actor=bawaslu_kab_sleman, employee_id=manado.pk)
        with pytest.raises(TransitionRefused, match="tidak sedang menunggu keputusan"):
            persons.narrow_person(seen_by_first, actor=bawaslu_kab_sleman, region_code="34.04")
    stored = Suggestion.objects.get(pk=seen_by_first.pk)
    assert (stored.status, stored.decided_value) == ("accepted", manado.pk)
    assert _candidate_ids(stored) == [manado.pk]


def test_the_narrowing_lists_answer_what_was_typed(users_by_role: dict[str, User], client: Client) -> None:
    def options(user: User | None, kind: str, query: str) -> Any:
        if user is not None:
            client.force_login(user)
        return client.get(f"/triage/pilihan/{kind}/", {"q": query})

    staff = users_by_role["bawaslu_kab_sleman"]
    assert options(staff, "instansi", "manado").json() == {
        "options": ["pemkot-71.71 — Pemerintah Kota Manado"]
    }
    assert options(staff, "wilayah", "34.0").json()["options"][0] == "34.01 — Kabupaten Kulon Progo"
    assert len(options(staff, "wilayah", "kabupaten").json()["options"]) == 15  # at most fifteen
    assert options(staff, "wilayah", "k").json() == {"options": []}  # fewer than two characters
    assert options(staff, "wilayah", "tidak ada").json() == {"options": []}
    assert options(staff, "jabatan", "camat").status_code == 404
    classifying = {"bawaslu_ri", "bawaslu_prov_diy", "bawaslu_kab_sleman", "bawaslu_kota_manado"}
    classifying |= {"commissioner_kab_sleman", "bkn_analyst"}  # who see the narrowing form
    for name, user in users_by_role.items():
        expected = 200 if name in classifying else 403
        assert options(user, "wilayah", "manado").status_code == expected, name
    client.logout()
    assert options(None, "wilayah", "manado").status_code == 302  # to the login page
    assert client.post("/triage/pilihan/wilayah/", {"q": "manado"}).status_code in {403, 405}


@pytest.mark.parametrize(
    ("written", "result"),
    [
        ("Manado", "pemkot-71.71"),  # one agency contains it
        ("pemerintah kota manado", "pemkot-71.71"),
        ("Bandung", "Lebih dari satu cocok dengan Bandung: Pemerintah Kabupaten Bandung, "),
    ],
)
def test_a_partial_agency_name_is_enough_when_only_one_fits(
    trained: ModelVersion,
    django_capture_on_commit_callbacks: Any,
    bawaslu_kab_sleman: User,
    written: str,
    result: str,
) -> None:
    add_employee("Ahmad Fauzi", serial=1)
    case = submit(django_capture_on_commit_callbacks, person="Ahmad Fauzi")
    row = Suggestion.objects.get(case=case, field="person")
    with translation.override("id"):
        try:
            narrowed = persons.narrow_person(row, actor=bawaslu_kab_sleman, agency_code=written)
        except TransitionRefused as exc:
            assert exc.message.startswith(result) and "Tulis nama lebih lengkap" in exc.message
            return
    assert narrowed.register_namesakes["narrowed"] == {"agency": result}


def test_narrowing_or_rerunning_while_the_register_is_first_indexed_says_so(
    trained: ModelVersion,
    django_capture_on_commit_callbacks: Any,
    bawaslu_kab_sleman: User,
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from netral.triage import matching

    add_employee("Ahmad Fauzi", serial=1)
    case = submit(django_capture_on_commit_callbacks, person="Ahmad Fauzi")
    row = Suggestion.objects.get(case=case, field="person")
    matching.reset_index()
    settings.NETRAL_MATCH_INDEX_BACKGROUND = True
    go_on = threading.Event()
    monkeypatch.setattr(matching, "register_rows", lambda: go_on.wait(10) and [])
    with translation.override("id"), pytest.raises(TransitionRefused, match="sedang diindeks"):
        persons.narrow_person(row, actor=bawaslu_kab_sleman, agency_code="pemkab-34.04")
    with translation.override("id"), pytest.raises(TransitionRefused, match="sedang diindeks"):
        suggestions.rerun(case, actor=bawaslu_kab_sleman)  # it has a reported person to look up
    go_on.set()
    matching.wait_for_rebuild(10)
    assert Suggestion.objects.get(pk=row.pk).register_namesakes == row.register_namesakes  # nothing changed
