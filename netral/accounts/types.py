"""The types of a user in netral, importable from every app without an import cycle (the models are imported
only for type checking).

- `User` (`accounts.models.User`): a signed-in user, e.g. of a staff view behind login, or the user stored in
  a non-null foreign key;
- `RequestUser`: whoever sends a request or whose access is asked, anonymous included (`request.user`);
- `cases.actors.Actor`: whoever takes a case step (a user, or the system actor of the escalation worker).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from netral.accounts.models import User

# Whoever sends a request (anonymous included): what views and the access rule are given.
RequestUser = Union["User", "AnonymousUser"]


def signed_in(user: RequestUser | None) -> User | None:
    """The user if signed in and active; None for None, an anonymous or an inactive user."""
    if user is not None and user.is_authenticated and user.is_active:
        return user
    return None
