"""The register match index on disk, shared by every process of one installation (docs/triage.md).

Building the index reads the whole register: minutes at 4.7 million rows, and each process used to build
and hold its own (about 420 MB of arrays there). `save()` writes what an index is made of (numpy arrays as
`.npy` files, the two name blobs as raw bytes, vocabulary and category values as JSON) into
`DATA_DIR/match-index/<version>/`, first under a temporary name and then renamed, so no reader ever sees half
an index; older versions are removed (a process still using one keeps its open mapping). `load()` maps a
stored version read-only: a process has its index in milliseconds, and all processes of the machine share
one copy in the page cache. A version belongs to one register state (`matching.Signature`), one database and
one index format; `load()` finds only the version of the state asked for. `build_lock()` lets one process
build while the others wait for its result instead of building the same index again (POSIX `flock`; where it
does not exist, every process builds for itself).
"""

from __future__ import annotations

import hashlib
import json
import logging
import mmap
import os
import shutil
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from django.conf import settings

from netral.triage.matching_index import SOUND_RULES, Blobs, MatchIndex

log = logging.getLogger(__name__)

# Bump when the arrays of MatchIndex or what they hold change (the sound key's rules are hashed in anyway).
FORMAT = 1
_PARTIAL = ".partial-"
_STALE_PARTIAL_SECONDS = 6 * 3600  # a build that died left its temporary directory behind


def store_dir() -> Path:
    return Path(settings.DATA_DIR) / "match-index"


def _database() -> str:
    db = settings.DATABASES["default"]
    return "|".join(str(db.get(key) or "") for key in ("ENGINE", "HOST", "PORT", "NAME"))


def version_name(signature: Sequence[float]) -> str:
    """The directory name of the stored index of one register state in this database and format."""
    key = json.dumps([FORMAT, repr(SOUND_RULES), _database(), list(signature)])
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def save(index: MatchIndex, signature: Sequence[float]) -> Path:
    """Store `index` as the version of `signature`; returns its directory (an existing one is kept)."""
    root = store_dir()
    root.mkdir(parents=True, exist_ok=True)
    name = version_name(signature)
    final = root / name
    if not (final / "meta.json").is_file():
        partial = Path(tempfile.mkdtemp(prefix=_PARTIAL, dir=root))
        try:
            arrays, blobs, meta = index.parts()
            for key, values in arrays.items():
                np.save(partial / f"{key}.npy", np.ascontiguousarray(values))
            for key, data in blobs.items():
                (partial / f"{key}.bin").write_bytes(data)
            meta = {**meta, "format": FORMAT, "signature": list(signature), "rows": index.size}
            (partial / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
            os.replace(partial, final)
        except OSError:
            shutil.rmtree(partial, ignore_errors=True)
            if not (final / "meta.json").is_file():  # not another process that stored it first
                raise
    _remove_others(root, keep=name)
    return final


def load(signature: Sequence[float]) -> MatchIndex | None:
    """The stored index of `signature`, memory-mapped read-only, or None when there is none."""
    path = store_dir() / version_name(signature)
    meta_file = path / "meta.json"
    if not meta_file.is_file():
        return None
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT or meta.get("signature") != list(signature):
        return None
    arrays = {key: _map_array(path / f"{key}.npy") for key in MatchIndex.STORED_ARRAYS}
    blobs: Blobs = {key: _map_bytes(path / f"{key}.bin") for key in ("names", "sounds")}
    return MatchIndex.from_parts(arrays, blobs, meta)


def stored_versions() -> list[Path]:
    root = store_dir()
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / "meta.json").is_file())


@contextmanager
def build_lock() -> Iterator[None]:
    """Held while one process builds and stores an index; the others wait here, then load its result."""
    try:
        import fcntl
    except ImportError:  # no flock (Windows): every process builds for itself
        yield
        return
    root = store_dir()
    root.mkdir(parents=True, exist_ok=True)
    with (root / "build.lock").open("a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _map_array(path: Path) -> np.ndarray:
    array = np.load(path, mmap_mode="r")
    if array.size == 0:  # an empty register: nothing to map
        return np.load(path)
    return array


def _map_bytes(path: Path) -> bytes | memoryview:
    with path.open("rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            return b""
        return memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))


def _remove_others(root: Path, *, keep: str) -> None:
    """Remove other stored versions, and temporary directories of builds that died long ago."""
    now = time.time()
    for path in root.iterdir():
        if not path.is_dir() or path.name == keep:
            continue
        if path.name.startswith(_PARTIAL):
            try:
                if now - path.stat().st_mtime < _STALE_PARTIAL_SECONDS:
                    continue  # another process is writing it
            except FileNotFoundError:
                continue
        shutil.rmtree(path, ignore_errors=True)
        log.info("match index: removed the stored version %s", path.name)
