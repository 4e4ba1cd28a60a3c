"""Signing in to the workspace, brute-force protection, roles, suspension and e-mailed invitations."""
import io
import re
import time
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import TestCase, override_settings

from firms import invitations
from firms.models import AuditEvent, Member
from tests.firms.factories import PASSWORD, FirmFactory, MemberFactory


def test_the_workspace_sends_a_stranger_to_its_own_sign_in_page_not_the_wagtail_admin(client, db):
    response = client.get("/sv/workspace/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sv/workspace/login/?next=/sv/workspace/")


@pytest.mark.parametrize(
    "code,heading",
    [("en", "Sign in to your firm's workspace"), ("sv", "Logga in på din firmas arbetsyta"),
     ("ar", "سجّل الدخول إلى مساحة عمل شركتك"), ("so", "Gal goobta shaqada ee shirkaddaada")],
)
def test_the_sign_in_page_is_in_the_readers_language(client, db, code, heading):
    response = client.get(f"/{code}/workspace/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert heading in html
    assert '<meta name="robots" content="noindex">' in html


def test_a_member_signs_in_with_e_mail_and_password_and_lands_on_the_links(client, staff):
    response = client.post(
        "/en/workspace/login/", {"username": staff.user.username.upper(), "password": PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/workspace/"
    assert client.get("/en/workspace/").status_code == 200


def test_a_wrong_password_is_refused_with_a_message_beside_the_form(client, staff):
    response = client.post("/en/workspace/login/", {"username": staff.user.username, "password": "nope"})
    assert response.status_code == 200
    assert "The e-mail address or password is not right" in response.content.decode()


@override_settings(AXES_FAILURE_LIMIT=3)
def test_too_many_wrong_passwords_lock_the_account_out_even_with_the_right_one(client, staff):
    for _ in range(3):
        client.post(
            "/sv/workspace/login/", {"username": staff.user.username, "password": "wrong"}, REMOTE_ADDR="10.1.1.1"
        )
    response = client.post(
        "/sv/workspace/login/", {"username": staff.user.username, "password": PASSWORD}, REMOTE_ADDR="10.1.1.1"
    )
    assert response.status_code == 429
    assert "För många försök" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_user_who_is_not_in_a_firm_cannot_use_the_workspace(client, db):
    user = get_user_model().objects.create_user("editor@agency.example", password=PASSWORD)
    client.force_login(user)
    response = client.get("/en/workspace/")
    assert response.status_code == 403
    assert "does not belong to a firm" in response.content.decode()


def test_a_suspended_firms_staff_are_shut_out(staff_client, staff):
    staff.firm.suspended = True
    staff.firm.save()
    response = staff_client.get("/en/workspace/")
    assert response.status_code == 403
    assert "suspended" in response.content.decode()


@pytest.mark.parametrize("path", ["/en/workspace/team/", "/en/workspace/audit/"])
def test_team_and_audit_log_are_for_the_firms_administrators_only(staff_client, path):
    response = staff_client.get(path)
    assert response.status_code == 403
    assert "Only your firm's administrators" in response.content.decode()


@pytest.mark.parametrize("path", ["/en/workspace/team/", "/en/workspace/audit/"])
def test_an_administrator_sees_team_and_audit_log(admin_client, path):
    assert admin_client.get(path).status_code == 200


ACCEPT = "/en/workspace/invitation/"


def _invite(admin_client, email="new.colleague@nordicmoves.example", role="staff"):
    # The e-mail leaves through Celery once the invitation commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = admin_client.post("/en/workspace/team/", {"email": email, "role": role})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    match = re.search(re.escape(invitations.base_url().rstrip("/")) + r"(/en/workspace/invitation/[^/\s]+/)",
                      mail.outbox[0].body)
    assert match, mail.outbox[0].body
    return match.group(1)


def test_an_admin_invites_a_colleague_who_chooses_a_password_and_joins_the_firm(admin_client, client, admin):
    path = _invite(admin_client)
    assert mail.outbox[0].to == ["new.colleague@nordicmoves.example"]
    assert "Nordic Moves AB" in mail.outbox[0].subject
    admin_client.logout()

    opened = client.get(path)  # the e-mail's link: the token goes into the session, the address is clean
    assert opened.status_code == 302 and opened["Location"] == ACCEPT
    form = client.get(ACCEPT)
    assert form.status_code == 200
    assert "new.colleague@nordicmoves.example" in form.content.decode()
    password = "a brand new passphrase"
    response = client.post(ACCEPT, {"new_password1": password, "new_password2": password})
    assert response.status_code == 302
    member = Member.objects.get(user__username="new.colleague@nordicmoves.example")
    assert member.firm == admin.firm and member.role == Member.STAFF
    assert client.get("/en/workspace/").status_code == 200
    actions = list(AuditEvent.objects.filter(firm=admin.firm).values_list("action", flat=True))
    assert AuditEvent.INVITATION_SENT in actions and AuditEvent.INVITATION_ACCEPTED in actions
    # ... and the link works only once.
    client.logout()
    assert client.get(path).status_code == 400


def test_an_invitation_with_a_weak_password_is_refused_with_the_reason(admin_client, client):
    path = _invite(admin_client)
    admin_client.logout()
    client.get(path)
    response = client.post(ACCEPT, {"new_password1": "short", "new_password2": "short"})
    assert response.status_code == 400
    assert "too short" in response.content.decode()
    assert not Member.objects.filter(user__username="new.colleague@nordicmoves.example").exists()


def test_an_expired_or_tampered_invitation_is_refused(admin, client):
    invitation = admin.firm.invitations.create(email="late@nordicmoves.example", role="staff")
    eight_days_ago = time.time() - 8 * 24 * 60 * 60
    with mock.patch("django.core.signing.time.time", return_value=eight_days_ago):
        old = invitations.token_for(invitation)
    assert client.get(f"/en/workspace/invitation/{old}/").status_code == 400
    fresh = invitations.token_for(invitation)
    assert client.get(f"/en/workspace/invitation/{fresh}/").status_code == 302
    assert client.get(f"/en/workspace/invitation/{fresh[:-2]}xx/").status_code == 400


def test_an_invitation_from_a_suspended_firm_cannot_be_accepted(admin, client):
    invitation = admin.firm.invitations.create(email="late@nordicmoves.example", role="staff")
    admin.firm.suspended = True
    admin.firm.save()
    assert client.get(f"/en/workspace/invitation/{invitations.token_for(invitation)}/").status_code == 400


def test_an_address_that_already_has_an_account_cannot_be_invited(admin_client, staff):
    response = admin_client.post("/en/workspace/team/", {"email": staff.user.username, "role": "staff"})
    assert response.status_code == 400
    assert "already has an account" in response.content.decode()
    assert mail.outbox == []


def test_sign_out_is_a_post_and_ends_the_session(staff_client):
    response = staff_client.post("/en/workspace/logout/")
    assert response.status_code == 302
    assert staff_client.get("/en/workspace/").status_code == 302


def test_portal_editors_see_and_can_suspend_firms_in_the_wagtail_admin(client, db):
    firm = FirmFactory(name="Suspicious Moves")
    MemberFactory(firm=firm)
    editor = get_user_model().objects.create_superuser("editor", "editor@landa.example", PASSWORD)
    client.force_login(editor)
    listing = client.get("/admin/snippets/firms/firm/")
    assert listing.status_code == 200
    assert "Suspicious Moves" in listing.content.decode()
    response = client.post(f"/admin/snippets/firms/firm/edit/{firm.pk}/", {"name": firm.name, "suspended": "on"})
    assert response.status_code == 302
    firm.refresh_from_db()
    assert firm.suspended


def test_the_first_admin_of_a_new_firm_is_invited_from_the_command_line(db):
    from django.core.management import call_command

    from firms.models import Invitation

    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command(
            "invite_firm_member", "Fresh Moves", "boss@fresh.example", "--language", "sv", stdout=io.StringIO()
        )
    invitation = Invitation.objects.select_related("firm").get(email="boss@fresh.example")
    assert invitation.firm.name == "Fresh Moves" and invitation.role == Member.ADMIN
    assert mail.outbox[0].to == ["boss@fresh.example"]
    assert "Du är inbjuden" in mail.outbox[0].subject
    assert "/sv/workspace/invitation/" in mail.outbox[0].body

