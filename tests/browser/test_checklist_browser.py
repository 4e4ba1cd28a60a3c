"""The checklist in Chromium: the Arabic questionnaire answered by clicking, ticks kept across a
reload, and axe-core (WCAG 2.2 AA) on the questionnaire and the result in all four languages."""

import pytest

pytestmark = pytest.mark.browser
QUERY = (
    "status=third-country&permit=work&family=partner-children&children=preschool,school&stay=long&arrival=2027-03-01"
)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def live_checklist(live_site):
    """The shared live site (demo content and tasks); these tests only read."""
    from django.core.cache import cache

    cache.clear()
    yield live_site
    cache.clear()


def choose(page, name, value):
    page.locator(f'label[for="id_{name}_{value}"]').click()


def test_arabic_questionnaire_answered_ticks_survive_a_reload(live_checklist, browser_page):
    page = browser_page
    page.goto(f"{live_checklist.url}/ar/checklist/")
    assert page.get_attribute("html", "dir") == "rtl"
    assert "ما جنسيتك؟" in page.locator("h1").inner_text()
    choose(page, "status", "third-country")
    page.locator("button[type=submit]").click()
    choose(page, "permit", "work")
    page.locator("button[type=submit]").click()
    choose(page, "family", "partner")
    page.locator("button[type=submit]").click()
    choose(page, "partner", "eu")
    page.locator("button[type=submit]").click()
    choose(page, "stay", "long")
    page.fill("#id_arrival", "2027-03-01")
    page.locator("button[type=submit]").click()

    assert page.locator("h1").inner_text() == "قائمة مهامك"
    assert "partner=eu" in page.url and "arrival=2027-03-01" in page.url
    first, second = page.locator(".js-tick").nth(0), page.locator(".js-tick").nth(2)
    keys = [first.get_attribute("value"), second.get_attribute("value")]
    page.locator(f'label[for="done-{keys[0]}"]').click()
    page.locator(f'label[for="done-{keys[1]}"]').click()
    assert page.locator("#progress").inner_text().startswith("أُنجز 2")

    page.reload()
    for key in keys:
        assert page.is_checked(f"#done-{key}")
    assert page.locator(".js-tick:checked").count() == 2
    assert "task--done" in page.get_attribute(f"#task-{keys[0]}", "class")
    # Changing an answer keeps the ticks of the tasks still listed.
    page.locator('a[href*="change=stay"]').click()
    choose(page, "stay", "short")
    page.locator("button[type=submit]").click()
    assert "stay=short" in page.url
    still_listed = [k for k in keys if page.locator(f"#done-{k}").count()]
    assert still_listed
    for key in still_listed:
        assert page.is_checked(f"#done-{key}")
    assert page.locator(".js-tick:checked").count() == len(still_listed)


def test_without_javascript_every_item_shows_and_the_link_is_visible(live_checklist, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_checklist.url}/en/checklist/?{QUERY}")
    assert page.locator(".task").count() >= 20
    assert page.locator(".task__tick").first.is_hidden()
    assert page.locator("#share-url").is_visible()
    context.close()


@pytest.mark.parametrize("code", ["en", "sv", "ar", "so"])
def test_questionnaire_error_and_result_pages_have_no_wcag_22_aa_violations(live_checklist, browser_page, code):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    for path in (
        f"/{code}/checklist/",
        f"/{code}/checklist/?status=third-country&permit=work&family=children",
        f"/{code}/checklist/?status=eu&permit=ict&family=alone&stay=long&arrival=20",
        f"/{code}/checklist/?{QUERY}",
        f"/{code}/checklist/?{QUERY}&track=partner",
        f"/{code}/checklist/tasks/sfi/",
    ):
        browser_page.goto(live_checklist.url + path)
        results = axe.run(browser_page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        violations = results.response["violations"]
        assert not violations, (path, [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in violations])
