"""In Chromium: a firm's staff member signs in, creates a link for a Somali-speaking client, and the client
opens it on a phone (no JavaScript needed anywhere)."""
import re
from pathlib import Path

import pytest
from django.core.cache import cache

from firms.models import Member, SharedChecklist
from tests.firms.factories import PASSWORD, FirmFactory, MemberFactory, delete_firm

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-results"
PHONE = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"
)


@pytest.fixture
def firm_site(live_site):
    """A firm and its staff member on the shared live site, committed for the test and deleted after it
    (with the links and audit events the test makes)."""
    cache.clear()
    firm = FirmFactory(name="Nordic Moves AB")
    member = MemberFactory(firm=firm, role=Member.STAFF, user__username="staff@nordicmoves.example")
    yield live_site, firm, member
    delete_firm(firm)
    cache.clear()


def test_a_firm_creates_a_link_and_the_client_opens_it_in_somali(firm_site, chromium):
    live, firm, member = firm_site
    staff = chromium.new_context(viewport={"width": 1024, "height": 900}, java_script_enabled=False)
    page = staff.new_page()
    page.goto(f"{live.url}/en/workspace/")
    assert "/en/workspace/login/" in page.url
    page.get_by_label("E-mail address").fill(member.user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="New link").click()

    page.select_option("#id_status", "third-country")
    page.select_option("#id_permit", "work")
    page.select_option("#id_family", "children")
    page.check("#id_children_1")  # 6 to 15 years
    page.select_option("#id_stay", "long")
    page.fill("#id_arrival", "2027-03-01")
    page.select_option("#id_language", "so")
    page.fill("#id_reference", "CASE-77")
    page.fill("#id_note", "Soo dhawoow! Nala soo xiriir haddii aad su'aal qabto.")
    page.fill("#id_tasks-0-title", "Noo soo dir qandaraaskaaga shaqada")
    page.select_option("#id_tasks-0-phase", "before")
    page.fill("#id_tasks-0-days_from_arrival", "-45")
    page.get_by_role("button", name="Create link").click()

    assert page.get_by_text("The link is ready. Give it to your client.").is_visible()
    short_url = page.locator(".short-url a").inner_text()
    assert re.fullmatch(rf"{re.escape(live.url)}/c/[A-Za-z0-9_-]{{22,}}", short_url)
    # The QR code: the page shows it as an image, served by the workspace as an SVG document.
    # (Checked through the browser's own request API: waiting for the <img> to decode was flaky in CI.)
    qr_src = page.locator("figure.qr img").get_attribute("src")
    qr = page.request.get(live.url + qr_src)
    assert qr.status == 200
    assert qr.headers["content-type"].startswith("image/svg+xml")
    assert b"<svg" in qr.body()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "firms-link-detail.png"), full_page=True)
    staff.close()

    client = chromium.new_context(viewport={"width": 390, "height": 844}, user_agent=PHONE)
    phone = client.new_page()
    response = phone.goto(short_url)
    code = short_url.rsplit("/", 1)[1]
    assert phone.url == f"{live.url}/so/c/{code}"
    assert response.status == 200
    assert response.headers["cache-control"].count("no-store") == 1
    assert phone.get_attribute("html", "lang") == "so"
    assert phone.locator('meta[name="robots"]').get_attribute("content") == "noindex"
    assert phone.locator("h1").inner_text() == "Liiskaaga hawlaha"  # guides: "Your checklist"
    assert phone.get_by_text("Waxaa kuu sameeyay Nordic Moves AB.").is_visible()
    assert phone.get_by_text("Soo dhawoow! Nala soo xiriir haddii aad su'aal qabto.").is_visible()
    firm_task = phone.locator(".task--firm")
    assert firm_task.locator(".badge").inner_text() == "Ka yimid Nordic Moves AB"
    assert "Noo soo dir qandaraaskaaga shaqada" in firm_task.inner_text()
    assert "2027-01-15" in firm_task.inner_text()
    # The public checklist in Somali: the engine's items, with the school registration for a school child.
    assert phone.locator("#task-school-registration").is_visible()
    assert phone.locator(".task").count() > 10
    assert "CASE-77" not in phone.content()
    phone.screenshot(path=str(ARTIFACTS / "firms-client-somali.png"), full_page=True)

    # The reader switches to Arabic: the same link, right to left.
    phone.locator('.language-switcher a[lang="ar"]').click()
    assert phone.url == f"{live.url}/ar/c/{code}"
    assert phone.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    client.close()

    link = SharedChecklist.objects.get(code=code)
    assert link.firm == firm and link.language == "so"
    assert link.open_count == 1 and link.last_opened_at is not None


def test_the_client_page_has_no_accessibility_violations(firm_site, chromium):
    from axe_playwright_python.sync_playwright import Axe

    from tests.firms.factories import FirmTaskFactory, LinkFactory

    live, firm, _member = firm_site
    link = LinkFactory(firm=firm, language="so")
    FirmTaskFactory(link=link)
    context = chromium.new_context(user_agent=PHONE)
    page = context.new_page()
    for code in ("so", "ar"):
        page.goto(f"{live.url}/{code}/c/{link.code}")
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    context.close()
