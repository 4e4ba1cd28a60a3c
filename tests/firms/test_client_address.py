"""Two clients behind one proxy: rate limits and sign-in lockouts follow the client, not the proxy.

Production runs behind a TLS terminator and Varnish, so every request reaches gunicorn from the same
``REMOTE_ADDR``; ``TRUSTED_PROXY_COUNT`` says how many ``X-Forwarded-For`` entries to trust.
"""
import pytest
from django.test import RequestFactory, override_settings

from portal.clientip import client_ip
from tests.firms.factories import PASSWORD, token_for

PROXY = "10.0.0.2"
ALICE = "203.0.113.10"
BOB = "198.51.100.20"


def behind_proxy(address, *, forged=None):
    """What gunicorn sees: the proxy as peer; the TLS terminator wrote the client's address."""
    chain = [forged, address, "10.0.0.1"] if forged else [address, "10.0.0.1"]
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": ", ".join(chain)}


def _request(**meta):
    return RequestFactory().get("/", **meta)


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_client_ip_takes_the_entry_the_outermost_trusted_proxy_wrote():
    assert client_ip(_request(**behind_proxy(ALICE))) == ALICE
    # What the client wrote itself (left of the trusted entries) is never believed.
    assert client_ip(_request(**behind_proxy(ALICE, forged="1.2.3.4"))) == ALICE


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_client_ip_falls_back_to_the_peer_when_the_chain_is_short_or_junk():
    assert client_ip(_request(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="1.2.3.4")) == PROXY
    assert client_ip(_request(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="not-an-ip, 10.0.0.1")) == PROXY
    assert client_ip(_request(REMOTE_ADDR=PROXY)) == PROXY


@override_settings(TRUSTED_PROXY_COUNT=0)
def test_the_embedded_default_trusts_no_header():
    assert client_ip(_request(**behind_proxy(ALICE))) == PROXY


@override_settings(TRUSTED_PROXY_COUNT=2, FIRM_API_BAD_TOKEN_RATE="3/h")
def test_one_client_guessing_tokens_does_not_block_another_behind_the_same_proxy(client, firm):
    def guess(address, secret="landa_guess"):  # noqa: S107 - a wrong token on purpose
        return client.get("/api/v1/links", HTTP_AUTHORIZATION=f"Bearer {secret}", **behind_proxy(address))

    assert [guess(ALICE).status_code for _ in range(4)] == [401, 401, 401, 429]
    # Bob comes through the same proxy: his mistake is a 401, not a 429 ...
    assert guess(BOB, "landa_typo").status_code == 401
    # ... and both firms' valid tokens work, Alice's included: only failed look-ups count.
    _token, secret = token_for(firm)
    for address in (ALICE, BOB):
        response = client.get("/api/v1/links", HTTP_AUTHORIZATION=f"Bearer {secret}", **behind_proxy(address))
        assert response.status_code == 200


def _sign_in(client, username, password, address):
    return client.post(
        "/en/workspace/login/", {"username": username, "password": password}, **behind_proxy(address)
    )


@override_settings(TRUSTED_PROXY_COUNT=2, AXES_FAILURE_LIMIT=3, AXES_IP_FAILURE_LIMIT=6)
def test_wrong_passwords_from_one_client_do_not_lock_the_account_for_another(client, staff):
    username = staff.user.username
    for _ in range(2):
        assert _sign_in(client, username, "wrong", ALICE).status_code == 200
    assert _sign_in(client, username, "wrong", ALICE).status_code == 429  # the third locks
    assert _sign_in(client, username, PASSWORD, ALICE).status_code == 429
    # Bob, behind the same proxy, signs in as that user: the lock is per (user name, client).
    response = _sign_in(client, username, PASSWORD, BOB)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.user.pk)


@override_settings(TRUSTED_PROXY_COUNT=2, AXES_FAILURE_LIMIT=3, AXES_IP_FAILURE_LIMIT=6)
def test_one_client_trying_many_user_names_is_locked_by_its_address_at_the_higher_threshold(client, staff):
    for number in range(5):
        assert _sign_in(client, f"guess{number}@example.com", "wrong", ALICE).status_code == 200
    # Five failures over five user names: below the address's threshold; the sixth reaches it.
    assert _sign_in(client, "guess5@example.com", "wrong", ALICE).status_code == 429
    assert _sign_in(client, staff.user.username, PASSWORD, ALICE).status_code == 429
    assert _sign_in(client, staff.user.username, PASSWORD, BOB).status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=2, AXES_FAILURE_LIMIT=2, AXES_IP_FAILURE_LIMIT=50)
def test_attempts_during_a_lockout_do_not_start_the_cool_off_again(client, staff):
    from axes.models import AccessAttempt

    username = staff.user.username
    for _ in range(2):
        _sign_in(client, username, "wrong", ALICE)
    attempt = AccessAttempt.objects.get(username=username, ip_address=ALICE)
    for _ in range(3):
        assert _sign_in(client, username, "wrong", ALICE).status_code == 429
    again = AccessAttempt.objects.get(pk=attempt.pk)
    assert again.attempt_time == attempt.attempt_time
    assert again.failures_since_start == 2


@pytest.mark.parametrize("count", [1, 2])
def test_the_rate_limit_key_and_axes_use_the_same_function(settings, count):
    settings.TRUSTED_PROXY_COUNT = count
    assert settings.AXES_CLIENT_IP_CALLABLE == "portal.clientip.client_ip"
    assert settings.RATELIMIT_IP_META_KEY == "portal.clientip.client_ip"
