"""Rate limits on link creation and token use answer 429; here on the configured cache and on real Redis."""
import json

import pytest
from django.test import override_settings

from firms.models import SharedChecklist
from tests.firms.factories import token_for
from tests.firms.test_workspace import VALID

pytestmark = pytest.mark.usefixtures("tasks")
BODY = {"status": "eu", "permit": "work", "family": "alone", "stay": "long", "language": "sv"}


@override_settings(FIRM_LINK_CREATE_RATE="2/h")
def test_the_workspace_answers_429_in_the_readers_language_after_too_many_links(staff_client, staff):
    for _ in range(2):
        assert staff_client.post("/sv/workspace/links/new/", VALID).status_code == 302
    response = staff_client.post("/sv/workspace/links/new/", VALID)
    assert response.status_code == 429
    assert "För många länkar på en gång" in response.content.decode()
    assert SharedChecklist.objects.filter(firm=staff.firm).count() == 2


@override_settings(FIRM_LINK_CREATE_RATE="3/h")
def test_workspace_and_api_share_one_budget_per_firm_and_firms_do_not_share(staff_client, staff, other_firm, client):
    _token, secret = token_for(staff.firm)
    _other, other_secret = token_for(other_firm)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    assert staff_client.post("/en/workspace/links/new/", VALID).status_code == 302

    def create():
        return client.post("/api/v1/links", json.dumps(BODY), content_type="application/json", **auth).status_code

    assert [create(), create(), create()] == [201, 201, 429]
    assert staff_client.post("/en/workspace/links/new/", VALID).status_code == 429
    other = client.post(
        "/api/v1/links", json.dumps(BODY), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {other_secret}"
    )
    assert other.status_code == 201


@pytest.mark.services
@override_settings(FIRM_LINK_CREATE_RATE="2/h", FIRM_API_TOKEN_RATE="5/m")
def test_limits_are_counted_in_redis(redis_cache, client, firm):
    """On the real Redis: the counters are there, shared by every web process, and they stop the third link."""
    from django_redis import get_redis_connection

    _token, secret = token_for(firm)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    statuses = [
        client.post("/api/v1/links", json.dumps(BODY), content_type="application/json", **auth).status_code
        for _ in range(3)
    ]
    assert statuses == [201, 201, 429]
    keys = get_redis_connection("default").keys("*rl:*")
    assert keys, "django-ratelimit's counters should live in Redis"
    # The token's own budget (5 a minute): 3 used above, 2 left, then 429.
    assert [client.get("/api/v1/links", **auth).status_code for _ in range(3)] == [200, 200, 429]


def test_a_request_without_a_peer_address_is_counted_not_a_500(rf):
    """django-ratelimit's "ip" key raises on an empty address; such requests share one counter instead."""
    from portal.ratelimit import usage

    request = rf.get("/api/v1/links", REMOTE_ADDR="")
    counter = usage(request, "test.no-address", "5/h")
    assert counter is not None and counter["count"] == 1
