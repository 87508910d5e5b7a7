"""`netral api-token create USERNAME --name NAME [--days N]`, `revoke PREFIX`, `list [--json]`."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from netral.api import services
from netral.api.models import ApiToken, TokenStatus


class Command(BaseCommand):
    help = "API tokens for integrations: create (shown once), revoke, list."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True, metavar="{create,revoke,list}")
        create = verbs.add_parser(
            "create", help="Create a token for a user and print it once (only its hash is stored)."
        )
        create.add_argument("username", help="The staff user the integration acts as.")
        create.add_argument("--name", required=True, help="What the token is for, e.g. SIGAPLAPOR sync.")
        create.add_argument(
            "--days",
            type=int,
            default=services.DEFAULT_DAYS,
            help=f"Days until it expires (default {services.DEFAULT_DAYS}, at most {services.MAX_DAYS}).",
        )
        revoke = verbs.add_parser("revoke", help="Revoke a token by its prefix (as `list` shows it).")
        revoke.add_argument("prefix", help="The token's prefix, e.g. ntr_1a2b3c4d or 1a2b3c4d.")
        listing = verbs.add_parser("list", help="List the tokens (never their secrets).")
        listing.add_argument(
            "--json", action="store_true", help="Print the documented JSON instead of a table."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        verb = options["verb"]
        if verb == "create":
            self._create(options["username"], options["name"], options["days"])
        elif verb == "revoke":
            self._revoke(options["prefix"])
        else:
            self._list(as_json=options["json"])

    def _fail(self, message: str) -> NoReturn:
        self.stderr.write(message)
        sys.exit(1)

    def _create(self, username: str, name: str, days: int) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            self._fail(_("Unknown user: %(username)s.") % {"username": username})
        if not user.is_active:
            self._fail(
                _("User %(username)s is inactive; their tokens would not work.") % {"username": username}
            )
        if not name.strip():
            self._fail(_("Give the token a name with --name."))
        if not 1 <= days <= services.MAX_DAYS:
            self._fail(_("--days must be between 1 and %(max)d.") % {"max": services.MAX_DAYS})
        token, text = services.create_token(user, name, days=days)
        # The token alone on stdout (so scripts can capture it), the explanation on stderr.
        self.stdout.write(text)
        self.stderr.write(
            _(
                "Token %(prefix)s for %(username)s (%(name)s), valid until %(expires)s. "
                "Store it now: it cannot be shown again."
            )
            % {
                "prefix": f"{services.TOKEN_PREFIX}_{token.prefix}",
                "username": username,
                "name": token.name,
                "expires": date_format(timezone.localtime(token.expires_at), "j F Y H:i"),
            }
        )

    def _revoke(self, prefix: str) -> None:
        try:
            token, changed = services.revoke_token(prefix)
        except services.TokenNotFound:
            self._fail(
                _("No token has the prefix %(prefix)s; `netral api-token list` shows them.")
                % {"prefix": prefix}
            )
        label = f"{services.TOKEN_PREFIX}_{token.prefix}"
        if changed:
            self.stdout.write(_("Token %(prefix)s revoked.") % {"prefix": label})
        else:
            self.stdout.write(_("Token %(prefix)s was already revoked.") % {"prefix": label})

    def _list(self, *, as_json: bool) -> None:
        now = timezone.now()
        tokens = list(services.list_tokens())
        if as_json:
            rows = [_as_dict(token, now) for token in tokens]
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not tokens:
            self.stdout.write(_("No API tokens."))
            return
        headers = [_("prefix"), _("user"), _("status"), _("expires"), _("last used"), _("name")]
        table = [
            [
                f"{services.TOKEN_PREFIX}_{token.prefix}",
                token.user.get_username(),
                str(TokenStatus(token.status(now)).label),
                _day(token.expires_at),
                _day(token.last_used_at),
                token.name,
            ]
            for token in tokens
        ]
        widths = [max(len(row[i]) for row in [headers, *table]) for i in range(5)]
        for row in [headers, *table]:
            cells = [cell.ljust(width) for cell, width in zip(row[:5], widths, strict=True)]
            self.stdout.write("  ".join([*cells, row[5]]).rstrip())


def _day(moment: Any) -> str:
    return date_format(timezone.localtime(moment), "j M Y H:i") if moment else "-"


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment else None


def _as_dict(token: ApiToken, now: Any) -> dict[str, Any]:
    return {
        "prefix": f"{services.TOKEN_PREFIX}_{token.prefix}",
        "user": token.user.get_username(),
        "name": token.name,
        "status": str(token.status(now)),
        "created_at": _iso(token.created_at),
        "expires_at": _iso(token.expires_at),
        "last_used_at": _iso(token.last_used_at),
        "revoked_at": _iso(token.revoked_at),
    }
