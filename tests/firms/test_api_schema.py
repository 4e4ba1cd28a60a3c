"""The OpenAPI description of the checklist and links APIs, and the APIs checked against it (schemathesis)."""
import pytest
import schemathesis
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import positive_data_acceptance

from tests.firms.factories import LinkFactory, token_for


def test_the_openapi_description_is_served_and_describes_every_endpoint(client, db):
    response = client.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {"/api/v1/checklist", "/api/v1/links", "/api/v1/links/{code}"}
    assert set(schema["paths"]["/api/v1/checklist"]) == {"get"}
    assert set(schema["paths"]["/api/v1/checklist"]["get"]["responses"]) == {"200", "400"}
    assert schema["paths"]["/api/v1/checklist"]["get"].get("security", [{}]) == [{}]  # public, no token
    assert set(schema["paths"]["/api/v1/links"]) == {"get", "post"}
    assert set(schema["paths"]["/api/v1/links/{code}"]) == {"get", "delete"}
    assert schema["components"]["securitySchemes"]["firmToken"] == {
        "type": "http", "scheme": "bearer",
        "description": "A firm's API token, created by staff in the workspace (shown once).",
    }
    create = schema["paths"]["/api/v1/links"]["post"]
    assert {"201", "400", "401", "429"} <= set(create["responses"])
    assert "Errors" in schema["components"]["schemas"]
    # The description is for firms' developers: no workspace or admin endpoints leak into it.
    assert not any("workspace" in path or "admin" in path for path in schema["paths"])


def test_the_description_is_also_served_as_yaml(client, db):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    assert response.content.startswith(b"openapi: 3")


@pytest.fixture
def api_schema(db, tasks):
    """The schema, loaded from and sent to the real WSGI application.

    As Django's test client does, requests must not close the test's database connection (which is
    inside the test transaction), so close_old_connections is unhooked while schemathesis calls the app.
    """
    from django.core.signals import request_finished, request_started
    from django.core.wsgi import get_wsgi_application
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


#: The WSGI transport hands schemathesis the raw body: ask for it uncompressed (the site gzips for
#: clients that accept it, GZipMiddleware).
PLAIN = {"Accept-Encoding": "identity"}


@pytest.fixture
def firm_secret(db, firm):
    LinkFactory(firm=firm)
    _token, secret = token_for(firm)
    return secret


@override_settings(FIRM_LINK_CREATE_RATE="10000/h", FIRM_API_TOKEN_RATE="10000/h", FIRM_API_BAD_TOKEN_RATE="10000/h")
def test_the_api_keeps_its_openapi_promises(api_schema, firm_secret):
    """Never a 500, only documented status codes and bodies, whatever schemathesis sends to each operation.

    Schema-valid data may still be refused (400): the situation's rules (e.g. EU citizens and ICT) live in
    the checklist parser, not in the JSON schema, so "positive data acceptance" is not asked of it.
    """
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 5

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            case.call_and_validate(
                headers={"Authorization": f"Bearer {firm_secret}", **PLAIN}, excluded_checks=[positive_data_acceptance]
            )

        check()
