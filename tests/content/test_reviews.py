"""The agency editor's journey: write, preview, submit; a colleague is told, reviews and approves; the
portal editor publishes; readers see it. The submitter never approves their own change."""
from django.core import mail
from wagtail.models import TaskState, WorkflowState

from content.models import PORTAL_EDITORS, GuidePage
from content.reviews import base_url
from tests.content.factories import EditorFactory, guide_admin_form


def login(client, user):
    client.logout()
    client.force_login(user)
    return client


def submit_new_guide(client, slug="tax-return-basics"):
    add_url, data = guide_admin_form("Your first tax return", slug, action=None)
    preview_url = f"{add_url}preview/"
    assert client.post(preview_url, data).json()["is_valid"]
    assert "Check the prefilled figures." in client.get(preview_url).content.decode()
    data["action-submit"] = "action-submit"
    response = client.post(add_url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return GuidePage.objects.get(slug=slug)


def current_task_state(page):
    return WorkflowState.objects.for_instance(page).get(status=WorkflowState.STATUS_IN_PROGRESS).current_task_state


def act(client, page, action, task_state):
    return client.post(f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/", {"comment": ""})


def test_the_editors_journey_from_draft_to_live(client, people):
    page = submit_new_guide(login(client, people["writer"]))
    assert not page.live
    state = current_task_state(page)
    assert state.task.name == "Agency review"
    # The colleague is told by e-mail and finds it on the dashboard; the writer cannot approve it.
    assert [message.to for message in mail.outbox] == [["colleague@example.org"]]
    assert "Your first tax return" in mail.outbox[0].subject
    assert f"/admin/pages/{page.pk}/edit/" in mail.outbox[0].body
    assert f"{base_url()}/admin/pages/{page.pk}/edit/" in mail.outbox[0].body
    act(client, page, "approve", state)
    assert current_task_state(page).pk == state.pk and current_task_state(page).status == "in_progress"
    client.get("/admin/")  # shows (and so clears) the "submitted for moderation" message
    assert f"/workflow/action/{page.pk}/approve/" not in client.get("/admin/").content.decode()

    login(client, people["colleague"])
    dashboard = client.get("/admin/").content.decode()
    assert "Awaiting your review" in dashboard and "Your first tax return" in dashboard
    assert f"/workflow/action/{page.pk}/approve/" in dashboard
    preview = client.get(f"/admin/pages/workflow/preview/{page.pk}/{state.task_id}/")
    assert preview.status_code == 200 and "Check the prefilled figures." in preview.content.decode()
    assert act(client, page, "approve", state).status_code == 302
    state = current_task_state(page)
    assert state.task.name == "Portal editor approval"
    assert not GuidePage.objects.get(pk=page.pk).live

    login(client, people["other"])
    assert "Your first tax return" not in client.get("/admin/").content.decode()

    login(client, people["portal"])
    assert "Your first tax return" in client.get("/admin/").content.decode()
    assert act(client, page, "approve", state).status_code == 302
    page.refresh_from_db()
    assert page.live
    client.logout()
    response = client.get("/en/settling-in/tax-return-basics/")
    assert response.status_code == 200
    assert "Check the prefilled figures." in response.content.decode()


def test_the_submitter_cannot_approve_their_own_agency_review(people):
    page = GuidePage.objects.get(slug="register-population", locale__language_code="en")
    page.save_revision(user=people["writer"])
    state = page.get_workflow().start(page, people["writer"])
    task = state.current_task_state.task.specific
    assert task.get_actions(page, people["writer"]) == []
    assert not task.get_task_states_user_can_moderate(people["writer"]).exists()
    assert [name for name, *_rest in task.get_actions(page, people["colleague"])][:2] == ["reject", "approve"]
    assert task.get_task_states_user_can_moderate(people["colleague"]).exists()
    assert task.get_actions(page, people["other"]) == []
    assert task.get_actions(page, people["portal"]) == []  # the agency has a second editor


def test_a_one_editor_agency_is_reviewed_by_the_portal_editors(demo):
    writer = EditorFactory(username="solo", group="Agency: Skatteverket")
    portal = EditorFactory(username="portal2", group=PORTAL_EDITORS)
    page = GuidePage.objects.get(slug="register-population", locale__language_code="en")
    page.title = "Register in Sweden (solo change)"
    page.save_revision(user=writer)
    mail.outbox.clear()
    state = page.get_workflow().start(page, writer)
    assert [message.to for message in mail.outbox if "Waiting for your review" in message.subject] == [
        ["portal2@example.org"]]
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.get_actions(page, writer) == []
    assert task.get_task_states_user_can_moderate(portal).exists()
    task.on_action(task_state, portal, "approve")
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Portal editor approval"
    assert TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_APPROVED).count() == 1
