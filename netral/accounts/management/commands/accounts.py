from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from netral.accounts.services import create_demo_users


class Command(BaseCommand):
    help = "Accounts: `accounts demo-users` creates a demo login for every role and prints them."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True, metavar="VERB")
        demo = sub.add_parser(
            "demo-users", help="Create a demo user for every role (idempotent) and print the logins."
        )
        demo.add_argument(
            "--json", action="store_true", help='Print [{"username","password","description"}].'
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            rows = create_demo_users()
        except RuntimeError as exc:
            self.stderr.write(str(exc))
            sys.exit(1)
        if options["json"]:
            payload = [{"username": u, "password": p, "description": d} for u, p, d in rows]
            self.stdout.write(json.dumps(payload, ensure_ascii=False))
            return
        width = max(len(u) for u, _p, _d in rows)
        self.stdout.write(_("Demo logins (demo only, never use these passwords in production):"))
        for username, password, description in rows:
            self.stdout.write(f"  {username.ljust(width)}  {password}  {description}")
