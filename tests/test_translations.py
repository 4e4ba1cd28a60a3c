"""Every message the code and templates mark for translation has a real translation in sv, ar and so.

Django's own ``makemessages`` finds the messages (``gettext``, ``pgettext``, ``ngettext``, lazy ones,
``{% translate %}``, ``{% blocktranslate %}`` with plurals and contexts), so nothing is missed the way
a hand-written pattern misses it. It runs on a copy of the tree and of ``locale/``: the committed
catalogues are never touched. A message that is new, changed or only fuzzily matched fails the test,
named, until it is translated in ``locale/<code>/LC_MESSAGES/django.po``.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from tests.conftest import require

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("sv", "ar", "so")
#: What ``make messages`` leaves out of the tree (see the Makefile), and what holds no source at all.
NOT_SOURCE = {".git", ".venv", ".tools", ".pytest_cache", ".ruff_cache", "staticfiles", "media", "node_modules"}


def _copy_tree(target: Path) -> None:
    for path in ROOT.iterdir():
        if path.name in NOT_SOURCE or path.name.startswith("db.sqlite3"):
            continue
        if path.is_dir():
            shutil.copytree(path, target / path.name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        else:
            shutil.copy2(path, target / path.name)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The catalogues as ``makemessages`` leaves them after a run on a copy of the tree."""
    require(shutil.which("xgettext") is not None and shutil.which("msgmerge") is not None, "GNU gettext")
    work = tmp_path_factory.mktemp("messages")
    _copy_tree(work)
    committed = {code: (ROOT / f"locale/{code}/LC_MESSAGES/django.po").read_bytes() for code in LANGUAGES}
    languages = [arg for code in LANGUAGES for arg in ("-l", code)]
    # In the copy, its own ``locale/`` is the nearest to every file, so the catalogues written are the copy's.
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", *languages, "--no-location", "--no-obsolete"],
        cwd=work,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", "PYTHONPATH": str(work)},
        check=True,
        capture_output=True,
    )
    for code in LANGUAGES:
        assert (ROOT / f"locale/{code}/LC_MESSAGES/django.po").read_bytes() == committed[code]
    return {code: polib.pofile(str(work / f"locale/{code}/LC_MESSAGES/django.po")) for code in LANGUAGES}


def _named(entries) -> str:
    return "\n".join(f"  {entry.msgctxt + ' | ' if entry.msgctxt else ''}{entry.msgid!r}" for entry in entries)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_message_has_a_translation(extracted, code):
    untranslated = extracted[code].untranslated_entries()
    assert not untranslated, f"{len(untranslated)} messages without a {code} translation:\n{_named(untranslated)}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_translation_is_fuzzy(extracted, code):
    fuzzy = extracted[code].fuzzy_entries()
    assert not fuzzy, f"{len(fuzzy)} {code} translations only guessed (fuzzy), to check and translate:\n{_named(fuzzy)}"


def test_the_extraction_finds_what_a_pattern_would_miss(extracted):
    """blocktranslate with a plural, pgettext and a message over several lines are all extracted."""
    msgids = {(entry.msgctxt, entry.msgid) for entry in extracted["sv"]}
    assert ("list separator", ", ") in msgids  # pgettext
    assert any(entry.msgid_plural for entry in extracted["sv"])  # blocktranslate count / ngettext
    assert len(msgids) > 500


#: Translations that are rightly the same as the English: punctuation, and the slugs editors type.
SAME_IN_EVERY_LANGUAGE = {", ", "mover, partner, children, household"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_translation_is_the_english_copied(extracted, code):
    copied = [
        entry
        for entry in extracted[code]
        if " " in entry.msgid and entry.msgstr == entry.msgid and entry.msgid not in SAME_IN_EVERY_LANGUAGE
    ]
    assert not copied, f"{len(copied)} {code} translations are the English text:\n{_named(copied)}"
