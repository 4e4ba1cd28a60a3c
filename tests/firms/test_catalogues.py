"""Every string the firms' pages, e-mails and API show is translated in sv, ar and so."""
import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
SOURCES = [*ROOT.glob("firms/**/*.py"), *ROOT.glob("templates/firms/*.html")]


def firms_msgids():
    ids = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        ids.update(re.findall(r'(?<![a-z])_\(\s*"((?:[^"\\]|\\.)+)"\s*\)', text))
        ids.update(re.findall(r'{% translate "((?:[^"\\]|\\.)+)"', text))
        for body in re.findall(r"{% blocktranslate(?: with [^%]*)? %}(.*?){% endblocktranslate %}", text, re.S):
            ids.add(re.sub(r"{{ (\w+) }}", r"%(\1)s", body))
        for singular in re.findall(r"{% blocktranslate count [^%]*%}(.*?){% plural %}", text, re.S):
            ids.add(re.sub(r"{{ (\w+) }}", r"%(\1)s", singular))
    return {i.replace('\\"', '"') for i in ids if i.strip()}


def test_the_extraction_finds_the_firms_strings():
    ids = firms_msgids()
    assert "Sign in to your firm's workspace" in ids
    assert "Made for you by %(firm)s." in ids
    assert "%(counter)s time" in ids
    assert len(ids) > 120


@pytest.mark.parametrize("code", ["sv", "ar", "so"])
def test_every_firms_string_has_a_real_translation(code):
    po = polib.pofile(str(ROOT / f"locale/{code}/LC_MESSAGES/django.po"))
    entries = {e.msgid: e for e in po if not e.obsolete}
    missing = []
    for msgid in sorted(firms_msgids()):
        entry = entries.get(msgid)
        if entry is None or "fuzzy" in entry.flags or not (entry.msgstr or entry.msgstr_plural.get(0)):
            missing.append(msgid)
    assert not missing, missing
    names = {"Status", "Team", "Link", "API tokens", "30 days", "90 days", "180 days"}
    untranslated = [m for m in firms_msgids() - names if entries[m].msgstr == m and " " in m]
    assert not untranslated, untranslated
