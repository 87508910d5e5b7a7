"""Issued documents (PDF letters) and forwarding packages between institutions.

Written only by `documents.py` and `forwarding.py`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.cases.models.case import CaseChildQuerySet


class DocumentKind(models.TextChoices):
    """The letters a case produces; the value is the URL slug (`/perkara/<number>/dokumen/<kind>.pdf`)."""

    RECEIPT = "tanda-terima", _("receipt of report")
    INITIAL_REVIEW = "kajian-awal", _("initial-review result")
    STUDY = "kajian", _("study result")
    FORWARDING = "penerusan", _("forwarding letter")
    RECOMMENDATION = "rekomendasi", _("recommendation")
    WARNING = "peringatan", _("warning letter")


class Document(models.Model):
    """One issue of a document: who issued it when, its number and the SHA-256 of the PDF handed out
    (the bytes are not kept; a copy shown later can be checked against the hash)."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="documents", verbose_name=_("case")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    sequence = models.PositiveIntegerField(_("sequence"))
    number = models.CharField(_("document number"), max_length=80, unique=True)
    sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64)
    with_identity = models.BooleanField(_("carries the reporter's identity"), default=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("issued by")
    )
    issued_at = models.DateTimeField(_("issued at"))

    objects = CaseChildQuerySet.as_manager()

    class Meta:
        ordering = ["issued_at", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(fields=["case", "kind", "sequence"], name="cases_document_sequence")
        ]

    def __str__(self) -> str:
        return self.number


class ForwardingPackage(models.Model):
    """What one institution hands to the next (case summary, decision, evidence list without file
    bytes, recommendation), redacted for the receiver, and the receiver's acknowledgement of receipt."""

    class Kind(models.TextChoices):
        TO_AUTHORITY = "to_authority", _("to the ASN authority")
        TO_PPK = "to_ppk", _("to the PPK")
        TO_GAKKUMDU = "to_gakkumdu", _("to Gakkumdu")
        TO_OTHER = "to_other", _("to another body")

    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="packages", verbose_name=_("case")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    from_institution = models.ForeignKey(
        "accounts.Institution",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from"),
    )
    to_institution = models.ForeignKey(
        "accounts.Institution",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("to"),
    )
    # The receiver's name when it is not an institution of netral (Gakkumdu, another body).
    to_name = models.CharField(_("receiver"), max_length=200, blank=True)
    contents = models.JSONField(_("contents"))
    # True when the reporter's identity is withheld from the receiver (every receiver but an entitled
    # Bawaslu). The identity itself is never stored in `contents`.
    redacted = models.BooleanField(_("redacted"), default=True)
    sent_at = models.DateTimeField(_("sent at"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = CaseChildQuerySet.as_manager()

    class Meta:
        ordering = ["sent_at", "pk"]
        verbose_name = _("forwarding package")
        verbose_name_plural = _("forwarding packages")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.kind} ({self.sent_at:%Y-%m-%d})"
