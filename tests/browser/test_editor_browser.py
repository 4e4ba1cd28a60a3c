"""In Chromium: an agency editor signs in to the admin, edits a guide, views the draft (no 500),
submits it; a colleague finds it waiting on their dashboard; once approved, readers see it."""
import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
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
        with page.expect_navigation(timeout=60000):
            # "Submit for moderation" sits in the save button's menu; click it as the menu would.
            page.evaluate("document.querySelector('button[name=\"action-submit\"]').click()")
        draft = page.request.get(f"{url}/admin/pages/{guide.pk}/view_draft/")
        assert draft.status == 200 and NEW_SUMMARY in draft.text()
    finally:
        writer_context.close()

    state = WorkflowState.objects.for_instance(guide).get(status=WorkflowState.STATUS_IN_PROGRESS)
    assert [message.to for message in mail.outbox if "Waiting for your review" in message.subject] == [
        ["colleague@example.org"]]

    colleague_context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = sign_in(colleague_context, url, "colleague")
        panel = page.locator("text=Awaiting your review")
        assert panel.count() >= 1
        assert page.locator(f"a[href*='/admin/pages/{guide.pk}/edit/']").count() >= 1
    finally:
        colleague_context.close()

    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, colleague, "approve")
    state.refresh_from_db()
    state.current_task_state.task.specific.on_action(state.current_task_state, portal, "approve")

    reader = chromium.new_context()
    try:
        page = reader.new_page()
        page.goto(f"{url}/en/arriving/register-population/")
        assert NEW_SUMMARY in page.content()
    finally:
        reader.close()
