"""HTML forms of the intake UI: the public report form, the supervisors' finding form and the
reported-persons formset.

The forms only parse what the browser sends (text, dates, choices); the rules of a valid report
live in the intake services (`validate_report` / `submit_report`), whose per-field messages are put
back on these fields by `apply_errors`. So every field here is optional for Django, and the fields a
report always needs carry the HTML `required` attribute for assistive technology only (the forms are
`novalidate`, the messages come from the server in the active language).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from netral.accounts.scope import Scope
from netral.elections.models import Election
from netral.intake import services
from netral.intake.models import Report
from netral.intake.validation import MAX_LENGTHS, MAX_REPORTED
from netral.regions.models import Region

# What the file picker offers; the server still decides by content (evidence.py).
ACCEPT = "image/jpeg,image/png,image/webp,image/heic,application/pdf,video/mp4,video/quicktime,video/webm"
IDEMPOTENCY_PREFIX = "web-"
REQUIRED = {"required": True}


def new_submission_key() -> str:
    """A random idempotency key for one filled-in form: a resubmitted form stores no second report."""
    return IDEMPOTENCY_PREFIX + secrets.token_urlsafe(24)


def is_submission_key(value: str) -> bool:
    body = value[len(IDEMPOTENCY_PREFIX) :]
    return (
        value.startswith(IDEMPOTENCY_PREFIX)
        and 16 <= len(body) <= 64
        and all(c.isascii() and (c.isalnum() or c in "-_") for c in body)
    )


def region_choices(scope: Scope | None = None) -> list[tuple[str, Any]]:
    """Regions grouped by province: each group holds the province itself (province level) and its
    regencies/cities. With a supervisor's `scope`, only the regions it covers."""
    regions = Region.objects.order_by("code")
    if scope is not None and scope.region_prefix:
        regions = regions.filter(code__startswith=scope.region_prefix.split(".")[0])
    groups: dict[str, list[tuple[str, str]]] = {}
    names: dict[str, str] = {}
    for code, name, level in regions.values_list("code", "name", "level"):
        province = code[:2]
        if level == Region.Level.PROVINCE:
            names[province] = name
        if scope is not None and not scope.covers_region(code):
            continue
        label = _("%(province)s (province level)") % {"province": name} if level == 1 else name
        groups.setdefault(province, []).append((code, str(label)))
    return [(names.get(province, province), options) for province, options in groups.items()]


def election_choices() -> list[tuple[str, str]]:
    return [
        (code, name) for code, name in Election.objects.order_by("-voting_date").values_list("code", "name")
    ]


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def _text(label: Any, key: str, help_text: Any = "", **attrs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        strip=False,
        help_text=help_text,
        widget=forms.TextInput(attrs={"maxlength": MAX_LENGTHS[key], **attrs}),
    )


def _area(label: Any, key: str | None, help_text: Any = "", rows: int = 4, **attrs: Any) -> forms.CharField:
    limit = {"maxlength": MAX_LENGTHS[key]} if key else {}
    return forms.CharField(
        label=label,
        required=False,
        strip=False,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows, **limit, **attrs}),
    )


class EventForm(forms.Form):
    """What happened, where and when: shared by the public form and the finding form."""

    description = _area(
        _("What happened?"),
        "description",
        _("Describe what the civil servant did, as precisely as you can."),
        rows=5,
        **REQUIRED,
    )
    region_code = forms.ChoiceField(
        label=_("Regency or city"),
        required=False,
        help_text=_("Where it happened. Choose the province level if it concerns the provincial government."),
        widget=forms.Select(attrs=REQUIRED),
    )
    place = _text(_("Place"), "place", _("For example the office, street or village."))
    occurred_on = forms.DateField(label=_("Date it happened"), required=False, widget=DateInput())
    known_on = forms.DateField(
        label=_("Date you learned of it"),
        required=False,
        help_text=_("The reporting window (7 days) starts on this day."),
        widget=DateInput(attrs=REQUIRED),
    )
    election = forms.ChoiceField(label=_("Election"), required=False, widget=forms.Select(attrs=REQUIRED))
    witnesses = _area(_("Witnesses"), None, _("One witness per line: name and how to reach them."), rows=3)
    chronology = _area(_("Chronology"), "chronology", _("The order of events, with times if you know them."))
    evidence_urls = _area(
        _("Links to posts or videos"),
        None,
        _("One link per line, starting with http:// or https:// (for example a social-media post)."),
        rows=3,
        inputmode="url",
    )
    evidence = forms.FileField(
        label=_("Evidence files"),
        required=False,
        help_text=_(
            "Photos (JPEG, PNG, WebP) up to 10 MB, PDF documents up to 20 MB and videos (MP4, MOV, WebM) "
            "up to 100 MB each. You can choose several files."
        ),
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )
    idempotency_key = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self,
        data: Any = None,
        *args: Any,
        regions: Sequence[tuple[str, Any]] | None = None,
        today: Any = None,
        **kwargs: Any,
    ) -> None:
        if data is not None and not is_submission_key(str(data.get("idempotency_key", ""))):
            data = data.copy()  # a missing or forged key: this filled-in form gets a fresh one
            data["idempotency_key"] = new_submission_key()
        super().__init__(data, *args, **kwargs)
        region_field: Any = self.fields["region_code"]
        election_field: Any = self.fields["election"]
        region_list = list(regions if regions is not None else region_choices())
        single = len(region_list) == 1 and len(region_list[0][1]) == 1
        region_field.choices = region_list if single else [("", _("— choose —")), *region_list]
        election_field.choices = [("", _("— choose —")), *election_choices()]
        if today is not None:
            for name in ("occurred_on", "known_on"):
                self.fields[name].widget.attrs["max"] = today.isoformat()
        if not self.is_bound:
            self.initial["idempotency_key"] = new_submission_key()

    def renew_key(self) -> None:
        """Give this filled-in form a new idempotency key (it will be filed as a new report)."""
        data = cast(Any, self.data).copy()
        data["idempotency_key"] = new_submission_key()
        self.data = data

    def value(self, name: str) -> Any:
        """The parsed value of a field, or its empty value when it did not parse."""
        if self.is_valid() or name in self.cleaned_data:
            return self.cleaned_data.get(name)
        return None

    def event_input(self) -> dict[str, Any]:
        text = {
            n: self.value(n) or "" for n in ("description", "region_code", "place", "election", "chronology")
        }
        return {
            **text,
            "occurred_on": self.value("occurred_on"),
            "known_on": self.value("known_on"),
            "witnesses": _lines(self.value("witnesses") or ""),
            "evidence_urls": _lines(self.value("evidence_urls") or ""),
        }


class ReportForm(EventForm):
    """The public report form: the reporter (named or anonymous) and the event."""

    anonymous = forms.ChoiceField(
        label=_("Who is reporting?"),
        required=False,
        choices=[
            ("0", _("I give my name and contact details")),
            ("1", _("I report anonymously")),
        ],
        initial="0",
        help_text=_(
            "Your identity is encrypted and seen only by the Bawaslu officers handling the report. "
            "An anonymous report is harder to follow up: you can only be reached through the status page."
        ),
        widget=forms.RadioSelect,
    )
    reporter_name = _text(_("Your full name"), "reporter.name", autocomplete="name")
    reporter_nik = _text(
        _("NIK"),
        "reporter.nik",
        _("The 16-digit population number on your KTP."),
        inputmode="numeric",
        autocomplete="off",
    )
    reporter_address = _area(_("Address"), "reporter.address", rows=2, autocomplete="street-address")
    reporter_phone = _text(
        _("Phone or WhatsApp number"), "reporter.phone", inputmode="tel", autocomplete="tel"
    )
    reporter_email = forms.CharField(
        label=_("E-mail address"),
        required=False,
        widget=forms.EmailInput(attrs={"maxlength": MAX_LENGTHS["reporter.email"], "autocomplete": "email"}),
    )

    field_order = [
        "anonymous",
        "reporter_name",
        "reporter_nik",
        "reporter_address",
        "reporter_phone",
        "reporter_email",
    ]
    reporter_fields = (
        "reporter_name",
        "reporter_nik",
        "reporter_address",
        "reporter_phone",
        "reporter_email",
    )

    def reporter_input(self) -> tuple[bool, services.ReporterIdentity]:
        anonymous = self.value("anonymous") == "1"
        values = {name.removeprefix("reporter_"): self.value(name) or "" for name in self.reporter_fields}
        return anonymous, services.ReporterIdentity(**values)


class FindingForm(EventForm):
    """A supervisor's own finding (temuan): the event fields only; the supervisor is the reporter."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["known_on"].label = _("Date the finding was made")
        self.fields["description"].label = _("What was found?")


class ReportedPersonForm(forms.Form):
    name = _text(_("Name as you know it"), "name")
    position = _text(_("Position"), "position", _("For example Camat, teacher, head of a department."))
    agency = _text(_("Agency"), "agency", _("Where they work, for example Pemkab Sleman."))
    nip = _text(
        _("NIP (if known)"),
        "nip",
        _("The 18-digit civil-servant number."),
        inputmode="numeric",
        autocomplete="off",
    )

    def person(self) -> services.ReportedPersonInput | None:
        """The entered person, or None for a form left empty."""
        data = getattr(self, "cleaned_data", {}) or {}
        values = {name: (data.get(name) or "") for name in ("name", "position", "agency", "nip")}
        if not any(v.strip() for v in values.values()):
            return None
        return services.ReportedPersonInput(**values)


ReportedPersonFormSet = formset_factory(
    ReportedPersonForm, extra=0, min_num=1, max_num=MAX_REPORTED, absolute_max=MAX_REPORTED, validate_max=True
)
PERSONS_PREFIX = "reported"


def reported_formset(data: Any = None, *, add_one: bool = False) -> Any:
    """The reported-persons formset; `add_one` re-binds it with one more empty form ("add another")."""
    if data is not None and add_one:
        data = data.copy()
        key = f"{PERSONS_PREFIX}-TOTAL_FORMS"
        try:
            total = int(data.get(key, "1"))
        except ValueError:
            total = 1
        data[key] = str(min(max(total, 1) + 1, MAX_REPORTED))
    return ReportedPersonFormSet(data, prefix=PERSONS_PREFIX)


def reported_input(formset: Any) -> tuple[tuple[services.ReportedPersonInput, ...], list[int]]:
    """The filled-in persons and, for each, the index of its form (to put errors back)."""
    formset.is_valid()
    persons, indexes = [], []
    for index, form in enumerate(formset.forms):
        person = form.person()
        if person is not None:
            persons.append(person)
            indexes.append(index)
    return tuple(persons), indexes


class LookupForm(forms.Form):
    """The status page's door: tracking code and receipt secret."""

    tracking_code = forms.CharField(
        label=_("Tracking code"),
        max_length=100,
        help_text=_("For example NTR-7K3M-Q9XD-2W5C."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    receipt_secret = forms.CharField(
        label=_("Receipt secret"),
        max_length=100,
        help_text=_("The 20-character secret shown on your receipt."),
        widget=forms.PasswordInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    # A message written before the session ran out, given back after the secret is entered again.
    draft = forms.CharField(required=False, widget=forms.HiddenInput, max_length=services.MAX_MESSAGE_LENGTH)


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        required=False,
        max_length=services.MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": services.MAX_MESSAGE_LENGTH}),
    )


class EvidenceUploadForm(forms.Form):
    evidence = forms.FileField(
        label=_("Add evidence files"),
        required=False,
        help_text=EventForm.base_fields["evidence"].help_text,
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )


class StaffFilterForm(forms.Form):
    """Filters of the staff report list (GET)."""

    region = forms.ChoiceField(label=_("Region"), required=False)
    daluwarsa = forms.ChoiceField(
        label=_("Reporting window"),
        required=False,
        choices=[("", _("All")), ("no", _("Within the window")), ("yes", _("Expired (daluwarsa)"))],
    )
    channel = forms.ChoiceField(label=_("Channel"), required=False)

    def __init__(self, *args: Any, regions: Sequence[tuple[str, Any]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        region_field: Any = self.fields["region"]
        channel_field: Any = self.fields["channel"]
        region_field.choices = [("", _("All regions")), *regions]
        channel_field.choices = [("", _("All channels")), *Report.Channel.choices]
