"""The links API refuses anyone without a working token, in the errors shape, never with a 500."""
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from firms.models import ApiToken
from tests.firms.factories import LinkFactory, token_for


def bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.mark.parametrize("method", ["get", "post"])
def test_no_token_is_401_with_a_bearer_challenge(client, db, method):
    response = getattr(client, method)("/api/v1/links")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert list(response.json()) == ["errors"]
    assert list(response.json()["errors"]) == ["token"]


@pytest.mark.parametrize(
    "header",
    [
        "Bearer landa_not-a-real-token",
        "Bearer",
        "Bearer a b",
        "Token something",
        "Bearer " + "x" * 500,
        "Bearer \u00e5\u00e4",
    ],
)
def test_a_malformed_or_unknown_token_is_401_never_500(client, db, header):
    response = client.get("/api/v1/links", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert "token" in response.json()["errors"]


def test_a_revoked_expired_or_suspended_firms_token_is_401(client, firm):
    revoked, revoked_secret = token_for(firm)
    revoked.revoked_at = timezone.now()
    revoked.save()
    _expired, expired_secret = token_for(firm, expires_at=timezone.now() - timedelta(minutes=1))
    for secret in (revoked_secret, expired_secret):
        assert client.get("/api/v1/links", **bearer(secret)).status_code == 401
    _token, secret = token_for(firm)
    assert client.get("/api/v1/links", **bearer(secret)).status_code == 200
    firm.suspended = True
    firm.save()
    assert client.get("/api/v1/links", **bearer(secret)).status_code == 401


def test_errors_follow_the_lang_parameter(client, db):
    response = client.get("/api/v1/links?lang=sv", HTTP_AUTHORIZATION="Bearer landa_nope")
    assert response.status_code == 401
    assert response.json()["errors"]["token"] == ["Nyckeln är ogiltig, har gått ut eller har återkallats."]


def test_an_unknown_lang_is_400(client, firm):
    _token, secret = token_for(firm)
    response = client.get("/api/v1/links?lang=de", **bearer(secret))
    assert response.status_code == 400
    assert "lang" in response.json()["errors"]


def test_using_a_token_records_when_it_was_last_used(client, firm):
    token, secret = token_for(firm)
    assert token.last_used_at is None
    client.get("/api/v1/links", **bearer(secret))
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_the_list_holds_only_the_tokens_own_firms_links(client, firm, other_firm):
    mine = LinkFactory(firm=firm, reference="MINE-1")
    LinkFactory(firm=other_firm, reference="THEIRS-1")
    _token, secret = token_for(firm)
    body = client.get("/api/v1/links", **bearer(secret)).json()
    assert body["count"] == 1
    assert [item["code"] for item in body["results"]] == [mine.code]
    assert "THEIRS-1" not in str(body)


@pytest.mark.parametrize("method", ["get", "delete"])
def test_another_firms_link_is_404_and_untouched(client, firm, other_firm, method):
    theirs = LinkFactory(firm=other_firm)
    _token, secret = token_for(firm)
    response = getattr(client, method)(f"/api/v1/links/{theirs.code}", **bearer(secret))
    assert response.status_code == 404
    assert "code" in response.json()["errors"]
    theirs.refresh_from_db()
    assert theirs.revoked_at is None


def test_delete_revokes_the_link_and_records_the_token_in_the_audit_log(client, firm):
    link = LinkFactory(firm=firm)
    token, secret = token_for(firm)
    response = client.delete(f"/api/v1/links/{link.code}", **bearer(secret))
    assert response.status_code == 204
    link.refresh_from_db()
    assert link.revoked_at is not None
    event = firm.audit_events.get(action="link.revoked")
    assert event.token == token and event.target == link.code
    # Revoking again is harmless.
    assert client.delete(f"/api/v1/links/{link.code}", **bearer(secret)).status_code == 204
    assert firm.audit_events.filter(action="link.revoked").count() == 1
    assert client.get(f"/en/c/{link.code}").status_code == 410


def test_list_filters_by_status_and_refuses_an_unknown_one(client, firm):
    LinkFactory(firm=firm)
    revoked = LinkFactory(firm=firm, revoked_at=timezone.now())
    _token, secret = token_for(firm)
    body = client.get("/api/v1/links?status=revoked", **bearer(secret)).json()
    assert [item["code"] for item in body["results"]] == [revoked.code]
    assert body["results"][0]["status"] == "revoked"
    bad = client.get("/api/v1/links?status=gone", **bearer(secret))
    assert bad.status_code == 400 and "status" in bad.json()["errors"]


def test_an_unsupported_method_is_405_in_the_errors_shape(client, firm):
    _token, secret = token_for(firm)
    response = client.put("/api/v1/links", data="{}", content_type="application/json", **bearer(secret))
    assert response.status_code == 405
    assert "method" in response.json()["errors"]


@override_settings(FIRM_API_BAD_TOKEN_RATE="3/h")
def test_guessing_tokens_from_one_address_is_stopped_with_429(client, firm):
    for _ in range(3):
        assert client.get("/api/v1/links", HTTP_AUTHORIZATION="Bearer landa_guess").status_code == 401
    response = client.get("/api/v1/links", HTTP_AUTHORIZATION="Bearer landa_guess")
    assert response.status_code == 429
    assert "rate" in response.json()["errors"]
    assert response["Retry-After"]
    # A right token from that address still works: it is looked up before the address's limit.
    _token, secret = token_for(firm)
    assert client.get("/api/v1/links", **bearer(secret)).status_code == 200
    # Another address is not affected.
    assert client.get("/api/v1/links", REMOTE_ADDR="10.9.9.9", **bearer(secret)).status_code == 200


@override_settings(FIRM_API_TOKEN_RATE="3/m")
def test_a_token_used_too_often_gets_429(client, firm):
    _token, secret = token_for(firm)
    for _ in range(3):
        assert client.get("/api/v1/links", **bearer(secret)).status_code == 200
    response = client.get("/api/v1/links", **bearer(secret))
    assert response.status_code == 429
    assert "rate" in response.json()["errors"]
    # Another token of the same firm has its own budget.
    _other, other_secret = token_for(firm)
    assert client.get("/api/v1/links", **bearer(other_secret)).status_code == 200


def test_only_the_hash_is_kept_so_the_secret_cannot_be_recovered(firm):
    token, secret = token_for(firm)
    assert not ApiToken.objects.filter(digest=secret).exists()
    assert ApiToken.objects.get(digest=ApiToken.hash(secret)) == token
