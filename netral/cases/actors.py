"""Who takes a step: a user, or the system actor of automatic steps (the escalation worker)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

from netral.cases.workflow import SYSTEM_ROLE

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

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
# Whoever sends a request (anonymous included): what views and the access rule are given.
RequestUser = Union["User", "AnonymousUser"]


def is_system(actor: object) -> bool:
    return actor is SYSTEM


def user_of(actor: object) -> User | None:
    """The user row behind an actor (None for the system actor and anonymous users)."""
    from_user = getattr(actor, "pk", None) is not None and getattr(actor, "is_authenticated", False)
    return actor if from_user else None  # type: ignore[return-value]
