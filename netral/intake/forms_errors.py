"""Putting the intake services' per-field messages (API-style keys such as `reporter.nik`,
`reported.1.nip`, `witnesses.2`) back on the HTML form and formset fields they belong to."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext as _

_REPORTER_KEYS = {f"reporter.{n}": f"reporter_{n}" for n in ("name", "nik", "address", "phone", "email")}


def _add(form: forms.Form, field: str | None, messages: Iterable[str]) -> None:
    if field is not None and field in form.fields and form[field].errors:
        return  # the field already says what is wrong with it (e.g. a date that did not parse)
    for message in messages:
        form.add_error(field if field in form.fields else None, message)


def _numbered(key: str, messages: list[str]) -> list[str]:
    """`witnesses.1` -> "Line 2: ..." so the message says which line of the text box is wrong."""
    index = key.rsplit(".", 1)[-1]
    if not index.isdigit():
        return messages
    return [_("Line %(number)d: %(message)s") % {"number": int(index) + 1, "message": m} for m in messages]


def apply_errors(form: forms.Form, formset: Any, indexes: list[int], errors: dict[str, list[str]]) -> None:
    """Attach a ReportValidationError's messages (API-style keys) to the form and formset fields."""
    for key, messages in errors.items():
        head, _dot, rest = key.partition(".")
        if key in _REPORTER_KEYS:
            _add(form, _REPORTER_KEYS[key], messages)
        elif head == "reported":
            position, _dot, field = rest.partition(".")
            if position.isdigit() and int(position) < len(indexes):
                person_form = formset.forms[indexes[int(position)]]
                _add(person_form, field if field in person_form.fields else None, messages)
            elif formset.forms:
                _add(formset.forms[0], "name", messages)
        elif head in ("witnesses", "evidence_urls"):
            _add(form, head, _numbered(key, messages))
        elif key in form.fields and key != "idempotency_key":
            _add(form, key, messages)
        else:
            _add(form, None, messages)
