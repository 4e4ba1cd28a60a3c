"""Firm admins create and revoke their firm's API tokens in the workspace; the secret is shown once."""
import re
from datetime import timedelta

from django.utils import timezone

from firms.models import ApiToken, AuditEvent


def test_a_new_token_is_shown_once_stored_hashed_and_works(admin_client, admin, client):
    response = admin_client.post("/en/workspace/tokens/", {"name": "CRM", "scope": "read", "expires_on": ""})
    assert response.status_code == 200
    html = response.content.decode()
    secret = re.search(r'<code class="secret">(landa_[A-Za-z0-9_-]+)</code>', html).group(1)
    token = ApiToken.objects.get(firm=admin.firm)
    assert token.digest == ApiToken.hash(secret) and secret not in (token.hint, token.digest)
    assert AuditEvent.objects.filter(firm=admin.firm, action=AuditEvent.TOKEN_CREATED, actor=admin.user).exists()
    # Never shown again.
    assert secret not in admin_client.get("/en/workspace/tokens/").content.decode()
    assert client.get("/api/v1/links", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200


def test_a_token_with_an_expiry_date_stops_at_the_end_of_that_day(admin_client, admin):
    day = timezone.localdate() + timedelta(days=10)
    admin_client.post("/en/workspace/tokens/", {"name": "HR system", "scope": "read", "expires_on": day.isoformat()})
    token = ApiToken.objects.get(firm=admin.firm)
    assert timezone.localtime(token.expires_at).date() == day


def test_a_token_without_a_name_or_with_a_past_expiry_is_refused(admin_client, admin):
    assert admin_client.post("/en/workspace/tokens/", {"name": ""}).status_code == 400
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = admin_client.post("/sv/workspace/tokens/", {"name": "CRM", "scope": "read", "expires_on": yesterday})
    assert response.status_code == 400
    assert "Datumet måste ligga i framtiden." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_revoking_a_token_stops_it_and_is_recorded(admin_client, admin, client):
    token, secret = ApiToken.issue(admin.firm, "CRM")
    assert admin_client.get(f"/en/workspace/tokens/{token.pk}/revoke/").status_code == 405
    assert admin_client.post(f"/en/workspace/tokens/{token.pk}/revoke/").status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.get("/api/v1/links", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401
    assert AuditEvent.objects.filter(action=AuditEvent.TOKEN_REVOKED, target="CRM", actor=admin.user).exists()


def test_the_audit_log_shows_who_did_what(admin_client, admin):
    token, _secret = ApiToken.issue(admin.firm, "CRM")
    AuditEvent.record(admin.firm, AuditEvent.LINK_REVOKED, "abcdef", token=token)
    AuditEvent.record(admin.firm, AuditEvent.LINK_DELETED, "ghijkl")
    html = admin_client.get("/sv/workspace/audit/").content.decode()
    assert "Länk återkallad" in html and "API-nyckeln ”CRM”" in html
    assert "Landa (automatiskt)" in html
    only = admin_client.get("/en/workspace/audit/?action=link.deleted").content.decode()
    assert "ghijkl" in only and "abcdef" not in only
