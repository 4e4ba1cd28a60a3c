"""A page not yet translated is served at the reader's path, with a notice and marked as English."""
from html import unescape

import pytest

from content.models import GuidePage
from content.navigation import page_url_in

UNTRANSLATED = "/ar/arriving/income-tax/"


def main_of(html):
    return html.split("<main")[1].split("</main>")[0]


def test_an_untranslated_guide_is_served_not_404(client, untranslated_income_tax):
    assert not GuidePage.objects.filter(locale__language_code="ar", slug="income-tax").exists()
    response = client.get(UNTRANSLATED)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "هذه الصفحة لم تُترجم بعد إلى لغتك" in html  # the notice, in Arabic
    assert '<article class="guide" lang="en" dir="ltr">' in html  # the English text, marked as English
    assert GuidePage.objects.get(locale__language_code="en", slug="income-tax").title in unescape(html)


def test_the_fallback_labels_inside_the_english_text_are_english(client, untranslated_income_tax):
    html = main_of(client.get(UNTRANSLATED).content.decode())
    article = html.split('<article class="guide" lang="en" dir="ltr">')[1].split("</article>")[0]
    assert "Who it is for" in article
    assert "من هو" not in article


def test_a_translated_guide_is_not_marked_as_fallback(client, demo):
    html = client.get("/ar/arriving/register-population/").content.decode()
    assert "هذه الصفحة لم تُترجم بعد" not in html
    assert '<article class="guide">' in html
    assert "personnummer" in html


@pytest.mark.parametrize("code", ["sv", "ar", "so"])
def test_links_from_translated_lists_to_untranslated_guides_resolve(client, untranslated_income_tax, code):
    html = client.get(f"/{code}/arriving/").content.decode()
    assert f'href="/{code}/arriving/income-tax/"' in html
    assert client.get(f"/{code}/arriving/income-tax/").status_code == 200


def test_the_switcher_and_hreflang_point_at_urls_that_resolve(client, untranslated_income_tax):
    html = client.get("/en/arriving/income-tax/").content.decode()
    for code in ("en", "sv", "ar", "so"):
        assert f'hreflang="{code}" href="http://testserver/{code}/arriving/income-tax/"' in html
        assert client.get(f"/{code}/arriving/income-tax/").status_code == 200


def test_page_url_in_follows_its_contract(untranslated_income_tax):
    source = GuidePage.objects.get(locale__language_code="en", slug="income-tax")
    assert page_url_in(source, "ar") == "/ar/arriving/income-tax/"
    translated = GuidePage.objects.get(locale__language_code="sv", slug="income-tax")
    assert page_url_in(source, "sv") == translated.url


def test_a_page_that_exists_in_no_language_is_still_404_in_the_readers_language(client, demo):
    response = client.get("/so/arriving/no-such-guide/")
    assert response.status_code == 404
    assert '<html lang="so"' in response.content.decode()
