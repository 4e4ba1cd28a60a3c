"""The newcomer's languages: Somali dates, English fallback items marked in the reader's language,
and search in Somali that finds guides existing only in English."""
import re
from datetime import date

from django.template import Context, Template
from django.utils import formats, translation

ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"]


def test_somali_dates_have_somali_month_names():
    with translation.override("so"):
        assert Template('{{ day|date:"j F Y" }}').render(Context({"day": date(2026, 11, 20)})) == "20 Nofembar 2026"
        assert formats.date_format(date(2026, 1, 5)) == "5 Janaayo 2026"
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1
    with translation.override("sv"):
        assert formats.date_format(date(2026, 11, 20)) == "20 november 2026"


def test_a_somali_guide_dates_its_review_in_somali(client, demo):
    html = client.get("/so/arriving/register-population/").content.decode()
    line = re.search(r'<p class="review-line">(.*?)</p>', html, re.S)
    assert line, "no review line"
    assert not any(month in line.group(1) for month in ENGLISH_MONTHS), line.group(1)


def test_english_fallback_items_are_marked_in_the_readers_language(client, demo, untranslated_income_tax):
    html = client.get("/so/life-events/working/").content.decode()
    assert "Find out how you pay tax" in html  # income-tax has no Somali translation
    item = re.search(r'<li class="card" lang="en"[^>]*>.*?Find out how you pay tax.*?</li>', html, re.S)
    assert item and '<span class="language-marker" lang="so" dir="ltr">(af Ingiriisi)</span>' in item.group(0)
    swedish = client.get("/sv/life-events/working/").content.decode()
    assert "(af Ingiriisi)" not in swedish


def test_search_in_somali_finds_english_only_guides_marked_as_english(client, demo, untranslated_income_tax):
    html = client.get("/so/search/", {"q": "SINK"}).content.decode()
    assert "Find out how you pay tax" in html
    assert "(af Ingiriisi)" in html
    english = client.get("/en/search/", {"q": "SINK"}).content.decode()
    assert "(in English)" not in english
