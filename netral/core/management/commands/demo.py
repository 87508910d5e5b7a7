from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

SHARED_GEO = settings.PROJECT_DIR.parent / "shared" / "geo"


class Command(BaseCommand):
    help = "Demo data: users for every role, a synthetic civil-servant register, boundaries (demo only)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        users = sub.add_parser("users", help="Create a demo user for every role and print the logins.")
        users.add_argument(
            "--json", action="store_true", help='print [{"username","password","description"}]'
        )
        register = sub.add_parser("register", help="Generate a synthetic civil-servant register.")
        register.add_argument(
            "--size", type=int, default=20000, help="number of civil servants (default 20000)"
        )
        register.add_argument("--seed", type=int, default=0, help="random seed (same seed, same register)")
        everything = sub.add_parser("all", help="Users, register and (when ../shared/geo exists) boundaries.")
        everything.add_argument("--register-size", type=int, default=20000)

    def handle(self, *args: Any, **options: Any) -> None:
        verb = options["verb"]
        if settings.PRODUCTION:
            raise CommandError(_("Demo data is never created in production (NETRAL_ENV=production)."))
        if verb in {"register", "all"}:
            size = options["size"] if verb == "register" else options["register_size"]
            self._register(size, options.get("seed", 0))
        if verb == "all":
            self._boundaries()
        if verb in {"users", "all"}:
            self._users(as_json=options.get("json", False))

    def _register(self, size: int, seed: int) -> None:
        from netral.personnel.services import generate_register

        created = generate_register(size, seed=seed, progress=True)
        self.stdout.write(_("Register: %(n)d civil servants added.") % {"n": created})

    def _boundaries(self) -> None:
        for level, name in (("province", "provinsi.geojson"), ("regency", "kabupaten_kota.geojson")):
            path = Path(SHARED_GEO) / name
            if path.is_file():
                call_command("regions", "load-boundaries", str(path), "--level", level, stdout=self.stdout)

    def _users(self, *, as_json: bool) -> None:
        from netral.accounts.services import create_demo_users

        logins = create_demo_users()
        if as_json:
            rows = [{"username": u, "password": p, "description": d} for u, p, d in logins]
            self.stdout.write(json.dumps(rows, ensure_ascii=False))
            return
        self.stdout.write("")
        self.stdout.write(_("Demo logins (demo only, never use these passwords in production):"))
        width = max(len(username) for username, _, _ in logins)
        for username, password, description in logins:
            self.stdout.write(f"  {username.ljust(width)}  {password}  {description}")
        self.stdout.write("")
