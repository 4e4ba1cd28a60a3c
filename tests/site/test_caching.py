"""HTTP caching: public pages are shareable and validated, private ones are not; the origin cache
serves repeat requests without the database and forgets a page the moment it is published."""
import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import GuidePage, LifeEventPage, PhasePage
from tests.pages import PAGE_TYPES

LANGS = ["en", "sv", "ar", "so"]
RESULT = (
    "status=third-country&permit=work&family=partner-children&children=preschool,school&stay=long&arrival=2027-03-01"
)
PUBLIC = {
    **{kind: url for kind, url in PAGE_TYPES.items() if kind != "search"},  # search is private
    "checklist questionnaire": "/{lang}/checklist/",
    "checklist result": "/{lang}/checklist/?" + RESULT,
    "calendar": "/{lang}/checklist/calendar.ics?" + RESULT,
    "task": "/{lang}/checklist/tasks/bank-account/",
    "checklist JSON": "/api/v1/checklist?" + RESULT + "&lang={lang}",
    "API v2 pages": "/api/v2/pages/?locale={lang}",
    "API v2 agencies": "/api/v2/agencies/?locale={lang}",
    "sitemap": "/sitemap.xml",
}


@pytest.fixture
def site(module_tasks, demo):
    """The demo pages and the checklist's tasks, as `make run` loads them (the tasks once for the module)."""


def _cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def _vary(response) -> set[str]:
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("kind", PUBLIC)
def test_public_pages_are_shareable_with_an_etag_and_no_cookie(client, site, kind, lang):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sv"  # a reader's language cookie changes nothing here
    client.cookies["csrftoken"] = "x" * 32
    response = client.get(PUBLIC[kind].format(lang=lang), HTTP_ACCEPT_LANGUAGE="so")
    assert response.status_code == 200, kind
    control = _cache_control(response)
    assert {"public", "max-age=0", "s-maxage=300", "stale-while-revalidate=60"} <= control, control
    assert response.has_header("ETag")
    assert not response.cookies, f"{kind} sets a cookie: {response.cookies}"
    assert b"csrfmiddlewaretoken" not in response.content
    assert not _vary(response) & {"cookie", "accept-language"}, response.get("Vary")


@pytest.mark.parametrize("kind", ["guide", "checklist result", "checklist JSON", "API v2 pages"])
def test_a_matching_etag_gets_304_without_a_body(client, site, kind):
    url = PUBLIC[kind].format(lang="sv")
    etag = client.get(url)["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_the_content_api_is_the_same_whatever_the_accept_language(client, site):
    english = client.get("/api/v2/pages/?locale=sv", HTTP_ACCEPT_LANGUAGE="en").content
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    arabic = client.get("/api/v2/pages/?locale=sv", HTTP_ACCEPT_LANGUAGE="ar").content
    assert english == arabic


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/", {"private"}),
        ("/en/search/?q=personnummer", {"private"}),
        ("/sv/workspace/login/", {"private", "no-store"}),
        ("/admin/login/", {"private", "no-store"}),
        ("/c/doesnotexist", {"private", "no-store"}),
        ("/en/c/doesnotexist", {"private", "no-store"}),
        ("/healthz", {"private", "no-store"}),
        ("/language/sv/?next=/sv/", {"private"}),
    ],
)
def test_personal_and_form_pages_are_private(client, site, url, words):
    response = client.get(url)
    control = _cache_control(response)
    assert words <= control, (url, control)
    assert "public" not in control
    assert not any(part.startswith("s-maxage") for part in control)


def test_a_login_form_with_its_csrf_token_is_never_shared_or_cached(client, site):
    response = client.get("/en/workspace/login/")
    assert b"csrfmiddlewaretoken" in response.content
    assert "public" not in response["Cache-Control"]
    assert "X-Page-Cache" not in response


def test_a_reader_with_a_session_gets_private_answers_and_no_cached_page(client, site):
    url = PUBLIC["guide"].format(lang="en")
    assert client.get(url)["X-Page-Cache"] == "miss"
    client.cookies[settings.SESSION_COOKIE_NAME] = "anything"
    response = client.get(url)
    assert "private" in response["Cache-Control"]
    assert "X-Page-Cache" not in response


def test_the_language_switch_sets_its_cookie_privately(client, site):
    response = client.get("/language/ar/?next=/ar/")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"
    assert "public" not in response["Cache-Control"]


@pytest.mark.parametrize("kind", ["home", "guide", "checklist result", "checklist JSON", "API v2 pages"])
def test_a_repeat_request_comes_from_the_origin_cache_without_the_database(client, site, kind, settings):
    settings.COUNTERS_REDIS_URL = ""  # counts written at once (the embedded default): the one allowed write
    url = PUBLIC[kind].format(lang="ar")
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    # Nothing is read: the only statement allowed is the durable count of the checklist served (one
    # upsert without Redis; a Redis HINCRBY in production, content/counters.py).
    reads = [q["sql"] for q in queries if "_checklistcount" not in q["sql"]]
    assert reads == [], reads
    assert len(queries) <= 1, [q["sql"] for q in queries]
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_the_origin_cache_key_ignores_parameter_order_and_tracking(client, site):
    assert client.get("/en/checklist/?status=eu&family=alone&stay=long")["X-Page-Cache"] == "miss"
    again = client.get("/en/checklist/?stay=long&family=alone&status=eu&utm_source=news")
    assert again["X-Page-Cache"] == "hit"
    other = client.get("/en/checklist/?stay=short&family=alone&status=eu")
    assert other["X-Page-Cache"] == "miss"


def test_head_is_answered_from_the_cache_without_a_body(client, site):
    url = PUBLIC["phase"].format(lang="so")
    client.get(url)
    response = client.head(url)
    assert response["X-Page-Cache"] == "hit"
    assert response.content == b""


def _version(slug, lang):
    return GuidePage.objects.filter(slug=slug, locale__language_code=lang).first()


@pytest.mark.parametrize("lang", LANGS)
def test_a_publish_shows_at_once_on_the_page_and_the_pages_that_list_it(client, site, lang):
    slug = "register-population"
    guide = _version(slug, lang) or _version(slug, "en")  # untranslated: the source stands in
    phase = PhasePage.objects.get(slug="arriving", locale__language_code="en")
    urls = [f"/{lang}/arriving/{slug}/", f"/{lang}/arriving/", f"/{lang}/agencies/skatteverket/"]
    event = guide.life_events.first() if hasattr(guide, "life_events") else None
    if event is not None:
        urls.append(f"/{lang}/life-events/{LifeEventPage.objects.get(pk=event.pk).slug}/")
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url
    assert phase is not None

    revision = guide.save_revision()
    page = revision.as_object()
    page.title = f"Newly published title {lang}"
    revision = page.save_revision()
    revision.publish()

    for url in urls:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert f"Newly published title {lang}" in response.content.decode(), url


def test_unpublishing_removes_the_page_from_its_listings_at_once(client, site):
    guide = _version("register-population", "sv")
    client.get("/sv/arriving/")
    assert guide.title in client.get("/sv/arriving/").content.decode()
    guide.unpublish()
    assert guide.title not in client.get("/sv/arriving/").content.decode()


@pytest.mark.parametrize(
    ("url", "model", "lookup", "field", "value"),
    [
        (PUBLIC["checklist JSON"].format(lang="en"), "guides.Task", {"key": "bank-account"},
         "title_en", "Open a Swedish bank account today"),
        ("/en/agencies/skatteverket/", "content.Agency", {"slug": "skatteverket", "locale__language_code": "en"},
         "phone", "0771-567 567 99"),
    ],
    ids=["task in every checklist", "agency"],
)
def test_a_changed_record_shows_at_once(client, site, url, model, lookup, field, value):
    from django.apps import apps

    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    record = apps.get_model(model).objects.get(**lookup)
    setattr(record, field, value)
    record.save()
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert value in response.content.decode()


def test_the_api_is_cached_per_accept_header_as_its_vary_says(client, site):
    url = PUBLIC["API v2 pages"].format(lang="en")
    json_answer = client.get(url, HTTP_ACCEPT="application/json")
    assert "accept" in _vary(json_answer)
    # DRF's browsable API (text/html) has forms with a CSRF token: private, and never stored.
    html_answer = client.get(url, HTTP_ACCEPT="text/html")
    assert "private" in html_answer["Cache-Control"] and "X-Page-Cache" not in html_answer
    again = client.get(url, HTTP_ACCEPT="application/json")
    assert again["X-Page-Cache"] == "hit" and again.content == json_answer.content


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_what_a_guide_shows_from_other_rows_is_kept_only_until_the_next_publish(client, site, lang):
    """Uncached requests (a new query string each) keep the route, the links and the agency per page and
    language (``portal.caching.derived``): fewer queries, yet a publish or an agency's change shows at once."""
    from content.models import Agency

    url = f"/{lang}/arriving/register-population/"
    first = client.get(url + "?first=1").content.decode()
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url + "?second=1").content.decode()
    assert len(queries) <= 4, [query["sql"][:120] for query in queries]  # the page, its body's agency block
    assert second == first.replace("?first=1", "?second=1")

    source = _version("register-population", "en")
    step = source.next_steps.first()
    shown = _version(step.slug, lang) or step  # the step in the reader's language, else the source
    assert shown.title in second
    page = GuidePage.objects.get(pk=shown.pk).save_revision().as_object()
    page.title = f"Renamed next step {lang}"
    page.save_revision().publish()
    assert f"Renamed next step {lang}" in client.get(url + "?third=1").content.decode()

    guide = _version("register-population", lang) or source
    agency = Agency.objects.get(pk=guide.agency_id)
    agency.name = f"Renamed agency {lang}"
    agency.save()
    assert agency.name in client.get(url + "?fourth=1").content.decode()
