"""Property tests: whatever the parameters, the API, the questionnaire and the calendar answer
200 or 400 (never a 500), and a 400 from the API names fields."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guides.situation import CHILDREN, FAMILIES, PERMITS, STATUSES, STAYS

# The checklist's tasks are loaded once for the module, not in each test (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("module_tasks")

NAMES = ["status", "permit", "family", "children", "stay", "partner", "arrival", "lang", "track", "change", "view"]
VALID = list(STATUSES + PERMITS + FAMILIES + CHILDREN + STAYS) + ["2027-03-01", "en", "ar", "partner", ""]
value = st.one_of(st.sampled_from(VALID), st.text(max_size=80), st.text(min_size=200, max_size=3000))
params = st.lists(st.tuples(st.sampled_from(NAMES), value), max_size=12)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def query(pairs):
    from urllib.parse import urlencode

    return urlencode(pairs)


@pytest.mark.django_db
@SETTINGS
@given(pairs=params)
def test_the_api_never_fails_with_a_500(client, tasks, pairs):
    response = client.get("/api/v1/checklist?" + query(pairs))
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        errors = response.json()["errors"]
        assert errors and set(errors) <= {
            "status",
            "permit",
            "family",
            "children",
            "stay",
            "partner",
            "arrival",
            "lang",
            "since",
            "request",  # a control character, refused before any view (portal/hostile.py)
        }
        assert all(isinstance(m, str) and m for messages in errors.values() for m in messages)


@pytest.mark.django_db
@SETTINGS
@given(pairs=params, lang=st.sampled_from(["en", "sv", "ar", "so"]))
def test_the_questionnaire_and_calendar_never_fail_with_a_500(client, tasks, pairs, lang):
    assert client.get(f"/{lang}/checklist/?" + query(pairs)).status_code in (200, 400)
    assert client.get(f"/{lang}/checklist/calendar.ics?" + query(pairs)).status_code in (200, 400)
