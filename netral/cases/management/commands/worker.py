from __future__ import annotations

import signal
import threading
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections
from django.utils import timezone
from django.utils.translation import gettext as _

from netral.cases.escalation import sweep


class Command(BaseCommand):
    help = "Escalation worker: run the escalation sweep every interval until SIGINT/SIGTERM."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--interval", type=float, default=300.0, help="Seconds between sweeps (default 300)."
        )
        parser.add_argument("--once", action="store_true", help="Run one sweep and exit.")

    def handle(self, *args: Any, **options: Any) -> None:
        interval = options["interval"]
        if interval <= 0:
            self.stderr.write(_("The interval must be a positive number of seconds."))
            raise SystemExit(1)
        stop = threading.Event()

        def on_signal(signum: int, _frame: FrameType | None) -> None:
            stop.set()

        previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            while not stop.is_set():
                result = sweep()
                counts = " ".join(f"{key}={value}" for key, value in result.as_dict().items())
                self.stdout.write(f"{timezone.now().isoformat(timespec='seconds')} {counts}")
                self.stdout.flush()
                if options["once"]:
                    break
                stop.wait(interval)
                close_old_connections()  # between sweeps, like Django does between requests
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
