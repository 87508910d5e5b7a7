from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from netral.core.reference import load_all


class Command(BaseCommand):
    help = "Migrate the database and load all reference data (idempotent: safe to run again)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-migrate", action="store_true", help="Only load reference data.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=max(0, options["verbosity"] - 1))
        load_all(report=lambda line: self.stdout.write(line))
        self.stdout.write(self.style.SUCCESS("Reference data ready."))
