"""In Chromium: a Latin run inside an Arabic paragraph ("1177.se", an ISO date, a phone number) keeps its
left-to-right order, because portal.bidi isolates it; the same run without isolation does not."""
import pytest
from django.core.cache import cache

from tests.firms.factories import FirmFactory, LinkFactory, delete_firm

pytestmark = pytest.mark.browser
NOTE = "مرحبًا بك في السويد! زر 1177.se قبل 2027-03-01 واتصل بنا على 08-123 45 67 أو اكتب إلى hej@nordicmoves.se"
RUNS = ["1177.se", "2027-03-01", "08-123 45 67", "hej@nordicmoves.se"]

# The x of each character of the first text node in ``element`` that contains ``run``, in order.
CHARACTER_XS = """([element, run]) => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const start = node.data.indexOf(run);
    if (start < 0) continue;
    const xs = [];
    for (let i = start; i < start + run.length; i++) {
      if (node.data[i] === " ") continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      xs.push(range.getClientRects()[0].x);
    }
    return xs;
  }
  return null;
}"""


@pytest.fixture
def arabic_client_page(live_site):
    """A firm's Arabic link on the shared live site, committed for the test and deleted after it."""
    cache.clear()
    firm = FirmFactory(name="Nordic Moves AB")
    link = LinkFactory(firm=firm, language="ar", note=NOTE)
    yield f"{live_site.url}/ar/c/{link.code}"
    delete_firm(firm)
    cache.clear()


def test_latin_runs_in_an_arabic_paragraph_render_left_to_right(arabic_client_page, browser_page):
    response = browser_page.goto(arabic_client_page)
    assert response.status == 200
    note = browser_page.locator(".firm-note p")
    assert note.evaluate("p => getComputedStyle(p).direction") == "rtl"
    for run in RUNS:
        assert note.locator("bdi", has_text=run).count() == 1, run
        xs = browser_page.evaluate(CHARACTER_XS, [note.element_handle(), run])
        assert xs and len(xs) >= 7, run
        assert xs == sorted(xs) and len(set(xs)) == len(xs), f"{run} is not laid out left to right: {xs}"
    # The firm's name in the heading is isolated too.
    assert browser_page.locator(".firm-note h2 bdi", has_text="Nordic Moves AB").count() == 1


def test_without_isolation_the_same_runs_come_out_scrambled(arabic_client_page, browser_page):
    """What the check above would catch: the note as it would render without portal.bidi."""
    browser_page.goto(arabic_client_page)
    note = browser_page.locator(".firm-note p")
    note.evaluate("(p, text) => { p.textContent = text; }", NOTE)
    assert note.locator("bdi").count() == 0
    for run in ["1177.se", "08-123 45 67"]:  # an e-mail address at the end happens to survive
        xs = browser_page.evaluate(CHARACTER_XS, [note.element_handle(), run])
        assert xs != sorted(xs), f"{run} kept its order even without isolation; the check proves nothing"
