"""Reflow (WCAG 1.4.10) in Chromium at 320 CSS px: no page scrolls sideways, in Arabic (RTL) or English.

The pages that once did: a heading with one long Swedish word ("Forskarskattenämnden",
"samordningsnummer", "Bostadsförmedlingen"), a municipality page with a long web address, the checklist
result (its cards are grid items that took the width of their longest word) and its print view (the
share address beside the QR code)."""

import pytest

pytestmark = pytest.mark.browser
RESULT = (
    "/{code}/checklist/?status=third-country&permit=work&family=partner-children&children=preschool,school"
    "&stay=long&arrival=2027-03-01&municipality=1480"
)
PATHS = [
    "/{code}/arriving/coordination-number/",
    "/{code}/agencies/forskarskattenamnden/",
    "/{code}/where-you-live/region-stockholm/stockholm/housing/",
    "/{code}/where-you-live/vastra-gotaland/goteborg/",
    RESULT,
    RESULT + "&view=print",
]
WIDER_THAN_THE_VIEWPORT = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll("body *")]
    .filter((e) => { const r = e.getBoundingClientRect(); return r.width && (r.left < -1 || r.right > width + 1); })
    .slice(0, 3).map((e) => e.tagName + " " + e.textContent.trim().slice(0, 40));
}"""


@pytest.mark.parametrize("code", ["ar", "en"])
def test_no_page_scrolls_sideways_at_320_px(live_site, chromium, code):
    context = chromium.new_context(viewport={"width": 320, "height": 640}, service_workers="block")
    page = context.new_page()
    problems = []
    try:
        for path in PATHS:
            page.goto(live_site.url + path.format(code=code))
            scroll, client = page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            if scroll > client:
                problems.append(f"{path}: {scroll} > {client} {page.evaluate(WIDER_THAN_THE_VIEWPORT)}")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
