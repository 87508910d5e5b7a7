"""Filling a web worker's per-process caches before it serves its first report.

Intake validates every report against the regions and elections and computes its reporting window
from the region's working-day calendar; both are cached per process (intake/validation.py,
workdays/_cache.py) and filled on first use, one region at a time. A fresh worker therefore pays
two or three queries for each region it sees first. `warm_caches()` fills them at once; the gunicorn
hook below calls it in every worker before it accepts requests:

    gunicorn -c python:netral.intake.warmup netral.wsgi ...

(about a second per worker at start-up; docs/intake.md, "Serving under load").
"""

from __future__ import annotations

import logging
import time
from typing import Any

log = logging.getLogger(__name__)


def warm_caches() -> dict[str, float]:
    """Load every region and election and build every region's calendar; returns counts and seconds."""
    from netral.intake.validation import preload_references
    from netral.regions.models import Region
    from netral.workdays.services import get_calendar

    started = time.monotonic()
    references = preload_references()
    codes = list(Region.objects.values_list("code", flat=True))
    get_calendar(None)
    for code in codes:
        get_calendar(code)
    return {"references": references, "calendars": len(codes) + 1, "seconds": time.monotonic() - started}


def post_worker_init(worker: Any) -> None:
    """gunicorn server hook: warm the caches of a worker whose application is loaded."""
    from django.db import connections

    try:
        counts = warm_caches()
    except Exception:  # a cold cache is slower, not wrong: serve anyway
        log.exception("intake: warming the caches failed; the worker starts with cold caches")
        return
    finally:
        # gthread workers serve from other threads, which open their own connections.
        connections.close_all()
    log.info("intake: caches warm (%(calendars)d calendars) in %(seconds).1f s", counts)
