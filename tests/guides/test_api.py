"""GET /api/v1/checklist exactly as DESIGN.md shapes it."""

import pytest

from guides.engine import PERSONS, PHASES

QUERY = "status=third-country&permit=work&family=partner-children&children=preschool,school&stay=long"


@pytest.mark.parametrize("lang", ["en", "sv", "ar", "so"])
def test_the_api_answers_in_the_contracts_shape_and_the_requested_language(client, tasks, lang):
    response = client.get(f"/api/v1/checklist?{QUERY}&arrival=2027-03-01&lang={lang}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert set(data) == {"profile", "language", "rules_version", "share_url", "place", "items"}
    assert data["place"] is None  # no municipality given
    assert data["profile"] == {
        "status": "third-country",
        "permit": "work",
        "family": "partner-children",
        "children": ["preschool", "school"],
        "stay": "long",
        "partner": "third-country",
        "arrival": "2027-03-01",
    }
    assert data["language"] == lang
    assert len(data["rules_version"]) == 12 and int(data["rules_version"], 16) >= 0
    assert data["share_url"].startswith(f"http://testserver/{lang}/checklist/?")
    assert "arrival=2027-03-01" in data["share_url"] and "children=preschool,school" in data["share_url"]
    assert "partner=third-country" in data["share_url"]  # every answer, the default made explicit
    keys = [i["key"] for i in data["items"]]
    for item in data["items"]:
        assert set(item) - {"note"} == {
            "key",
            "title",
            "summary",
            "why",
            "phase",
            "for",
            "agency",
            "depends_on",
            "due",
            "due_kind",
            "due_rule",
            "guide_url",
        }
        assert ("note" in item) == ("partner" in item["for"])  # the partner's note, on the partner's items
        assert item["phase"] in PHASES
        assert set(item["for"]) <= set(PERSONS)
        assert all(keys.index(d) < keys.index(item["key"]) for d in item["depends_on"])
        assert item["guide_url"].startswith("http://testserver/")
        assert item["agency"] is None or set(item["agency"]) == {"key", "name", "url"}
        assert (item["due"] is None) == (item["due_rule"] is None) == (item["due_kind"] is None)
        assert item["due_rule"] is None or item["due_rule"]["kind"] == item["due_kind"] in ("law", "advice")
    first = data["items"][0]
    if lang == "ar":
        assert any("\u0600" <= ch <= "\u06ff" for ch in first["title"] + first["why"])


def test_the_share_url_opens_the_same_checklist_as_html(client, tasks):
    data = client.get(f"/api/v1/checklist?{QUERY}&lang=sv").json()
    html = client.get(data["share_url"].replace("http://testserver", "")).content.decode()
    for item in data["items"]:
        assert f'id="task-{item["key"]}"' in html


def test_due_dates_follow_the_arrival_date(client, tasks):
    items = {i["key"]: i for i in client.get(f"/api/v1/checklist?{QUERY}&arrival=2027-03-01").json()["items"]}
    assert items["apply-permit"]["due"] == "2026-12-01"
    assert items["apply-permit"]["due_rule"] == {"days_from_arrival": -90, "kind": "advice"}
    assert items["apply-permit"]["due_kind"] == "advice"
    assert items["register-population"]["due_rule"] == {"days_from_arrival": 7, "kind": "law"}
    assert items["register-population"]["due"] == "2027-03-08" and items["register-population"]["due_kind"] == "law"
    assert items["healthcare"]["due"] is None and items["healthcare"]["due_rule"] is None
    assert items["healthcare"]["due_kind"] is None
    items = {i["key"]: i for i in client.get(f"/api/v1/checklist?{QUERY}").json()["items"]}
    assert items["apply-permit"]["due"] is None
    assert items["apply-permit"]["due_rule"] == {"days_from_arrival": -90, "kind": "advice"}
    assert items["register-population"]["due_rule"]["kind"] == "law"
    assert all(i["due_kind"] is None for i in items.values())  # no date, no kind of date


def test_without_a_guide_page_each_item_links_to_its_task_page_in_the_language(client, no_guide_pages):
    items = client.get(f"/api/v1/checklist?{QUERY}&lang=so").json()["items"]
    for item in items:
        assert item["guide_url"] == f"http://testserver/so/checklist/tasks/{item['key']}/"
        assert client.get(item["guide_url"]).status_code == 200


def test_the_guide_an_editor_picks_is_the_guide_link_in_the_readers_language(client, no_guide_pages):
    from django.core.cache import cache
    from wagtail.models import Locale

    from content.models import GuidePage, HomePage, PhasePage
    from guides.models import Task

    home = HomePage.objects.get(locale=Locale.objects.get(language_code="en"))
    phase = PhasePage.objects.filter(locale=home.locale, slug="arriving").first() or home.add_child(
        instance=PhasePage(title="Arriving", slug="arriving")
    )
    guide = phase.add_child(instance=GuidePage(title="Register", slug="register-population"))
    phase.add_child(instance=GuidePage(title="Learn Swedish", slug="sfi"))
    cache.clear()
    items = {i["key"]: i for i in client.get(f"/api/v1/checklist?{QUERY}&lang=sv").json()["items"]}
    # A page is a task's guide only when the task points at it (no look-up by slug or key).
    assert items["register-population"]["guide_url"].endswith("/sv/checklist/tasks/register-population/")
    task = Task.objects.get(key="register-population")
    task.guide = guide
    task.save()  # as the admin saves it: the cached catalogue is dropped
    cache.clear()  # the guide links are cached for a few minutes
    items = {i["key"]: i for i in client.get(f"/api/v1/checklist?{QUERY}&lang=sv").json()["items"]}
    assert items["register-population"]["guide_url"].endswith("/sv/arriving/register-population/")
    assert items["sfi"]["guide_url"].endswith("/sv/checklist/tasks/sfi/")  # a page of that slug, not its guide


def test_errors_are_keyed_by_field_in_the_requested_language_with_400(client, tasks):
    response = client.get("/api/v1/checklist?status=eu&permit=ict&family=alone&children=school&lang=sv")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"permit", "children", "stay"}
    assert errors["stay"] == ["Svara på frågan."]


def test_an_unknown_language_is_a_lang_error(client, tasks):
    response = client.get(f"/api/v1/checklist?{QUERY}&lang=de")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"lang"}


def test_missing_lang_means_english(client, tasks):
    assert client.get(f"/api/v1/checklist?{QUERY}").json()["language"] == "en"


def test_the_api_only_answers_safe_methods(client, tasks):
    assert client.post(f"/api/v1/checklist?{QUERY}").status_code == 405


def test_the_api_counts_checklists_per_situation_and_language_without_the_date(client, tasks):
    from guides.models import ChecklistCount

    client.get(f"/api/v1/checklist?{QUERY}&arrival=2027-03-01")
    client.get(f"/api/v1/checklist?{QUERY}&arrival=2027-04-01")
    client.get(f"/api/v1/checklist?{QUERY}&arrival=2027-04-01&lang=ar")
    client.head(f"/api/v1/checklist?{QUERY}&lang=sv")  # a HEAD is not a checklist made
    rows = {row.language: row for row in ChecklistCount.objects.all()}
    assert {code: row.count for code, row in rows.items()} == {"en": 2, "ar": 1}
    assert all("arrival" not in row.situation and "2027" not in row.situation for row in rows.values())


def test_a_cached_checklist_costs_few_queries(client, tasks, django_assert_max_num_queries):
    client.get(f"/api/v1/checklist?{QUERY}&lang=ar")  # warms the catalogue and the Arabic guide links
    with django_assert_max_num_queries(4):  # the anonymous counter only
        assert client.get(f"/api/v1/checklist?{QUERY}&lang=ar").status_code == 200


def test_the_guide_links_of_a_new_language_cost_a_fixed_number_of_queries(client, tasks, django_assert_max_num_queries):
    """With a guide page for every task (the demo), links in a language are found in bulk, not one by one."""
    client.get(f"/api/v1/checklist?{QUERY}")
    with django_assert_max_num_queries(6):
        assert client.get(f"/api/v1/checklist?{QUERY}&lang=so").status_code == 200


def test_a_cold_cache_rebuilds_the_catalogue_in_a_bounded_number_of_queries(
    client, tasks, django_assert_max_num_queries
):
    from django.core.cache import cache

    cache.clear()
    with django_assert_max_num_queries(15):
        assert client.get(f"/api/v1/checklist?{QUERY}").status_code == 200


def test_counts_are_durable_at_once_and_a_page_cache_hit_is_counted_too(client, tasks):
    """Nothing waits in a process's memory: each checklist is in its row when the answer leaves, also
    when the answer comes from the origin page cache (the mark is stored with the cached page)."""
    from guides.models import ChecklistCount

    for _ in range(3):
        response = client.get(f"/api/v1/checklist?{QUERY}&lang=sv")
        assert "X-Landa-Count" not in response
    assert response["X-Page-Cache"] == "hit"
    client.get("/api/v1/checklist?status=eu&permit=work&family=alone&stay=short")
    assert sorted(ChecklistCount.objects.values_list("count", flat=True)) == [1, 3]


def test_the_checklist_page_counts_too(client, tasks):
    from guides.models import ChecklistCount

    assert client.get(f"/sv/checklist/?{QUERY}&arrival=2027-03-01").status_code == 200
    client.head(f"/sv/checklist/?{QUERY}")
    row = ChecklistCount.objects.get()
    assert (row.language, row.count) == ("sv", 1) and "2027" not in row.situation


def test_a_bug_is_a_logged_500_in_the_apis_error_shape_not_a_made_up_503(client, tasks, monkeypatch, caplog):
    """No blanket except: a fault in the code reaches Django's error handling (and the log)."""
    from guides import api

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(api, "make_checklist", broken)
    client.raise_request_exception = False
    response = client.get(f"/api/v1/checklist?{QUERY}")
    assert response.status_code == 500
    assert response.json() == {"errors": {"server": ["The fault is ours. Please try again in a few minutes."]}}
    assert any("a bug" in str(record.exc_info[1]) for record in caplog.records if record.exc_info)
