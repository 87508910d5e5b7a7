"""Rows that some Bawaslu-stage steps carry besides their Transition: the extension of the decision clock,
the Gakkumdu / other-law routes, and the history of a case's classification.

Written only by `extension.py`, `routes.py` and `classification.py`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.cases.models.case import CaseChildQuerySet


class DecisionExtension(models.Model):
    """The one extension of a case's decision clock for more information (Pemilu: up to 14 working days
    after registration; Pilkada: 2 more days). The deadline row keeps the new due moment; this row keeps
    the old one. One per case (the unique case is the database's guard of "only once")."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.PROTECT, related_name="decision_extension", verbose_name=_("case")
    )
    deadline = models.OneToOneField(
        "cases.Deadline", on_delete=models.PROTECT, related_name="extension", verbose_name=_("deadline")
    )
    clock = models.CharField(_("extension clock"), max_length=50)
    previous_due_date = models.DateField(_("previous due date"))
    previous_due_at = models.DateTimeField(_("previous due at"))
    due_date = models.DateField(_("new due date"))
    due_at = models.DateTimeField(_("new due at"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("information needed"))
    at = models.DateTimeField(_("at"))

    objects = CaseChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision extension")
        verbose_name_plural = _("decision extensions")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.previous_due_date} → {self.due_date}"


class ExternalRoute(models.Model):
    """A case forwarded to Gakkumdu (criminal screening) or to another body under another law (an
    honorer to their agency, a village head to the regent), and the outcome that body reports back."""

    class Route(models.TextChoices):
        GAKKUMDU = "gakkumdu", _("Gakkumdu")
        OTHER = "other", _("another body")

    class Outcome(models.TextChoices):
        CONTINUED = "continued", _("followed up (investigation, prosecution or sanction)")
        STOPPED = "stopped", _("stopped (not enough evidence or not an offence)")
        SANCTIONED = "sanctioned", _("sanctioned or convicted")
        OTHER = "other", _("other outcome")

    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="external_routes", verbose_name=_("case")
    )
    route = models.CharField(_("route"), max_length=10, choices=Route.choices)
    receiving_body = models.CharField(_("receiving body"), max_length=200)
    forwarded_at = models.DateTimeField(_("forwarded at"))
    forwarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    outcome_reference = models.CharField(
        _("reference (letter or decision number)"), max_length=200, blank=True
    )
    outcome_note = models.TextField(_("outcome note"), blank=True)
    outcome_at = models.DateTimeField(_("outcome recorded at"), null=True, blank=True)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = CaseChildQuerySet.as_manager()

    class Meta:
        ordering = ["forwarded_at", "pk"]
        verbose_name = _("external route")
        verbose_name_plural = _("external routes")
        constraints = [models.UniqueConstraint(fields=["case", "route"], name="cases_route_once_per_case")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.route} → {self.receiving_body}"


class ClassificationChange(models.Model):
    """One change of a case's classification (append-only history; `classification.classify_case`)."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="classification_changes", verbose_name=_("case")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor_role = models.CharField(_("actor role"), max_length=40, blank=True)
    before = models.JSONField(_("before"))
    after = models.JSONField(_("after"))
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("at"))

    objects = CaseChildQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("classification change")
        verbose_name_plural = _("classification changes")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.after}"
