"""Typical durations (with source and year) on the checklist items, from the guides, fetched in bulk."""
from html import unescape

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import strip_tags

from guides import checklist as checklist_module
from guides import durations

# The checklist's tasks are loaded once for the module, not in each test (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("module_tasks")

FEW = "status=eu&permit=study&family=alone&stay=short"
MANY = "status=third-country&permit=work&family=partner-children&children=preschool,school&stay=long"


def card(html: str, key: str) -> str:
    part = html[html.index(f'id="task-{key}"') :]
    return strip_tags(part[: part.index("</li>")])


def test_the_item_shows_the_guides_typical_time_and_its_source_in_the_readers_language(client, tasks):
    guide = _guide_data("register-population")
    english = unescape(card(client.get(f"/en/checklist/?{MANY}").content.decode(), "register-population"))
    assert "Typical time" in english
    assert guide["en"]["time"].split(". ")[0] in english
    assert guide["processing_time_source"]["title"]["en"] in english
    swedish = unescape(card(client.get(f"/sv/checklist/?{MANY}").content.decode(), "register-population"))
    assert guide["sv"]["time"].split(". ")[0] in swedish
    assert guide["processing_time_source"]["title"]["sv"] in swedish


def test_the_client_page_shows_it_too(client, tasks):
    from tests.firms.factories import FirmFactory, LinkFactory

    link = LinkFactory(firm=FirmFactory(), language="en", situation=MANY)
    html = client.get(f"/en/c/{link.code}", HTTP_USER_AGENT="Mozilla/5.0 Chrome/130.0").content.decode()
    first = _guide_data("register-population")["en"]["time"].split(". ")[0]
    assert first in unescape(card(html, "register-population"))


def _guide_data(key):
    from content import datafiles

    return next(guide for guide in datafiles.read().guides if guide["key"] == key)


def test_the_times_are_fetched_in_bulk_whatever_the_length_of_the_list(client, tasks):
    def cold_page_queries(query):
        cache.clear()
        checklist_module._local.clear()
        durations._local.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/so/checklist/?{query}").status_code == 200
        return len(captured)

    few, many = cold_page_queries(FEW), cold_page_queries(MANY)
    assert few == many  # nothing per item
    cat = checklist_module.catalogue()
    durations._local.clear()
    cache.delete(durations.GUIDE_TIMES_KEY.format(generation=cat.generation, language="ar"))
    with CaptureQueriesContext(connection) as captured:
        durations.guide_times(cat, "ar")
    assert len(captured) == 2  # the guides, then their translations
