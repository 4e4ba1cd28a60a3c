"""POST/GET/DELETE /api/v1/links with a firm's token: shapes, validation by the checklist's parser, limits."""
import json

import pytest
from django.test import override_settings

from firms.models import AuditEvent, SharedChecklist
from tests.firms.factories import token_for

pytestmark = pytest.mark.usefixtures("tasks")

BODY = {
    "status": "third-country",
    "permit": "eu-blue-card",
    "family": "partner",
    "partner": "eu",
    "stay": "long",
    "arrival": "2027-05-01",
    "language": "ar",
    "reference": "HR-7781",
    "note": "مرحبا بك في السويد",
    "tasks": [{"title": "Sign the relocation agreement", "phase": "before", "days_from_arrival": -30}],
}


@pytest.fixture
def api(client, firm):
    token, secret = token_for(firm)

    def call(method, path, body=None, **extra):
        kwargs = {"HTTP_AUTHORIZATION": f"Bearer {secret}", **extra}
        if body is not None:
            kwargs.update(data=body if isinstance(body, str) else json.dumps(body), content_type="application/json")
        return getattr(client, method)(path, **kwargs)

    call.token = token
    return call


def test_create_answers_201_with_the_link_its_profile_and_the_rules_version(api, firm):
    response = api("post", "/api/v1/links", BODY)
    assert response.status_code == 201, response.content
    body = response.json()
    link = SharedChecklist.objects.get(firm=firm)
    assert body["code"] == link.code
    assert body["url"] == f"http://testserver/c/{link.code}"
    assert body["language"] == "ar"
    assert body["profile"] == {
        "status": "third-country", "permit": "eu-blue-card", "family": "partner", "children": [],
        "stay": "long", "partner": "eu", "arrival": "2027-05-01",
    }
    assert body["status"] == "active" and body["open_count"] == 0 and body["last_opened_at"] is None
    assert body["reference"] == "HR-7781"
    assert body["tasks"] == [{"title": "Sign the relocation agreement", "phase": "before", "days_from_arrival": -30}]
    from guides.checklist import catalogue

    assert body["rules_version"] == catalogue().version == link.rules_version
    event = AuditEvent.objects.get(firm=firm, action=AuditEvent.LINK_CREATED)
    assert event.token == api.token and event.actor is None
    # The link works for the client straight away.
    assert api("get", f"/c/{link.code}")["Location"] == f"/ar/c/{link.code}"


def test_children_may_be_a_list_or_a_comma_string(api):
    body = {**BODY, "family": "children", "partner": "", "children": "school,preschool"}
    response = api("post", "/api/v1/links", body)
    assert response.status_code == 201, response.content
    assert response.json()["profile"]["children"] == ["preschool", "school"]


@pytest.mark.parametrize(
    "change,field",
    [
        ({"status": "eu", "permit": "ict"}, "permit"),
        ({"status": "martian"}, "status"),
        ({"family": "alone"}, "partner"),
        ({"family": "children", "partner": ""}, "children"),
        ({"arrival": "01/05/2027"}, "arrival"),
        ({"language": "de"}, "language"),
        ({"tasks": [{"title": "x", "phase": "later"}]}, "tasks"),
        ({"tasks": "not a list"}, "tasks"),
        ({"reference": "x" * 81}, "reference"),
        ({"expires_on": "2001-01-01"}, "expires_on"),
        ({"client_name": "Amina Hassan"}, "client_name"),
        ({"children": {"a": 1}}, "children"),
        ({"status": ["eu", "nordic"]}, "status"),
    ],
)
def test_bad_input_is_400_keyed_by_the_field_never_500(api, change, field):
    response = api("post", "/api/v1/links", {**BODY, **change})
    assert response.status_code == 400, response.content
    errors = response.json()["errors"]
    assert field in errors, errors
    assert all(isinstance(m, str) and m for messages in errors.values() for m in messages)
    assert not SharedChecklist.objects.exists()


def test_missing_answers_are_each_named(api):
    response = api("post", "/api/v1/links", {"language": "en"})
    assert response.status_code == 400
    assert {"status", "permit", "family", "stay"} <= set(response.json()["errors"])


def test_messages_follow_lang(api):
    response = api("post", "/api/v1/links?lang=sv", {**BODY, "status": "eu", "permit": "ict"})
    assert "behöver inget tillstånd" in response.json()["errors"]["permit"][0]


@pytest.mark.parametrize("body", ["not json", "[1, 2]", "null", '{"status": '])
def test_a_body_that_is_not_a_json_object_is_400(api, body):
    response = api("post", "/api/v1/links", body)
    assert response.status_code == 400
    assert "body" in response.json()["errors"] or response.json()["errors"]


def test_a_form_encoded_body_is_415(client, firm):
    _token, secret = token_for(firm)
    response = client.post("/api/v1/links", {"status": "eu"}, HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 415
    assert "body" in response.json()["errors"]


def test_list_and_retrieve_show_the_created_link(api):
    code = api("post", "/api/v1/links", BODY).json()["code"]
    listing = api("get", "/api/v1/links").json()
    assert listing["count"] == 1 and listing["results"][0]["code"] == code
    assert api("get", f"/api/v1/links/{code}").json()["code"] == code


@override_settings(FIRM_LINK_CREATE_RATE="2/h")
def test_creating_too_many_links_is_429_and_creates_nothing_more(api, firm):
    assert api("post", "/api/v1/links", BODY).status_code == 201
    assert api("post", "/api/v1/links", BODY).status_code == 201
    response = api("post", "/api/v1/links", BODY)
    assert response.status_code == 429
    assert "rate" in response.json()["errors"]
    assert SharedChecklist.objects.filter(firm=firm).count() == 2
    # Reading is not creating.
    assert api("get", "/api/v1/links").status_code == 200
