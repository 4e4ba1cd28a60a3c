"""A firm never sees or touches another firm's links, tokens, team or audit log: every view, every endpoint.

The matrix below names every URL of the firms app; test_every_firms_url_is_in_the_matrix fails when a new
view is added without an isolation check.
"""
import json

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from firms.models import AuditEvent, Invitation, Member, SharedChecklist
from tests.firms.factories import FirmTaskFactory, LinkFactory, token_for

pytestmark = pytest.mark.usefixtures("tasks")

# Views that take one of a firm's objects: (url name, method, POST data).
OBJECT_VIEWS = [
    ("link-detail", "get", None),
    ("link-edit", "get", None),
    ("link-edit", "post", {"status": "eu"}),
    ("link-extend", "post", {"days": "30"}),
    ("link-expire", "post", {}),
    ("link-revoke", "post", {"confirm": "yes"}),
    ("link-qr", "get", None),
    ("link-print", "get", None),
    ("token-revoke", "post", {}),
    ("member-remove", "post", {}),
    ("member-role", "post", {"role": "staff"}),
    ("invitation-revoke", "post", {}),
]
# Views that list a firm's things: they must show only the signed-in member's firm.
LIST_VIEWS = ["links", "tokens", "team", "audit"]
# Views outside a firm's data (they show nothing of any firm, or only a link's client view).
OTHER_VIEWS = ["login", "logout", "accept-invitation", "invitation", "password-reset", "password-reset-done",
               "password-reset-confirm", "password-reset-complete", "link-create", "shared-checklist",
               "shared-calendar"]
API_ENDPOINTS = [("api-links", ["get", "post"]), ("api-link", ["get", "delete"])]


def _names(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _names(entry.url_patterns, prefix)
        elif isinstance(entry, URLPattern) and entry.name:
            yield entry.name


def test_every_firms_url_is_in_the_matrix():
    from firms import urls, urls_api

    covered = {name for name, _m, _d in OBJECT_VIEWS} | set(LIST_VIEWS) | set(OTHER_VIEWS)
    assert set(_names(urls.urlpatterns)) == covered
    assert set(_names(urls_api.urlpatterns)) == {name for name, _methods in API_ENDPOINTS}
    assert get_resolver()  # the project's URL conf loads with them


@pytest.fixture
def theirs(other_firm, outsider):
    link = LinkFactory(firm=other_firm, reference="THEIR-SECRET-REF", note="Their private note")
    FirmTaskFactory(link=link, title="Their firm task")
    token, _secret = token_for(other_firm, name="Their CRM token")
    invitation = Invitation.objects.create(firm=other_firm, email="their.new.hire@other.example")
    AuditEvent.record(other_firm, AuditEvent.LINK_CREATED, link.code, actor=outsider.user)
    return {"link": link, "token": token, "member": outsider, "invitation": invitation}


def _snapshot(link, token):
    link.refresh_from_db()
    token.refresh_from_db()
    return (link.situation, link.expires_at, link.revoked_at, link.reference, link.note, link.language,
            list(link.tasks.values_list("title", flat=True)), token.revoked_at)


def _team(theirs):
    member, invitation = theirs["member"], theirs["invitation"]
    invitation.refresh_from_db()
    return (Member.objects.filter(pk=member.pk).values_list("role", flat=True).first(), invitation.revoked_at)


@pytest.mark.parametrize("name,method,data", OBJECT_VIEWS)
def test_another_firms_object_is_a_404_and_stays_unchanged(admin_client, theirs, name, method, data):
    from django.urls import reverse

    link, token = theirs["link"], theirs["token"]
    arg = {
        "token-revoke": token.pk,
        "member-remove": theirs["member"].pk,
        "member-role": theirs["member"].pk,
        "invitation-revoke": theirs["invitation"].pk,
    }.get(name, link.code)
    before = _snapshot(link, token), _team(theirs)
    url = reverse(f"firms:{name}", args=[arg])
    response = getattr(admin_client, method)(url, data) if data is not None else getattr(admin_client, method)(url)
    assert response.status_code == 404
    assert "THEIR-SECRET-REF" not in response.content.decode()
    assert (_snapshot(link, token), _team(theirs)) == before


@pytest.mark.parametrize("name", LIST_VIEWS)
def test_lists_show_only_the_members_own_firm(admin_client, admin, theirs, name):
    from django.urls import reverse

    mine = LinkFactory(firm=admin.firm, reference="MY-OWN-REF")
    token_for(admin.firm, name="My CRM token")
    AuditEvent.record(admin.firm, AuditEvent.LINK_CREATED, mine.code, actor=admin.user)
    html = admin_client.get(reverse(f"firms:{name}")).content.decode()
    for secret in ("THEIR-SECRET-REF", "Their CRM token", "their.new.hire@other.example", "admin@other.example",
                   theirs["link"].code, "Other Relocation Ltd"):
        assert secret not in html, (name, secret)
    expected = {"links": "MY-OWN-REF", "tokens": "My CRM token", "team": admin.user.username, "audit": mine.code}
    assert expected[name] in html


def test_the_filter_cannot_reach_another_firm(admin_client, theirs):
    html = admin_client.get("/en/workspace/?q=THEIR-SECRET&status=").content.decode()
    assert "THEIR-SECRET-REF" not in html


def test_editing_with_another_firms_code_creates_nothing(admin_client, admin, theirs):
    from tests.firms.test_workspace import VALID

    response = admin_client.post(f"/en/workspace/links/{theirs['link'].code}/edit/", VALID)
    assert response.status_code == 404
    assert not SharedChecklist.objects.filter(firm=admin.firm).exists()


@pytest.mark.parametrize("name,methods", API_ENDPOINTS)
def test_the_api_never_shows_or_changes_another_firms_links(client, firm, theirs, name, methods):
    _token, secret = token_for(firm)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    link = theirs["link"]
    before = _snapshot(link, theirs["token"])
    for method in methods:
        if name == "api-links" and method == "get":
            body = client.get("/api/v1/links", **auth).json()
            assert body["count"] == 0 and link.code not in json.dumps(body)
        elif name == "api-links" and method == "post":
            body = {"status": "eu", "permit": "work", "family": "alone", "stay": "long", "language": "en"}
            created = client.post("/api/v1/links", json.dumps(body), content_type="application/json", **auth)
            assert created.status_code == 201
            assert SharedChecklist.objects.get(code=created.json()["code"]).firm == firm
        else:
            response = getattr(client, method)(f"/api/v1/links/{link.code}", **auth)
            assert response.status_code == 404
            assert "THEIR-SECRET-REF" not in response.content.decode()
    assert _snapshot(link, theirs["token"]) == before
