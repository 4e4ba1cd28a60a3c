"""Every combination of answers (1,152) through the engine: DESIGN.md's invariants, an independent
reading of the rules table, and the committed snapshot."""

import datetime as dt
import time

import pytest

from guides.engine import build
from guides.situation import Situation, every_situation
from guides.taskdata import book_from_file, read_file
from guides.why import explain
from tests.scenarios import oracle
from tests.scenarios.snapshot import SNAPSHOT, render

BOOK = book_from_file()
DATA = read_file()
TASKS = {t["key"]: t for t in DATA["tasks"]}
SITUATIONS = list(every_situation())
CHECKLISTS = {s: build(BOOK, s) for s in SITUATIONS}
PERMIT_TASKS = {
    "apply-permit",
    "residence-permit-card",
    "permit-extension",
    "permanent-residence",
    "children-turning-18",
}
PERSONNUMMER_TASKS = {
    "register-population",
    "id-card",
    "bankid",
    "social-insurance",
    "sfi",
    "child-allowance",
    "parental-benefit",
}


def as_answers(s: Situation) -> dict:
    return {
        "status": s.status,
        "permit": s.permit,
        "family": s.family,
        "children": s.children,
        "stay": s.stay,
        "partner": s.partner,
    }


def test_there_are_1152_distinct_combinations():
    assert len(SITUATIONS) == 1152
    assert len(set(SITUATIONS)) == 1152


def test_every_combination_builds_well_under_a_minute():
    started = time.perf_counter()
    for s in SITUATIONS:
        assert build(BOOK, s)
    assert time.perf_counter() - started < 10


def test_every_combination_matches_an_independent_reading_of_the_rules_table():
    mismatches = []
    for s, items in CHECKLISTS.items():
        expected = oracle.checklist(as_answers(s))
        got = [(i.key, set(i.persons)) for i in items]
        if got != expected:
            mismatches.append((s, got, expected))
    assert not mismatches, mismatches[:3]


def test_the_table_in_tasks_yaml_has_every_task_of_the_design_and_no_other():
    assert set(TASKS) == set(oracle.TABLE)
    for key, (phase, deps, days, _order, _who) in oracle.TABLE.items():
        assert TASKS[key]["phase"] == phase, key
        assert sorted(TASKS[key]["depends_on"]) == sorted(deps), key
        assert TASKS[key]["days_from_arrival"] == days, key


def test_eu_and_nordic_citizens_never_get_a_permit_task():
    for s, items in CHECKLISTS.items():
        if s.status in ("eu", "nordic"):
            assert not PERMIT_TASKS & {i.key for i in items}, s


def test_short_stays_never_get_tasks_that_need_a_personal_identity_number():
    for s, items in CHECKLISTS.items():
        if s.stay == "short":
            assert not PERSONNUMMER_TASKS & {i.key for i in items}, s


def test_every_dependency_is_on_the_list_and_comes_before_its_dependant():
    for s, items in CHECKLISTS.items():
        seen = set()
        for item in items:
            assert set(item.depends_on) <= seen, (s, item.key)
            seen.add(item.key)


def test_dependencies_on_tasks_that_do_not_apply_are_dropped():
    by_key = {i.key: i for i in build(BOOK, Situation("eu", "work", "alone", (), "long", None))}
    assert by_key["bank-account"].depends_on == ("id-card",)
    by_key = {i.key: i for i in build(BOOK, Situation("eu", "work", "alone", (), "short", None))}
    assert by_key["bank-account"].depends_on == ("coordination-number",)
    assert by_key["coordination-number"].depends_on == ()


def test_a_person_moving_alone_has_no_household_items():
    for s, items in CHECKLISTS.items():
        if s.family == "alone":
            assert all("household" not in i.persons and set(i.persons) == {"mover"} for i in items), s


def test_every_item_has_title_summary_and_why_in_all_four_languages_and_a_guide():
    whys = set()
    for items in CHECKLISTS.values():
        for item in items:
            whys.add(item.reasons)
            task = TASKS[item.key]
            assert task["guide"], item.key
            for code in ("en", "sv", "ar", "so"):
                assert task["title"][code].strip() and task["summary"][code].strip(), (item.key, code)
    for reasons in whys:
        texts = {code: explain(reasons, code) for code in ("en", "sv", "ar", "so")}
        assert all(texts.values())
        assert len(set(texts.values())) == 4, texts  # really translated, not English four times


def test_arabic_and_somali_task_texts_are_not_english():
    for task in DATA["tasks"]:
        assert any("\u0600" <= ch <= "\u06ff" for ch in task["title"]["ar"]), task["key"]
        assert task["title"]["so"] != task["title"]["en"], task["key"]
        assert task["summary"]["sv"] != task["summary"]["en"], task["key"]


def test_the_order_is_the_same_with_or_without_an_arrival_date():
    for s in SITUATIONS[::7]:
        dated = Situation(s.status, s.permit, s.family, s.children, s.stay, s.partner, dt.date(2027, 3, 1))
        assert [i.key for i in build(BOOK, dated)] == [i.key for i in CHECKLISTS[s]]


def test_due_dates_are_arrival_plus_days_and_null_without_a_rule():
    s = Situation(
        "third-country", "work", "partner-children", ("preschool",), "long", "third-country", dt.date(2027, 3, 1)
    )
    items = {i.key: i for i in build(BOOK, s)}
    assert items["apply-permit"].due == dt.date(2026, 12, 1)
    assert items["register-population"].due == dt.date(2027, 3, 8)
    assert items["preschool-place"].due == dt.date(2026, 11, 1)
    assert items["healthcare"].due is None
    assert all(i.due is None for i in CHECKLISTS[s.without_arrival()])


def test_why_names_the_answers_and_everyone_reads_as_everyone():
    s = Situation("third-country", "work", "children", ("school",), "long", None)
    items = {i.key: i for i in build(BOOK, s)}
    assert explain(items["gather-documents"].reasons, "en") == "Everyone who moves to Sweden does this."
    assert explain(items["permit-extension"].reasons, "en") == (
        "Because you are a citizen of a country outside the EU/EEA and your children come with you."
    )
    assert "outside the EU/EEA" in explain(items["apply-permit"].reasons, "en")


def test_the_partner_with_a_third_country_citizenship_of_an_eu_citizen_gets_the_residence_card():
    items = {i.key: i for i in build(BOOK, Situation("eu", "work", "partner", (), "long", "third-country"))}
    assert items["eu-family-residence-card"].persons == ("partner",)
    assert items["driving-licence"].persons == ("partner",)
    items = {i.key for i in build(BOOK, Situation("eu", "work", "partner", (), "long", "eu"))}
    assert "eu-family-residence-card" not in items and "driving-licence" not in items


def test_the_snapshot_lists_every_combination_and_is_up_to_date():
    """After a reviewed rule change: .venv/bin/python -m tests.scenarios.snapshot"""
    committed = SNAPSHOT.read_text(encoding="utf-8")
    assert committed.count("\n") == 1152 + 2
    assert committed == render(), "rules changed: regenerate tests/scenarios/snapshot.txt and review its diff"


@pytest.mark.django_db
def test_the_database_loaded_by_load_tasks_gives_the_same_rules_version_as_the_file():
    from django.core.cache import cache
    from django.core.management import call_command

    from guides.checklist import catalogue
    from guides.models import RulesSnapshot

    cache.clear()
    call_command("load_tasks", verbosity=0)
    call_command("load_tasks", verbosity=0)  # idempotent
    assert catalogue().version == BOOK.version
    assert RulesSnapshot.objects.filter(version=BOOK.version).count() == 1


def test_every_due_rule_has_the_kind_the_design_gives_it():
    for key, task in BOOK_TASKS.items():
        assert task.due_kind == oracle.due_kind(key), key
        assert TASKS[key].get("due_kind") == oracle.due_kind(key), key


def test_due_kind_is_null_without_a_date_and_the_rules_kind_with_one():
    arrival = dt.date(2027, 3, 1)
    for s in SITUATIONS[::37]:
        for item in build(BOOK, s):
            assert item.due_kind is None
        dated = Situation(s.status, s.permit, s.family, s.children, s.stay, s.partner, arrival)
        for item in build(BOOK, dated):
            assert item.due_kind == oracle.due_kind(item.key)
            assert (item.due is None) == (item.due_kind is None)


BOOK_TASKS = {t.key: t for t in BOOK.tasks}
