"""The django-q2 schedules `netral worker` keeps (escalation sweep, outbox, intake filing)."""

from __future__ import annotations

from typing import Any

from django.db import transaction


def ensure_schedule(name: str, func: str, minutes: int = 1) -> tuple[Any, bool]:
    """The one django-q2 `Schedule` called `name` running `func` every `minutes`; returns (schedule,
    created). Idempotent: brought up to date, and duplicates left by two workers starting at once removed."""
    from django_q.models import Schedule

    if minutes < 1:
        raise ValueError("minutes must be at least 1")
    wanted = {"func": func, "schedule_type": Schedule.MINUTES, "minutes": minutes, "repeats": -1}
    with transaction.atomic():
        rows = list(Schedule.objects.select_for_update().filter(name=name).order_by("pk"))
        if not rows:
            return Schedule.objects.create(name=name, **wanted), True
        keep, extra = rows[0], rows[1:]
        if extra:
            Schedule.objects.filter(pk__in=[row.pk for row in extra]).delete()
        changed = [field for field, value in wanted.items() if getattr(keep, field) != value]
        for field in changed:
            setattr(keep, field, wanted[field])
        if changed:
            keep.save(update_fields=changed)
        return keep, False
