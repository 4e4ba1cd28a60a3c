"""One register of agencies: checklist tasks point at content.Agency, and name their guide's owner."""

import pytest
import yaml
from django.apps import apps
from django.core.management import CommandError, call_command

from content import datafiles
from content.models import Agency
from guides.models import Task
from guides.taskdata import read_file
from tests.conftest import without_isolation

QUERY = "status=third-country&permit=work&family=partner-children&children=preschool,school&stay=short"


def owners() -> dict:
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))["owner"]
        for path in (datafiles.DATA_DIR / "guides").glob("*.yaml")
    }


def test_there_is_no_second_agency_model():
    with pytest.raises(LookupError):
        apps.get_model("guides", "Agency")
    assert "agencies" not in read_file()
    assert Task._meta.get_field("agency").related_model is Agency


def test_each_tasks_agency_in_the_file_is_its_guides_owner():
    guide_owners = owners()
    register = {agency["key"] for agency in datafiles.read().agencies}
    for task in read_file()["tasks"]:
        guide = task["guide"]
        assert guide in guide_owners, f"task {task['key']}: no guide file content/data/guides/{guide}.yaml"
        assert task.get("agency") == guide_owners[guide], (
            f"task {task['key']} names {task.get('agency')!r}, its guide's owner is {guide_owners[guide]!r}"
        )
        assert task.get("agency") is None or task["agency"] in register


def test_each_loaded_task_names_the_same_agency_row_as_its_guide_page(tasks):
    checked = 0
    slugs = {t["key"]: t["guide"] for t in read_file()["tasks"]}
    for task in Task.objects.select_related("agency", "agency__locale", "guide__locale"):
        guide = task.guide  # the one way a task names its guide: the source-language page
        assert guide is not None and guide.locale.language_code == "en" and guide.slug == slugs[task.key], task.key
        assert task.agency_id == guide.agency_id, task.key
        if task.agency:
            assert task.agency.locale.language_code == "en"  # the register's source row
            checked += 1
    assert checked >= 30


def _load_with_first_task(tmp_path, field, value):
    """Run load_tasks on the register with the first task's ``field`` changed; the file and the error."""
    data = read_file()
    data["tasks"][0][field] = value
    broken = tmp_path / "tasks.yaml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("load_tasks", file=str(broken), verbosity=0)
    return data, str(error.value)


def test_load_tasks_refuses_an_unknown_agency_key(tasks, tmp_path):
    data, message = _load_with_first_task(tmp_path, "agency", "no-such-agency")
    assert "no-such-agency" in message and data["tasks"][0]["key"] in message and "load_demo" in message
    assert Task.objects.get(key=data["tasks"][0]["key"]).agency.slug != "no-such-agency"  # nothing half-loaded


def test_load_tasks_refuses_an_unknown_guide(tasks, tmp_path):
    data, message = _load_with_first_task(tmp_path, "guide", "no-such-guide")
    assert "no-such-guide" in message and "load_demo" in message
    assert Task.objects.get(key=data["tasks"][0]["key"]).guide.slug != "no-such-guide"  # nothing half-loaded


@pytest.mark.parametrize("lang", ["en", "sv", "ar", "so"])
def test_the_checklist_names_the_agency_from_the_register_in_the_readers_language(client, tasks, lang):
    items = client.get(f"/api/v1/checklist?{QUERY}&lang={lang}").json()["items"]
    health = next(item for item in items if item["key"] == "health-insurance")
    owner = owners()["health-insurance"]
    row = Agency.objects.get(slug=owner, locale__language_code=lang)
    assert health["agency"] == {"key": owner, "name": row.name, "url": row.website}


def test_editing_an_agency_in_the_register_shows_in_the_checklist_at_once(client, tasks):
    before = client.get(f"/api/v1/checklist?{QUERY}&lang=sv").json()["items"]
    assert any(item["agency"] and item["agency"]["key"] == "skatteverket" for item in before)
    row = Agency.objects.get(slug="skatteverket", locale__language_code="sv")
    row.name = "Skatteverket (namn ändrat i registret)"
    row.save()
    after = client.get(f"/api/v1/checklist?{QUERY}&lang=sv").json()["items"]
    names = {item["agency"]["name"] for item in after if item["agency"] and item["agency"]["key"] == "skatteverket"}
    assert names == {"Skatteverket (namn ändrat i registret)"}


def test_the_task_page_names_the_agency_from_the_register(client, tasks):
    row = Agency.objects.get(slug=owners()["health-insurance"], locale__language_code="ar")
    html = without_isolation(client.get("/ar/checklist/tasks/health-insurance/").content.decode())
    assert row.name in html or row.name.replace("'", "&#x27;") in html


def test_one_admin_screen_for_agencies(client, tasks):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_superuser("register-admin", password="a-long-test-password"))
    assert client.get("/admin/snippets/content/agency/").status_code == 200
    assert client.get("/admin/snippets/guides/agency/").status_code == 404
    task = Task.objects.get(key="bankid")
    html = client.get(f"/admin/snippets/guides/task/edit/{task.pk}/").content.decode()
    english = Agency.objects.get(slug="banks", locale__language_code="en")
    assert f'name="agency" value="{english.pk}"' in html  # the register's snippet chooser
    assert "/admin/snippets/choose/content/agency/" in html


def test_a_task_may_point_only_at_the_registers_source_row(tasks):
    from tests.guides.test_admin import bound_form

    task = Task.objects.get(key="bankid")
    swedish = Agency.objects.get(slug="banks", locale__language_code="sv")
    english = Agency.objects.get(slug="banks", locale__language_code="en")
    assert bound_form(task, agency=english.pk).is_valid()
    form = bound_form(task, agency=swedish.pk)
    assert not form.is_valid() and "agency" in form.errors
