"""Reports (laporan) and supervisors' findings (temuan), the reported civil servants, evidence files
and the messages between reporter and handler.

A report holds what was received and nothing of the handling workflow: its only state is
`received`. The cases app (issue 4) turns a report into a case through its actions; the report
does not point at the case.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netral.accounts.scope import NOTHING, scope_for
from netral.intake.crypto import LookupKind, lookup_hashes
from netral.personnel.services import parse_nip

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser


def _report_condition(user: RequestUser | None) -> models.Q | None:
    """The rows of Report a user may see as a Q; None for everything. The one access rule
    (`accounts.scope`):

    superusers, administrators and data custodians see everything; Bawaslu users see reports whose
    region lies in their scope (Bawaslu RI: all); everyone else (ASN authority, PPK, Kemendagri, the
    public) sees no report here. Cases forwarded to them are reached through the cases app.
    """
    scope = scope_for(user)
    if scope.sees_everything:
        return None
    if scope.is_bawaslu:
        return None if scope.national else scope.region_q("region")
    return NOTHING


class ReportQuerySet(models.QuerySet["Report"]):
    def visible_to(self, user: RequestUser | None) -> ReportQuerySet:
        condition = _report_condition(user)
        return self.all() if condition is None else self.filter(condition)

    def with_reporter(self, kind: LookupKind, value: str) -> ReportQuerySet:
        """Reports whose reporter has this NIK, e-mail or phone (matched by keyed hash)."""
        hashes = lookup_hashes(kind, value)
        if not hashes:
            return self.none()
        return self.filter(**{f"reporter_{kind}_hash__in": hashes})


def _through_report(queryset: models.QuerySet[Any], user: RequestUser | None) -> Any:
    condition = _report_condition(user)
    if condition is None:
        return queryset.all()
    return queryset.filter(report__in=Report.objects.filter(condition).values("pk"))


class ChildQuerySet(models.QuerySet[Any]):
    def visible_to(self, user: RequestUser | None) -> Any:
        """Rows of the reports `user` may see (Report.objects.visible_to)."""
        return _through_report(self, user)


class Report(models.Model):
    class Channel(models.TextChoices):
        WEB = "web", _("public web form")
        API = "api", _("API")
        FINDING = "finding", _("supervisor's finding")
        IMPORT = "import", _("bulk import")
        SIGAPLAPOR = "sigaplapor", "SIGAPLAPOR"
        SBT = "sbt", _("SBT (BKN)")
        SP4N_LAPOR = "sp4n_lapor", "SP4N-LAPOR!"
        SPREADSHEET = "spreadsheet", _("spreadsheet")
        OTHER = "other", _("other (letter, walk-in)")

    class Kind(models.TextChoices):
        LAPORAN = "laporan", _("report (laporan)")
        TEMUAN = "temuan", _("finding (temuan)")

    class State(models.TextChoices):
        RECEIVED = "received", _("received")

    tracking_code = models.CharField(_("tracking code"), max_length=20, unique=True)
    receipt_secret_hash = models.CharField(_("receipt secret hash"), max_length=128)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.LAPORAN)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.RECEIVED)

    anonymous = models.BooleanField(_("anonymous"), default=False)
    # Fernet token of the reporter's identity (crypto.ReporterIdentity); "" when anonymous.
    reporter_identity_token = models.TextField(_("reporter identity (encrypted)"), blank=True, default="")
    reporter_nik_hash = models.CharField(_("reporter NIK hash"), max_length=64, blank=True, default="")
    reporter_email_hash = models.CharField(_("reporter e-mail hash"), max_length=64, blank=True, default="")
    reporter_phone_hash = models.CharField(_("reporter phone hash"), max_length=64, blank=True, default="")

    description = models.TextField(_("what happened"))
    chronology = models.TextField(_("chronology"), blank=True, default="")
    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="reports", verbose_name=_("region")
    )
    place = models.CharField(_("place"), max_length=300, blank=True, default="")
    occurred_on = models.DateField(_("date it happened"), null=True, blank=True)
    known_on = models.DateField(_("date the reporter learned of it"))
    election = models.ForeignKey(
        "elections.Election", on_delete=models.PROTECT, related_name="reports", verbose_name=_("election")
    )
    witnesses = models.JSONField(_("witnesses"), default=list, blank=True)
    evidence_urls = models.JSONField(_("evidence links"), default=list, blank=True)

    # The reporting window as computed on receipt (the clock's value may be edited later).
    filing_clock = models.CharField(_("filing clock"), max_length=50)
    filing_last_day = models.DateField(_("last day of the reporting window"))
    daluwarsa = models.BooleanField(_("expired (daluwarsa)"), default=False)

    created_at = models.DateTimeField(_("received at"), default=timezone.now, db_index=True)
    idempotency_key = models.CharField(
        _("idempotency key"), max_length=200, unique=True, null=True, blank=True
    )
    # HMAC of the submitted content: a retry with the same key must carry the same content.
    request_fingerprint = models.CharField(_("request fingerprint"), max_length=64, blank=True, default="")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submitted_reports",
        verbose_name=_("submitted by"),
        help_text=_("The supervisor who recorded a finding, or the staff member who entered a report."),
    )

    # When the report was put into the workflow (its audit entry written and its case opened).
    # Empty while it waits in the intake queue (intake/filing.py); set in the same transaction.
    filed_at = models.DateTimeField(_("filed into the workflow at"), null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [
            # The intake queue: the few reports not filed yet, in order of arrival.
            models.Index(
                fields=["id"], name="intake_report_unfiled_idx", condition=models.Q(filed_at__isnull=True)
            ),
            models.Index(fields=["region", "created_at"], name="intake_report_region_idx"),
            models.Index(fields=["reporter_nik_hash"], name="intake_report_nik_hash_idx"),
            models.Index(fields=["reporter_email_hash"], name="intake_report_email_hash_idx"),
            models.Index(fields=["reporter_phone_hash"], name="intake_report_phone_hash_idx"),
        ]

    def __str__(self) -> str:
        return self.tracking_code


class ReportedPerson(models.Model):
    """A civil servant named in a report, as the reporter knows them."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="reported_persons", verbose_name=_("report")
    )
    name = models.CharField(_("name"), max_length=200, blank=True, default="")
    position = models.CharField(_("position"), max_length=200, blank=True, default="")
    agency = models.CharField(_("agency"), max_length=200, blank=True, default="")
    nip = models.CharField("NIP", max_length=18, blank=True, default="")
    employee = models.ForeignKey(
        "personnel.Employee",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("register entry"),
    )

    objects = ChildQuerySet.as_manager()

    class Meta:
        ordering = ["report", "pk"]
        verbose_name = _("reported person")
        verbose_name_plural = _("reported persons")

    def __str__(self) -> str:
        return self.name or self.position or f"#{self.pk}"

    def clean(self) -> None:
        super().clean()
        if self.nip:
            info = parse_nip(self.nip)
            if not info.valid:
                raise ValidationError({"nip": info.messages})
            self.nip = info.nip


class Evidence(models.Model):
    class Kind(models.TextChoices):
        IMAGE = "image", _("image")
        PDF = "pdf", _("PDF document")
        VIDEO = "video", _("video")

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("report")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    original_name = models.CharField(_("original file name"), max_length=200)
    stored_path = models.CharField(_("stored path"), max_length=255, unique=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256 of the stored file"), max_length=64)
    original_sha256 = models.CharField(_("SHA-256 of the file as received"), max_length=64)
    content_type = models.CharField(_("content type"), max_length=100)
    created_at = models.DateTimeField(_("received at"), default=timezone.now)

    objects = ChildQuerySet.as_manager()

    class Meta:
        ordering = ["report", "created_at", "pk"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self) -> str:
        return f"{self.report_id}: {self.original_name}"


class Message(models.Model):
    class Direction(models.TextChoices):
        FROM_REPORTER = "from_reporter", _("from the reporter")
        TO_REPORTER = "to_reporter", _("to the reporter")

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="messages", verbose_name=_("report")
    )
    direction = models.CharField(_("direction"), max_length=20, choices=Direction.choices)
    body = models.TextField(_("message"))
    # The handler who wrote a message to the reporter; always empty for the reporter's own messages.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="intake_messages",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)

    objects = ChildQuerySet.as_manager()

    class Meta:
        ordering = ["report", "created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(direction="to_reporter") | models.Q(author__isnull=True),
                name="intake_message_reporter_has_no_author",
            )
        ]

    def __str__(self) -> str:
        return f"{self.report_id} {self.direction} {self.created_at:%Y-%m-%d %H:%M}"
