"""Who works on a case (assignments) and what is to be done on it (tasks).

Written only by `cases/todos.py` (assign, unassign, add_task, complete_task), which checks the actor and
the assignee, writes the audit rows and notifies the assignee. Visible through `visible_to(user)`: the
rows of the cases `Case.objects.visible_to(user)` holds.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.cases.models.case import CaseChildQuerySet


class CaseAssignment(models.Model):
    """A user assigned to work on a case. Unassigning keeps the row (inactive) for the record; at most
    one active assignment per case and user."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="assignments", verbose_name=_("case")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="case_assignments",
        verbose_name=_("assignee"),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("assigned by")
    )
    assigned_at = models.DateTimeField(_("assigned at"))
    active = models.BooleanField(_("active"), default=True)
    unassigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unassigned by"),
    )
    unassigned_at = models.DateTimeField(_("unassigned at"), null=True, blank=True)

    objects = CaseChildQuerySet.as_manager()

    class Meta:
        ordering = ["assigned_at", "pk"]
        verbose_name = _("case assignment")
        verbose_name_plural = _("case assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "user"], condition=models.Q(active=True), name="cases_one_active_assignment"
            )
        ]
        indexes = [
            models.Index(
                fields=["user", "case"], name="cases_assign_user_active", condition=models.Q(active=True)
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id} → {self.user_id}{'' if self.active else ' (ended)'}"


class CaseTask(models.Model):
    """A piece of work on a case for one assignee, with an optional due date (the region's calendar
    day); done once, by the assignee or by whoever may manage the case's tasks."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="tasks", verbose_name=_("case")
    )
    title = models.CharField(_("task"), max_length=200)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="case_tasks",
        verbose_name=_("assignee"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"))
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("done by"),
    )

    objects = CaseChildQuerySet.as_manager()

    class Meta:
        ordering = ["done_at", "due_date", "created_at", "pk"]
        verbose_name = _("case task")
        verbose_name_plural = _("case tasks")
        indexes = [
            models.Index(
                fields=["assignee", "due_date"],
                name="cases_task_open_assignee",
                condition=models.Q(done_at__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.title}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
