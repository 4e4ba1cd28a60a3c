"""Editors change tasks in the Wagtail admin; a cycle or a dependency on a later phase is refused."""

import json

import pytest
from wagtail.admin.panels import get_edit_handler

from guides.models import Task

# The checklist's tasks are loaded once for the module, not in each test (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("module_tasks")


def form_data(task, **changes):
    """The edit form's data for ``task`` as the admin would post it (rules inline formset included)."""
    data = {
        "key": task.key,
        "phase": task.phase,
        "order": task.order,
        "agency": task.agency_id or "",
        "guide": task.guide_id or "",
        "depends_on": [d.pk for d in task.depends_on.all()],
        "days_from_arrival": "" if task.days_from_arrival is None else task.days_from_arrival,
        "due_kind": task.due_kind,
        "duration_days": task.duration_days or "",
        "duration_source": task.duration_source,
    }
    for code in ("en", "sv", "ar", "so"):
        data[f"title_{code}"] = getattr(task, f"title_{code}")
        data[f"summary_{code}"] = getattr(task, f"summary_{code}")
    rules = list(task.rules.all())
    data.update(
        {
            "rules-TOTAL_FORMS": len(rules),
            "rules-INITIAL_FORMS": len(rules),
            "rules-MIN_NUM_FORMS": 1,
            "rules-MAX_NUM_FORMS": 1000,
        }
    )
    for n, rule in enumerate(rules):
        data[f"rules-{n}-id"] = rule.pk
        data[f"rules-{n}-ORDER"] = n + 1
        for field in ("persons", "statuses", "permits", "families", "children", "stays", "partners"):
            data[f"rules-{n}-{field}"] = json.dumps(getattr(rule, field))
    data.update(changes)
    return data


def bound_form(task, **changes):
    form_class = get_edit_handler(Task).get_form_class()
    return form_class(data=form_data(task, **changes), instance=task, for_user=None)


def test_an_unchanged_task_saves(tasks):
    task = Task.objects.get(key="bankid")
    form = bound_form(task)
    assert form.is_valid(), form.errors


def test_a_dependency_cycle_is_refused_with_a_clear_message(tasks):
    task = Task.objects.get(key="register-population")
    bankid = Task.objects.get(key="bankid")
    form = bound_form(task, depends_on=[d.pk for d in task.depends_on.all()] + [bankid.pk])
    assert not form.is_valid()
    message = " ".join(form.errors["depends_on"])
    assert "circle" in message and "register-population" in message and "bankid" in message


def test_a_dependency_on_a_later_phase_is_refused(tasks):
    task = Task.objects.get(key="find-housing")
    sfi = Task.objects.get(key="sfi")
    form = bound_form(task, depends_on=[sfi.pk])
    assert not form.is_valid()
    assert "later phase" in " ".join(form.errors["depends_on"])


def test_moving_a_task_after_its_dependants_phase_is_refused(tasks):
    task = Task.objects.get(key="register-population")  # id-card (arrival) depends on it
    form = bound_form(task, phase="settling")
    assert not form.is_valid()
    assert "phase" in form.errors


def test_a_rule_with_an_unknown_value_is_refused(tasks):
    task = Task.objects.get(key="bankid")
    form = bound_form(task, **{"rules-0-stays": '["forever"]'})
    assert not form.is_valid()


@pytest.mark.django_db
def test_the_admin_lists_and_edits_tasks(client, tasks, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "e@example.org", "a-long-password-123")
    client.force_login(user)
    assert client.get("/admin/snippets/guides/task/").status_code == 200
    task = Task.objects.get(key="sfi")
    response = client.get(f"/admin/snippets/guides/task/edit/{task.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="title_ar"' in page and 'name="summary_so"' in page
    assert 'dir="auto"' in page  # Arabic inputs follow the text's direction


def test_an_edit_in_the_database_changes_the_checklist_and_the_rules_version(client, tasks):
    before = client.get("/api/v1/checklist?status=eu&permit=work&family=alone&stay=long").json()
    task = Task.objects.get(key="healthcare")
    task.order = 1
    task.title_en = "Choose a health centre now"
    task.save()
    after = client.get("/api/v1/checklist?status=eu&permit=work&family=alone&stay=long").json()
    assert after["rules_version"] != before["rules_version"]
    assert "Choose a health centre now" in [i["title"] for i in after["items"]]


def test_export_tasks_writes_a_file_that_loads_back_to_the_same_rules_and_texts(tasks, tmp_path):
    from django.core.management import call_command

    from guides.taskdata import TASKS_FILE, book_from_file, read_file

    exported = tmp_path / "tasks.yaml"
    call_command("export_tasks", file=str(exported), verbosity=0)
    assert book_from_file(exported).version == book_from_file(TASKS_FILE).version
    original = {t["key"]: t for t in read_file(TASKS_FILE)["tasks"]}
    for task in read_file(exported)["tasks"]:
        assert task["title"] == original[task["key"]]["title"]
        assert task["summary"] == original[task["key"]]["summary"]
    call_command("load_tasks", file=str(exported), verbosity=0)
    assert Task.objects.count() == len(original)


def test_the_kind_of_due_date_round_trips_through_export_and_changes_the_rules_version(tasks, tmp_path):
    from django.core.management import call_command

    from guides.taskdata import book_from_file, read_file

    exported = tmp_path / "tasks.yaml"
    call_command("export_tasks", file=str(exported), verbosity=0)
    kinds = {t["key"]: t.get("due_kind") for t in read_file(exported)["tasks"]}
    assert kinds["register-population"] == "law" and kinds["bankid"] == "advice" and kinds["healthcare"] is None
    before = book_from_file(exported).version
    Task.objects.filter(key="bankid").update(due_kind="law")
    call_command("export_tasks", file=str(exported), verbosity=0)
    assert {t["key"]: t.get("due_kind") for t in read_file(exported)["tasks"]}["bankid"] == "law"
    assert book_from_file(exported).version != before  # the kind is rule data: hashed into rules_version


def test_a_task_depending_on_itself_is_refused(tasks):
    task = Task.objects.get(key="bankid")
    form = bound_form(task, depends_on=[task.pk])
    assert not form.is_valid()
    assert form.errors["depends_on"] == ["A task cannot depend on itself."]


def test_the_form_words_the_engines_problems_in_the_editors_language(tasks):
    from django.utils import translation

    task = Task.objects.get(key="find-housing")
    sfi = Task.objects.get(key="sfi")
    with translation.override("sv"):
        form = bound_form(task, depends_on=[sfi.pk])
        assert not form.is_valid()
        assert form.errors["depends_on"] == ["”find-housing” kan inte bero på ”sfi”, som hör till en senare fas."]
    register = Task.objects.get(key="register-population")
    with translation.override("so"):
        form = bound_form(register, phase="settling")  # id-card (arrival) waits for it
        assert not form.is_valid()
        assert "“id-card” kuma xirnaan karo “register-population”, oo ka tirsan marxalad dambe." in form.errors["phase"]


def test_a_guide_in_another_language_than_the_source_is_refused(tasks):
    from content.models import GuidePage

    task = Task.objects.get(key="bankid")
    english = task.guide
    swedish = GuidePage.objects.get(translation_key=english.translation_key, locale__language_code="sv")
    form = bound_form(task, guide=swedish.pk)
    assert not form.is_valid()
    assert form.errors["guide"] == ["Choose the guide in the source language (English)."]
    assert bound_form(Task.objects.get(key="bankid"), guide=english.pk).is_valid()
