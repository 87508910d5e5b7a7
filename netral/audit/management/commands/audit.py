from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from netral.audit.services import verify


class Command(BaseCommand):
    help = "Audit log: `audit verify` checks the hash chain and reports the first broken link."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True, metavar="VERB")
        check = sub.add_parser(
            "verify",
            help="Check every entry's hash and link; print 'ok (N entries)' or the first broken link.",
        )
        check.add_argument(
            "--json",
            action="store_true",
            help='Print {"ok","entries","head_seq","head_hash","broken_seq","code","reason"}.',
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = verify()
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))
        elif result.ok:
            self.stdout.write(f"ok ({result.entries} entries)")
        else:
            self.stderr.write(
                _("Audit chain broken at seq %(seq)s: %(reason)s.")
                % {"seq": result.broken_seq, "reason": result.reason}
            )
        if not result.ok:
            sys.exit(1)
