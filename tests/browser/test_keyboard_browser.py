"""By keyboard alone, in Arabic: every stop of the last question (stay, arrival date, "Where will you
live?") shows where the focus is, including the calendar button inside the date field, which
:focus-visible does not reach."""

import pytest

pytestmark = pytest.mark.browser
LAST_PAGE = "/ar/checklist/?status=eu&permit=work&family=alone"
FOCUS = """() => { const e = document.activeElement; const s = getComputedStyle(e);
  return [e.id || e.tagName, s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2]; }"""


def test_every_tab_stop_of_the_last_question_shows_the_focus(live_site, browser_page):
    page = browser_page
    page.goto(live_site.url + LAST_PAGE)
    page.focus("#id_stay_long")
    stops = []
    for _ in range(8):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUS))
        if stops[-1][0] == "id_municipality-filter":
            break
    assert [stop for stop in stops if stop[0] == "id_arrival"], stops  # the date field was reached
    assert stops[-1][0] == "id_municipality-filter", stops
    assert all(shown for _, shown in stops), stops
