"""The workspace's forms for the steps that carry data (recommendation, decree, block, forwarding to Gakkumdu
or another body, outcome, extension, sending to the PPK, leaving the service) and for the classification.

A step names its form in `workflow.Step.form`. Forms parse and validate what a person typed, and a valid
step form's `submit(user)` passes the cleaned values to the step's function (`sanctions`, `routes`,
`extension`, `known_on`), which checks role, state and scope again. Messages are English source strings
with Indonesian translations.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from netral.accounts.models import User
from netral.cases import extension, known_on, routes, sanctions
from netral.cases.errors import TransitionRefused
from netral.cases.models import SANCTION_MONTHS, Case, Employment, ExternalRoute, Recommendation, SanctionForm
from netral.catalogue.models import CatalogueItem, SanctionLevel, ViolationGroup
from netral.catalogue.services import current_items
from netral.personnel.models import Agency, Employee

TEXT_MAX = 4000
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _text(label: Any, *, required: bool = True, rows: int = 3, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=TEXT_MAX,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class ItemChoiceField(forms.ModelChoiceField[CatalogueItem]):
    def label_from_instance(self, obj: CatalogueItem) -> str:
        return f"{obj.code} · {obj.act}"


class AgencyChoiceField(forms.ModelChoiceField[Agency]):
    def label_from_instance(self, obj: Agency) -> str:
        return obj.name


def _agencies() -> Any:
    return Agency.objects.order_by("kind", "name")


class StepForm(forms.Form):
    """Base of the step forms: every step form knows its case (for choices and initial values)."""

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        self.case = case
        super().__init__(*args, **kwargs)

    def submit(self, user: User) -> None:
        """Take the step with the cleaned data (raises TransitionRefused)."""
        raise NotImplementedError


def _recommendation(case: Case) -> Recommendation:
    recommendation = Recommendation.objects.filter(case=case).last()
    if recommendation is None:
        raise TransitionRefused(str(_("This case has no recommendation.")), "invalid")
    return recommendation


class BlockForm(StepForm):
    """Blocking the personnel data: a reason must be given."""

    reason = _text(_("Reason"))

    def submit(self, user: User) -> None:
        sanctions.block(self.case, actor=user, reason=self.cleaned_data["reason"].strip())


class RecommendationForm(StepForm):
    item = ItemChoiceField(
        queryset=CatalogueItem.objects.none(),
        empty_label="—",
        label=_("Proposed catalogue item"),
        error_messages={"required": _("Choose the catalogue item of the violation.")},
    )
    sanction_level = forms.ChoiceField(label=_("Sanction level"), choices=SanctionLevel.choices)
    agency = AgencyChoiceField(
        queryset=Agency.objects.none(),
        empty_label="—",
        label=_("Agency addressed (its PPK imposes the sanction)"),
        error_messages={"required": _("Choose the agency whose PPK the recommendation is addressed to.")},
    )
    reported_person = forms.ChoiceField(label=_("Reported civil servant"), required=False)
    superior_knew_and_did_nothing = forms.BooleanField(
        label=_("A superior knew of the violation and did nothing (PP 94/2021 Pasal 28)"), required=False
    )
    text = _text(_("Text of the recommendation"), rows=5)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, case=case, **kwargs)
        item_field = self.fields["item"]
        assert isinstance(item_field, ItemChoiceField)
        item_field.queryset = current_items()
        agency_field = self.fields["agency"]
        assert isinstance(agency_field, AgencyChoiceField)
        agency_field.queryset = _agencies()
        persons = [
            person
            for link in case.case_reports.select_related("report")
            for person in link.report.reported_persons.select_related("employee")
        ]
        self.persons = {str(person.pk): person for person in persons}
        choices: list[tuple[str, str]] = [("", "—")]
        for person in persons:
            if person.employee is not None:
                linked = str(_("in the register, NIP %(nip)s") % {"nip": person.employee.nip})
            else:
                linked = str(_("not linked to the register"))
            choices.append((str(person.pk), f"{person.name or '—'} ({person.position or '—'}; {linked})"))
        reported = self.fields["reported_person"]
        assert isinstance(reported, forms.ChoiceField)
        reported.choices = choices
        if case.item_id:
            self.initial.setdefault("item", case.item_id)
            if case.item is not None:
                self.initial.setdefault("sanction_level", case.item.sanction_level)
        if case.agency_id:
            self.initial.setdefault("agency", case.agency_id)
        if len(persons) == 1:
            self.initial.setdefault("reported_person", str(persons[0].pk))

    def clean_reported_person(self) -> Any:
        value = self.cleaned_data.get("reported_person") or ""
        return self.persons.get(value) if value else None

    def submit(self, user: User) -> None:
        data = self.cleaned_data
        sanctions.recommend(
            self.case,
            actor=user,
            item=data["item"],
            sanction_level=data["sanction_level"],
            agency=data["agency"],
            reported_person=data["reported_person"],
            superior_knew_and_did_nothing=data["superior_knew_and_did_nothing"],
            text=data["text"].strip(),
        )


class SendToPpkForm(StepForm):
    note = _text(_("Cover letter number or note (optional)"), required=False, rows=2)
    confirm = forms.BooleanField(
        label=_("I have checked the recommendation below; send it to the PPK."),
        error_messages={"required": _("Tick the confirmation to send the recommendation.")},
    )

    def submit(self, user: User) -> None:
        sanctions.send_to_ppk(self.case, actor=user, reason=self.cleaned_data["note"].strip())


class DecreeForm(StepForm):
    number = forms.CharField(
        label=_("Decree number"),
        max_length=100,
        error_messages={"required": _("Write the number of the decree.")},
    )
    date = forms.DateField(
        label=_("Decree date"), widget=DATE, error_messages={"required": _("Write the date of the decree.")}
    )
    form = forms.ChoiceField(label=_("Sanction imposed"))
    start = forms.DateField(
        label=_("Sanction starts on"),
        required=False,
        widget=DATE,
        help_text=_("Needed for sanctions that run for months; the end date is computed from the form."),
    )
    pppk = forms.BooleanField(label=_("The civil servant is a PPPK (contract civil servant)"), required=False)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, case=case, **kwargs)
        field = self.fields["form"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = sanction_form_choices()
        self.initial.setdefault("pppk", case.employment == Employment.PPPK)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        form, start, date = data.get("form"), data.get("start"), data.get("date")
        if form in SANCTION_MONTHS and start is None:
            self.add_error("start", _("This sanction runs for months: write the day it starts."))
        if start is not None and date is not None and start < date:
            self.add_error("start", _("The sanction cannot start before the decree date."))
        if date is not None and date > local_today(self.case):
            self.add_error("date", _("The decree date cannot be in the future."))
        return data

    def submit(self, user: User) -> None:
        data = self.cleaned_data
        decree = sanctions.DecreeInput(
            number=data["number"],
            date=data["date"],
            form=data["form"],
            start=data["start"],
            pppk=data["pppk"],
        )
        sanctions.record_sanction(_recommendation(self.case), actor=user, decree=decree)


def sanction_form_choices() -> list[tuple[Any, Any]]:
    """The penalty forms grouped by their legal basis (PP 94/2021 Pasal 8, UU ASN, PP 42/2004 Pasal 15)."""
    label = dict(SanctionForm.choices)
    light = ("oral_reprimand", "written_reprimand", "written_dissatisfaction")
    moderate = ("tukin_cut_6", "tukin_cut_9", "tukin_cut_12")
    heavy = ("demotion_12", "release_12", "dismissal_honourable")
    return [
        ("", "—"),
        (_("PP 94/2021 Pasal 8: light"), [(code, label[code]) for code in light]),
        (_("PP 94/2021 Pasal 8: moderate"), [(code, label[code]) for code in moderate]),
        (_("PP 94/2021 Pasal 8: heavy"), [(code, label[code]) for code in heavy]),
        (_("UU ASN"), [("dismissal_not_honourable", label["dismissal_not_honourable"])]),
        (
            _("PP 42/2004 Pasal 15: moral sanction"),
            [(code, label[code]) for code in ("moral_closed", "moral_open")],
        ),
    ]


def local_today(case: Case) -> dt.date:
    from django.utils import timezone

    return timezone.now().astimezone(case.region.zoneinfo).date()


class LeftServiceForm(StepForm):
    WAYS = [
        ("retired", _("retired")),
        ("resigned", _("resigned at own request")),
        ("died", _("died")),
        ("dismissed", _("dismissed for another reason")),
        ("contract_ended", _("PPPK contract ended")),
    ]
    how = forms.ChoiceField(label=_("How the civil servant left the service"), choices=[("", "—"), *WAYS])
    on = forms.DateField(label=_("Effective date"), widget=DATE)
    note = _text(_("Decree number or note"), required=False, rows=2)

    def clean_on(self) -> dt.date:
        value: dt.date = self.cleaned_data["on"]
        if value > local_today(self.case):
            raise forms.ValidationError(_("The date cannot be in the future."))
        return value

    def reason(self) -> str:
        data = self.cleaned_data
        how = str(dict(self.WAYS)[data["how"]])
        text = f"{how.capitalize()} ({data['on']:%Y-%m-%d})"
        return f"{text}. {data['note'].strip()}" if data.get("note", "").strip() else text

    def submit(self, user: User) -> None:
        sanctions.record_left_service(_recommendation(self.case), actor=user, reason=self.reason())


class ForwardForm(StepForm):
    receiving_body = forms.CharField(
        label=_("Receiving body"),
        max_length=200,
        error_messages={"required": _("Name the body the case is forwarded to.")},
    )
    reason = _text(_("Reason or note (optional)"), required=False, rows=2)
    route = ""

    def submit(self, user: User) -> None:
        data = self.cleaned_data
        routes.forward(
            self.case,
            actor=user,
            route=self.route,
            receiving_body=data["receiving_body"],
            reason=data["reason"],
        )


class GakkumduForm(ForwardForm):
    route = ExternalRoute.Route.GAKKUMDU

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, case=case, **kwargs)
        self.initial.setdefault("receiving_body", f"Sentra Gakkumdu {case.region.name}")
        self.fields["receiving_body"].help_text = _("The integrated criminal-enforcement desk of the region.")


class OtherBodyForm(ForwardForm):
    route = ExternalRoute.Route.OTHER

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, case=case, **kwargs)
        self.fields["receiving_body"].help_text = _(
            "E.g. the employing agency of a temporary staff member (honorer), or the regent for a village "
            "head."
        )


class OutcomeForm(StepForm):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[("", "—"), *ExternalRoute.Outcome.choices])
    reference = forms.CharField(
        label=_("Reference (letter or decision number)"), max_length=200, required=False
    )
    note = _text(_("What the receiving body reported"), rows=3)

    def submit(self, user: User) -> None:
        data = self.cleaned_data
        routes.record_outcome(
            self.case, actor=user, outcome=data["outcome"], reference=data["reference"], note=data["note"]
        )


class ExtensionForm(StepForm):
    reason = _text(
        _("Information still needed"),
        help_text=_(
            "The decision deadline is extended once (Pemilu: up to 14 working days after registration; "
            "Pilkada: 2 more days)."
        ),
    )

    def submit(self, user: User) -> None:
        extension.extend_decision(self.case, actor=user, reason=self.cleaned_data["reason"])


class KnownOnForm(StepForm):
    known_on = forms.DateField(
        label=_("Day the reporter learned of the event"),
        widget=DATE,
        help_text=_(
            "As found in the initial review. The reporting window is computed again from this day as it "
            "stood when the report was received, and the report is marked expired (daluwarsa) or not."
        ),
        error_messages={"required": _("Write the day the reporter learned of the event.")},
    )
    reason = _text(_("How the initial review found this day"))

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, case=case, **kwargs)
        # The reports in the order they joined the case: the first opened it (`known_on.originating_report`).
        reports = list(
            case.case_reports.order_by("added_at", "pk").values_list(
                "report__tracking_code", "report__known_on", "report__daluwarsa"
            )
        )
        self.fields["known_on"].initial = reports[0][1] if reports else None
        if len(reports) > 1:  # merged duplicates: each report has its own reporter and day
            expired = _("expired")
            self.fields["report"] = forms.ChoiceField(
                label=_("Report"),
                choices=[
                    (code, f"{code} · {day:%d-%m-%Y}" + (f" · {expired}" if late else ""))
                    for code, day, late in reports
                ],
                initial=reports[0][0],
                help_text=_("The case is expired only while every report in it is."),
            )
            self.order_fields(["report", "known_on", "reason"])

    def submit(self, user: User) -> None:
        data = self.cleaned_data
        known_on.correct_known_on(
            self.case,
            actor=user,
            known_on=data["known_on"],
            reason=data["reason"],
            report=data.get("report", ""),
        )


class ClassificationForm(StepForm):
    group = forms.ChoiceField(label=_("Violation group"), required=False)
    item = ItemChoiceField(
        queryset=CatalogueItem.objects.none(), empty_label="—", label=_("Catalogue item"), required=False
    )
    employment = forms.ChoiceField(label=_("Employment status"), choices=Employment.choices)
    position_class = forms.ChoiceField(
        label=_("Position class"), required=False, choices=[("", "—"), *Employee.PositionClass.choices]
    )
    agency = AgencyChoiceField(
        queryset=Agency.objects.none(), empty_label="—", label=_("Agency"), required=False
    )
    reason = _text(_("Reason for the change (optional)"), required=False, rows=2)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, case=case, **kwargs)
        group = self.fields["group"]
        assert isinstance(group, forms.ChoiceField)
        group.choices = [
            ("", "—"),
            *((g.code, g.label) for g in ViolationGroup.objects.order_by("order", "code")),
        ]
        item = self.fields["item"]
        assert isinstance(item, ItemChoiceField)
        item.queryset = current_items()
        agency = self.fields["agency"]
        assert isinstance(agency, AgencyChoiceField)
        agency.queryset = _agencies()
        for name in ("group", "employment", "position_class"):
            self.initial.setdefault(name, getattr(case, name))
        self.initial.setdefault("item", case.item_id)
        self.initial.setdefault("agency", case.agency_id)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        item, group = data.get("item"), data.get("group") or ""
        if item is not None and not group:
            data["group"] = group = item.group.code
        if item is not None and item.group.code != group:
            self.add_error(
                "item",
                _("Item %(item)s belongs to another group (%(group)s).")
                % {"item": item.code, "group": item.group.label},
            )
        if group == "bukan_pelanggaran" and item is not None:
            self.add_error("item", _("“Not a violation” has no catalogue item."))
        return data
