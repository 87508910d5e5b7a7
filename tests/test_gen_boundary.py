"""The generators (`netral_gen`) stay outside the running application: importing every module of `netral`
loads none of them, and every corpus data file is one the generator reads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import netral

IMPORT_ALL = """
import importlib, pkgutil, sys
import django
django.setup()
import netral
for module in pkgutil.walk_packages(netral.__path__, "netral."):
    if ".migrations" not in module.name:
        importlib.import_module(module.name)
print(sorted(name for name in sys.modules if name.split(".")[0] == "netral_gen"))
"""


def test_no_netral_module_imports_the_generators(tmp_path: Path) -> None:
    root = Path(netral.__file__).resolve().parents[1]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "netral.settings",
        "NETRAL_DATA_DIR": str(tmp_path),
        "PYTHONPATH": str(root),
    }
    done = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", IMPORT_ALL], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_every_corpus_data_file_is_read() -> None:
    from netral_gen.corpus import fragments as f

    shared = ("slot_fillers", "informal_spelling", "style_wrappers")
    read = {f"group_acts/{group}.json" for group in f.GROUPS}
    read |= {f"{name}.json" for name in (f.OTHER_WORDING, *f.WHOLE_TEXT_SETS, *shared)}
    present = {path.relative_to(f.DATA).as_posix() for path in f.DATA.rglob("*.json")}
    assert present == read
    assert all(acts.formal and acts.casual and acts.whole_texts for acts in f.GROUP_ACTS.values())
