"""Each page type renders in every language, within a bounded number of queries, with its parts."""
import re

import pytest
from django.core.cache import cache

from content import datafiles
from content.models import GuidePage, LifeEventPage, PhasePage
from tests.pages import PAGE_TYPES

LANGS = ["en", "sv", "ar", "so"]
TASK_KEYS = [
    "apply-permit", "apply-family-permits", "residence-permit-card", "health-insurance", "gather-documents",
    "find-housing", "preschool-place", "school-place", "end-home-insurance", "register-population",
    "coordination-number", "id-card", "bank-account", "bankid", "social-insurance", "healthcare", "income-tax",
    "school-registration", "child-allowance", "expert-tax-relief", "eu-family-residence-card", "sfi",
    "register-job-seeker", "validate-education", "partner-programme", "driving-licence", "permit-extension",
    "permanent-residence", "mother-tongue-tuition", "unemployment-insurance", "parental-benefit",
    "children-turning-18",
]
PHASE_OF = {"before": "before-you-move", "arrival": "arriving", "settling": "settling-in"}
DESIGN_PHASES = {
    "before": TASK_KEYS[:9], "arrival": TASK_KEYS[9:21], "settling": TASK_KEYS[21:],
}
PAGES = PAGE_TYPES
MAX_QUERIES = 45  # constant: independent of the number of guides (navigation cache cleared)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGES)
def test_each_page_type_renders_in_each_language_within_a_query_budget(
    client, demo, django_assert_max_num_queries, kind, lang
):
    cache.clear()  # count the navigation's queries too
    url = PAGES[kind].format(lang=lang)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    assert "<h1" in html


def test_every_task_key_has_an_english_guide_in_its_design_phase(demo):
    for phase, keys in DESIGN_PHASES.items():
        for key in keys:
            guide = GuidePage.objects.get(locale__language_code="en", slug=key)
            assert guide.get_parent().slug == PHASE_OF[phase], key
    assert GuidePage.objects.filter(locale__language_code="en").count() >= 30


def test_english_and_swedish_are_complete_and_arabic_and_somali_cover_the_first_guides(demo):
    english = set(GuidePage.objects.filter(locale__language_code="en").values_list("translation_key", flat=True))
    swedish = set(GuidePage.objects.filter(locale__language_code="sv").live().values_list("translation_key", flat=True))
    assert english == swedish
    first = ["apply-permit", "apply-family-permits", "register-population", "coordination-number", "id-card",
             "bank-account", "healthcare", "school-place", "school-registration", "preschool-place", "sfi",
             "register-job-seeker", "social-insurance"]
    for code in ("ar", "so"):
        for key in first:
            source = GuidePage.objects.get(locale__language_code="en", slug=key)
            translated = source.get_translation_or_none(source.locale.__class__.objects.get(language_code=code))
            assert translated is not None and translated.live, (code, key)


def test_all_ten_life_events_exist_in_every_language_and_each_gathers_guides(demo):
    events = LifeEventPage.objects.filter(locale__language_code="en")
    assert events.count() == 10
    for event in events:
        assert GuidePage.objects.filter(life_events=event, locale__language_code="en").exists(), event.slug
    for code in LANGS:
        assert LifeEventPage.objects.filter(locale__language_code=code).live().count() == 10


def test_an_unreviewed_translation_says_so_in_the_readers_language(client, demo):
    assert "har ännu inte granskats" in client.get("/sv/arriving/register-population/").content.decode()
    assert "لم تتم مراجعة هذه الترجمة" in client.get("/ar/arriving/register-population/").content.decode()
    assert "weli dib uma eegin" in client.get("/so/arriving/register-population/").content.decode()
    assert "not yet been reviewed" not in client.get("/en/arriving/register-population/").content.decode()


def test_every_demo_guide_names_its_sources_and_owner(demo):
    for guide in datafiles.read().guides:
        page = GuidePage.objects.get(locale__language_code="en", slug=guide["key"])
        assert len(page.sources) >= 1, guide["key"]
        assert all(block.value["url"].startswith("https://") for block in page.sources)
        assert page.last_reviewed and page.review_by and page.review_by > page.last_reviewed


def test_the_home_page_leads_with_the_phases_and_the_checklist(client, demo):
    for code in LANGS:
        html = client.get(f"/{code}/").content.decode()
        main = html.split("<main")[1]
        assert f'href="/{code}/checklist/"' in main
        for slug in PHASE_OF.values():
            assert f'href="/{code}/{slug}/"' in main


def test_the_navigation_and_footer_link_real_pages_in_the_readers_language(client, demo):
    html = client.get("/ar/").content.decode()
    nav = html.split('class="site-nav"')[1].split("</nav>")[0]
    for href in ["/ar/before-you-move/", "/ar/arriving/", "/ar/settling-in/", "/ar/life-events/",
                 "/ar/checklist/", "/ar/search/"]:
        assert f'href="{href}"' in nav
    footer = html.split('class="site-footer"')[1]
    for href in ["/ar/about/", "/ar/accessibility/", "/ar/privacy/"]:
        assert f'href="{href}"' in footer
        assert client.get(href).status_code == 200
    assert "بيان إمكانية الوصول" in footer


@pytest.mark.parametrize("lang", LANGS)
def test_the_accessibility_statement_has_a_way_to_report_a_barrier(client, demo, lang):
    html = client.get(f"/{lang}/accessibility/").content.decode()
    assert "mailto:tillganglighet@landa.example" in html
    assert "2018:1937" in html
    assert "https://www.digg.se/" in html


def test_every_phase_page_exists_in_all_four_languages(demo):
    for code in LANGS:
        assert PhasePage.objects.filter(locale__language_code=code).live().count() == 3


def test_outbound_links_do_not_leak_the_referrer(client, demo):
    html = client.get("/en/arriving/register-population/").content.decode()
    for match in re.finditer(r'<a href="https://[^"]*"([^>]*)>', html):
        assert 'rel="noreferrer"' in match.group(1), match.group(0)
