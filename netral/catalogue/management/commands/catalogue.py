"""`netral catalogue show [--json] [--group CODE] [--lang id|en]`."""

from __future__ import annotations

import json
import sys
import textwrap
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from netral.catalogue import services
from netral.catalogue.models import Applies, SanctionLevel, ViolationClass


def _wrap(text: str, indent: int) -> str:
    return textwrap.fill(text, width=100, initial_indent=" " * indent, subsequent_indent=" " * indent)


class Command(BaseCommand):
    help = "Show the violation catalogue (groups, items, sanctions, legal bases)."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True, metavar="{show}")
        show = verbs.add_parser("show", help="Print the current catalogue.")
        show.add_argument("--json", action="store_true", help="Print the documented JSON instead of a table.")
        show.add_argument("--group", metavar="CODE", help="Only this violation group (e.g. media_sosial).")
        show.add_argument("--lang", choices=["id", "en"], help="Language of labels and acts (default: id).")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(options["lang"] or translation.get_language()):
            self._show(options)

    def _show(self, options: dict[str, Any]) -> None:
        group_code: str | None = options["group"]
        if group_code is not None and services.get_group(group_code) is None:
            self._fail(
                _("Unknown violation group: %(code)s. Known groups: %(known)s.")
                % {"code": group_code, "known": ", ".join(services.GROUP_CODES)}
            )
        data = services.catalogue_as_dict(group_code)
        if data["version"] is None:
            self._fail(_("No catalogue is loaded; run `netral setup` first."))
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self._print_table(data)

    def _print_table(self, data: dict[str, Any]) -> None:
        classes = dict(ViolationClass.choices)
        levels = dict(SanctionLevel.choices)
        applies = dict(Applies.choices)
        self.stdout.write(_("Violation catalogue, version %(version)s") % {"version": data["version"]})
        for group in data["groups"]:
            self.stdout.write("")
            self.stdout.write(f"[{group['code']}] {group['label']}")
            self.stdout.write(_wrap(group["description"], 2))
            items = [item for item in data["items"] if item["group"] == group["code"]]
            if not items:
                self.stdout.write("  " + _("(no catalogue items)"))
            for item in items:
                param = " *" if item["param"] else ""
                self.stdout.write(
                    f"  {item['code']:<4} {classes[item['class']]} · {levels[item['sanction_level']]}{param}"
                    f" · {applies[item['applies']]}"
                )
                self.stdout.write(_wrap(item["act"], 7))
                self.stdout.write(_wrap(_("Legal basis: %(basis)s") % {"basis": item["legal_basis"]}, 7))
        if any(item["param"] for item in data["items"]):
            self.stdout.write("")
            self.stdout.write(_("* the sanction level is an uncertain reading of the law, kept editable."))

    def _fail(self, message: str) -> NoReturn:
        self.stderr.write(message)
        sys.exit(1)
