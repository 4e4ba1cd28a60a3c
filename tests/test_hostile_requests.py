"""Hostile requests found by probing the production settings (gunicorn, PostgreSQL, Redis): each was a 500."""
import pytest


@pytest.mark.parametrize("site", ["evil.example", "evil.example:80", "localhost:*", "localhost://evil.example/",
                                  "localhost:99999999999999999999", ""])
def test_api_v2_an_unknown_site_is_400(client, db, site):
    """Wagtail looked ``?site=`` up with ``Site.objects.get``: DoesNotExist or a port that is not a number."""
    for path in ("/api/v2/pages/", "/api/v2/pages/find/?html_path=/en/"):
        separator = "&" if "?" in path else "?"
        response = client.get(f"{path}{separator}site={site}")
        assert response.status_code == 400, (path, site)
        assert response.json() == {"message": "site doesn't exist"}


def test_api_v2_the_default_site_is_still_found(client, db):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    response = client.get(f"/api/v2/pages/?site={site.hostname}:{site.port}")
    assert response.status_code == 200


@pytest.mark.parametrize("operator", ["", "xor", "AND", "\ufffd", "a" * 300])
def test_api_v2_a_search_operator_other_than_and_or_is_400(client, db, operator):
    response = client.get("/api/v2/pages/", {"search": "bank", "search_operator": operator})
    assert response.status_code == 400
    assert response.json() == {"message": "search_operator must be either 'and' or 'or'"}


@pytest.mark.parametrize("operator", ["and", "or"])
def test_api_v2_and_or_still_search(client, db, operator):
    assert client.get("/api/v2/pages/", {"search": "bank", "search_operator": operator}).status_code == 200


def test_options_on_the_api_docs_is_405_not_500(client, db):
    """Its HTML renderer had no template for DRF's OPTIONS metadata."""
    assert client.options("/api/v1/docs/").status_code == 405
    assert client.get("/api/v1/docs/").status_code == 200
    assert client.head("/api/v1/docs/").status_code == 200


@pytest.mark.parametrize("query", ["first_published_at=abc", "first_published_at=2026-13-45",
                                   "first_published_at=1", "type=content.MunicipalityPage&review_by=2026-13-45",
                                   "type=content.LocalGuidePage&last_reviewed=%ED%A0%80",
                                   "type=content.LocalGuidePage&review_by=99999-01-01",
                                   "search=bank&first_published_at=true"])
def test_api_v2_a_date_filter_that_is_not_a_date_is_400(client, db, query):
    """Wagtail converts only booleans, integers and foreign keys before filtering: a bad date raised in the query."""
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 400
    assert response.json()["message"].startswith("field filter error.")


def test_api_v2_a_date_filter_still_filters(client, db):
    assert client.get("/api/v2/pages/?type=content.LocalGuidePage&review_by=2027-01-31").status_code == 200
    assert client.get("/api/v2/pages/?first_published_at=2026-01-01T00:00:00Z").status_code == 200
