"""Schemathesis over the APIs that have no OpenAPI description of their own: never a 5xx.

The firms' API is checked against its drf-spectacular schema in ``tests/firms/test_api_schema.py``.
The checklist JSON API (``/api/v1/checklist``) and Wagtail's API v2 (``/api/v2/…``, which publishes no
schema) are described here by hand: each parameter is either one of the values the code knows or any
text, so generated requests reach the real code paths as well as the parsers' refusals. Run on
PostgreSQL in CI (it refuses NUL and other input SQLite takes). Examples are bounded (about a minute).
"""
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guides.situation import CHILDREN, FAMILIES, PERMITS, STATUSES, STAYS
from portal.languages import LANGUAGE_CODES


def _known_or_any(values, *, array=False):
    """One of ``values`` or any text (optionally repeated, as ``?children=a&children=b``)."""
    value = {"anyOf": [{"type": "string", "enum": list(values)}, {"type": "string", "maxLength": 80}]}
    if array:
        return {"type": "array", "items": value, "maxItems": 4}
    return value


def _query(name, schema, *, explode=True):
    return {"name": name, "in": "query", "required": False, "schema": schema, "style": "form", "explode": explode}


ANY = {"type": "string", "maxLength": 80}
NUMBER_OR_ANY = {"anyOf": [{"type": "integer", "minimum": -5, "maximum": 10**12}, ANY]}
PAGE_TYPES = ["content.GuidePage", "content.LifeEventPage", "content.PhasePage", "content.StandardPage",
              "wagtailcore.Page", "content.Nothing", "auth.User"]
V2_LISTING = [
    _query("fields", {"anyOf": [{"type": "string", "enum": ["*", "-title", "title,summary", "_,id", "body"]}, ANY]}),
    _query("limit", NUMBER_OR_ANY),
    _query("offset", NUMBER_OR_ANY),
    _query("order", {"anyOf": [{"type": "string", "enum": ["title", "-id", "random", "first_published_at"]}, ANY]}),
    _query("locale", _known_or_any(LANGUAGE_CODES)),
    _query("search", ANY),
    _query("id", NUMBER_OR_ANY),
]
V2_PAGES = [
    *V2_LISTING,
    _query("type", _known_or_any(PAGE_TYPES)),
    _query("child_of", NUMBER_OR_ANY),
    _query("descendant_of", NUMBER_OR_ANY),
    _query("translation_of", NUMBER_OR_ANY),
    _query("slug", _known_or_any(["register-population", "arriving"])),
    _query("search_operator", _known_or_any(["and", "or"])),
]
ID = {"name": "id", "in": "path", "required": True, "schema": NUMBER_OR_ANY}
ANSWER = {"description": "an answer (JSON)"}
RESPONSES = {"200": ANSWER, "400": ANSWER, "404": ANSWER}

HAND_SCHEMA = {
    "openapi": "3.0.3",
    "info": {"title": "Landa public APIs (hand-written for testing)", "version": "1"},
    "paths": {
        "/api/v1/checklist": {"get": {"parameters": [
            _query("status", _known_or_any(STATUSES)),
            _query("permit", _known_or_any(PERMITS)),
            _query("family", _known_or_any(FAMILIES)),
            _query("children", _known_or_any(CHILDREN, array=True)),
            _query("stay", _known_or_any(STAYS)),
            _query("partner", _known_or_any(STATUSES)),
            _query("arrival", {"anyOf": [{"type": "string", "format": "date"}, ANY]}),
            _query("since", {"anyOf": [{"type": "string", "format": "date"}, ANY]}),
            _query("lang", _known_or_any(LANGUAGE_CODES, array=True)),
        ], "responses": RESPONSES}},
        "/api/v2/pages/": {"get": {"parameters": V2_PAGES, "responses": RESPONSES}},
        "/api/v2/pages/{id}/": {"get": {"parameters": [ID, _query("fields", ANY)], "responses": RESPONSES}},
        "/api/v2/pages/find/": {"get": {"parameters": [
            _query("html_path", _known_or_any(["/", "/en/", "/sv/arriving/", "/en/arriving/register-population/"])),
            _query("locale", _known_or_any(LANGUAGE_CODES)),
        ], "responses": {**RESPONSES, "302": ANSWER}}},
        "/api/v2/agencies/": {"get": {"parameters": V2_LISTING, "responses": RESPONSES}},
        "/api/v2/agencies/{id}/": {"get": {"parameters": [ID, _query("fields", ANY)], "responses": RESPONSES}},
    },
}

# Values schemathesis rarely makes on its own: control characters (NUL first: PostgreSQL refuses it),
# SQL and path tricks, very long numbers.
HOSTILE_VALUES = ["\x00", "1\x00", "%00", "' OR 1=1 --", "../../etc/passwd", "9" * 40, "-1", "1e309",
                  "NaN", "\u202e", "🙂", "[]", "{}", "\\", ",", "__proto__"]
HOSTILE = st.sampled_from(HOSTILE_VALUES)


@pytest.fixture
def hand_schema(db, tasks):
    """The hand schema bound to the real WSGI application (see tests/firms/test_api_schema.py for why the
    request signals are unhooked)."""
    from django.core.signals import request_finished, request_started
    from django.core.wsgi import get_wsgi_application
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_dict(HAND_SCHEMA)
        schema.app = get_wsgi_application()
        yield schema
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def tasks(db):
    from django.core.management import call_command

    call_command("load_tasks", verbosity=0)


def _check(response, case):
    assert response.status_code < 500, (case.path, case.path_parameters, case.query, response.status_code)
    if response.status_code in (200, 400):
        content_type = {key.lower(): value for key, value in response.headers.items()}["content-type"]
        assert content_type[0].startswith("application/json"), (case.path, case.query, content_type)
        response.json()


def test_the_checklist_api_and_api_v2_never_answer_5xx(hand_schema):
    operations = [result.ok() for result in hand_schema.get_all_operations()]
    assert {operation.path for operation in operations} == set(HAND_SCHEMA["paths"])

    for operation in operations:
        _fuzz(operation)


def _fuzz(operation):
    names = [p.name for p in operation.query] + [p.name for p in operation.path_parameters]
    in_path = {p.name for p in operation.path_parameters}

    @given(case=operation.as_strategy(), hostile=st.none() | HOSTILE, which=st.integers(0, 20))
    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case, hostile, which):
        if hostile is not None:  # put one hostile value into a parameter the operation has
            name = names[which % len(names)]
            if name in in_path:
                case.path_parameters = {**(case.path_parameters or {}), name: hostile}
            else:
                case.query = {**(case.query or {}), name: hostile}
        _check(case.call(headers={"Accept-Encoding": "identity"}), case)  # the raw body: no gzip

    check()


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v2/agencies/"])
def test_every_page_and_agency_in_api_v2_answers_in_detail(client, db, path):
    """Each item the listings name opens (a serializer error on one page type would be a 500 here)."""
    ids, total = [], None
    while total is None or len(ids) < total:
        listing = client.get(f"{path}?limit=20&offset={len(ids)}&fields=_,id")
        assert listing.status_code == 200
        total = listing.json()["meta"]["total_count"]
        ids += [item["id"] for item in listing.json()["items"]]
    assert ids
    for pk in ids:
        assert client.get(f"{path}{pk}/").status_code == 200, pk


def _operations_and_parameters():
    for path, item in HAND_SCHEMA["paths"].items():
        for parameter in item["get"]["parameters"]:
            yield path, parameter["name"], parameter["in"]


def test_each_hostile_value_in_each_parameter_never_answers_5xx(client, tasks):
    """The sweep hypothesis may not hit in a bounded run: every hostile value in every parameter, alone."""
    from urllib.parse import quote, urlencode

    from django.db import connection

    for path, name, where in _operations_and_parameters():
        for value in HOSTILE_VALUES:
            if where == "path":
                url = path.replace("{" + name + "}", quote(value, safe=""))
            else:
                url = f"{path}?{urlencode({name: value})}"
            response = client.get(url)
            assert response.status_code < 500, (url, response.status_code)
            with connection.cursor() as cursor:  # on PostgreSQL a swallowed database error would show here
                cursor.execute("SELECT 1")
