"""Staff create, list, filter, edit, extend, expire and revoke links; QR code and print view."""
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from firms.models import AuditEvent, SharedChecklist
from tests.firms.factories import LinkFactory

pytestmark = pytest.mark.usefixtures("tasks")

VALID = {
    "status": "third-country",
    "permit": "work",
    "family": "partner-children",
    "children": ["preschool", "school"],
    "partner": "",
    "stay": "long",
    "arrival": "2027-03-01",
    "language": "so",
    "reference": "CASE-2027-0042",
    "note": "Soo dhawoow! Welcome to Sweden.",
    "expires_on": "",
    "tasks-TOTAL_FORMS": "3",
    "tasks-INITIAL_FORMS": "0",
    "tasks-MIN_NUM_FORMS": "0",
    "tasks-MAX_NUM_FORMS": "20",
    "tasks-0-title": "Send us your signed employment contract",
    "tasks-0-phase": "before",
    "tasks-0-days_from_arrival": "-60",
    "tasks-1-title": "",
    "tasks-1-phase": "",
    "tasks-1-days_from_arrival": "",
    "tasks-2-title": "Meet our consultant in Stockholm",
    "tasks-2-phase": "arrival",
    "tasks-2-days_from_arrival": "",
}


def test_the_new_link_form_asks_for_no_personal_data_and_says_so(staff_client):
    html = staff_client.get("/en/workspace/links/new/").content.decode()
    assert "Do not enter the client&#x27;s name" in html
    assert "name=\"name\"" not in html and "passport" not in html.lower()


def test_staff_create_a_link_with_the_situation_language_note_and_firm_tasks(staff_client, staff):
    response = staff_client.post("/en/workspace/links/new/", VALID)
    assert response.status_code == 302
    link = SharedChecklist.objects.get(firm=staff.firm)
    assert response["Location"] == f"/en/workspace/links/{link.code}/"
    assert link.situation == (
        "status=third-country&permit=work&family=partner-children&children=preschool,school&partner=third-country"
        "&stay=long&arrival=2027-03-01"
    )
    assert str(link.arrival) == "2027-03-01"
    assert link.language == "so" and link.reference == "CASE-2027-0042"
    assert re.fullmatch(r"[0-9a-f]{12}", link.rules_version)
    assert [(t.title, t.phase, t.days_from_arrival) for t in link.tasks.all()] == [
        ("Send us your signed employment contract", "before", -60),
        ("Meet our consultant in Stockholm", "arrival", None),
    ]
    assert link.created_by == staff.user
    # The default: at least a year after the arrival date (2027-03-01), end of that day in Stockholm.
    assert str(timezone.localdate(link.expires_at)) == "2028-03-01"
    event = AuditEvent.objects.get(firm=staff.firm, action=AuditEvent.LINK_CREATED)
    assert event.actor == staff.user and event.target == link.code
    detail = staff_client.get(response["Location"]).content.decode()
    assert f"http://testserver/c/{link.code}" in detail
    assert f"/en/workspace/links/{link.code}/qr.svg" in detail


@pytest.mark.parametrize(
    "change,field,message",
    [
        ({"status": "eu", "permit": "ict"}, "permit", "need no permit"),
        ({"family": "alone"}, "children", "leave out their ages"),
        ({"status": ""}, "status", "Answer this question."),
        ({"arrival": "1999-12-31"}, "arrival", "Give a date from 1 January 2000"),
        ({"permit": "astronaut"}, "permit", "Select a valid choice"),
    ],
)
def test_the_situation_is_checked_by_the_checklists_own_parser(staff_client, staff, change, field, message):
    response = staff_client.post("/en/workspace/links/new/", {**VALID, **change})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'id="id_{field}-error"' in html or f'id="id_{field}_0-error"' in html
    assert not SharedChecklist.objects.exists()


def test_parser_messages_are_in_the_staff_members_language(staff_client):
    response = staff_client.post("/sv/workspace/links/new/", {**VALID, "status": "eu", "permit": "ict"})
    assert response.status_code == 400
    assert "behöver inget tillstånd" in response.content.decode()


def test_a_firm_task_without_a_phase_is_refused(staff_client):
    response = staff_client.post("/en/workspace/links/new/", {**VALID, "tasks-0-phase": ""})
    assert response.status_code == 400
    assert "Choose a phase." in response.content.decode()


def test_an_expiry_in_the_past_or_too_far_ahead_is_refused(staff_client):
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    far = (timezone.localdate() + timedelta(days=5000)).isoformat()
    assert staff_client.post("/en/workspace/links/new/", {**VALID, "expires_on": past}).status_code == 400
    assert staff_client.post("/en/workspace/links/new/", {**VALID, "expires_on": far}).status_code == 400


def test_the_list_filters_by_status_language_and_reference(staff_client, staff):
    LinkFactory(firm=staff.firm, reference="ALPHA-1", language="so")
    LinkFactory(firm=staff.firm, reference="BETA-2", language="ar", revoked_at=timezone.now())
    LinkFactory(firm=staff.firm, reference="GAMMA-3", language="sv", expires_at=timezone.now() - timedelta(days=1))

    def refs(query):
        html = staff_client.get("/en/workspace/" + query).content.decode()
        return {ref for ref in ("ALPHA-1", "BETA-2", "GAMMA-3") if ref in html}

    assert refs("") == {"ALPHA-1", "BETA-2", "GAMMA-3"}
    assert refs("?status=active") == {"ALPHA-1"}
    assert refs("?status=revoked") == {"BETA-2"}
    assert refs("?status=expired") == {"GAMMA-3"}
    assert refs("?language=ar") == {"BETA-2"}
    assert refs("?q=gamma") == {"GAMMA-3"}


def test_edit_keeps_the_code_and_replaces_the_situation_and_tasks(staff_client, staff):
    link = LinkFactory(firm=staff.firm)
    form = staff_client.get(f"/en/workspace/links/{link.code}/edit/")
    assert form.status_code == 200
    assert 'value="CASE-' in form.content.decode()
    changed = {**VALID, "status": "eu", "permit": "study", "family": "alone", "children": [], "language": "ar",
               "tasks-0-title": "New task only"}
    response = staff_client.post(f"/en/workspace/links/{link.code}/edit/", changed)
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.situation.startswith("status=eu&permit=study&family=alone")
    assert link.language == "ar"
    assert [t.title for t in link.tasks.all()] == ["New task only", "Meet our consultant in Stockholm"]
    assert AuditEvent.objects.filter(action=AuditEvent.LINK_UPDATED, target=link.code).exists()


def test_extend_expire_and_revoke_are_posts_recorded_in_the_audit_log(staff_client, staff):
    link = LinkFactory(firm=staff.firm, expires_at=timezone.now() + timedelta(days=10))
    assert staff_client.get(f"/en/workspace/links/{link.code}/revoke/").status_code == 405

    staff_client.post(f"/en/workspace/links/{link.code}/extend/", {"days": "90"})
    link.refresh_from_db()
    assert 99 <= (link.expires_at - timezone.now()).days <= 100

    staff_client.post(f"/en/workspace/links/{link.code}/expire/")
    link.refresh_from_db()
    assert link.status == "expired"
    staff_client.post(f"/en/workspace/links/{link.code}/extend/", {"days": "30"})
    link.refresh_from_db()
    assert link.status == "active"

    staff_client.post(f"/en/workspace/links/{link.code}/revoke/")  # not confirmed: nothing happens
    link.refresh_from_db()
    assert link.status == "active"
    staff_client.post(f"/en/workspace/links/{link.code}/revoke/", {"confirm": "yes"})
    link.refresh_from_db()
    assert link.status == "revoked"
    staff_client.post(f"/en/workspace/links/{link.code}/extend/", {"days": "30"})
    link.refresh_from_db()
    assert link.status == "revoked"
    actions = list(AuditEvent.objects.filter(target=link.code).order_by("pk").values_list("action", flat=True))
    assert actions == ["link.extended", "link.expired", "link.extended", "link.revoked"]


def test_extend_refuses_an_unknown_duration(staff_client, staff):
    link = LinkFactory(firm=staff.firm)
    before = link.expires_at
    staff_client.post(f"/en/workspace/links/{link.code}/extend/", {"days": "99999"})
    link.refresh_from_db()
    assert link.expires_at == before


def test_the_qr_code_is_an_svg_file_of_the_short_link(staff_client, staff):
    link = LinkFactory(firm=staff.firm)
    response = staff_client.get(f"/en/workspace/links/{link.code}/qr.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert "<svg" in svg and f"http://testserver/c/{link.code}" in svg
    download = staff_client.get(f"/en/workspace/links/{link.code}/qr.svg?download=1")
    assert "attachment" in download["Content-Disposition"]


def test_the_print_view_is_in_the_clients_language_with_the_qr_code_inline(staff_client, staff):
    link = LinkFactory(firm=staff.firm, language="so")
    response = staff_client.get(f"/en/workspace/links/{link.code}/print/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="so" dir="ltr">' in html
    assert "<svg" in html and f"http://testserver/c/{link.code}" in html
    assert link.note in html
    assert "<?xml" not in html
    link.refresh_from_db()
    assert link.open_count == 0


def test_workspace_pages_are_not_cached(staff_client):
    assert "no-store" in staff_client.get("/en/workspace/")["Cache-Control"]
