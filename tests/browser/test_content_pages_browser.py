"""In Chromium: axe-core finds no WCAG 2.2 AA violation on each page type in each language, and a
reader gets from the home page to any guide in two clicks in every language (without JavaScript)."""
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LANGS = ["en", "sv", "ar", "so"]
PAGE_TYPES = {
    "home": "/{lang}/",
    "phase": "/{lang}/arriving/",
    "guide": "/{lang}/arriving/register-population/",
    "guide (fallback)": "/{lang}/arriving/income-tax/",
    "life event": "/{lang}/life-events/school/",
    "agency": "/{lang}/agencies/skatteverket/",
    "search": "/{lang}/search/?q=personnummer",
    "standard": "/{lang}/accessibility/",
}
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


def test_every_page_type_passes_axe_and_every_guide_is_two_clicks_from_home(live_site, chromium):
    """Both checks read the shared live site."""
    check_no_wcag_22_aa_violations(live_site, chromium)
    check_every_guide_is_two_clicks_from_the_home_page(live_site, chromium)


def check_no_wcag_22_aa_violations(live_site, chromium):
    context = chromium.new_context(viewport={"width": 1024, "height": 768}, bypass_csp=True)
    page = context.new_page()
    axe = Axe()
    failures = []
    checked = 0
    try:
        for lang in LANGS:
            for kind, path in PAGE_TYPES.items():
                url = live_site.url + path.format(lang=lang)
                response = page.goto(url)
                assert response.status == 200, url
                results = axe.run(page, options=AXE_OPTIONS)
                checked += 1
                assert results.response["passes"], f"axe ran no rules on {url}"
                if results.violations_count:
                    failures.append(f"{kind} [{lang}] {url}\n{results.generate_report()}")
    finally:
        context.close()
    assert checked == len(LANGS) * len(PAGE_TYPES)
    assert not failures, "\n\n".join(failures)


def check_every_guide_is_two_clicks_from_the_home_page(live_site, chromium):
    from content.models import GuidePage

    slugs = set(GuidePage.objects.filter(locale__language_code="en").values_list("slug", flat=True))
    assert len(slugs) >= 30
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()

    def main_links():
        return page.eval_on_selector_all("main a[href^='/']", "links => links.map(a => a.getAttribute('href'))")

    try:
        for lang in LANGS:
            page.goto(f"{live_site.url}/{lang}/")
            first_clicks = [href for href in main_links() if href.startswith(f"/{lang}/")]
            reached = set()
            for href in first_clicks:
                page.goto(live_site.url + href)
                for second in main_links():
                    parts = [part for part in second.split("/") if part]
                    if len(parts) == 3 and parts[0] == lang:
                        reached.add(parts[2])
            missing = slugs - reached
            assert not missing, f"{lang}: not reachable in two clicks: {sorted(missing)}"
            # And a real click, as a reader would: home → phase → the first guide.
            page.goto(f"{live_site.url}/{lang}/")
            page.locator("main .phase-list a").first.click()
            page.wait_for_url(f"**/{lang}/before-you-move/")
            page.locator("main .guide-list a").first.click()
            # The URL changes when the navigation commits, before the new document is parsed: wait for it.
            page.wait_for_url(f"**/{lang}/before-you-move/{FIRST_GUIDE}/", wait_until="domcontentloaded")
            expect(page.locator("h1")).to_have_count(1)
    finally:
        context.close()


#: The first guide of the first phase, in the reading order of the data (content/data/guide_order.yaml).
FIRST_GUIDE = yaml.safe_load((Path(__file__).resolve().parents[2] / "content/data/guide_order.yaml").read_text())[
    "before"][0]
