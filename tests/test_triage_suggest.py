"""Triage suggestions in the product: made on intake with the model version, accepted or corrected in the
workspace (through `classify_case`), corrections kept as training data, register candidates never linked
without a supervisor."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from netral.accounts.models import User
from netral.cases.models import Case, ClassificationChange
from netral.intake.models import ReportedPerson
from netral.triage import suggestions, training
from netral.triage.models import ModelVersion, Suggestion, TriageCorrection
from tests.test_triage_suggest_support import add_employee, logged_in, post_step, submit, trained

pytestmark = pytest.mark.django_db
__all__ = ["trained"]  # the fixture, imported for the tests below

CLASSIFICATION = {"group", "item", "employment"}


def test_suggestions_are_made_on_intake_with_the_model_version(
    trained: ModelVersion, django_capture_on_commit_callbacks: Any
) -> None:
    case = submit(django_capture_on_commit_callbacks)
    rows = list(Suggestion.objects.filter(case=case))
    assert {row.field for row in rows} == CLASSIFICATION | {"person"}
    assert {row.model_version for row in rows} == {trained.version}
    assert {row.status for row in rows} == {"pending"}
    group = next(row for row in rows if row.field == "group")
    assert len(group.top3) == 3 and group.top3[0] == [group.value, group.confidence]
    assert 0.0 <= group.confidence <= 1.0 and group.entities["employment"] in {"pns", "unknown", "pppk"}
    # A suggestion, not a decision: the case is still unclassified.
    stored = Case.objects.get(pk=case.pk)
    assert (stored.group, stored.item_id, stored.employment) == ("", None, "unknown")
    assert not ClassificationChange.objects.filter(case=case).exists()


def test_intake_goes_on_without_a_model_or_when_triage_fails(
    django_capture_on_commit_callbacks: Any, monkeypatch: pytest.MonkeyPatch, settings: Any, tmp_path: Any
) -> None:
    settings.DATA_DIR = tmp_path
    case = submit(django_capture_on_commit_callbacks)  # no trained model: nothing, and no training
    assert not Suggestion.objects.filter(case=case).exists() and not ModelVersion.objects.exists()

    monkeypatch.setattr(suggestions, "model_ready", lambda: True)

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("model file damaged")

    monkeypatch.setattr(suggestions, "generate", broken)
    second = submit(django_capture_on_commit_callbacks, person="Budi")
    assert second.case_reports.count() == 1 and not Suggestion.objects.filter(case=second).exists()


def test_accept_fills_the_case_through_the_classification_action(
    trained: ModelVersion, django_capture_on_commit_callbacks: Any, bawaslu_kab_sleman: User
) -> None:
    case = submit(django_capture_on_commit_callbacks)
    current = suggestions.current(case)
    values = {field: "" if current[field].value is None else current[field].value for field in CLASSIFICATION}
    response = post_step(bawaslu_kab_sleman, case, "klasifikasi", {**values, "version": case.version})
    assert response.status_code == 302 and response["Location"].endswith(f"/perkara/{case.pk}/#triage")
    stored = Case.objects.get(pk=case.pk)
    assert stored.group == values["group"] and stored.employment == values["employment"]
    assert (stored.item.code if stored.item else "") == values["item"]
    assert ClassificationChange.objects.filter(case=case, actor=bawaslu_kab_sleman).count() == 1
    decided = Suggestion.objects.filter(case=case, field__in=CLASSIFICATION)
    assert {row.status for row in decided} == {"accepted"}
    assert {row.decided_by for row in decided} == {bawaslu_kab_sleman}
    assert not TriageCorrection.objects.exists()


def test_a_correction_is_kept_as_training_data(
    trained: ModelVersion, django_capture_on_commit_callbacks: Any, bawaslu_kab_sleman: User
) -> None:
    case = submit(django_capture_on_commit_callbacks)
    suggested = suggestions.current(case)["group"].value
    corrected = "foto_gestur" if suggested != "foto_gestur" else "media_sosial"
    data = {"group": corrected, "item": "", "employment": "pns", "version": case.version}
    assert post_step(bawaslu_kab_sleman, case, "klasifikasi", data).status_code == 302
    assert Case.objects.get(pk=case.pk).group == corrected
    group_row = Suggestion.objects.get(case=case, field="group")
    assert (group_row.status, group_row.decided_value) == ("corrected", corrected)
    correction = TriageCorrection.objects.get(case=case, field="group")
    assert (correction.suggested, correction.corrected, correction.confirmed) == (suggested, corrected, True)
    assert correction.model_version == trained and "Ahmad Fauzi" in correction.text
    assert correction.by == bawaslu_kab_sleman
    examples = training.correction_examples()
    assert [row["category"] for row in examples] == [corrected]


def test_an_invalid_value_or_a_stale_page_changes_nothing(
    trained: ModelVersion, django_capture_on_commit_callbacks: Any, bawaslu_kab_sleman: User
) -> None:
    case = submit(django_capture_on_commit_callbacks)
    bad = {"group": "media_sosial", "item": "D5", "employment": "pns", "version": case.version}  # D5: parpol
    assert post_step(bawaslu_kab_sleman, case, "klasifikasi", bad).status_code == 302
    stale = {"group": "media_sosial", "item": "", "employment": "pns", "version": case.version - 1}
    assert post_step(bawaslu_kab_sleman, case, "klasifikasi", stale).status_code == 302
    assert Case.objects.get(pk=case.pk).group == ""
    assert set(Suggestion.objects.filter(case=case).values_list("status", flat=True)) == {"pending"}


@pytest.mark.parametrize(
    ("fixture", "status"),
    [
        ("bawaslu_kota_manado", 404),  # the right role, another region
        ("ppk_kab_sleman", 404),  # sees only recommendations addressed to its agency
        ("bkn_analyst", 404),  # sees a case only once forwarded to it
        ("kemendagri_officer", 404),
        ("admin_user", 403),  # sees every case but may not classify
        ("data_custodian", 403),
    ],
)
def test_who_may_decide(
    trained: ModelVersion,
    django_capture_on_commit_callbacks: Any,
    users_by_role: dict[str, User],
    fixture: str,
    status: int,
) -> None:
    case = submit(django_capture_on_commit_callbacks)
    user = users_by_role[fixture]
    data = {"group": "parpol", "item": "", "employment": "pns", "version": case.version}
    for name in ("klasifikasi", "ulang", "tolak", "gabung"):
        assert post_step(user, case, name, data).status_code == status, name
    person = Suggestion.objects.get(case=case, field="person")
    narrow = post_step(user, case, "terlapor", {"agency": "pemkab-34.04"}, person.pk, "persempit")
    assert narrow.status_code == status
    assert Suggestion.objects.get(pk=person.pk).register_namesakes == person.register_namesakes
    assert Case.objects.get(pk=case.pk).group == ""
    assert set(Suggestion.objects.filter(case=case).values_list("status", flat=True)) == {"pending"}


def test_steps_are_post_only_and_need_a_login(
    trained: ModelVersion, django_capture_on_commit_callbacks: Any, bawaslu_kab_sleman: User
) -> None:
    case = submit(django_capture_on_commit_callbacks)
    assert logged_in(bawaslu_kab_sleman).get(f"/triage/perkara/{case.pk}/ulang/").status_code == 405
    response = Client().post(f"/triage/perkara/{case.pk}/ulang/")
    assert response.status_code == 302 and response["Location"].startswith("/masuk/")
    csrf = Client(enforce_csrf_checks=True)
    csrf.force_login(bawaslu_kab_sleman)
    assert csrf.post(f"/triage/perkara/{case.pk}/ulang/").status_code == 403


def test_register_candidates_are_never_linked_without_the_supervisor(
    trained: ModelVersion,
    django_capture_on_commit_callbacks: Any,
    bawaslu_kab_sleman: User,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fauzi = add_employee("Drs. H. Ahmad Fauzi, M.Si.", serial=1)
    add_employee("Ahmad Fauzan", serial=2)
    case = submit(django_capture_on_commit_callbacks, person="Pak Ahmad Fauzy")
    person = ReportedPerson.objects.get(report__case_link__case=case)
    row = Suggestion.objects.get(case=case, field="person")
    assert isinstance(row.value, list) and row.reported_person == person and row.status == "pending"
    assert row.value[0]["employee_id"] == fauzi.pk and 1 <= len(row.value) <= 5
    assert all(0 <= candidate["score"] <= 100 for candidate in row.value)
    assert ReportedPerson.objects.get(pk=person.pk).employee is None  # suggested, not linked
    suggestions.rerun(case, actor=bawaslu_kab_sleman)
    assert ReportedPerson.objects.get(pk=person.pk).employee is None

    linked: list[tuple[int, int]] = []
    from netral.intake import services as intake_services

    def link(person: ReportedPerson, employee: Any, *, actor: Any) -> None:
        linked.append((person.pk, employee.pk))

    monkeypatch.setattr(intake_services, "link_reported_person", link, raising=False)
    row = Suggestion.objects.get(case=case, field="person", status="pending")
    response = post_step(bawaslu_kab_sleman, case, "terlapor", {"employee": fauzi.pk}, row.pk)
    assert response.status_code == 302
    assert linked == [(person.pk, fauzi.pk)]  # through intake's function, once, after the confirmation
    row.refresh_from_db()
    assert (row.status, row.decided_value, row.decided_by) == ("accepted", fauzi.pk, bawaslu_kab_sleman)
    stored = Case.objects.get(pk=case.pk)
    assert (stored.agency, stored.position_class) == (fauzi.agency, "kepala_wilayah")


def test_only_an_offered_candidate_can_be_confirmed(
    trained: ModelVersion, django_capture_on_commit_callbacks: Any, bawaslu_kab_sleman: User
) -> None:
    add_employee("Ahmad Fauzi", serial=1)
    other = add_employee("Sri Wahyuni", serial=3, agency="pemkot-71.71", region="71.71")
    case = submit(django_capture_on_commit_callbacks)
    row = Suggestion.objects.get(case=case, field="person")
    assert isinstance(row.value, list) and other.pk not in {
        candidate["employee_id"] for candidate in row.value
    }
    post_step(bawaslu_kab_sleman, case, "terlapor", {"employee": other.pk}, row.pk)
    row.refresh_from_db()
    assert row.status == "pending" and Case.objects.get(pk=case.pk).agency is None
    post_step(bawaslu_kab_sleman, case, "terlapor", {"employee": "none"}, row.pk)
    row.refresh_from_db()
    assert row.status == "rejected"


def test_rerun_replaces_pending_suggestions_and_keeps_decisions(
    trained: ModelVersion, django_capture_on_commit_callbacks: Any, bawaslu_kab_sleman: User
) -> None:
    case = submit(django_capture_on_commit_callbacks, person="")
    first = set(Suggestion.objects.filter(case=case).values_list("pk", flat=True))
    group = Suggestion.objects.get(case=case, field="group")
    assert post_step(bawaslu_kab_sleman, case, "tolak", {"suggestion": [group.pk]}).status_code == 302
    assert post_step(bawaslu_kab_sleman, case, "ulang").status_code == 302
    rows = Suggestion.objects.filter(case=case)
    assert rows.filter(status="rejected").get().pk == group.pk
    pending = set(rows.filter(status="pending").values_list("pk", flat=True))
    assert len(pending) == 3 and not pending & first


def test_the_workspace_partial_shows_suggestions_only_to_those_who_decide(
    trained: ModelVersion,
    django_capture_on_commit_callbacks: Any,
    bawaslu_kab_sleman: User,
    admin_user: User,
    rf: Any,
) -> None:
    from django.template import engines

    case = submit(django_capture_on_commit_callbacks)
    template = engines["django"].from_string("{% load triage_workspace %}{% triage_workspace case %}")
    request = rf.get("/")
    request.user = bawaslu_kab_sleman
    html = template.render({"case": case}, request)
    assert 'id="triage-classification"' in html and f"/triage/perkara/{case.pk}/klasifikasi/" in html
    assert "Ahmad Fauzy" in html and 'id="triage-rerun"' in html
    with translation.override("id"):
        html = template.render({"case": case}, request)
    assert "Saran triase" in html and "Bentuk pelanggaran yang disarankan (keyakinan" in html
    request.user = admin_user
    assert template.render({"case": case}, request).strip() == ""


def test_linking_a_reported_person_is_checked_and_audited(
    django_capture_on_commit_callbacks: Any,
    bawaslu_kab_sleman: User,
    bawaslu_kota_manado: User,
    ppk_kab_sleman: User,
) -> None:
    from django.core.exceptions import PermissionDenied

    from netral.audit.models import AuditEntry
    from netral.intake.services import link_reported_person

    case = submit(django_capture_on_commit_callbacks)
    person = ReportedPerson.objects.get(report__case_link__case=case)
    employee = add_employee("Ahmad Fauzi", serial=7)
    for outsider in (bawaslu_kota_manado, ppk_kab_sleman):
        with pytest.raises(PermissionDenied):
            link_reported_person(person, employee, actor=outsider)
    person.refresh_from_db()
    assert person.employee_id is None
    link_reported_person(person, employee, actor=bawaslu_kab_sleman)
    person.refresh_from_db()
    assert person.employee_id == employee.pk
    assert AuditEntry.objects.filter(action="intake.person_linked").count() == 1


def test_exact_namesakes_are_counted_and_shown_with_the_candidates(
    trained: ModelVersion,
    django_capture_on_commit_callbacks: Any,
    bawaslu_kab_sleman: User,
    rf: Any,
) -> None:
    from django.template import engines

    for serial in (1, 2):
        add_employee("Ahmad Fauzi", serial=serial)  # Sleman, in the report's province
    add_employee("H. Ahmad Fauzi", serial=3, agency="pemkot-71.71", region="71.71")
    add_employee("Ahmad Fauzi Rahman", serial=4)  # longer: a candidate, not a namesake
    case = submit(django_capture_on_commit_callbacks, person="Pak Ahmad Fauzi")
    row = Suggestion.objects.get(case=case, field="person")
    assert row.register_namesakes == {"province": "34", "in_province": 2, "anywhere": 3}
    template = engines["django"].from_string("{% load triage_workspace %}{% triage_workspace case %}")
    request = rf.get("/")
    request.user = bawaslu_kab_sleman
    with translation.override("id"):
        html = template.render({"case": case}, request)
    assert "3 orang di register bernama persis seperti ini (2 di antaranya di provinsi laporan)" in html
    assert f"/triage/perkara/{case.pk}/terlapor/{row.pk}/persempit/" in html  # narrow the search
    # The agency and region lists are asked for as the supervisor types, not sent with every page.
    assert (
        'data-options="/triage/pilihan/instansi/"' in html
        and 'data-options="/triage/pilihan/wilayah/"' in html
    )
    assert "Pemerintah Kota Manado" not in html and "triage/narrow.js" in html

    other = submit(django_capture_on_commit_callbacks, person="Ahmad Fauzi Rahman")
    row = Suggestion.objects.get(case=other, field="person")
    assert row.register_namesakes["anywhere"] == 1
    with translation.override("id"):
        html = template.render({"case": other}, request)
    assert "Ahmad Fauzi Rahman" in html and "bernama persis" not in html  # one person: nothing to warn
