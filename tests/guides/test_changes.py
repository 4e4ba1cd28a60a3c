"""What changed since a link was made: a rule changes, and older links say what it means for them."""

import pytest
from django.core.cache import cache
from django.utils.html import strip_tags

from guides.checklist import forget_catalogue
from guides.situation import today as stockholm_today

# The checklist's tasks are loaded once for the module, not in each test (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("module_tasks")

PARTNER = "status=eu&permit=work&family=partner&partner=eu&stay=long"
ALONE_SHORT = "status=eu&permit=work&family=alone&stay=short"
CHILDREN = "status=third-country&permit=work&family=children&children=school&stay=long"


def change_the_rules() -> tuple[str, str]:
    """Load tasks.yaml with three edits; returns (old version, new version).

    health insurance now for every stay (added for long stays), the partner programme only for
    partners from outside the EU/EEA (removed for the others), the BankID target moved from 45 to 60
    days (changed wherever BankID is listed).
    """
    from guides.checklist import catalogue
    from guides.taskdata import load, read_file

    old = catalogue().version
    data = read_file()
    for task in data["tasks"]:
        if task["key"] == "partner-programme":
            task["rules"] = [
                {"for": ["partner"], "family": ["partner", "partner-children"], "partner": ["third-country"]}
            ]
        if task["key"] == "health-insurance":
            task["rules"] = [{"for": ["household"]}]
        if task["key"] == "bankid":
            task["days_from_arrival"] = 60
    _count, new = load(data)
    cache.clear()
    forget_catalogue()
    assert catalogue().version == new != old
    return old, new


def changes(client, query, since):
    response = client.get(f"/api/v1/checklist?{query}&since={since}")
    assert response.status_code == 200
    return response.json()["changes"]


def test_added_removed_and_changed_for_a_few_situations(client, tasks):
    old, new = change_the_rules()
    today = stockholm_today().isoformat()
    assert changes(client, PARTNER, old) == {
        "since": old,
        "made": today,
        "added": ["health-insurance"],
        "removed": ["partner-programme"],
        "changed": ["bankid"],
    }
    # A short stay had health insurance and no BankID or partner: nothing changed for it.
    assert changes(client, ALONE_SHORT, old) == {
        "since": old,
        "made": today,
        "added": [],
        "removed": [],
        "changed": [],
    }
    got = changes(client, CHILDREN, old)
    assert (got["added"], got["removed"], got["changed"]) == (["health-insurance"], [], ["bankid"])
    # Today's version: three empty lists.
    assert changes(client, PARTNER, new) == {"since": new, "made": today, "added": [], "removed": [], "changed": []}


def test_the_due_rules_kind_is_a_change_too(client, tasks):
    from guides.checklist import catalogue
    from guides.models import Task
    from guides.taskdata import dump, load

    old = catalogue().version
    Task.objects.filter(key="find-housing").update(due_kind="law")
    load(dump())
    cache.clear()
    forget_catalogue()
    got = changes(client, ALONE_SHORT, old)
    assert (got["added"], got["removed"], got["changed"]) == ([], [], ["find-housing"])


def test_an_unknown_version_gives_null_and_a_malformed_one_a_400(client, tasks):
    assert changes(client, PARTNER, "0123456789ab") is None
    for bad in ("0123456789AB", "0123456789a", "0123456789abc", "zzzzzzzzzzzz"):
        response = client.get(f"/api/v1/checklist?{PARTNER}&since={bad}&lang=sv")
        assert response.status_code == 400, bad
        assert list(response.json()["errors"]) == ["since"]
    # A control character is refused before any view (portal/hostile.py), keyed "request".
    response = client.get(f"/api/v1/checklist?{PARTNER}&since=0123456789ab%00&lang=sv")
    assert response.status_code == 400 and list(response.json()["errors"]) == ["request"]
    response = client.get(f"/api/v1/checklist?{PARTNER}&since=0123456789ab&since=0123456789ac")
    assert response.status_code == 400 and "since" in response.json()["errors"]
    # Bad answers and a bad since: both named.
    response = client.get("/api/v1/checklist?status=mars&since=x")
    assert {"status", "since"} <= set(response.json()["errors"])
    # No since (or an empty one): no changes key at all.
    assert "changes" not in client.get(f"/api/v1/checklist?{PARTNER}&since=").json()
    assert client.get(f"/en/checklist/?{PARTNER}&since=NOPE").status_code == 400


def test_the_share_url_carries_todays_version(client, tasks):
    data = client.get(f"/api/v1/checklist?{PARTNER}&lang=so").json()
    assert data["share_url"].endswith(f"&since={data['rules_version']}")
    page = client.get(data["share_url"].replace("http://testserver", ""))
    assert page.status_code == 200
    assert "What changed" not in page.content.decode()  # nothing changed since today


@pytest.mark.parametrize(
    "lang,heading,removed",
    [
        ("en", "What changed since this link was made", "Join a partner programme"),
        ("sv", "Vad som har ändrats sedan länken skapades", None),
    ],
)
def test_the_result_page_names_the_changed_tasks_in_the_readers_language(client, tasks, lang, heading, removed):
    from guides.checklist import catalogue

    titles = {key: texts[lang]["title"] for key, texts in catalogue().texts.items()}
    old, _new = change_the_rules()
    page = client.get(f"/{lang}/checklist/?{PARTNER}&since={old}")
    assert page.status_code == 200
    html = page.content.decode()
    box = strip_tags(html[html.index('class="notice notice--warning changes"') : html.index("</section>")])
    assert heading in box
    assert titles["health-insurance"] in box and titles["bankid"] in box
    assert titles["partner-programme"] in box  # removed from this list: still named by its title
    if removed:
        assert removed in box


def test_the_person_tracks_keep_the_links_version(client, tasks):
    old, _new = change_the_rules()
    html = client.get(f"/en/checklist/?{PARTNER}&since={old}").content.decode()
    assert f"track=partner&amp;since={old}" in html
    partner = client.get(f"/en/checklist/?{PARTNER}&track=partner&since={old}").content.decode()
    assert "What changed since this link was made" in partner
