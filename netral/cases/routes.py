"""The Gakkumdu and other-law routes (docs/cases.md): a proven case forwarded to Gakkumdu (criminal screening,
e.g. UU 7/2017 Pasal 494) or to another body under another law (an honorer to their agency, a village head
to the regent), and the outcome that body reports back.

- `forward(case, *, actor, route, receiving_body)`: violation → forwarded_gakkumdu / forwarded_other
  (`forward_to_gakkumdu` / `forward_to_other`), with an `ExternalRoute` naming the receiving body;
- `record_outcome(case, *, actor, outcome, reference, note)`: forwarded_gakkumdu → gakkumdu_concluded /
  forwarded_other → other_concluded (`record_gakkumdu_outcome` / `record_other_outcome`).

Each is one `actions.transition` plus its row and an audit entry, in one database transaction.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netral.accounts.models import User
from netral.audit.services import record
from netral.cases.actions import transition
from netral.cases.errors import TransitionRefused
from netral.cases.models import Case, ExternalRoute, Transition
from netral.cases.workflow import State

Route = ExternalRoute.Route
# route → (forwarding action, outcome action, state while forwarded)
ROUTES: dict[str, tuple[str, str, str]] = {
    Route.GAKKUMDU: ("forward_to_gakkumdu", "record_gakkumdu_outcome", State.FORWARDED_GAKKUMDU),
    Route.OTHER: ("forward_to_other", "record_other_outcome", State.FORWARDED_OTHER),
}
BODY_MAX = 200


def _now(at: dt.datetime | None) -> dt.datetime:
    at = at or timezone.now()
    if timezone.is_naive(at):
        raise ValueError("at must be timezone-aware")
    return at


def _invalid(message: str) -> TransitionRefused:
    return TransitionRefused(message, "invalid")


def default_gakkumdu_body(case: Case) -> str:
    """The usual receiver of the Gakkumdu route: the integrated desk of the case's region."""
    return f"Sentra Gakkumdu {case.region.name}"


def forward(
    case: Case,
    *,
    actor: User,
    route: str,
    receiving_body: str,
    reason: str = "",
    at: dt.datetime | None = None,
) -> ExternalRoute:
    """Forward a proven case to Gakkumdu or another body named by `receiving_body`."""
    at = _now(at)
    if route not in ROUTES:
        raise _invalid(_("Unknown route “%(route)s”.") % {"route": route})
    body = receiving_body.strip()
    if not body:
        raise _invalid(_("Name the body the case is forwarded to."))
    if len(body) > BODY_MAX:
        raise _invalid(_("The name of the receiving body is too long."))
    action = ROUTES[route][0]
    with transaction.atomic():
        # The row is written first so that the forwarding package (written inside the transition) can name
        # the receiving body; a refused transition rolls it back. A case is forwarded on a route only once.
        row = ExternalRoute.objects.filter(case=case, route=route).first() or ExternalRoute.objects.create(
            case=case, route=route, receiving_body=body, forwarded_at=at, forwarded_by=actor
        )
        transition(case, action, actor=actor, reason=reason, at=at)
        record("cases.external_route", actor=actor, obj=row, data={"number": case.number, "route": route})
    return row


def route_of(case: Case) -> str | None:
    """The route a case is forwarded on now (from its state), or None."""
    for route, (_forward, _outcome, state) in ROUTES.items():
        if case.state == state:
            return route
    return None


def record_outcome(
    case: Case,
    *,
    actor: User,
    outcome: str,
    reference: str = "",
    note: str = "",
    at: dt.datetime | None = None,
) -> ExternalRoute:
    """Record what Gakkumdu / the other body did with the case (→ gakkumdu_concluded / other_concluded)."""
    at = _now(at)
    if outcome not in ExternalRoute.Outcome.values:
        raise _invalid(_("Unknown outcome “%(outcome)s”.") % {"outcome": outcome})
    # On a case in another state the transition below refuses (wrong_state): try the Gakkumdu action.
    route = route_of(case) or Route.GAKKUMDU
    action = ROUTES[route][1]
    with transaction.atomic():
        transition(case, action, actor=actor, reason=note.strip(), at=at)
        row = ExternalRoute.objects.filter(case=case, route=route).first()
        if row is None:  # forwarded by the bare action (an import, an old case): the body is unknown
            forwarded = Transition.objects.filter(case=case, action=ROUTES[route][0]).last()
            row = ExternalRoute(
                case=case,
                route=route,
                receiving_body="",
                forwarded_at=forwarded.at if forwarded else at,
                forwarded_by=forwarded.actor if forwarded else None,
            )
        row.outcome = outcome
        row.outcome_reference = reference.strip()[:200]
        row.outcome_note = note.strip()
        row.outcome_at = at
        row.outcome_by = actor
        row.save()
        record(
            "cases.external_outcome",
            actor=actor,
            obj=row,
            data={"number": case.number, "route": route, "outcome": outcome},
        )
    return row
