"""Each language's home page in Chromium; the Arabic one is laid out right to left."""
import io
from pathlib import Path

import pytest
from PIL import Image

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-results"


@pytest.mark.parametrize("code,direction", [("en", "ltr"), ("sv", "ltr"), ("ar", "rtl"), ("so", "ltr")])
def test_home_page_in_chromium_has_the_languages_direction(live_site, browser_page, code, direction):
    response = browser_page.goto(f"{live_site.url}/{code}/")
    assert response.status == 200
    assert browser_page.get_attribute("html", "lang") == code
    assert browser_page.evaluate("getComputedStyle(document.documentElement).direction") == direction
    # The skip link is the first thing a keyboard reaches, and it becomes visible on focus.
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    assert browser_page.locator(".skip-link").bounding_box()["y"] >= 0


def dark_columns(png: bytes, box: dict) -> list[int]:
    """The x positions (in the screenshot) of dark pixels inside ``box``: where the text is."""
    image = Image.open(io.BytesIO(png)).convert("L")
    xs = []
    for x in range(int(box["x"]), int(box["x"] + box["width"])):
        for y in range(int(box["y"]), int(box["y"] + box["height"]), 2):
            if image.getpixel((x, y)) < 100:
                xs.append(x)
                break
    return xs


def test_arabic_screenshot_is_laid_out_right_to_left(live_site, browser_page):
    ARTIFACTS.mkdir(exist_ok=True)
    shots = {}
    for code in ("en", "ar"):
        browser_page.goto(f"{live_site.url}/{code}/")
        main = browser_page.locator("main .container").bounding_box()
        png = browser_page.screenshot(path=str(ARTIFACTS / f"home-{code}.png"), full_page=True)
        heading = browser_page.locator("main h1").bounding_box()
        row = {"x": main["x"], "y": heading["y"], "width": main["width"], "height": heading["height"]}
        xs = dark_columns(png, row)
        assert xs, f"no heading text found in the {code} screenshot"
        shots[code] = (min(xs) - main["x"], main["x"] + main["width"] - max(xs))
    en_start_gap, en_end_gap = shots["en"]
    ar_start_gap, ar_end_gap = shots["ar"]
    # English text hugs the left edge; Arabic text hugs the right edge and leaves the left empty.
    assert en_start_gap < 40 < en_end_gap
    assert ar_end_gap < 40 < ar_start_gap
