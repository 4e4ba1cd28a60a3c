"""Link codes, hashed tokens, link states and the retention rule."""
import hashlib
import math
from datetime import timedelta

from django.test import override_settings
from django.utils import timezone

from firms.models import CODE_BYTES, ApiToken, SharedChecklist, new_code
from tests.firms.factories import FirmFactory, LinkFactory, token_for


def test_a_link_code_carries_at_least_128_random_bits_and_is_url_safe():
    assert CODE_BYTES * 8 >= 128
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:50]:
        assert len(code) >= math.ceil(128 / 6)
        assert set(code) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def test_a_token_is_stored_only_as_its_sha256(db):
    token, secret = token_for(FirmFactory())
    assert secret.startswith("landa_") and len(secret) > 40
    token.refresh_from_db()
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    stored = [str(value) for value in ApiToken.objects.values_list(flat=False).get(pk=token.pk)]
    assert secret not in stored
    assert token.hint == secret[:12]


def test_a_token_stops_working_when_revoked_expired_or_its_firm_is_suspended(db):
    token, _secret = token_for(FirmFactory())
    assert token.is_usable
    token.expires_at = timezone.now() - timedelta(seconds=1)
    assert not token.is_usable
    token.expires_at = None
    token.revoked_at = timezone.now()
    assert not token.is_usable
    token.revoked_at = None
    token.firm.suspended = True
    assert not token.is_usable


def test_a_link_is_active_then_expired_or_revoked(db):
    link = LinkFactory()
    assert link.status == "active" and link.is_available
    link.expires_at = timezone.now() - timedelta(minutes=1)
    assert link.status == "expired" and not link.is_available
    link.revoked_at = timezone.now()
    assert link.status == "revoked"
    fresh = LinkFactory()
    fresh.firm.suspended = True
    assert fresh.status == "active" and not fresh.is_available


def test_filters_by_status(db):
    active = LinkFactory()
    expired = LinkFactory(expires_at=timezone.now() - timedelta(days=1))
    revoked = LinkFactory(revoked_at=timezone.now())
    assert list(SharedChecklist.objects.with_status("active")) == [active]
    assert list(SharedChecklist.objects.with_status("expired")) == [expired]
    assert list(SharedChecklist.objects.with_status("revoked")) == [revoked]


@override_settings(FIRM_LINK_RETENTION_DAYS=30)
def test_retention_counts_from_expiry_or_revocation(db):
    now = timezone.now()
    long_expired = LinkFactory(expires_at=now - timedelta(days=31))
    LinkFactory(expires_at=now - timedelta(days=29))
    long_revoked = LinkFactory(revoked_at=now - timedelta(days=31))
    LinkFactory(revoked_at=now - timedelta(days=2))
    LinkFactory()
    assert set(SharedChecklist.objects.past_retention()) == {long_expired, long_revoked}
