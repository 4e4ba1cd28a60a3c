"""The links API's conventions, as docs/firms-api.md states them: UTC timestamps with Z, paths with or
without a trailing slash, enum errors naming the allowed values, a readable reference served locally."""
import json
import re

import pytest

from tests.firms.factories import token_for
from tests.firms.test_api_links import BODY

pytestmark = pytest.mark.usefixtures("tasks")
UTC_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


@pytest.fixture
def headers(firm):
    _token, secret = token_for(firm)
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def post(client, path, body, headers):
    return client.post(path, data=json.dumps(body), content_type="application/json", **headers)


def test_timestamps_are_utc_with_z_as_documented(client, headers):
    body = post(client, "/api/v1/links", BODY, headers).json()
    assert UTC_Z.match(body["created_at"]) and UTC_Z.match(body["expires_at"])
    assert body["revoked_at"] is None
    with open("docs/firms-api.md", encoding="utf-8") as handle:
        docs = handle.read()
    assert "+01:00" not in docs and "UTC" in docs


def test_a_trailing_slash_answers_the_same_json(client, headers):
    assert post(client, "/api/v1/links/", BODY, headers).status_code == 201
    listing = client.get("/api/v1/links/", **headers)
    assert listing.status_code == 200 and listing["Content-Type"].startswith("application/json")
    code = listing.json()["results"][0]["code"]
    assert client.get(f"/api/v1/links/{code}/", **headers).json()["code"] == code


def test_an_invalid_choice_lists_the_allowed_values(client, headers):
    response = post(client, "/api/v1/links", {**BODY, "language": "de"}, headers)
    assert response.status_code == 400
    message = response.json()["errors"]["language"][0]
    assert '"de"' in message and "en, sv, ar, so" in message
    status = post(client, "/api/v1/links", {**BODY, "status": "martian"}, headers).json()["errors"]["status"][0]
    assert '"martian"' in status and "nordic, eu, third-country" in status
    bad_task = {**BODY, "tasks": [{"title": "x", "phase": "later"}]}
    assert "before, arrival, settling" in json.dumps(post(client, "/api/v1/links", bad_task, headers).json())


def test_language_is_documented_as_required(client, db):
    schema = client.get("/api/v1/schema/?format=json").json()
    create = schema["components"]["schemas"]["LinkCreate"]
    assert "language" in create["required"]
    assert "Required" in create["properties"]["language"]["description"]


def test_a_readable_reference_is_served_without_a_cdn(client, db):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    assert "cdn" not in html.lower() and "https://" not in html
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert scripts and all(src.startswith("/") for src in scripts)
    assert client.get(scripts[0]).status_code == 200
