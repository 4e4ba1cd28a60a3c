"""axe-core in Chromium: no WCAG 2.2 AA violation on any page type, in any language.

The pages come from a crawl of the live demo site, one page of each type per language, so a new page
type is checked as soon as a link leads to it.
"""
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.site.crawl import LANGS

pytestmark = pytest.mark.browser
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def one_page_per_type(pages):
    chosen = {}
    for url, page in pages.items():
        if page.status == 200 and page.html:
            chosen.setdefault((page.lang, page.page_type), url)
    return chosen


def test_no_page_type_in_any_language_has_an_axe_violation(live_site, site_pages, browser_page):
    chosen = one_page_per_type(site_pages)
    assert {lang for lang, _ in chosen} == set(LANGS)
    axe = Axe()
    failures = []
    for (lang, page_type), url in sorted(chosen.items()):
        browser_page.goto(live_site.url + url)
        results = axe.run(browser_page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
        for violation in results.response["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            failures.append(f"{lang} {page_type} {url}: {violation['id']} ({violation['impact']}) {targets}")
    assert not failures, "\n".join(failures)
