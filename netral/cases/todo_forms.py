"""The workspace's forms for assignees, tasks and replies to the reporter (English source strings; the
Indonesian messages come from the cases catalogue)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from netral.cases import todos
from netral.cases.models import Case
from netral.intake.services import MAX_MESSAGE_LENGTH


class AssigneeChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        name = obj.get_full_name() or obj.get_username()
        institution = obj.institution.name if obj.institution_id else ""
        return f"{name} · {obj.get_role_display()} · {institution}" if institution else name


def _assignee_field(case: Case) -> AssigneeChoice:
    return AssigneeChoice(
        queryset=todos.eligible_assignees(case),
        label=_("Person"),
        empty_label="—",
        error_messages={
            "required": _("Choose the person."),
            "invalid_choice": _("This person cannot be assigned to the case at its current stage."),
        },
    )


class AssignForm(forms.Form):
    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "assign")
        super().__init__(*args, **kwargs)
        self.fields["user"] = _assignee_field(case)


class TaskForm(forms.Form):
    title = forms.CharField(
        label=_("Task"),
        max_length=todos.TITLE_MAX,
        help_text=_("What is to be done. Never write the reporter's identity here."),
        error_messages={
            "required": _("Write the task."),
            "max_length": _("At most %(limit_value)d characters."),
        },
    )
    due_date = forms.DateField(
        label=_("Due date (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a valid date.")},
    )

    def __init__(self, *args: Any, case: Case, today: dt.date, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "task")
        super().__init__(*args, **kwargs)
        self.fields["assignee"] = _assignee_field(case)
        self.fields["assignee"].label = _("For")
        self.order_fields(["title", "assignee", "due_date"])
        self.today = today

    def clean_title(self) -> str:
        title = str(self.cleaned_data["title"]).strip()
        if not title:
            raise forms.ValidationError(_("Write the task."))
        return title

    def clean_due_date(self) -> dt.date | None:
        due: dt.date | None = self.cleaned_data.get("due_date")
        if due is not None and due < self.today:
            raise forms.ValidationError(_("The due date cannot be in the past."))
        return due


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your message to the reporter"),
        max_length=MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_MESSAGE_LENGTH}),
        error_messages={
            "required": _("Write a message."),
            "max_length": _("At most %(limit_value)d characters."),
        },
    )

    def __init__(self, *args: Any, report_pk: int, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"reply-{report_pk}")
        super().__init__(*args, **kwargs)
