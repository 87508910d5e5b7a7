"""The `netral` command: domain subcommands plus every Django management command.

`netral --help` lists the domain subcommands (management commands that live in netral's own
apps) with one line each; `netral django-help` lists Django's own commands, which stay reachable
as `netral migrate`, `netral runserver`, `netral createsuperuser`, ...
"""

from __future__ import annotations

import os
import sys


def _domain_commands() -> dict[str, str]:
    from django.core.management import get_commands, load_command_class

    found: dict[str, str] = {}
    for name, app in sorted(get_commands().items()):
        if not app.startswith("netral."):
            continue
        command = load_command_class(app, name)
        found[name] = (str(command.help).strip().splitlines() or [""])[0]
    return found


def _print_help() -> None:
    from netral import __version__

    print(f"netral {__version__}: supervising the neutrality of civil servants (ASN) in elections.\n")
    print("usage: netral <command> [options]      (netral <command> --help for details)\n")
    print("Domain commands:")
    commands = _domain_commands()
    width = max(len(name) for name in commands) if commands else 0
    for name, line in commands.items():
        print(f"  {name.ljust(width)}  {line}")
    print("\nDjango's own commands (migrate, runserver, createsuperuser, shell, ...) work as well;")
    print("`netral django-help` lists them.")


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netral.settings")
    args = list(sys.argv[1:] if argv is None else argv)
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        print(f"netral: configuration error: {exc}", file=sys.stderr)
        return 2
    if not args or (args[0] in {"-h", "--help", "help"} and len(args) == 1):
        _print_help()
        return 0
    from django.core.management import execute_from_command_line

    if args[0] == "django-help":
        args = ["help"]
    from django.db.utils import OperationalError, ProgrammingError

    try:
        execute_from_command_line(["netral", *args])
    except BrokenPipeError:  # `netral ... | head`
        sys.stderr.close()
    except (OperationalError, ProgrammingError) as exc:
        # Almost always a database that was never set up; say so instead of a traceback.
        print(f"netral: database error: {exc}", file=sys.stderr)
        print("netral: is the database set up? Run `netral setup` (safe to run again).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
