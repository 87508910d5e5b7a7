from __future__ import annotations

import importlib.util
import inspect
import json
from types import ModuleType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

BENCH_DIR = settings.PROJECT_DIR / "benchmarks"


def _available() -> list[str]:
    return sorted(p.stem for p in BENCH_DIR.glob("*.py") if not p.stem.startswith("_"))


def _load(name: str) -> ModuleType:
    path = BENCH_DIR / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"benchmarks.{name}", path)
    if spec is None or spec.loader is None or not path.is_file():
        raise CommandError(f"Unknown benchmark {name!r}; available: {', '.join(_available())}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Command(BaseCommand):
    help = "Run a benchmark from benchmarks/ (or all) and print a table; --json for machines."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help=f"benchmark name or 'all' ({', '.join(_available())})")
        parser.add_argument("--json", action="store_true", help="print one JSON object per benchmark")
        parser.add_argument("--size", type=int, default=None, help="problem size (benchmark-specific)")
        parser.add_argument("--seconds", type=float, default=None, help="run time of load benchmarks")

    def handle(self, *args: Any, **options: Any) -> None:
        run_all = options["name"] == "all"
        names = _available() if run_all else [options["name"]]
        failed: list[str] = []
        for name in names:
            module = _load(name)
            kwargs: dict[str, Any] = {"size": options["size"]} if options["size"] else {}
            params = inspect.signature(module.run).parameters
            takes_seconds = "seconds" in params or any(p.kind is p.VAR_KEYWORD for p in params.values())
            if options["seconds"] and takes_seconds:
                kwargs["seconds"] = options["seconds"]
            try:
                result: dict[str, Any] = module.run(**kwargs)
            except CommandError as exc:
                if not run_all:
                    raise
                # e.g. the intake benchmark needs PostgreSQL: report it and go on with the others.
                self.stderr.write(f"{name}: not run: {exc}")
                failed.append(name)
                continue
            if options["json"]:
                self.stdout.write(json.dumps({"benchmark": name, **result}))
                continue
            self.stdout.write(f"\n{name}")
            width = max(len(key) for key in result)
            for key, value in result.items():
                shown = f"{value:,.1f}" if isinstance(value, float) else str(value)
                self.stdout.write(f"  {key.ljust(width)}  {shown}")
        if failed:
            raise CommandError(f"benchmarks not run: {', '.join(failed)}")
