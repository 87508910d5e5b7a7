"""The navigation bar: which links each role sees. Later features add their entries here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from netral.accounts.models import Role, is_administrator

if TYPE_CHECKING:
    from netral.accounts.models import User
    from netral.accounts.types import RequestUser


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: str | Promise
    # Roles that see the item; empty means every logged-in user.
    roles: frozenset[str] = frozenset()
    staff_only: bool = False


NAV_ITEMS: list[NavItem] = [
    NavItem("accounts:home", _("Home")),
    NavItem(
        "intake:staff_list",
        _("Reports"),
        roles=frozenset(
            {Role.BAWASLU_STAFF, Role.BAWASLU_COMMISSIONER, Role.ADMINISTRATOR, Role.DATA_CUSTODIAN}
        ),
    ),
    NavItem(
        "cases:inbox",
        _("Cases"),
        roles=frozenset(
            {
                Role.BAWASLU_STAFF,
                Role.BAWASLU_COMMISSIONER,
                Role.AUTHORITY_ANALYST,
                Role.PPK_OFFICER,
                Role.KEMENDAGRI_OFFICER,
                Role.ADMINISTRATOR,
                Role.DATA_CUSTODIAN,
            }
        ),
    ),
    NavItem(
        "analytics:dashboard",
        _("Analytics"),
        roles=frozenset(
            {
                Role.BAWASLU_STAFF,
                Role.BAWASLU_COMMISSIONER,
                Role.AUTHORITY_ANALYST,
                Role.PPK_OFFICER,
                Role.KEMENDAGRI_OFFICER,
                Role.ADMINISTRATOR,
                Role.DATA_CUSTODIAN,
            }
        ),
    ),
    NavItem(
        "vulnerability:index",
        _("Vulnerability index"),
        roles=frozenset(
            {
                Role.BAWASLU_STAFF,
                Role.BAWASLU_COMMISSIONER,
                Role.AUTHORITY_ANALYST,
                Role.KEMENDAGRI_OFFICER,
                Role.ADMINISTRATOR,
                Role.DATA_CUSTODIAN,
            }
        ),
    ),
    NavItem(
        "intake:finding",
        _("Record a finding"),
        roles=frozenset({Role.BAWASLU_STAFF, Role.BAWASLU_COMMISSIONER}),
    ),
    NavItem("accounts:users", _("Users")),
    NavItem("admin:index", _("Administration"), staff_only=True),
]


@dataclass(frozen=True)
class NavLink:
    url: str
    label: str | Promise
    current: bool


def _sees(user: User, item: NavItem) -> bool:
    if item.staff_only and not user.is_staff:
        return False
    if not item.roles:
        return True
    return bool(user.role in item.roles or (Role.ADMINISTRATOR in item.roles and is_administrator(user)))


def navigation_for(user: RequestUser, path: str = "") -> list[NavLink]:
    if not user.is_authenticated:
        return []
    links = []
    for item in NAV_ITEMS:
        if _sees(user, item):
            url = reverse(item.url_name)
            current = path == url if url == "/" else path.startswith(url)
            links.append(NavLink(url=url, label=item.label, current=current))
    return links
