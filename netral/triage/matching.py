"""Register matching: who in the civil-servant register a report is probably about.

`find_candidates(name, agency_code=..., region_code=..., position=..., nip_fragment=..., limit=5)`
returns up to `limit` `Match` rows, best first, each with a 0-100 score and the reasons. It only
proposes: nothing is linked until a supervisor confirms a candidate.

The name is normalised exactly as the register's `name_normalized` column
(`netral.personnel.names.normalize_name`: titles and degrees dropped, Muhammad variants unified, old
spellings modernised), then looked up in a blocking index (`matching_index.MatchIndex`, held in
memory) built from the register on first use and rebuilt when the register
changed: a row added, removed or updated (count, highest id, latest `updated_at`; checked at most every
`NETRAL_MATCH_INDEX_TTL` seconds, default 300). A built index is stored on disk (`matching_store`,
`NETRAL_MATCH_INDEX_STORE`, default on) and every other process maps that copy instead of building its
own: one build per register change on the machine, milliseconds for the others. The rebuild runs in a
background thread while lookups go on with the index in hand (`NETRAL_MATCH_INDEX_BACKGROUND`, default on;
building 4.7 million rows takes minutes, which no request should wait for); only the very first build waits.
Agency and region are filters (a region code matches itself and every code under it: `34` covers `34.04`);
position and NIP fragment raise the score. `count_namesakes(name, ...)` says how many register people (within
the same filters) have exactly that normalised name: when it is more than the candidates shown, the
name alone cannot single out the person.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from netral.personnel.names import normalize_name
from netral.triage.matching_index import IndexRow, MatchIndex

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Match:
    employee_id: int
    nip: str
    name: str
    agency_code: str
    position_title: str
    score: int  # 0-100
    reasons: tuple[str, ...] = field(default_factory=tuple)
    region_code: str = ""

    def as_json(self) -> dict[str, object]:
        return {
            "employee_id": self.employee_id,
            "nip": self.nip,
            "name": self.name,
            "agency_code": self.agency_code,
            "region_code": self.region_code,
            "position_title": self.position_title,
            "score": self.score,
            "reasons": list(self.reasons),
        }


class _Cache:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.index: MatchIndex | None = None
        self.signature: Signature | None = None
        self.checked_at = 0.0
        self.rebuilding: threading.Thread | None = None


_cache = _Cache()
Signature = tuple[int, int, float]  # rows, highest id, latest update (epoch seconds)


def _register_signature() -> Signature:
    from django.db.models import Count, Max

    from netral.personnel.models import Employee

    stats = Employee.objects.aggregate(count=Count("id"), last=Max("id"), updated=Max("updated_at"))
    updated = stats["updated"].timestamp() if stats["updated"] else 0.0
    return int(stats["count"] or 0), int(stats["last"] or 0), updated


def register_rows(chunk_size: int = 50_000) -> Iterator[IndexRow]:
    """The register as index rows (id, nip, normalised name, agency code, region, class, title), streamed."""
    from netral.personnel.models import Employee

    query = Employee.objects.order_by().values_list(
        "id", "nip", "name_normalized", "agency__code", "region_id", "position_class", "position_title"
    )
    return query.iterator(chunk_size=chunk_size)


class IndexNotReady(Exception):
    """The register index is being built for the first time in this process (`get_index(wait=False)`)."""


def get_index(*, wait: bool = True) -> MatchIndex:
    """The process's index of the register: built on first use; when the register changed, rebuilt in the
    background (the current index serves meanwhile) or, with NETRAL_MATCH_INDEX_BACKGROUND off, at once.

    `wait=False` (a web request): the very first build also runs in the background, and IndexNotReady is
    raised until it is done, instead of holding the request for minutes at 4.7 million rows.
    """
    first_build = None
    with _cache.lock:
        now = time.monotonic()
        if _cache.index is not None and now - _cache.checked_at < settings.NETRAL_MATCH_INDEX_TTL:
            return _cache.index
        _cache.checked_at = now
        signature = _register_signature()
        current = _cache.index
        if current is not None and signature == _cache.signature:
            return current
        stored = _load_stored(signature)  # another process (or an earlier run) built it: milliseconds
        if stored is not None:
            _cache.index, _cache.signature = stored, signature
            return stored
        background = settings.NETRAL_MATCH_INDEX_BACKGROUND
        if current is None and background and (not wait or _cache.rebuilding is not None):
            first_build = _start_rebuild(signature)
            if not wait:
                raise IndexNotReady
        elif current is None or not background:
            current = _cache.index = _obtain(signature)
            _cache.signature = signature
            return current
        else:
            _start_rebuild(signature)
            return current
    first_build.join()  # a first build another caller started: wait for it, outside the lock
    return get_index()


def _load_stored(signature: Signature) -> MatchIndex | None:
    if not settings.NETRAL_MATCH_INDEX_STORE:
        return None
    from netral.triage import matching_store

    try:
        return matching_store.load(signature)
    except (OSError, ValueError, KeyError):  # unreadable or from an older format: build anew
        log.exception("the stored register match index could not be loaded; building it")
        return None


def _obtain(signature: Signature) -> MatchIndex:
    """The index of the register in this state: stored by another process meanwhile, or built here and
    stored for the others (NETRAL_MATCH_INDEX_STORE), then used from the stored copy they share."""
    if not settings.NETRAL_MATCH_INDEX_STORE:
        return MatchIndex(register_rows())
    from netral.triage import matching_store

    with matching_store.build_lock():
        stored = _load_stored(signature)  # built by the process this one waited for
        if stored is not None:
            return stored
        index = MatchIndex(register_rows())
        try:
            matching_store.save(index, signature)
        except OSError:  # no room or no permission: this process keeps its own copy
            log.exception("the register match index could not be stored; this process keeps its own")
            return index
        return _load_stored(signature) or index


def stored_index_path() -> Path | None:
    """Where the index this process uses is stored on disk (None: not stored, or no index yet)."""
    signature = _cache.signature
    if not settings.NETRAL_MATCH_INDEX_STORE or signature is None:
        return None
    from netral.triage import matching_store

    path = matching_store.store_dir() / matching_store.version_name(signature)
    return path if (path / "meta.json").is_file() else None


def _start_rebuild(signature: Signature) -> threading.Thread:
    """The running rebuild, or a new one for this signature (call with the lock held)."""
    if _cache.rebuilding is None:
        _cache.rebuilding = threading.Thread(
            target=_rebuild, args=(signature,), name="netral-match-index", daemon=True
        )
        _cache.rebuilding.start()
    return _cache.rebuilding


def _rebuild(signature: Signature) -> None:
    """Build a new index in this thread and put it in place; the old one serves until then."""
    from django.db import connection

    try:
        index = _obtain(signature)
        with _cache.lock:
            _cache.index, _cache.signature = index, signature
    except Exception:  # the old index stays; the next check after the TTL tries again
        log.exception("rebuilding the register match index failed")
    finally:
        with _cache.lock:
            _cache.rebuilding = None
        connection.close()  # this thread's own database connection


def wait_for_rebuild(timeout: float | None = None) -> None:
    """Wait for a background rebuild, if one runs (tests, benchmarks, a warm-up)."""
    thread = _cache.rebuilding
    if thread is not None:
        thread.join(timeout)


def reset_index() -> None:
    """Forget the cached index (tests, or after a bulk register import)."""
    wait_for_rebuild()
    with _cache.lock:
        _cache.index = None
        _cache.signature = None
        _cache.checked_at = 0.0


def nip_fragment(written: str) -> str | None:
    """A written part of a NIP without its spaces, or None unless it is 4 to 18 digits (a NIP has 18)."""
    digits = "".join(written.split())
    return digits if digits.isdigit() and 4 <= len(digits) <= 18 else None


def find_candidates(
    name: str,
    *,
    agency_code: str | None = None,
    region_code: str | None = None,
    position: str | None = None,
    nip_fragment: str | None = None,
    limit: int = 5,
    index: MatchIndex | None = None,
) -> list[Match]:
    """Up to `limit` register rows that may be the person `name`, best first. Never links anything."""
    normalized = normalize_name(name or "")
    if not normalized or limit <= 0:
        return []
    index = index or get_index()
    hits = index.search(
        normalized,
        agency_code=agency_code or None,
        region_code=region_code or None,
        position=position or None,
        nip_fragment=nip_fragment or None,
        limit=limit,
    )
    display = _display_names([hit.employee_id for hit in hits])
    return [
        Match(
            employee_id=hit.employee_id,
            nip=hit.nip,
            name=display.get(hit.employee_id, hit.name_normalized),
            agency_code=hit.agency_code,
            position_title=hit.position_title,
            score=hit.score,
            reasons=hit.reasons,
            region_code=hit.region_code,
        )
        for hit in hits
    ]


def count_namesakes(
    name: str,
    *,
    agency_code: str | None = None,
    region_code: str | None = None,
    index: MatchIndex | None = None,
) -> int:
    """How many register people (within the filters) have exactly the normalised `name`."""
    normalized = normalize_name(name or "")
    if not normalized:
        return 0
    index = index or get_index()
    return index.namesakes(normalized, agency_code=agency_code or None, region_code=region_code or None)


def _display_names(ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    from netral.personnel.models import Employee

    return dict(Employee.objects.filter(id__in=ids).values_list("id", "name"))
