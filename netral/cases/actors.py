"""Who takes a step: a user, or the system actor of automatic steps (the escalation worker)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

from netral.accounts.types import RequestUser as RequestUser
from netral.cases.workflow import SYSTEM_ROLE

if TYPE_CHECKING:
    from netral.accounts.models import User


class SystemActor:
    """The actor of automatic steps: role `system`, no user row, no scope check. Only code passes it;
    no user can have this role."""

    is_authenticated = True
    is_active = True
    is_superuser = False
    role = SYSTEM_ROLE
    pk = None
    institution = None
    institution_id = None

    def __repr__(self) -> str:
        return "SYSTEM"


SYSTEM = SystemActor()

# Whoever takes a step (`actions.check` refuses an anonymous or inactive user).
Actor = Union["User", SystemActor]
# Whoever sends a request (anonymous included) is a `RequestUser`, defined in `accounts.types` (so that every
# app can import it) and re-exported here.


def user_of(actor: Actor | RequestUser | None) -> User | None:
    """The user row behind an actor (None for the system actor, anonymous users and unsaved users)."""
    if actor is None or isinstance(actor, SystemActor) or not actor.is_authenticated or actor.pk is None:
        return None
    return actor


def as_user(actor: Actor | None) -> User | None:
    """The actor for the access rule (`visible_to`, `scope_for`) and the audit log: the user itself, or None
    for the system actor (whose scope, like None's, is empty; the audit log says "system" for None)."""
    return None if isinstance(actor, SystemActor) else actor
