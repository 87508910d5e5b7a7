"""A static-files finder serving ECharts from npm's `node_modules` (no CDN, no copy step).

Only the one file the pages load is published, as `vendor/echarts/echarts.min.js`, so `collectstatic`
copies one megabyte instead of the whole package. Without `node_modules` (npm missing) it finds
nothing and the pages fall back to tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import CheckMessage
from django.core.files.storage import FileSystemStorage

PREFIX = "vendor/echarts"
FILES = ("echarts.min.js",)


def dist() -> Path:
    return Path(settings.BASE_DIR).parent / "node_modules" / "echarts" / "dist"


class EChartsFinder(BaseFinder):
    def check(self, **kwargs: Any) -> list[CheckMessage]:
        return []

    def find(self, path: str, find_all: bool = False, **kwargs: Any) -> Any:
        found: list[str] = []
        for name in FILES:
            candidate = dist() / name
            if path == f"{PREFIX}/{name}" and candidate.is_file():
                found.append(str(candidate))
        if find_all or kwargs.get("all"):
            return found
        return found[0] if found else []

    def list(self, ignore_patterns: Any) -> Iterator[tuple[str, FileSystemStorage]]:
        if not dist().is_dir():
            return
        storage = FileSystemStorage(location=str(dist()))
        storage.prefix = PREFIX  # type: ignore[attr-defined]
        for name in FILES:
            if (dist() / name).is_file():
                yield name, storage
