"""The checklist reads in the reader's language (that every message is translated: tests/test_translations.py)."""

import re

import pytest

# The checklist's tasks are loaded once for the module, not in each test (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("module_tasks")


@pytest.mark.parametrize("code,script", [("ar", "[\u0600-\u06ff]"), ("sv", "[åäö]")])
def test_the_result_page_reads_in_the_readers_language(client, tasks, code, script):
    from django.utils.html import strip_tags

    query = "status=eu&permit=work&family=partner-children&children=school&partner=third-country&stay=long"
    page = client.get(f"/{code}/checklist/?{query}").content.decode()
    main = strip_tags(page[page.index("<main") : page.index("</main>")])
    english = ["Your checklist", "Because you", "Everyone who moves", "Read the guide", "Needs first", "Change"]
    assert not [phrase for phrase in english if phrase in main]
    assert len(re.findall(script, main)) > 50
