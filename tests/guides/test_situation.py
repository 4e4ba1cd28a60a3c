"""The one parser every entry point uses (DESIGN.md, "Parsing")."""

import datetime as dt

import pytest
from django.http import QueryDict
from django.utils import translation

from guides.situation import InvalidSituation, Situation, latest_arrival, parse_partial, parse_situation

BASE = "status=third-country&permit=work&family=alone&stay=long"


def parse(query):
    return parse_situation(QueryDict(query))


def errors(query, language="en"):
    with translation.override(language), pytest.raises(InvalidSituation) as caught:
        parse(query)
    return caught.value.errors


def test_a_complete_answer_gives_a_situation_with_canonical_children_and_default_partner():
    s = parse("status=eu&permit=work&family=partner-children&children=school&children=preschool,school&stay=long")
    assert s == Situation("eu", "work", "partner-children", ("preschool", "school"), "long", "eu", None)
    assert s.as_query() == (
        "status=eu&permit=work&family=partner-children&children=preschool,school&partner=eu&stay=long"
    )


def test_a_dict_of_lists_parses_like_a_query_dict():
    s = parse_situation({"status": ["nordic"], "permit": ["study"], "family": ["alone"], "stay": ["short"]})
    assert s.status == "nordic" and s.partner is None and s.children == ()


def test_empty_values_count_as_absent():
    assert parse(BASE + "&partner=&children=&arrival=").arrival is None


def test_the_same_value_repeated_is_fine_but_different_values_are_an_error():
    assert parse(BASE + "&status=third-country").status == "third-country"
    assert set(errors(BASE + "&stay=short")) == {"stay"}


def test_values_are_case_sensitive_slugs():
    assert set(errors("status=EU&permit=work&family=alone&stay=long")) == {"status"}


def test_missing_answers_are_each_keyed_by_their_field():
    assert set(errors("")) == {"status", "permit", "family", "stay"}


def test_eu_and_nordic_citizens_cannot_choose_a_permit_only_reason():
    for permit in ("eu-blue-card", "ict", "research"):
        for status in ("eu", "nordic"):
            assert set(errors(f"status={status}&permit={permit}&family=alone&stay=long")) == {"permit"}


def test_children_are_required_with_children_and_refused_without():
    assert set(errors("status=eu&permit=work&family=children&stay=long")) == {"children"}
    assert set(errors(BASE + "&children=school")) == {"children"}
    assert set(errors("status=eu&permit=work&family=children&children=toddler&stay=long")) == {"children"}


def test_partner_is_refused_without_a_partner_and_defaults_to_the_status():
    assert set(errors(BASE + "&partner=eu")) == {"partner"}
    s = parse("status=third-country&permit=work&family=partner&stay=long")
    assert s.partner == "third-country"
    assert parse("status=third-country&permit=work&family=partner&partner=third-country&stay=long") == s
    assert parse("status=third-country&permit=work&family=partner&partner=eu&stay=long").partner == "eu"


@pytest.mark.parametrize(
    "bad", ["2027-13-01", "2027-02-30", "01/03/2027", "1999-12-31", "2027-3-1", "x" * 500, "٢٠٢٧-٠٣-٠١", "20270301"]
)
def test_a_bad_or_out_of_range_arrival_date_is_an_arrival_error(bad):
    assert set(errors(BASE + "&arrival=" + bad)) == {"arrival"}


def test_arrival_may_be_up_to_five_years_ahead():
    assert parse(BASE + "&arrival=" + latest_arrival().isoformat()).arrival == latest_arrival()
    too_late = latest_arrival() + dt.timedelta(days=1)
    assert set(errors(BASE + "&arrival=" + too_late.isoformat())) == {"arrival"}


def test_over_long_values_are_refused_cleanly():
    assert set(errors(BASE.replace("work", "w" * 10_000))) == {"permit"}


def test_messages_are_in_the_active_language():
    assert errors("", "sv")["status"] == ["Svara på frågan."]
    assert errors("", "ar")["status"] == ["أجب عن هذا السؤال."]
    assert errors("", "so")["status"] == ["Ka jawaab su'aashan."]


def test_partial_answers_are_not_errors_for_the_questionnaire():
    answers, problems = parse_partial(QueryDict("status=eu"))
    assert answers == {"status": "eu"} and problems == {}


def test_the_key_leaves_out_the_arrival_date_and_is_stable():
    a = parse(BASE + "&arrival=2027-01-01")
    b = parse("stay=long&family=alone&permit=work&status=third-country")
    assert a.key == b.key == BASE
    with_partner = parse("status=eu&permit=work&family=partner&stay=long")
    assert with_partner.key == "status=eu&permit=work&family=partner&partner=eu&stay=long"
