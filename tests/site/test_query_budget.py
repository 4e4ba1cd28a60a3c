"""Query budgets: each public page type, uncached, takes a fixed number of queries, whatever the
number of guides (the demo's, then 300 more in the same phase, life event and agency).

The navigation, footer and locale list are cached (a request after a publish rebuilds them once);
the page cache is off here, so every request renders the page.
"""
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.pages import PAGE_TYPES

#: Issue 15's budget. Measured (SQLite, 10 or 300 extra guides alike): in Arabic guide 9, home 7,
#: API v2 10, search 9, the rest 5 or fewer; in English a query or two fewer. Routing takes two
#: (content.routing: every page along the path at once, then the page's own row; the site is cached),
#: each list two (its source pages, then their translations in one query).
BUDGET = 10
PAGES = {
    **PAGE_TYPES,
    "checklist result": "/{lang}/checklist/?status=third-country&permit=work&family=alone&stay=long",
    "checklist JSON": "/api/v1/checklist?status=third-country&permit=work&family=alone&stay=long&lang={lang}",
    # With a place: its municipality's and region's local guides, found in one lookup, not per item.
    "checklist result with a place": (
        "/{lang}/checklist/?status=third-country&permit=work&family=children&children=preschool&stay=long"
        "&municipality=1480"
    ),
    "checklist JSON with a place": (
        "/api/v1/checklist?status=third-country&permit=work&family=children&children=preschool&stay=long"
        "&municipality=1480&lang={lang}"
    ),
    "API v2 pages": "/api/v2/pages/?locale={lang}&limit=20",
}


def _counts(client, lang):
    counts = {}
    for kind, url in PAGES.items():
        url = url.format(lang=lang)
        assert client.get(url).status_code == 200, url  # fills the navigation and locale caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[kind] = len(queries)
    return counts


def _add_guides(number):
    from content.demo import deferred_indexing
    from content.models import Agency, GuidePage, LifeEventPage, PhasePage

    phase = PhasePage.objects.get(slug="arriving", locale__language_code="en")
    event = LifeEventPage.objects.get(slug="parent", locale__language_code="en")
    agency = Agency.objects.get(slug="skatteverket", locale__language_code="en")
    # The search and reference indexes are brought up to date once for all of them at the end, as
    # the demo loader does: the same guides, indexed the same, without indexing each guide twice.
    with deferred_indexing():
        for index in range(number):
            guide = GuidePage(
                title=f"Extra guide {index}", slug=f"extra-guide-{index}", summary="Personnummer and more.",
                agency=agency,
            )
            phase.add_child(instance=guide)
            guide.life_events.add(event)
            guide.save()


LANGS = ["en", "ar"]  # a left-to-right and a right-to-left language; the 300 guides are added once for both


def test_every_public_page_type_stays_within_its_query_budget_whatever_the_number_of_guides(client, demo, settings):
    from django.core.management import call_command

    call_command("load_tasks", verbosity=0)
    settings.PAGE_CACHE_ENABLED = False
    few = {lang: _counts(client, lang) for lang in LANGS}
    for lang in LANGS:  # the demo's own pages too: its guides' snippets once per page found was 19 on search
        over = {kind: count for kind, count in few[lang].items() if count > BUDGET}
        assert not over, f"{lang}, the demo alone: over the budget of {BUDGET} queries: {over}"
    _add_guides(300)
    from django.core.cache import cache

    cache.clear()
    for lang in LANGS:
        many = _counts(client, lang)
        over = {kind: count for kind, count in many.items() if count > BUDGET}
        assert not over, f"{lang}: over the budget of {BUDGET} queries: {over}"
        grown = {kind: (few[lang][kind], count) for kind, count in many.items() if count > few[lang][kind]}
        assert not grown, f"{lang}: queries grow with the number of guides: {grown}"
