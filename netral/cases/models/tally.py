"""Running counts by the case attributes dashboards select on, kept by the action layer (`cases/tally/`).

The dashboards at a million cases would otherwise count millions of case, transition and deadline rows per
request (docs/analytics.md, "Speed"). Each tally holds, per (election, regency/city, ASN authority,
violation group) of the case and a few more key columns, counts that the action layer keeps exact in the
same transaction as the change (never stale). The dashboards read them whenever the selection can be put
on those keys (`analytics.queries.filters.tally_q`) and count the rows themselves otherwise.
`netral analytics tallies --check` recounts them from the rows and lists any difference; `--rebuild` repairs
them (docs/analytics.md, "Tallies: checking and rebuilding").

- `DeadlineTally`: deadlines that ended (met on time, met late, marked overdue) per clock. Open deadlines
  are not in it: whether they are overdue depends on the moment of the request, so they are counted live.
- `CaseTally`: cases per state, now and ever entered (funnel, summary, map, public outcomes).
- `DimensionTally`: cases per catalogue item, position class, employment and agency (breakdowns).
- `WeekTally`: cases per week received (weekly chart).
- `PpkTally`: recommendations sent to the PPK per agency and how their follow-up ended (PPK table).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseKeys(models.Model):
    """The case attributes every tally is counted by (abstract: each tally adds its own keys and counts)."""

    election = models.ForeignKey("elections.Election", on_delete=models.PROTECT, related_name="+")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    # Case.authority_id, 0 when the case was not forwarded to an ASN authority (a key column: rows whose key
    # held NULL would never meet in the upsert's ON CONFLICT).
    authority_key = models.PositiveIntegerField(_("ASN authority"), default=0)
    group = models.CharField(_("violation group"), max_length=40, blank=True, default="")

    class Meta:
        abstract = True


class DeadlineTally(CaseKeys):
    """Deadlines that ended, per clock and current state of the case (Kemendagri's scope is by state)."""

    clock = models.CharField(_("clock"), max_length=50)
    state = models.CharField(_("state"), max_length=40, default="")
    on_time = models.IntegerField(_("met on time"), default=0)
    late = models.IntegerField(_("met late"), default=0)
    overdue = models.IntegerField(_("overdue"), default=0)

    class Meta:
        verbose_name = _("deadline tally")
        verbose_name_plural = _("deadline tallies")
        constraints = [
            models.UniqueConstraint(
                fields=["clock", "election", "region", "authority_key", "group", "state"],
                name="cases_deadline_tally_state_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.clock} {self.region_id} {self.group}: {self.on_time}/{self.late}/{self.overdue}"


class CaseTally(CaseKeys):
    """Cases per state, by the same case attributes as `DeadlineTally`: how many are in the state now
    (`current`) and how many ever entered it (`entered`, from the transition rows that change the state;
    the transition graph is acyclic, so a case enters a state at most once). Serves the funnel and the
    public outcomes without reading millions of transition rows."""

    state = models.CharField(_("state"), max_length=40)
    current = models.IntegerField(_("cases in the state"), default=0)
    entered = models.IntegerField(_("cases that entered the state"), default=0)
    daluwarsa = models.IntegerField(_("cases in the state reported after the window"), default=0)

    class Meta:
        verbose_name = _("case tally")
        verbose_name_plural = _("case tallies")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "region", "authority_key", "group", "state"], name="cases_case_tally_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.region_id} {self.group} {self.state}: {self.current}/{self.entered}"


class DimensionTally(CaseKeys):
    """Cases by one more attribute (`dimension`: catalogue item, position class, employment, agency) and
    its value ("" when empty), by the case attributes: the dashboard breakdowns."""

    dimension = models.CharField(_("dimension"), max_length=20)
    value = models.CharField(_("value"), max_length=60, blank=True, default="")
    cases = models.IntegerField(_("cases"), default=0)

    class Meta:
        verbose_name = _("dimension tally")
        verbose_name_plural = _("dimension tallies")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "region", "authority_key", "group", "dimension", "value"],
                name="cases_dimension_tally_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.region_id} {self.dimension}={self.value}: {self.cases}"


class WeekTally(CaseKeys):
    """Cases received per week (the Monday, in the project's time zone), by the case attributes."""

    week = models.DateField(_("week (Monday)"))
    cases = models.IntegerField(_("cases"), default=0)

    class Meta:
        verbose_name = _("week tally")
        verbose_name_plural = _("week tallies")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "region", "authority_key", "group", "week"], name="cases_week_tally_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.region_id} {self.group} {self.week}: {self.cases}"


class PpkTally(CaseKeys):
    """Recommendations sent to the PPK, by the case attributes, the case's current state and the
    addressed agency: how their follow-up deadline ended (met on time, met late, marked overdue) and
    the block requests. The case's state is in the key because "overdue" reads as "overdue now" while
    the PPK has still not acted and as "late" once it has (queries/ppk.py); open follow-ups are counted
    live."""

    state = models.CharField(_("state"), max_length=40)
    agency_key = models.PositiveIntegerField(_("addressed agency"), default=0)
    received = models.IntegerField(_("received"), default=0)
    on_time = models.IntegerField(_("met on time"), default=0)
    late = models.IntegerField(_("met late"), default=0)
    overdue = models.IntegerField(_("overdue"), default=0)
    blocks = models.IntegerField(_("block requests"), default=0)

    class Meta:
        verbose_name = _("PPK tally")
        verbose_name_plural = _("PPK tallies")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "region", "authority_key", "group", "state", "agency_key"],
                name="cases_ppk_tally_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency_key} {self.state}: {self.received}"
