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
    help = "Demo data: users for every role, a synthetic register, boundaries, cases (demo only)."

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
        cases = sub.add_parser("cases", help="File and walk a realistic election's worth of demo cases.")
        cases.add_argument("--size", type=int, default=450, help="number of cases (default 450)")
        cases.add_argument(
            "--seed", type=int, default=0, help="random seed (same seed, same cases; re-runs add none)"
        )
        cases.add_argument("--json", action="store_true", help="print the planned counts as JSON")
        everything = sub.add_parser(
            "all", help="Users, register, boundaries (when ../shared/geo exists), triage model, demo cases."
        )
        everything.add_argument("--register-size", type=int, default=20000)
        everything.add_argument("--cases", type=int, default=450, help="number of demo cases (default 450)")

    def handle(self, *args: Any, **options: Any) -> None:
        verb = options["verb"]
        if settings.PRODUCTION:
            raise CommandError(_("Demo data is never created in production (NETRAL_ENV=production)."))
        if verb in {"register", "all"}:
            size = options["size"] if verb == "register" else options["register_size"]
            self._register(size, options.get("seed", 0))
        if verb == "all":
            self._boundaries()
        if verb == "cases":
            self._cases(options["size"], options["seed"], as_json=options["json"])
        if verb == "all":
            self._triage_model()
            self._cases(options["cases"], 0, as_json=False)
        if verb in {"users", "all"}:
            self._users(as_json=options.get("json", False))  # last, so the logins end the output

    def _register(self, size: int, seed: int) -> None:
        from netral_gen.register.generate import generate_register

        created = generate_register(size, seed=seed, progress=True)
        self.stdout.write(_("Register: %(n)d civil servants added.") % {"n": created})

    def _triage_model(self) -> None:
        """Train the triage model once (seconds), so demo reports get their suggestions on intake."""
        from netral.triage.suggestions import model_ready

        if not model_ready():
            call_command("triage", "train", stdout=self.stdout)

    def _suggestions(self) -> None:
        """Triage suggestions for the demo cases still waiting for Bawaslu's first look (the demo replays
        history with the on-intake hooks off)."""
        from netral.cases.models import Case
        from netral.triage.models import Suggestion
        from netral.triage.suggestions import generate, model_ready

        if not model_ready():
            return
        waiting = Case.objects.filter(state__in=["received", "initial_review", "registered"]).exclude(
            pk__in=Suggestion.objects.values("case_id")
        )
        for case in waiting:
            generate(case)

    def _cases(self, size: int, seed: int, *, as_json: bool) -> None:
        from netral_gen.cases.demo import run

        if size < 1:
            raise CommandError(_("The number of cases must be at least 1."))

        def progress(done: int, total: int) -> None:
            if not as_json:
                self.stderr.write(f"  {done}/{total}")

        result = run(size, seed=seed, progress=progress)
        self._suggestions()
        if as_json:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        self.stdout.write(
            _("Demo cases: %(created)d filed and walked (%(total)d planned with seed %(seed)d).")
            % {"created": result["created"], "total": result["cases"], "seed": seed}
        )

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
