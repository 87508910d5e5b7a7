from __future__ import annotations

import sys
import time
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from netral.cases.escalation import ensure_schedule, sweep
from netral.outbox import services as outbox


class Command(BaseCommand):
    help = (
        "Task worker (django-q2 cluster): the escalation sweep and the outbox (notifications, triage) "
        "scheduled every minute, and the outbox's queued processing; --once: one sweep and the pending "
        "events."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--interval", type=int, default=1, help="Minutes between escalation sweeps (default 1)."
        )
        parser.add_argument(
            "--once",
            action="store_true",
            help="Run one escalation sweep, process the pending outbox events, and exit.",
        )
        parser.add_argument(
            "--schedule-only",
            action="store_true",
            help="Create or update the schedules and exit without starting the cluster.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        interval = options["interval"]
        if interval < 1:
            self.stderr.write(_("The interval must be a whole number of minutes, at least 1."))
            sys.exit(1)
        if options["once"]:
            result = {**sweep().as_dict(), **outbox.process().as_dict()}
            counts = " ".join(f"{key}={value}" for key, value in result.items())
            self.stdout.write(f"{timezone.now().isoformat(timespec='seconds')} {counts}")
            return
        schedule, created = ensure_schedule(interval)
        state = _("created") if created else _("present")
        self.stdout.write(
            _("Escalation sweep schedule %(state)s: every %(minutes)s minute(s) (%(name)s).")
            % {"state": state, "minutes": schedule.minutes, "name": schedule.name}
        )
        events, _created = outbox.ensure_schedule()
        self.stdout.write(_("Outbox schedule: every minute (%(name)s).") % {"name": events.name})
        if settings.NETRAL_INTAKE_QUEUE:
            # Reports stored by the intake queue get their case even without `netral intake file --follow`.
            from netral.intake.filing import ensure_schedule as ensure_filing_schedule

            filing, _created = ensure_filing_schedule()
            self.stdout.write(_("Intake filing schedule: every minute (%(name)s).") % {"name": filing.name})
        if options["schedule_only"]:
            return
        if settings.NETRAL_TRIAGE_ON_INTAKE:
            self._warm_register_matching()
        call_command("qcluster")

    def _warm_register_matching(self) -> None:
        """Have the register match index before the cluster forks its workers: the stored copy when the
        register has not changed, else built here and stored (the web processes then map that copy). The
        workers share it instead of each building its own on their first triage task (minutes at 4.7M).
        The cluster closes the database connections before it forks."""
        from netral.triage.matching import get_index

        started = time.monotonic()
        index = get_index()
        self.stdout.write(
            _("Register match index: %(rows)s rows in %(seconds).1f s.")
            % {"rows": index.size, "seconds": time.monotonic() - started}
        )
