"""`DeadlineTally`: deadlines that ended, counted by the case attributes dashboards select on.

Deadline health at a million cases would otherwise count about three million deadline rows per request
(docs/analytics.md, "Speed"). The tally holds, per clock and per (election, regency/city, ASN authority,
violation group) of the case, how many deadlines were met on time, met late, or marked overdue; it is kept
by the action layer in the same transaction as the change (`netral/cases/tally.py`), so it is exact, never
stale. Open deadlines are not in it: whether they are overdue depends on the moment of the request, so the
dashboard counts them live (a small share of all deadlines).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DeadlineTally(models.Model):
    clock = models.CharField(_("clock"), max_length=50)
    election = models.ForeignKey("elections.Election", on_delete=models.PROTECT, related_name="+")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    # Case.authority_id, 0 when the case was not forwarded to an ASN authority (a key column: rows whose key
    # held NULL would never meet in the upsert's ON CONFLICT).
    authority_key = models.PositiveIntegerField(_("ASN authority"), default=0)
    group = models.CharField(_("violation group"), max_length=40, blank=True, default="")
    on_time = models.IntegerField(_("met on time"), default=0)
    late = models.IntegerField(_("met late"), default=0)
    overdue = models.IntegerField(_("overdue"), default=0)

    class Meta:
        verbose_name = _("deadline tally")
        verbose_name_plural = _("deadline tallies")
        constraints = [
            models.UniqueConstraint(
                fields=["clock", "election", "region", "authority_key", "group"],
                name="cases_deadline_tally_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.clock} {self.region_id} {self.group}: {self.on_time}/{self.late}/{self.overdue}"
