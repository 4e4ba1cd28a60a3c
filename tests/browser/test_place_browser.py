""""Where will you live?" in Chromium: the filter box (static/js/place.js) narrows the select as the reader
types, by keyboard alone, in Arabic (RTL); axe-core finds no WCAG 2.2 AA violation before or after; without
JavaScript the select grouped by region is the whole question."""

import re

import pytest

from guides.place import grouped_municipalities
from tests.browser.test_checklist_browser import AXE_TAGS

pytestmark = pytest.mark.browser
LAST_PAGE = "/{code}/checklist/?status=eu&permit=work&family=alone"


def _violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]


def test_typing_in_arabic_narrows_the_list_and_enter_gives_the_checklist_with_the_place(live_site, browser_page):
    page = browser_page
    page.goto(live_site.url + LAST_PAGE.format(code="ar"))
    assert page.get_attribute("html", "dir") == "rtl"
    page.locator('label[for="id_stay_long"]').click()
    box = page.locator("#id_municipality-filter")
    assert box.is_visible()
    assert page.locator('label[for="id_municipality-filter"]').is_visible()
    box.focus()
    page.keyboard.type("gote")  # accents optional
    assert page.locator("#id_municipality").input_value() == "1480"
    # "Not decided yet", Göteborg and Götene: the first match is chosen.
    assert page.locator("#id_municipality option:not([hidden])").count() == 3
    assert "Göteborg" in page.locator("#id_municipality-filter-count").inner_text()  # announced
    assert not _violations(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**municipality=1480**")
    assert "Göteborg" in page.locator(".situation__place").inner_text()
    assert not _violations(page)


def test_a_name_that_matches_nothing_keeps_the_whole_list_and_says_so(live_site, browser_page):
    page = browser_page
    page.goto(live_site.url + LAST_PAGE.format(code="en"))
    page.locator("#id_municipality-filter").fill("zzz")
    assert page.locator("#id_municipality option:not([hidden])").count() == 291
    assert "No municipality matches" in page.locator("#id_municipality-filter-count").inner_text()
    page.locator("#id_municipality-filter").fill("sto")
    starting = [
        code
        for _region, group in grouped_municipalities()
        for code, name in group
        if any(word.casefold().startswith("sto") for word in re.split(r"[\s-]+", name))
    ]
    assert page.locator("#id_municipality").input_value() == starting[0]  # the first match is chosen
    assert page.locator("#id_municipality option:not([hidden])").count() == len(starting) + 1


def test_without_javascript_the_grouped_select_is_the_question(live_site, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_site.url + LAST_PAGE.format(code="sv") + "&stay=long&change=stay")
        assert page.locator("#id_municipality-filter").count() == 0
        assert page.locator("#id_municipality optgroup").count() == 21
        page.locator("#id_municipality").select_option("2480")
        page.locator("button[type=submit]").click()
        page.wait_for_url("**municipality=2480**")
        assert "Umeå" in page.locator(".situation__place").inner_text()
    finally:
        context.close()
