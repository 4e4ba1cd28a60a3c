"""The printed checklist: a typical family's list on at most two A4 pages, with the link's QR code."""

import re

import pytest

from tests.browser.test_checklist_browser import QUERY, live_checklist  # noqa: F401 - the fixture

pytestmark = pytest.mark.browser


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_typical_familys_checklist_prints_on_two_a4_pages(live_checklist, browser_page, lang, tmp_path):  # noqa: F811
    page = browser_page
    page.goto(f"{live_checklist.url}/{lang}/checklist/?{QUERY}")
    assert page.locator(".task").count() >= 20
    pdf = page.pdf(format="A4", print_background=False)
    if pdf_pages(pdf) > 2:  # to see why, when it fails
        page.emulate_media(media="print")
        page.set_viewport_size({"width": 794, "height": 1123})
        page.screenshot(path=str(tmp_path / f"print-{lang}.png"), full_page=True)
    assert 1 <= pdf_pages(pdf) <= 2, pdf_pages(pdf)
    # On paper: the QR code of the link, each item's person and its kind of date.
    page.emulate_media(media="print")
    assert page.locator(".print-qr svg").is_visible()
    assert page.locator("#task-register-population .task__due--law").is_visible()
    assert not page.locator("#task-register-population .task__why").is_visible()


def test_the_arabic_line_beside_the_qr_code_reads_right_to_left_and_only_the_address_left_to_right(
    live_checklist, browser_page,  # noqa: F811
):
    page = browser_page
    page.goto(f"{live_checklist.url}/ar/checklist/?{QUERY}&view=print")
    line = page.locator(".print-qr p")
    assert line.evaluate("p => getComputedStyle(p).direction") == "rtl"  # the sentence is Arabic
    assert line.locator('bdi[dir="ltr"]').inner_text().startswith("http")
