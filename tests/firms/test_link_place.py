"""A firm's link knows where the client will live: the municipality through the workspace form and the
links API (checked by the checklist's own parser), stored with the link, shown on /c/ and its calendar."""
import json

import pytest

from firms.models import SharedChecklist
from tests.firms.factories import token_for
from tests.firms.test_workspace import VALID
from tests.guides.places import norrbotten  # noqa: F401 - a fixture

pytestmark = pytest.mark.usefixtures("tasks")

BODY = {
    "status": "eu",
    "permit": "work",
    "family": "children",
    "children": ["preschool"],
    "stay": "long",
    "arrival": "2027-05-01",
    "municipality": "2580",
    "language": "ar",
}


@pytest.fixture
def api(client, firm):
    _token, secret = token_for(firm)

    def call(method, path, body=None):
        kwargs = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
        if body is not None:
            kwargs.update(data=json.dumps(body), content_type="application/json")
        return getattr(client, method)(path, **kwargs)

    return call


@pytest.mark.usefixtures("norrbotten")
def test_the_api_stores_the_municipality_and_the_client_page_and_calendar_show_the_local_links(
    api, client, firm
):
    response = api("post", "/api/v1/links", BODY)
    assert response.status_code == 201, response.content
    body = response.json()
    link = SharedChecklist.objects.get(firm=firm)
    assert link.municipality == "2580" and link.situation.endswith("&municipality=2580")
    assert body["municipality"] == "2580"
    assert api("get", f"/api/v1/links/{link.code}").json()["municipality"] == "2580"

    page = client.get(f"/ar/c/{link.code}", HTTP_USER_AGENT="Mozilla/5.0")
    assert page.status_code == 200
    html = page.content.decode()
    place = html[html.index("situation__place") : html.index("</div>", html.index("situation__place"))]
    assert "/ar/where-you-live/norrbotten-test/lulea-test/" in place  # Luleå's page, in Arabic
    item = html[html.index('id="task-preschool-place"') : html.index("</li>", html.index('id="task-preschool-place"'))]
    assert "Preschool in Luleå" in item
    assert "change=municipality" not in html  # the link's answers are the firm's to change
    calendar = client.get(f"/ar/c/{link.code}/calendar.ics")
    assert calendar.status_code == 200 and "Preschool in Luleå" in calendar.content.decode().replace("\r\n ", "")


@pytest.mark.parametrize("value", ["9999", "Göteborg", "1480\u0000", "x" * 19, ["1480"]])
def test_the_api_refuses_a_bad_municipality_keyed_municipality(api, firm, value):
    response = api("post", "/api/v1/links?lang=sv", {**BODY, "municipality": value})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["municipality"]
    assert not SharedChecklist.objects.filter(firm=firm).exists()


def test_without_a_municipality_the_link_has_none(api, firm):
    response = api("post", "/api/v1/links", {key: value for key, value in BODY.items() if key != "municipality"})
    assert response.status_code == 201
    assert response.json()["municipality"] is None
    assert SharedChecklist.objects.get(firm=firm).municipality == ""


def test_the_municipality_is_in_the_links_api_schema(client):
    text = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert "where the client will live" in text


def test_the_workspace_form_offers_the_municipalities_by_region_and_stores_the_choice(staff_client, staff):
    html = staff_client.get("/en/workspace/links/new/").content.decode()
    select = html[html.index('name="municipality"') : html.index("</select>", html.index('name="municipality"'))]
    assert select.count("<optgroup") == 21 and '<option value="1480">Göteborg</option>' in select
    response = staff_client.post("/en/workspace/links/new/", {**VALID, "municipality": "2480"})
    assert response.status_code == 302
    link = SharedChecklist.objects.get(firm=staff.firm)
    assert link.municipality == "2480" and link.situation.endswith("&municipality=2480")
    edit = staff_client.get(f"/en/workspace/links/{link.code}/edit/").content.decode()
    assert '<option value="2480" selected>Umeå</option>' in edit
    assert staff_client.post("/en/workspace/links/new/", {**VALID, "municipality": "9999"}).status_code == 400


@pytest.mark.parametrize("field, first, second", [("municipality", "1480", "0180"), ("status", "eu", "third-country")])
def test_the_workspace_form_refuses_one_answer_given_twice_differently(staff_client, staff, field, first, second):
    """Django's choice field keeps the last of repeated values; the link must not be made from a guess."""
    data = {**VALID, field: [first, second]}
    response = staff_client.post("/en/workspace/links/new/", data)
    assert response.status_code == 400
    assert "Give only one answer to this question." in response.content.decode()
    assert not SharedChecklist.objects.filter(firm=staff.firm).exists()
    same = staff_client.post("/en/workspace/links/new/", {**VALID, field: [first, first]})
    assert same.status_code == 302
