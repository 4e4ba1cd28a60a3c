"""Hypothesis: hostile query strings on every kind of public URL never give a 500."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PATHS = [
    "/en/", "/sv/checklist/", "/ar/checklist/calendar.ics", "/api/v1/checklist", "/en/search/", "/so/agencies/",
    "/c/AAAAAAAAAAAAAAAAAAAAAAAA", "/en/c/AAAAAAAAAAAAAAAAAAAAAAAA", "/api/v2/pages/", "/healthz",
    "/language/sv/", "/en/workspace/login/",
    # Every other public route (each kind of CMS page: test_hostile_query_strings_on_each_page_type).
    "/en/checklist/tasks/apply-permit/", "/sv/agencies/skatteverket/", "/api/v2/agencies/", "/api/v2/pages/find/",
    "/sitemap.xml", "/robots.txt", "/feedback/", "/out/x/", "/sw.js", "/manifest.webmanifest",
    "/en/workspace/password/reset/", "/en/workspace/invitation/", "/api/v1/schema/", "/api/v1/docs/",
    "/api/v1/links", "/documents/1/x.pdf",
]
KEYS = st.sampled_from(["q", "status", "permit", "family", "children", "stay", "partner", "arrival", "lang",
                        "since", "municipality", "next", "page", "locale", "fields", "type"])
# Any text, with control characters (NUL first: PostgreSQL refuses it) well represented.
VALUES = st.text(st.one_of(st.characters(codec="utf-8"), st.sampled_from("\x00\x01\x1b\x7f")), max_size=40)


@pytest.mark.parametrize("path", PATHS)
def test_hostile_query_strings_never_give_a_500(client, db, path):
    _fuzz(client, path, examples=15)


def test_hostile_query_strings_on_each_page_type(client, db):
    """One live page of each Wagtail page type, in each language (their views read ``?…`` too)."""
    from wagtail.models import Page

    pages = {}
    for page in Page.objects.live().filter(depth__gt=1).select_related("content_type", "locale"):
        pages.setdefault((page.content_type_id, page.locale.language_code), page)
    assert len({content_type for content_type, _code in pages}) >= 4
    for page in pages.values():
        _fuzz(client, page.url)


def _fuzz(client, path, examples=5):
    from urllib.parse import urlencode

    @given(params=st.lists(st.tuples(KEYS, VALUES), max_size=4))
    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(params):
        response = client.get(f"{path}?{urlencode(params)}")
        assert response.status_code < 500, (path, params)

    check()
