"""Triage suggestions shown in the case workspace (imported by `triage.models`).

A `Suggestion` is one proposed value for one field of a case, made from one report: the violation
group (with its top 3), the catalogue item, the employment status, or, for each reported person, the
top 5 register candidates (`field = "person"`). It stores the model version that made it and the
entities extracted from the report. A supervisor accepts, corrects or rejects it; nothing is written
into the case or linked to the register until then (`triage.suggestions`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser


class SuggestionQuerySet(models.QuerySet["Suggestion"]):
    def visible_to(self, user: RequestUser | None) -> SuggestionQuerySet:
        """Suggestions of cases `user` may see (`Case.objects.visible_to`)."""
        from netral.cases.models import Case

        return self.filter(case__in=Case.objects.visible_to(user).values("pk"))

    def pending(self) -> SuggestionQuerySet:
        return self.filter(status=Suggestion.Status.PENDING)


class Suggestion(models.Model):
    class Field(models.TextChoices):
        GROUP = "group", _("violation group")
        ITEM = "item", _("catalogue item")
        EMPLOYMENT = "employment", _("employment status")
        PERSON = "person", _("register entry of a reported person")

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        ACCEPTED = "accepted", _("accepted")
        CORRECTED = "corrected", _("corrected")
        REJECTED = "rejected", _("rejected")

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="triage_suggestions", verbose_name=_("case")
    )
    report = models.ForeignKey(
        "intake.Report",
        on_delete=models.CASCADE,
        related_name="triage_suggestions",
        verbose_name=_("report"),
    )
    # For field "person": the reported person the register candidates are for.
    reported_person = models.ForeignKey(
        "intake.ReportedPerson",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="triage_suggestions",
        verbose_name=_("reported person"),
    )
    field = models.CharField(_("field"), max_length=20, choices=Field.choices, db_index=True)
    # The suggested value: a code ("media_sosial", "D6", "pns"), null when nothing could be suggested,
    # or for "person" the list of candidates [{"employee_id", "nip", "name", "score", "reasons", ...}].
    value = models.JSONField(_("suggested value"), null=True, blank=True)
    # For "person": how many register people bear exactly the reported name
    # ({"province": "34", "in_province": 3, "anywhere": 41}); the name alone cannot tell them apart.
    register_namesakes = models.JSONField(_("exact namesakes in the register"), default=dict, blank=True)
    confidence = models.FloatField(_("confidence"), default=0.0)
    top3 = models.JSONField(_("top 3"), default=list, blank=True)
    entities = models.JSONField(_("entities"), default=dict, blank=True)
    model_version = models.CharField(_("model version"), max_length=64, blank=True, default="")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    # What the supervisor decided: the accepted or corrected value (for "person": the employee id or null).
    decided_value = models.JSONField(_("decided value"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="triage_decisions",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    objects = SuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["case", "report", "field", "pk"]
        verbose_name = _("triage suggestion")
        verbose_name_plural = _("triage suggestions")
        indexes = [models.Index(fields=["case", "status"], name="triage_sugg_case_status_idx")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.field}: {self.value!r} ({self.status})"
