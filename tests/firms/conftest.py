"""Fixtures for the firms app: two firms, their people, a signed-in client, a clean rate-limit cache."""
import pytest
from django.core.cache import cache

from firms.models import Member
from tests.firms.factories import FirmFactory, MemberFactory


def _forget_rate_limits():
    if hasattr(cache, "delete_pattern"):  # Redis: only django-ratelimit's counters, not the whole database
        cache.delete_pattern("rl:*")
    else:
        cache.clear()


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache; each test starts from zero."""
    _forget_rate_limits()
    yield
    _forget_rate_limits()


@pytest.fixture
def firm(db):
    return FirmFactory(name="Nordic Moves AB")


@pytest.fixture
def other_firm(db):
    return FirmFactory(name="Other Relocation Ltd")


@pytest.fixture
def admin(firm):
    return MemberFactory(firm=firm, role=Member.ADMIN, user__username="admin@nordicmoves.example")


@pytest.fixture
def staff(firm):
    return MemberFactory(firm=firm, role=Member.STAFF, user__username="staff@nordicmoves.example")


@pytest.fixture
def outsider(other_firm):
    return MemberFactory(firm=other_firm, role=Member.ADMIN, user__username="admin@other.example")


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff.user)
    return client


@pytest.fixture
def admin_client(client, admin):
    client.force_login(admin.user)
    return client
