"""Search in the reader's own language, with highlighted summaries; bad input is a 400 in that language."""
import re

import pytest

LANGS = ["en", "sv", "ar", "so"]


def result_links(html):
    return re.findall(r'<h2 class="search-results__title"><a href="([^"]+)"', html)


@pytest.mark.parametrize("code", LANGS)
def test_personnummer_finds_the_population_registration_guide_in_every_language(client, demo, code):
    response = client.get(f"/{code}/search/", {"q": "personnummer"})
    assert response.status_code == 200
    links = result_links(response.content.decode())
    assert f"/{code}/arriving/register-population/" in links


@pytest.mark.parametrize("code", LANGS)
def test_results_are_only_in_the_readers_language(client, untranslated_income_tax, code):
    links = result_links(client.get(f"/{code}/search/", {"q": "personnummer"}).content.decode())
    assert links
    assert all(link.startswith(f"/{code}/") for link in links)
    # An untranslated guide is not searched in Arabic: here income tax exists in English and Swedish only.
    if code in ("ar", "so"):
        assert f"/{code}/arriving/income-tax/" not in links


def test_summaries_are_highlighted_and_escaped(client, demo):
    html = client.get("/sv/search/", {"q": "personnummer"}).content.decode()
    assert "<mark>personnummer</mark>" in html
    html = client.get("/en/search/", {"q": "<script>personnummer"}).content.decode()
    assert "<script>personnummer" not in html


def test_an_english_word_is_not_found_in_the_swedish_guides(client, demo):
    assert result_links(client.get("/en/search/", {"q": "coordination"}).content.decode())
    assert not result_links(client.get("/sv/search/", {"q": "coordination"}).content.decode())


def test_an_empty_search_shows_the_form(client, demo):
    response = client.get("/ar/search/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


def test_a_too_long_search_is_a_400_in_the_readers_language(client, demo):
    response = client.get("/sv/search/", {"q": "x" * 500})
    assert response.status_code == 400
    assert "Din sökning är för lång" in response.content.decode()


def test_a_bad_page_number_is_a_400_not_a_500(client, demo):
    response = client.get("/so/search/", {"q": "personnummer", "page": "abc"})
    assert response.status_code == 400
    assert "Lambarka boggaas ma saxna." in response.content.decode()


def test_search_answers_only_get(client, demo):
    assert client.post("/en/search/", {"q": "bank"}).status_code == 405
