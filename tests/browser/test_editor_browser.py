"""In Chromium, one browser with a context per user: an agency editor signs in to the admin, edits a
guide, submits it from the save button's menu and views the draft (no 500); a colleague of the owning
agency finds it on the dashboard panel, opens it and approves through Wagtail's workflow menu; a portal
editor does the same for the last step, which publishes it; a reader sees it live."""
import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from content.models import PORTAL_EDITORS, GuidePage

pytestmark = pytest.mark.browser
PASSWORD = "a-long-test-password"
NEW_SUMMARY = "Report your move to Skatteverket within a week (edited in the browser)."


def make_user(name, group):
    user = User.objects.create_user(name, email=f"{name}@example.org", password=PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    return user


def sign_in(context, url, name):
    page = context.new_page()
    page.goto(f"{url}/admin/login/")
    page.fill("#id_username", name)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{url}/admin/")
    return page


def open_from_dashboard_and_approve(page, url, guide):
    """Follow the dashboard panel's link to the page and press "Approve" in the editor's action menu."""
    page.goto(f"{url}/admin/")
    page.locator(f"a[href*='/admin/pages/{guide.pk}/edit/']").first.click()
    page.wait_for_url(f"{url}/admin/pages/{guide.pk}/edit/**")
    approve = page.locator("footer button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])")
    if not approve.is_visible():
        page.locator("footer [data-w-dropdown-target=toggle]").first.click()  # the save button's menu
    with page.expect_navigation(timeout=60000):
        approve.click()
    assert page.locator(".messages .success, .messages [class*=success]").count() >= 1, page.content()[:2000]


def test_the_editors_journey_in_the_browser(live_demo, chromium):
    url = live_demo.url
    make_user("writer", "Agency: Skatteverket")
    colleague = make_user("colleague", "Agency: Skatteverket")
    portal = make_user("portal", PORTAL_EDITORS)
    guide = GuidePage.objects.get(slug="register-population", locale__language_code="en")

    writer_context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = sign_in(writer_context, url, "writer")
        page.goto(f"{url}/admin/pages/{guide.pk}/edit/")
        page.fill("#id_summary", NEW_SUMMARY)
        # The preview panel frames the unsaved page (the site's CSP must let the admin frame a preview).
        page.click("button[data-side-panel-toggle='preview']")
        preview = page.frame_locator("#w-preview-iframe")
        expect(preview.locator("body")).to_contain_text(NEW_SUMMARY, timeout=30000)
        # "Submit for moderation" sits in the save button's menu.
        page.locator("footer [data-w-dropdown-target=toggle]").first.click()
        with page.expect_navigation(timeout=60000):
            page.locator("footer button[name=action-submit]").click()
        draft = page.request.get(f"{url}/admin/pages/{guide.pk}/view_draft/")
        assert draft.status == 200 and NEW_SUMMARY in draft.text()
    finally:
        writer_context.close()

    state = WorkflowState.objects.for_instance(guide).get(status=WorkflowState.STATUS_IN_PROGRESS)
    assert [message.to for message in mail.outbox if "Waiting for your review" in message.subject] == [
        ["colleague@example.org"]]

    # The colleague finds it on the dashboard, opens it and approves in Wagtail's workflow menu.
    colleague_context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = sign_in(colleague_context, url, "colleague")
        assert page.locator("text=Awaiting your review").count() >= 1
        open_from_dashboard_and_approve(page, url, guide)
    finally:
        colleague_context.close()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS  # the portal editors' step is next
    assert state.current_task_state.task.specific.__class__.__name__ != "AgencyReviewTask"
    assert GuidePage.objects.get(pk=guide.pk).live_revision_id == guide.live_revision_id  # not yet published

    # A portal editor approves the last step, which publishes it.
    portal_context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = sign_in(portal_context, url, "portal")
        open_from_dashboard_and_approve(page, url, guide)
    finally:
        portal_context.close()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert [task.finished_by for task in state.task_states.order_by("started_at")] == [colleague, portal]

    reader = chromium.new_context()
    try:
        page = reader.new_page()
        page.goto(f"{url}/en/arriving/register-population/")
        assert NEW_SUMMARY in page.content()
    finally:
        reader.close()
