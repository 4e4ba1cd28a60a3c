"""Offline reading: a checklist opened once reads again without a connection, with its guides; the
service worker keeps nothing of the workspace, the admin or a firm's /c/ page."""

import pytest

from tests.browser.test_checklist_browser import QUERY, live_checklist  # noqa: F401 - the fixture

pytestmark = pytest.mark.browser
SAVED = "() => caches.open('landa-offline-v1').then(c => c.keys()).then(keys => keys.map(r => r.url))"


@pytest.fixture
def page_with_workers(chromium):
    context = chromium.new_context(viewport={"width": 1024, "height": 768}, service_workers="allow")
    yield context.new_page()
    context.close()


def test_a_checklist_opened_once_reloads_offline_with_its_guides(live_checklist, page_with_workers):  # noqa: F811
    page = page_with_workers
    url = f"{live_checklist.url}/en/checklist/?{QUERY}"
    page.goto(url)
    page.locator("#offline-state").wait_for(state="visible", timeout=30_000)
    count = page.locator(".task").count()
    guide = page.locator("#task-register-population .task__guide a").get_attribute("href")
    saved = page.evaluate(SAVED)
    assert any("/en/checklist/?" in u for u in saved)
    assert not any("/c/" in u or "/workspace" in u or "/admin" in u for u in saved)

    page.context.set_offline(True)
    page.reload()
    assert page.locator("h1").inner_text() == "Your checklist"
    assert page.locator(".task").count() == count
    page.goto(guide if guide.startswith("http") else live_checklist.url + guide)
    assert "Landa" in page.title() and page.locator("#main h1").count() == 1  # the guide, not the browser's error page
    page.context.set_offline(False)


def test_the_worker_and_the_manifest_are_served_for_the_whole_site(client, db):
    worker = client.get("/sw.js")
    assert worker.status_code == 200
    assert worker["Content-Type"].startswith("application/javascript")
    assert b"landa-offline-v1" in worker.content and b"workspace" in worker.content
    manifest = client.get("/manifest.webmanifest")
    assert manifest.status_code == 200 and manifest.json()["start_url"] == "/"
