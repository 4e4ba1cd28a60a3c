"""The page types and their templates, on pages each test builds (tests/content/factories.py): where each
type may live, and what its page shows, whatever the demo content says."""
import datetime
from html import unescape

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase

from content.models import (
    GuidePage,
    HomePage,
    LifeEventIndexPage,
    LifeEventPage,
    LocalGuidePage,
    MunicipalityPage,
    PhasePage,
    PlaceIndexPage,
    RegionPage,
    StandardPage,
)
from content.outbound import link_id
from tests.content.factories import (
    AgencyFactory,
    GuidePageFactory,
    LifeEventIndexPageFactory,
    LifeEventPageFactory,
    PhasePageFactory,
    StandardPageFactory,
    english_home,
)


class TestWhereEachPageTypeLives(WagtailPageTestCase):
    def test_the_home_page_is_a_tree_root_with_phases_life_events_and_plain_pages_below(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {PhasePage, LifeEventIndexPage, StandardPage, PlaceIndexPage})

    def test_places_go_region_then_municipality_and_local_guides_stand_under_either(self):
        self.assertAllowedParentPageTypes(PlaceIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PlaceIndexPage, {RegionPage})
        self.assertAllowedSubpageTypes(RegionPage, {MunicipalityPage, LocalGuidePage})
        self.assertAllowedSubpageTypes(MunicipalityPage, {LocalGuidePage})
        self.assertAllowedParentPageTypes(LocalGuidePage, {RegionPage, MunicipalityPage})
        self.assertAllowedSubpageTypes(LocalGuidePage, set())

    def test_a_guide_lives_in_a_phase_and_has_no_subpages(self):
        self.assertAllowedSubpageTypes(PhasePage, {GuidePage})
        self.assertAllowedParentPageTypes(PhasePage, {HomePage})
        self.assertAllowedParentPageTypes(GuidePage, {PhasePage})
        self.assertAllowedSubpageTypes(GuidePage, set())

    def test_life_events_live_in_their_index(self):
        self.assertAllowedParentPageTypes(LifeEventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(LifeEventIndexPage, {LifeEventPage})
        self.assertAllowedParentPageTypes(LifeEventPage, {LifeEventIndexPage})
        self.assertAllowedSubpageTypes(LifeEventPage, set())

    def test_plain_pages_hang_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage})
        self.assertAllowedSubpageTypes(StandardPage, set())

    def test_a_guide_cannot_be_added_straight_under_the_home_page_or_a_life_event(self):
        self.assertCanNotCreateAt(HomePage, GuidePage)
        self.assertCanNotCreateAt(LifeEventPage, GuidePage)
        self.assertCanCreateAt(PhasePage, GuidePage)


@pytest.fixture
def home(demo):
    cache.clear()  # the navigation caches the tree; these pages are new
    yield english_home()
    cache.clear()


def html_of(client, page, language="en"):
    response = client.get(page.url.replace("/en/", f"/{language}/", 1))
    assert response.status_code == 200, page.url
    return unescape(response.content.decode())


@pytest.mark.parametrize("factory", [PhasePageFactory, LifeEventIndexPageFactory, StandardPageFactory])
def test_a_page_opens_with_breadcrumbs_its_title_and_its_introduction(client, home, factory):
    page = factory(parent=home, title="Tested page", intro="An introduction in plain words.")
    html = html_of(client, page)
    assert '<nav class="breadcrumbs"' in html and 'href="/en/"' in html
    assert "<h1>Tested page</h1>" in html
    assert '<p class="lead">An introduction in plain words.</p>' in html
    assert 'class="translation-notice' not in html


def test_a_life_event_opens_like_every_page(client, home):
    index = LifeEventIndexPageFactory(parent=home, title="Tested events")
    event = LifeEventPageFactory(parent=index, title="Tested event", intro="When it happens.")
    html = html_of(client, event)
    assert f'href="{index.url}"' in html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert "<h1>Tested event</h1>" in html and '<p class="lead">When it happens.</p>' in html


def test_an_untranslated_page_is_the_english_text_marked_as_english_under_a_notice(client, home):
    page = PhasePageFactory(parent=home, title="Only in English", intro="Not translated yet.")
    html = html_of(client, page, "sv")
    assert 'class="notice notice--warning translation-notice"' in html
    assert '<div lang="en" dir="ltr">' in html
    marked = html.split('<div lang="en" dir="ltr">')[1]
    assert marked.index("<h1>Only in English</h1>") < marked.index("Not translated yet.")


def test_a_phase_lists_its_guides_in_tree_order(client, home):
    phase = PhasePageFactory(parent=home)
    guides = [GuidePageFactory(parent=phase, title=title) for title in ("Third", "First", "Second")]
    html = html_of(client, phase)
    positions = [html.index(f'href="{guide.url}"') for guide in guides]
    assert positions == sorted(positions)
    assert "How to first." in html  # each guide with its summary


def test_a_life_event_gathers_its_guides_from_every_phase(client, home):
    index = LifeEventIndexPageFactory(parent=home)
    event = LifeEventPageFactory(parent=index)
    tagged = []
    for _ in range(2):
        guide = GuidePageFactory(parent=PhasePageFactory(parent=home))
        guide.life_events.add(event)
        guide.save()
        tagged.append(guide)
    untagged = GuidePageFactory(parent=tagged[0].get_parent())
    html = html_of(client, event)
    for guide in tagged:
        assert f'href="{guide.url}"' in html
    assert f'href="{untagged.url}"' not in html


def test_a_guide_shows_its_parts(client, home):
    agency = AgencyFactory(name="Test Tax Office", website="https://tax.example.se/")
    phase = PhasePageFactory(parent=home, title="Tested phase")
    next_guide = GuidePageFactory(parent=phase, title="Then this")
    index = LifeEventIndexPageFactory(parent=home)
    event = LifeEventPageFactory(parent=index, title="Tested event")
    guide = GuidePageFactory(
        parent=phase,
        title="Do this",
        summary="Do this first, within a week.",
        agency=agency,
        situation_tags=["long"],
        processing_time="About two weeks.",
        processing_time_source="The office's figures",
        processing_time_source_url="https://tax.example.se/times/",
        last_reviewed=datetime.date(2026, 3, 2),
        review_by=datetime.date(2026, 9, 1),
        body__0__warning__text="Bring your passport.",
        body__1__what_you_need__items__0="Your passport",
        sources=[("source", {"title": "The office's page on it", "url": "https://tax.example.se/do-this/",
                              "publisher": "Test Tax Office", "language": "en"})],
    )
    guide.next_steps.add(next_guide)
    guide.life_events.add(event)
    guide.save()

    html = html_of(client, guide)
    assert "<h1>Do this</h1>" in html and '<p class="lead">Do this first, within a week.</p>' in html
    assert "<li>Staying one year or more</li>" in html  # the situation tag, labelled
    assert "About two weeks." in html and 'href="https://tax.example.se/times/"' in html
    assert "The office's figures" in html
    assert f'href="/en/agencies/{agency.slug}/">Test Tax Office</a>' in html
    assert "Bring your passport." in html and "What you need" in html and "<li>Your passport</li>" in html
    assert "The office's page on it" in html and 'href="https://tax.example.se/do-this/"' in html
    assert "Last reviewed on 2 March 2026 by Test Tax Office." in html
    assert "Next review by 1 September 2026." in html
    assert "This is guidance, not a decision. Test Tax Office decides your case." in html
    assert f'href="/out/{link_id("https://tax.example.se/")}/?p=' in html  # the agency's site, counted
    crumbs = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert f'href="{phase.url}"' in crumbs and "Tested phase" in crumbs
    assert f'href="{next_guide.url}"' in html.split('class="next-steps"')[1]
    assert f'href="{event.url}"' in html.split('class="life-event-links"')[1]


@pytest.fixture
def swedish_guide(home):
    """A guide with its phase, translated into Swedish and published (not yet reviewed)."""
    phase = PhasePageFactory(parent=home, title="Tested phase")
    guide = GuidePageFactory(parent=phase, title="Tested guide", last_reviewed=datetime.date(2026, 3, 2))
    sv = Locale.objects.get(language_code="sv")
    for page in (phase, guide):
        swedish = page.copy_for_translation(sv)
        swedish.title = f"Svensk {page.title}"
        swedish.save_revision().publish()
    cache.clear()
    return GuidePage.objects.get(pk=swedish.pk)


def test_a_translated_guide_is_in_its_language_with_the_readers_labels(client, swedish_guide):
    html = html_of(client, swedish_guide, "sv")
    assert "<h1>Svensk Tested guide</h1>" in html
    assert '<article class="guide">' in html  # not marked as another language
    assert "Senast granskad 2 mars 2026." in html
    assert "Det här är vägledning, inte ett beslut" in html
    assert "inte översatt" not in html


def test_an_unreviewed_translation_says_so_until_it_is_marked_reviewed(client, swedish_guide):
    assert "har ännu inte granskats" in html_of(client, swedish_guide, "sv")
    swedish_guide.translation_reviewed = True
    swedish_guide.save_revision().publish()
    assert "har ännu inte granskats" not in html_of(client, swedish_guide, "sv")


def test_an_unpublished_translation_falls_back_to_the_source_under_a_notice(client, swedish_guide):
    swedish_guide.unpublish()
    cache.clear()
    html = html_of(client, swedish_guide, "sv")
    assert "Den här sidan är inte översatt" in html
    assert '<article class="guide" lang="en" dir="ltr">' in html
    assert "<h1>Tested guide</h1>" in html
