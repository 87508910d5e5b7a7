"""Reading the generators' data files: JSON objects whose `about` entry says what they hold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def read(path: Path) -> dict[str, Any]:
    """The file's entries without `about`."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data.pop("about", None)
    return data
