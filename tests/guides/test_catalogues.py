"""Every string the checklist shows is translated in sv, ar and so (the catalogues, and the pages)."""

import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
GUIDES_SOURCES = [*ROOT.glob("guides/*.py"), *ROOT.glob("templates/guides/*.html")]


def guides_msgids():
    """Message ids used in the guides app's code and templates."""
    ids = set()
    for path in GUIDES_SOURCES:
        text = path.read_text(encoding="utf-8")
        ids.update(re.findall(r'(?<![a-z])_\("((?:[^"\\]|\\.)+)"\)', text))
        ids.update(re.findall(r'{% translate "((?:[^"\\]|\\.)+)"', text))
    return {i for i in ids if i.strip()}


@pytest.mark.parametrize("code", ["sv", "ar", "so"])
def test_every_guides_string_has_a_real_translation(code):
    po = polib.pofile(str(ROOT / f"locale/{code}/LC_MESSAGES/django.po"))
    entries = {e.msgid: e for e in po if not e.obsolete}
    missing = []
    for msgid in sorted(guides_msgids()):
        entry = entries.get(msgid)
        if entry is None or "fuzzy" in entry.flags or not (entry.msgstr or entry.msgstr_plural.get(0)):
            missing.append(msgid)
    assert not missing, missing
    slugs = {"mover, partner, children, household"}  # the values editors type, the same in every language
    same = [m for m in guides_msgids() - slugs if entries[m].msgstr == m and len(m) > 12 and " " in m]
    assert not same, same


@pytest.mark.parametrize("code,script", [("ar", "[\u0600-\u06ff]"), ("sv", "[åäö]")])
def test_the_result_page_reads_in_the_readers_language(client, tasks, code, script):
    from django.utils.html import strip_tags

    query = "status=eu&permit=work&family=partner-children&children=school&partner=third-country&stay=long"
    page = client.get(f"/{code}/checklist/?{query}").content.decode()
    main = strip_tags(page[page.index("<main") : page.index("</main>")])
    english = ["Your checklist", "Because you", "Everyone who moves", "Read the guide", "Needs first", "Change"]
    assert not [phrase for phrase in english if phrase in main]
    assert len(re.findall(script, main)) > 50
