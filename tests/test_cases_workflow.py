"""The workflow table (`cases.workflow`): every step written out by hand once more, what each derived view
reads from it, `actions.check` (validates without writing), and the database's own guards of the states
and of one open deadline per clock."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.cases import actions, forms, merging, workflow
from netral.cases.models import Case, Deadline, DocumentKind, ForwardingPackage, Transition
from netral.cases.views.page import step_form
from netral.cases.workflow import STEP_BY_NAME, STEPS, State
from netral.triage import duplicates
from tests.test_cases_support import new_case, walk

STAFF, COMMISSIONER, ANALYST = "bawaslu_staff", "bawaslu_commissioner", "authority_analyst"
PPK, KEMENDAGRI, SYSTEM = "ppk_officer", "kemendagri_officer", "system"
AFTER_PPK = {"sent_to_ppk", "ppk_overdue", "warned", "blocked"}

# Written by hand from docs/cases.md: step → (from states, to state or None for "stays", roles).
GOLDEN: dict[str, tuple[set[str], str | None, set[str]]] = {
    "open_case": (set(), "received", {"*"}),
    "start_initial_review": ({"received"}, "initial_review", {STAFF}),
    "register": ({"initial_review"}, "registered", {STAFF}),
    "reject_formal": ({"initial_review"}, "rejected_formal", {STAFF}),
    "reject_expired": ({"initial_review"}, "rejected_expired", {STAFF}),
    "start_clarification": ({"registered"}, "clarification", {STAFF}),
    "start_study": ({"clarification"}, "study", {STAFF}),
    "to_plenary": ({"study"}, "plenary", {STAFF}),
    "decide_violation": ({"plenary"}, "violation", {COMMISSIONER}),
    "decide_not_violation": ({"plenary"}, "not_violation", {COMMISSIONER}),
    "forward_to_authority": ({"violation"}, "forwarded_asn_authority", {STAFF}),
    "forward_to_gakkumdu": ({"violation"}, "forwarded_gakkumdu", {STAFF}),
    "forward_to_other": ({"violation"}, "forwarded_other", {STAFF}),
    "extend_decision": ({"registered", "clarification", "study"}, None, {STAFF}),
    "record_gakkumdu_outcome": ({"forwarded_gakkumdu"}, "gakkumdu_concluded", {STAFF}),
    "record_other_outcome": ({"forwarded_other"}, "other_concluded", {STAFF}),
    "merge_into": ({"received", "initial_review"}, "merged", {STAFF}),
    "correct_known_on": ({"received", "initial_review"}, None, {STAFF}),
    "acknowledge_receipt": ({"forwarded_asn_authority"}, "authority_received", {ANALYST}),
    "verify": ({"authority_received"}, "verified", {ANALYST}),
    "find_not_proven": ({"verified"}, "not_proven", {ANALYST}),
    "reject_at_authority": ({"verified"}, "rejected", {ANALYST}),
    "recommend": ({"verified"}, "recommended", {ANALYST}),
    "send_to_ppk": ({"recommended"}, "sent_to_ppk", {ANALYST}),
    "record_sanction": (AFTER_PPK, "sanctioned", {PPK}),
    "record_left_service": (AFTER_PPK, "left_service", {PPK}),
    "mark_ppk_overdue": ({"sent_to_ppk"}, "ppk_overdue", {SYSTEM}),
    "warn_ppk": ({"ppk_overdue"}, "warned", {KEMENDAGRI}),
    "block": ({"warned"}, "blocked", {ANALYST, SYSTEM}),
    "unblock": ({"sanctioned", "left_service"}, "unblocked", {ANALYST, SYSTEM}),
}


def test_the_table_is_the_hand_written_workflow() -> None:
    assert {step.name: (set(step.sources), step.target, set(step.roles)) for step in STEPS} == GOLDEN


def test_the_derived_views_read_the_table() -> None:
    assert {
        "reject_formal",
        "reject_expired",
        "decide_not_violation",
        "find_not_proven",
        "reject_at_authority",
    } == {step.name for step in STEPS if step.reason_required}
    assert {
        "recommend",
        "record_sanction",
        "record_left_service",
        "block",
        "forward_to_gakkumdu",
        "forward_to_other",
        "record_gakkumdu_outcome",
        "record_other_outcome",
        "extend_decision",
        "merge_into",
        "correct_known_on",
    } == (data := {step.name for step in STEPS if step.carries_data})
    assert (data - {"merge_into"}) | {"send_to_ppk"} == {step.name for step in STEPS if step.form}
    assert {step.name: step.package for step in STEPS if step.package} == {
        "forward_to_authority": "to_authority",
        "send_to_ppk": "to_ppk",
        "forward_to_gakkumdu": "to_gakkumdu",
        "forward_to_other": "to_other",
    }
    assert workflow.produced_by(DocumentKind.INITIAL_REVIEW) == {
        "registered",
        "rejected_formal",
        "rejected_expired",
    }
    assert workflow.produced_by(DocumentKind.RECEIPT) == {"received"}
    assert workflow.produced_by(DocumentKind.WARNING) == {"warned"}


def test_every_name_the_table_gives_exists() -> None:
    kinds, documents = set(ForwardingPackage.Kind.values), set(DocumentKind.values)
    for step in STEPS:
        assert not step.package or step.package in kinds, step.name
        assert not step.document or step.document in documents, step.name
        if step.form:
            form = step_form(step)
            assert issubclass(form, forms.StepForm) and form.submit is not forms.StepForm.submit, step.name
        assert str(step.label), step.name
    assert set(workflow.NOTIFY) == set(State.values)  # every state says who is told
    for clock in workflow.CLOCKS:
        if clock.on_overdue:
            assert SYSTEM in STEP_BY_NAME[clock.on_overdue].roles, clock.name


def test_labels_come_in_both_languages() -> None:
    from django.utils import translation

    with translation.override("id"):
        assert workflow.state_label("received") == "Diterima"
    with translation.override("en"):
        assert workflow.state_label("received") == "Received"
        assert workflow.step_label("register") == "Register"
        assert workflow.clock_label("pemilu.decision") == "Plenary decision"
        assert workflow.state_label("") == "—"


@pytest.mark.django_db
def test_check_validates_and_writes_nothing(bawaslu_kab_sleman: User, bkn_analyst: User) -> None:
    case = new_case()
    before = (Transition.objects.count(), AuditEntry.objects.count(), Case.objects.get(pk=case.pk).version)
    assert actions.check(case, "start_initial_review", bawaslu_kab_sleman).name == "start_initial_review"
    for step, actor, code in [
        ("nonsense", bawaslu_kab_sleman, "unknown_action"),
        ("open_case", bawaslu_kab_sleman, "unknown_action"),  # only intake opens a case
        ("register", bawaslu_kab_sleman, "wrong_state"),
        ("start_initial_review", bkn_analyst, "role"),
    ]:
        with pytest.raises(actions.TransitionRefused) as refused:
            actions.check(case, step, actor)
        assert refused.value.code == code, step
    after = (Transition.objects.count(), AuditEntry.objects.count(), Case.objects.get(pk=case.pk).version)
    assert after == before


@pytest.mark.django_db
def test_the_database_refuses_an_unknown_state() -> None:
    case = new_case()
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.filter(pk=case.pk).update(state="lost")
    with pytest.raises(IntegrityError), transaction.atomic():
        Transition.objects.create(
            case=case, from_state="received", to_state="limbo", action="x", at=case.received_at
        )


@pytest.mark.django_db
def test_one_open_deadline_per_case_and_clock() -> None:
    case = new_case()
    (review,) = Deadline.objects.filter(case=case)
    due = review.due_at + dt.timedelta(days=1)
    fields = {
        "case": case,
        "clock": review.clock,
        "started_on": due.date(),
        "due_date": due.date(),
        "due_at": due,
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        Deadline.objects.create(**fields)
    Deadline.objects.create(**fields, state=Deadline.State.MET)  # an ended one beside it is fine
    Deadline.objects.filter(pk=review.pk).update(state=Deadline.State.MET)
    Deadline.objects.create(**fields)  # and a new open one once the first ended


@pytest.mark.django_db
def test_one_merge_rule_for_the_finder_and_the_action(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User
) -> None:
    steps = ["start_initial_review", "register", "start_clarification", "start_study", "to_plenary"]
    at_plenary = walk(new_case(), steps, bawaslu_kab_sleman, commissioner_kab_sleman)
    studied = walk(new_case(), steps[:-1], bawaslu_kab_sleman, commissioner_kab_sleman)
    assert not workflow.may_merge("received", "plenary") and workflow.may_merge("received", "study")
    for merge in (
        lambda source, target: merging.merge_into(source, target, actor=bawaslu_kab_sleman, reason="sama"),
        lambda source, target: duplicates.merge_cases(
            target, source, actor=bawaslu_kab_sleman, reason="sama"
        ),
    ):
        with pytest.raises(actions.TransitionRefused) as refused:
            merge(new_case(), at_plenary)
        assert refused.value.code == "wrong_state"
    duplicates.merge_cases(studied, new_case(), actor=bawaslu_kab_sleman, reason="Laporan yang sama.")
    assert Case.objects.filter(state="merged").count() == 1
