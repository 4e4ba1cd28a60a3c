"""Hostile input: control characters in the address are a 400 before any view; link codes are checked
against their alphabet and length before any query.

PostgreSQL refuses NUL in a text value where SQLite stores it, so these tests matter on PostgreSQL:
CI runs them there (``.ci/run`` sets ``DATABASE_URL``); ``test_postgresql_itself_refuses_nul`` shows why
and fails under ``REQUIRE_SERVICES=1`` when PostgreSQL is missing.
"""
import pytest
from django.db import DataError, connection
from django.test.utils import CaptureQueriesContext

from firms.models import SharedChecklist, is_link_code, new_code
from tests.firms.factories import LinkFactory, token_for

HOSTILE = [
    "/c/%00",
    "/en/c/%00",
    "/en/x%00/",
    "/en/%7F/",
    "/sv/checklist/%01/",
    "/api/v1/links/%00",
    "/en/checklist/?status=%00",
    "/api/v1/checklist?status=eu%00&lang=en",
    "/en/search/?q=%00",
    "/en/?q=a%1Bb",
    "/en/workspace/audit/?q=%00",
    "/en/workspace/?q=%00",
]


@pytest.mark.parametrize("path", HOSTILE)
def test_a_control_character_in_the_address_is_400_never_500(client, admin, path):
    client.force_login(admin.user)
    _token, secret = token_for(admin.firm)
    response = client.get(path, HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 400, path
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "path,headers,language,heading",
    [
        ("/sv/x%00/", {}, "sv", "Begäran kunde inte förstås"),
        ("/so/checklist/?status=%00", {}, "so", "Codsiga lama fahmin"),
        ("/c/%00", {"HTTP_ACCEPT_LANGUAGE": "ar"}, "ar", "تعذّر فهم الطلب"),
        ("/c/%00", {}, "en", "The request could not be understood"),
    ],
)
def test_the_400_page_is_in_the_readers_language_and_echoes_nothing(client, db, path, headers, language, heading):
    response = client.get(path, **headers)
    assert response.status_code == 400
    html = response.content.decode()
    assert heading in html
    assert f'lang="{language}"' in html
    assert "\x00" not in html and "%00" not in html


def test_tab_and_line_breaks_in_a_query_are_not_hostile(client, db):
    assert client.get("/en/checklist/?status=eu%09").status_code != 500
    assert client.get("/en/search/?q=a%0Ab").status_code == 200


def test_link_codes_are_checked_against_their_alphabet_and_length():
    assert is_link_code(new_code())
    assert not is_link_code("A" * 23)
    assert not is_link_code("A" * 25)
    assert not is_link_code("A" * 23 + "!")
    assert not is_link_code("A" * 23 + "é")
    assert not is_link_code(None)


@pytest.mark.parametrize("code", ["A" * 23 + "é", "A" * 23 + ".", "x" * 300, "AAAA"])
def test_a_malformed_code_is_404_without_a_query_for_links(client, admin, code):
    client.force_login(admin.user)
    _token, secret = token_for(admin.firm)
    paths = [f"/c/{code}", f"/en/c/{code}", f"/api/v1/links/{code}", f"/en/workspace/links/{code}/"]
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, HTTP_AUTHORIZATION=f"Bearer {secret}")
        assert response.status_code == 404, path
        assert not [q for q in queries.captured_queries if SharedChecklist._meta.db_table in q["sql"]], path


def test_a_well_formed_code_still_finds_its_link(client, db):
    link = LinkFactory()
    assert is_link_code(link.code)
    assert client.get(f"/c/{link.code}")["Location"] == f"/{link.language}/c/{link.code}"


def test_postgresql_itself_refuses_nul(postgres):
    """Why the middleware exists: without it these queries reach PostgreSQL, which raises."""
    with pytest.raises((ValueError, DataError), match="NUL"):
        SharedChecklist.objects.filter(code="\x00").first()


def test_the_apis_answer_a_hostile_address_in_their_error_shape(client, db):
    response = client.get("/api/v1/checklist?status=%00", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 400
    assert response.json() == {"errors": {"request": [
        "Något i adressen eller formuläret var inte giltigt. Gå tillbaka och försök igen."
    ]}}


@pytest.mark.parametrize("body", [b"[" * 100_000, b'{"a":' * 50_000])
def test_a_json_body_nested_too_deep_is_400_not_500(client, admin, body):
    """The decoder's RecursionError is not a ValueError: DRF let it through as a 500."""
    _token, secret = token_for(admin.firm)
    response = client.post("/api/v1/links", body, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["body"]


@pytest.mark.parametrize("body,field", [
    (b'{"language": "en", "\\ud800": 1}', "?"),  # an unknown field's name, echoed as the error's key
    (b'{"language": "\\ud800"}', "language"),  # a choice not offered, echoed in the message
    (b'{"language": "en", "tasks": [{"title": "x", "phase": "\\ud800"}]}', "tasks"),
])
def test_a_lone_surrogate_echoed_in_an_error_is_400_not_500(client, admin, body, field):
    """JSON may escape a lone surrogate; echoed into a message, the renderer could not encode it as UTF-8."""
    _token, secret = token_for(admin.firm)
    response = client.post("/api/v1/links?lang=sv", body, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert field in errors
    assert "\ud800" not in response.content.decode("utf-8")
