"""The firm admin's journey: invited from the Wagtail admin, forgot and reset the password, a link made,
printed and revoked with confirmation; and the link form's small promises."""
import re
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from content.models import PORTAL_EDITORS
from firms.invitations import base_url
from firms.models import Firm, Member, SharedChecklist
from tests.firms.factories import PASSWORD, LinkFactory

NEW_PASSWORD = "another long pass phrase 42"


def link_in(message, path_pattern):
    match = re.search(re.escape(base_url().rstrip("/")) + f"({path_pattern})", message.body)
    assert match, message.body
    return match.group(1)


def portal_editor():
    user = get_user_model().objects.create_user("editor@landa.example", password=PASSWORD)
    user.groups.add(Group.objects.get(name=PORTAL_EDITORS))
    return user


def test_the_firm_admins_journey(client, db, django_capture_on_commit_callbacks):
    client.force_login(portal_editor())
    assert client.get("/admin/snippets/firms/firm/").status_code == 200
    page = client.get("/admin/firms/invite/")
    assert page.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # the e-mail goes out through Celery after commit
        response = client.post("/admin/firms/invite/", {
            "firm_name": "Fjord Relocation AB", "email": "Boss@Fjord.example", "role": Member.ADMIN,
            "language": "sv"})
    assert response.status_code == 302
    firm = Firm.objects.get(name="Fjord Relocation AB")
    assert [m.to for m in mail.outbox] == [["boss@fjord.example"]]
    path = link_in(mail.outbox[0], r"/sv/workspace/invitation/[^/\s]+/")
    client.logout()

    assert client.get(path)["Location"] == "/sv/workspace/invitation/"  # the token leaves the address
    response = client.post("/sv/workspace/invitation/", {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 302
    assert Member.objects.get(user__username="boss@fjord.example", firm=firm).role == Member.ADMIN
    client.logout()

    # Forgot the password: the link on the sign-in page, an e-mail, a new password.
    assert "/en/workspace/password/reset/" in client.get("/en/workspace/login/").content.decode()
    mail.outbox.clear()
    response = client.post("/en/workspace/password/reset/", {"email": "boss@fjord.example"})
    assert response.status_code == 302
    confirm = link_in(mail.outbox[0], r"/en/workspace/password/reset/[^/\s]+/[^/\s]+/")
    form_url = client.get(confirm)["Location"]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    response = client.post("/en/workspace/login/", {"username": "boss@fjord.example", "password": NEW_PASSWORD},
                           REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 302

    # A link; revoking needs the confirmation; the print view of a revoked link shows no QR code.
    link = LinkFactory(firm=firm)
    detail = client.get(f"/en/workspace/links/{link.code}/").content.decode()
    assert 'name="confirm"' in detail and "cannot be undone" in detail
    assert "<svg" in client.get(f"/en/workspace/links/{link.code}/print/").content.decode()
    client.post(f"/en/workspace/links/{link.code}/revoke/")
    link.refresh_from_db()
    assert link.revoked_at is None
    client.post(f"/en/workspace/links/{link.code}/revoke/", {"confirm": "yes"})
    link.refresh_from_db()
    assert link.revoked_at is not None
    printed = client.get(f"/en/workspace/links/{link.code}/print/").content.decode()
    assert 'class="qr"' not in printed and "<svg" not in printed
    assert "Linkigan mar dambe ma furmo" in printed  # "This link no longer opens", in the link's language


def test_password_reset_requests_are_rate_limited(client, db):
    codes = [client.post("/en/workspace/password/reset/", {"email": f"x{i}@example.org"}).status_code
             for i in range(7)]
    assert codes[0] == 302 and codes[-1] == 429


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, db):
    response = client.post("/en/workspace/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302 and mail.outbox == []


def test_required_answers_are_not_marked_optional(staff_client):
    html = staff_client.get("/en/workspace/links/new/").content.decode()
    for name in ("status", "permit", "family", "stay"):
        label = re.search(rf'<label for="id_{name}">(.*?)</label>', html, re.S)
        assert label and "(optional)" not in label.group(1), name
    label = re.search(r'<label for="id_reference">(.*?)</label>', html, re.S)
    assert "(optional)" in label.group(1)


def test_a_new_links_default_expiry_is_at_least_a_year_after_arrival(db):
    now = timezone.now()
    arrival = timezone.localdate() + timedelta(days=90)
    expiry = SharedChecklist.default_expiry(now=now, arrival=arrival)
    assert timezone.localdate(expiry) >= arrival + timedelta(days=365)
    assert SharedChecklist.default_expiry(now=now, arrival=date(2020, 1, 1)) > now
    far = SharedChecklist.default_expiry(now=now, arrival=timezone.localdate() + timedelta(days=1500))
    assert (far - now).days <= 730
