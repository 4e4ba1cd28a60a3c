"""Fragments kept until the next publish (portal.fragments): a guide's text, the navigation and the footer.

Uncached requests (a new query string each) read them instead of rendering; a publish, an agency's
change or a renamed page in the navigation shows in every language on the next request, and neither a
preview nor a reader with a session ever reads or stores one.
"""
import json

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from content.models import Agency, GuidePage, PhasePage, StandardPage
from portal.caching import generation
from portal.fragments import fragment_key
from tests.conftest import without_isolation

LANGS = ["en", "sv", "ar", "so"]
SLUG = "register-population"
MARKER = "<p>A kept fragment</p>"


@pytest.fixture
def site(demo):
    cache.clear()


def _guide(lang) -> GuidePage:
    return GuidePage.objects.get(slug=SLUG, locale__language_code=lang)


def _url(lang) -> str:
    return f"/{lang}/arriving/{SLUG}/"


def _text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return without_isolation(response.content.decode())


def _publish(page, **changes):
    page = type(page).objects.get(pk=page.pk).save_revision().as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def _mark_guide_text(lang):
    """Replaces the kept text of the guide in ``lang`` with MARKER."""
    guide = _guide(lang)
    key = fragment_key("guide-text", lang, guide.pk, guide.live_revision_id)
    assert cache.get(key) is not None  # kept by the request before
    cache.set(key, (generation(), (MARKER, None)), 300)
    return key


@pytest.mark.parametrize("lang", LANGS)
def test_an_uncached_request_reads_the_kept_fragments_without_the_database(client, site, lang):
    first = client.get(_url(lang) + "?first=1").content.decode()
    with CaptureQueriesContext(connection) as queries:
        second = client.get(_url(lang) + "?second=1").content.decode()
    assert len(queries) == 0, [query["sql"][:120] for query in queries]  # the page is kept with its route
    assert second == first.replace("?first=1", "?second=1")


@pytest.mark.parametrize("lang", LANGS)
def test_kept_fragments_give_the_page_a_full_render_gives(client, site, lang):
    """A reader with a session gets every part rendered (and the whole Arabic page isolated in one walk)."""
    client.get(_url(lang) + "?x=1")  # keeps the fragments
    kept = client.get(_url(lang) + "?x=2").content.decode()  # a miss of the page cache, read from them
    client.force_login(User.objects.create_user("reader", password="a-long-test-password"))
    assert client.get(_url(lang) + "?x=2").content.decode() == kept


@pytest.mark.parametrize("lang", LANGS)
def test_a_published_body_shows_on_the_next_uncached_request(client, site, lang):
    client.get(_url(lang) + "?first=1")
    guide = _guide(lang)
    body = guide.body.get_prep_value()
    body[0]["value"]["heading"] = f"Freshly published step {lang}"
    _publish(guide, body=json.dumps(body), summary=f"Freshly published summary {lang}")
    html = _text(client, _url(lang) + "?second=1")
    assert f"Freshly published step {lang}" in html
    assert f"Freshly published summary {lang}" in html


def test_an_agency_renamed_in_each_language_shows_on_its_guides_at_once(client, site):
    for lang in LANGS:
        assert escape(_guide(lang).agency.name) in _text(client, _url(lang) + "?first=1")
    agency = _guide("en").agency
    for version in Agency.objects.filter(translation_key=agency.translation_key):
        version.name = f"Renamed agency {version.locale.language_code}"
        version.save()
    for lang in LANGS:
        html = _text(client, _url(lang) + "?second=1")
        assert html.count(f"Renamed agency {lang}") >= 2, lang  # the facts and the not-a-decision line


def test_a_renamed_page_shows_in_the_navigation_footer_and_listings_of_every_language_at_once(client, site):
    for lang in LANGS:
        client.get(_url(lang) + "?first=1")
        client.get(f"/{lang}/?first=1")
    for lang in LANGS:
        phase = PhasePage.objects.get(slug="arriving", locale__language_code=lang)
        _publish(phase, title=f"Arriving, renamed {lang}")
        about = StandardPage.objects.get(footer_role="about", locale__language_code=lang)
        _publish(about, title=f"About, renamed {lang}")
    for lang in LANGS:
        html = _text(client, _url(lang) + "?second=1")
        header = html[html.index("<header"):html.index("</header>")]
        footer = html[html.index("<footer"):html.index("</footer>")]
        assert f"Arriving, renamed {lang}" in header, lang
        assert f"About, renamed {lang}" in footer, lang
        home = _text(client, f"/{lang}/?second=1")
        main = home[home.index("<main"):home.index("</main>")]
        assert f"Arriving, renamed {lang}" in main, lang  # the home page's list of phases


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_preview_never_reads_or_stores_a_kept_fragment(client, site, lang):
    client.get(_url(lang) + "?first=1")
    key = _mark_guide_text(lang)
    assert MARKER in _text(client, _url(lang) + "?second=1")  # what an anonymous reader gets

    page = _guide(lang)
    page.summary = f"An unsaved summary {lang}"
    preview = without_isolation(page.make_preview_request(original_request=None).content.decode())
    assert MARKER not in preview
    assert f"An unsaved summary {lang}" in preview

    cache.delete(key)
    page.make_preview_request(original_request=None)
    assert cache.get(key) is None  # the unsaved text is never kept for readers
    assert f"An unsaved summary {lang}" not in _text(client, _url(lang) + "?third=1")


def test_a_reader_with_a_session_never_reads_a_kept_fragment(client, site):
    client.get(_url("en") + "?first=1")
    _mark_guide_text("en")
    client.force_login(User.objects.create_user("editor", password="a-long-test-password"))
    html = client.get(_url("en") + "?second=1").content.decode()
    assert MARKER not in html and _guide("en").summary in html


def test_a_deploy_forgets_the_kept_fragments_and_pages(client, site):
    """A deploy runs migrate: what the previous templates and catalogues rendered is not served after it."""
    from django.core.management.sql import emit_post_migrate_signal

    client.get(_url("ar") + "?first")
    before = generation()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert generation() != before
