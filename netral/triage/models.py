"""Triage tables: trained model versions and supervisors' corrections of suggestions.

A `ModelVersion` row describes one trained classifier (the joblib file lives under
NETRAL_DATA_DIR/triage/). A `TriageCorrection` records what a supervisor changed in a suggestion;
confirmed group corrections become training examples for `netral triage train`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser


class ModelVersion(models.Model):
    # Hash of corpus + confirmed corrections + code version: the same inputs give the same version.
    version = models.CharField(_("version"), max_length=64, unique=True)
    code_version = models.CharField(_("code version"), max_length=20)
    corpus_sha256 = models.CharField(_("corpus hash"), max_length=64)
    trained_at = models.DateTimeField(_("trained at"), default=timezone.now)
    examples = models.PositiveIntegerField(_("training examples"), default=0)
    corrections = models.PositiveIntegerField(_("corrections used"), default=0)
    # Held-out metrics at training time (macro_f1, accuracy, per-group numbers).
    metrics = models.JSONField(_("metrics"), default=dict, blank=True)
    path = models.CharField(_("model file"), max_length=500)

    class Meta:
        ordering = ["-trained_at", "-pk"]
        verbose_name = _("triage model version")
        verbose_name_plural = _("triage model versions")

    def __str__(self) -> str:
        return self.version[:12]


class TriageCorrectionQuerySet(models.QuerySet["TriageCorrection"]):
    def visible_to(self, user: RequestUser | None) -> TriageCorrectionQuerySet:
        """Corrections on reports or cases `user` may see."""
        from netral.cases.models import Case
        from netral.intake.models import Report

        return self.filter(
            Q(report__in=Report.objects.visible_to(user).values("pk"))
            | Q(case__in=Case.objects.visible_to(user).values("pk"))
        )

    def confirmed(self) -> TriageCorrectionQuerySet:
        return self.filter(confirmed=True)


class TriageCorrection(models.Model):
    """A supervisor's correction of one suggested field (group, item, employment, region, ...)."""

    report = models.ForeignKey(
        "intake.Report",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="triage_corrections",
        verbose_name=_("report"),
    )
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="triage_corrections",
        verbose_name=_("case"),
    )
    field = models.CharField(_("field"), max_length=40, db_index=True)
    suggested = models.CharField(_("suggested value"), max_length=200, blank=True, default="")
    corrected = models.CharField(_("corrected value"), max_length=200)
    # The text the suggestion was made from, kept so the correction can train the next model.
    text = models.TextField(_("text"), blank=True, default="")
    model_version = models.ForeignKey(
        ModelVersion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="corrections_made",
        verbose_name=_("model version"),
    )
    confirmed = models.BooleanField(_("confirmed"), default=False)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="triage_corrections",
        verbose_name=_("corrected by"),
    )
    at = models.DateTimeField(_("corrected at"), default=timezone.now)

    objects = TriageCorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("triage correction")
        verbose_name_plural = _("triage corrections")
        constraints = [
            models.CheckConstraint(
                condition=Q(report__isnull=False) | Q(case__isnull=False),
                name="triage_correction_has_subject",
            )
        ]

    def __str__(self) -> str:
        return f"{self.field}: {self.suggested} -> {self.corrected}"


# The workspace's suggestions (helper I): a model module of its own, registered here.
from netral.triage.models_suggestions import Suggestion  # noqa: E402

__all__ = ["ModelVersion", "Suggestion", "TriageCorrection"]
