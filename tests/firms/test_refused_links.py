"""Links whose stored answers today's parser refuses (made under older rules): never a 500."""
import pytest

from tests.firms.factories import LinkFactory, token_for

pytestmark = pytest.mark.usefixtures("tasks")
# EU citizens need no ICT permit: the parser refuses this pair (keyed "permit").
REFUSED = "status=eu&permit=ict&family=alone&stay=long"


@pytest.fixture
def refused_link(staff):
    return LinkFactory(firm=staff.firm, situation=REFUSED, language="sv")


def test_the_api_lists_and_shows_a_refused_link_with_the_reasons(client, staff, refused_link):
    _token, secret = token_for(staff.firm)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    listing = client.get("/api/v1/links", **auth)
    assert listing.status_code == 200
    (item,) = [row for row in listing.json()["results"] if row["code"] == refused_link.code]
    assert item["profile"]["status"] == "eu" and item["profile"]["permit"] == "ict"
    assert "permit" in item["profile_errors"]
    detail = client.get(f"/api/v1/links/{refused_link.code}", **auth)
    assert detail.status_code == 200 and "permit" in detail.json()["profile_errors"]
    assert client.delete(f"/api/v1/links/{refused_link.code}", **auth).status_code == 204


def test_a_valid_link_has_no_profile_errors(client, staff):
    link = LinkFactory(firm=staff.firm)
    _token, secret = token_for(staff.firm)
    response = client.get(f"/api/v1/links/{link.code}", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.json()["profile_errors"] is None


def test_the_print_view_sends_staff_to_the_link_with_a_message_in_their_language(staff_client, refused_link):
    response = staff_client.get(f"/en/workspace/links/{refused_link.code}/print/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == f"/en/workspace/links/{refused_link.code}/"
    assert "no longer accepts this link&#x27;s answers" in response.content.decode()
