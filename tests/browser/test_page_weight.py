"""Page weight (issue 15): the home, a guide and the checklist result each load in Chromium with at
most 4 requests and under 60 KB transferred, in every language.

Measured from what the browser itself fetched (Playwright's finished requests and their sizes:
headers and body as sent). Pages come gzip-compressed (GZipMiddleware), as in production; the live
server sends the static files uncompressed, so this is an upper bound of what a reader downloads
from production, where WhiteNoise serves them precompressed. Measured: home about 22 KB in 3
requests, a guide 24 KB in 3, the checklist result 32 KB in 4 (without compressing pages the
checklist result was 62-70 KB). The service worker is blocked: it saves pages for offline reading in the
background, after the page is shown, and is not part of what the page needs.
"""

import pytest

from tests.pages import PAGE_TYPES

pytestmark = pytest.mark.browser

LANGS = ["en", "sv", "ar", "so"]
PAGES = {
    "home": PAGE_TYPES["home"],
    "guide": PAGE_TYPES["guide"],
    "checklist result": "/{lang}/checklist/?status=third-country&permit=work&family=alone&stay=long",
}
MAX_BYTES = 60 * 1024
MAX_REQUESTS = 4


def load(context, url):
    """``[(url, bytes transferred)]`` for every request a first visit to ``url`` makes."""
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    response = page.goto(url, wait_until="networkidle")
    assert response.status == 200, url
    fetched = []
    for request in finished:
        sizes = request.sizes()
        fetched.append((request.url, sizes["responseHeadersSize"] + sizes["responseBodySize"]))
    page.close()
    return fetched


def test_home_guide_and_checklist_are_light(live_site, chromium):
    """Reads only: the shared live site (demo and tasks loaded once), no flush and reload of its own."""
    failures, report = [], []
    for lang in LANGS:
        for kind, path in PAGES.items():
            url = live_site.url + path.format(lang=lang)
            # A fresh context each time: an empty browser cache, as for a first visit.
            context = chromium.new_context(service_workers="block")
            try:
                fetched = load(context, url)
            finally:
                context.close()
            total = sum(size for _url, size in fetched)
            report.append(f"{kind} [{lang}]: {len(fetched)} requests, {total / 1024:.1f} KB")
            assert fetched and fetched[0][1] > 1000, f"the document itself was not measured: {fetched}"
            if len(fetched) > MAX_REQUESTS or total >= MAX_BYTES:
                failures.append(f"{kind} [{lang}] {url}: {total} bytes in {fetched}")
    print("\n".join(report))
    assert not failures, "\n".join(failures)
