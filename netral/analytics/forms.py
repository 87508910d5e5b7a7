"""The dashboard filter form: election, period, region (inside the user's scope) and violation group."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from netral.accounts.scope import scope_for
from netral.analytics.queries import NONE, Filters
from netral.catalogue.models import ViolationGroup
from netral.elections.models import Election
from netral.regions.models import Region

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser


class FilterForm(forms.Form):
    election = forms.ChoiceField(label=_("Election"), required=False)
    date_from = forms.DateField(
        label=_("Received from"), required=False, widget=forms.DateInput({"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Received until"), required=False, widget=forms.DateInput({"type": "date"})
    )
    region = forms.ChoiceField(label=_("Region"), required=False)
    group = forms.ChoiceField(label=_("Violation group"), required=False)

    def __init__(self, data: Any, *, user: RequestUser, choices: bool = True) -> None:
        """`choices=False` (the JSON endpoints): load only the rows named in `data`, to validate them."""
        super().__init__(data)
        self.user = user
        given = (lambda name: (data or {}).get(name) or None) if not choices else (lambda name: None)
        elections = Election.objects.order_by("-voting_date")
        groups = ViolationGroup.objects.all()
        if not choices:
            elections = elections.filter(code=given("election")) if given("election") else elections.none()
            groups = groups.filter(code=given("group")) if given("group") else groups.none()
        self._choices("election", [("", _("All elections")), *elections.values_list("code", "name")])
        group_choices = [(group.code, group.label) for group in groups]
        self._choices("group", [("", _("All groups")), *group_choices, (NONE, _("Not classified"))])
        if choices or given("region"):
            self._choices("region", [("", _("All of my area")), *self._regions(given("region"))])
        else:
            self._choices("region", [("", _("All of my area"))])

    def _choices(self, name: str, choices: list[Any]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def _regions(self, only: str | None = None) -> list[tuple[str, str]]:
        """The regions inside the user's scope: provinces (national users) or the province's regencies."""
        scope = scope_for(self.user)
        regions = Region.objects.all()
        if only:
            regions = regions.filter(code=only)
        if not scope.national:
            if scope.region_prefix is None:
                return []
            regions = regions.filter(scope.code_q("code")).exclude(code=scope.region_prefix)
        return [(region.code, f"{region.code} {region.name}") for region in regions.order_by("code")]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end of the period lies before its start."))
        return data

    def filters(self) -> Filters:
        """The valid filters (invalid fields are dropped, never widened beyond the user's scope)."""
        data = (
            self.cleaned_data
            if self.is_valid()
            else {
                name: value
                for name, value in getattr(self, "cleaned_data", {}).items()
                if name not in self.errors
            }
        )
        return Filters(
            election=data.get("election") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            region=data.get("region") or "",
            group=data.get("group") or "",
        )
