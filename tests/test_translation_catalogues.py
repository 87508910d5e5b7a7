"""The Indonesian catalogues agree with each other and with what Django serves.

Django merges every app's catalogue into one table, so one English source string has one Indonesian
translation at run time (the app earlier in INSTALLED_APPS wins). Two catalogues that translate the same
string differently therefore show one app the other's wording: where the meaning differs, the source
needs a context (`pgettext`, `{% translate "From" context "..." %}`); where it does not, the catalogues
must say the same.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import gettext, pgettext

CATALOGUES = sorted(Path(__file__).resolve().parents[1].glob("netral/**/locale/id/LC_MESSAGES/django.po"))
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _joined(lines: str) -> str:
    return "".join(_STRING.findall(lines)).replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


def entries(path: Path) -> dict[tuple[str | None, str], str]:
    """(context, msgid) -> msgstr (plural forms joined by "|") of one .po file; obsolete entries skipped."""
    found: dict[tuple[str | None, str], str] = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if line and not line.startswith("#")]
        fields: dict[str, str] = {}
        key = ""
        for line in lines:
            head = re.match(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) ", line)
            if head:
                key = head.group(1)
                fields[key] = line[head.end() :]
            elif key:
                fields[key] += "\n" + line
        msgid = _joined(fields.get("msgid", ""))
        if not msgid:
            continue  # the header
        context = _joined(fields["msgctxt"]) if "msgctxt" in fields else None
        forms = sorted(k for k in fields if k.startswith("msgstr"))
        found[(context, msgid)] = "|".join(_joined(fields[k]) for k in forms)
    return found


def test_the_parser_reads_contexts_plurals_and_continued_lines(tmp_path: Path) -> None:
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: id\\n"\n\n'
        '#: x.py\nmsgctxt "week"\nmsgid "From"\nmsgstr "Mulai"\n\n'
        'msgid ""\n"Two "\n"lines"\nmsgstr "Dua baris"\n\n'
        'msgid "%(n)s case"\nmsgid_plural "%(n)s cases"\n'
        'msgstr[0] "%(n)s perkara"\nmsgstr[1] "%(n)s perkara"\n',
        encoding="utf-8",
    )
    assert entries(po) == {
        ("week", "From"): "Mulai",
        (None, "Two lines"): "Dua baris",
        (None, "%(n)s case"): "%(n)s perkara|%(n)s perkara",
    }


def test_no_two_catalogues_translate_one_source_string_differently() -> None:
    assert len(CATALOGUES) >= 10
    translations: dict[tuple[str | None, str], dict[str, str]] = defaultdict(dict)
    for path in CATALOGUES:
        for key, text in entries(path).items():
            if text:
                translations[key][str(path.relative_to(path.parents[4]))] = text
    clashes = {key: found for key, found in translations.items() if len(set(found.values())) > 1}
    assert clashes == {}


def test_django_serves_the_agreed_wording() -> None:
    with translation.override("id"):
        assert gettext("Position class") == "Jenis jabatan"  # the civil service's term (not a grade)
        assert gettext("position class") == "jenis jabatan"
        assert pgettext("first day of a week", "From") == "Mulai"
        assert gettext("From") == "Dari"
        assert pgettext("similarity of the texts", "text") == "teks"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_every_source_string_has_an_indonesian_translation(tmp_path: Path) -> None:
    """makemessages over a copy of the package: every string of the code and the templates that an app's
    catalogue lacks (new, or only fuzzily matched) must be translated by some catalogue at run time."""
    package = Path(__file__).resolve().parents[1] / "netral"
    copy = tmp_path / "netral"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    missing = []
    for locale in sorted(copy.glob("*/locale")):
        subprocess.run(
            [sys.executable, "-m", "django", "makemessages", "-l", "id", "--no-obsolete"],
            cwd=locale.parent,
            check=True,
            capture_output=True,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": ""},
        )
        po = locale / "id" / "LC_MESSAGES" / "django.po"
        for block in po.read_text(encoding="utf-8").split("\n\n"):
            single = tmp_path / "entry.po"
            single.write_text(block, encoding="utf-8")
            for (context, msgid), text in entries(single).items():
                if text.strip("|") and "fuzzy" not in block:
                    continue
                with translation.override("id"):
                    served = pgettext(context, msgid) if context else gettext(msgid)
                if served == msgid:
                    missing.append((locale.parent.name, context, msgid))
    assert missing == []
