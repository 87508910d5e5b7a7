"""In-app notifications: one row per recipient, written in the recipient's language when created.

A notification names a case by its number and says what happened and what is due; it never holds
reporter identity (only case numbers, state, action and clock labels go into it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from netral.accounts.types import signed_in

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser


class NotificationQuerySet(models.QuerySet["Notification"]):
    def visible_to(self, user: RequestUser | None) -> NotificationQuerySet:
        """Only a user's own notifications (nobody else's, not even an administrator's view)."""
        staff = signed_in(user)
        if staff is None:
            return self.none()
        return self.filter(recipient_id=staff.pk)

    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    class Kind(models.TextChoices):
        TRANSITION = "transition", _("case step")
        ESCALATION = "escalation", _("overdue step")
        ASSIGNMENT = "assignment", _("case assigned")
        TASK = "task", _("task")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("case"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(pgettext_lazy("notification", "title"), max_length=200)
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(
                fields=["recipient", "created_at"],
                name="notif_unread_by_recipient",
                condition=models.Q(read_at__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return self.title
