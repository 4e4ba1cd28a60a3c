"""The questionnaire's form: it renders the questions and leaves every judgement to the contract's parser."""

import re

from django.http import QueryDict
from django.utils import translation

from guides.questionnaire import Questionnaire
from guides.situation import parse_partial


def bound(query: str) -> Questionnaire:
    form = Questionnaire(QueryDict(query))
    form.is_valid()
    return form


def test_the_form_reads_the_answers_and_errors_exactly_as_the_parser_does():
    for query in [
        "status=eu&status=nordic&family=children&children=upper-secondary,preschool",
        "status=eu&permit=ict&family=alone&partner=eu&children=school",
        "status=&permit=work&arrival=2027-02-30&stay=forever",
        "family=partner&partner=third-country&arrival=2027-03-01",
    ]:
        form = bound(query)
        answers, errors = parse_partial(QueryDict(query))
        assert form.cleaned_data == answers
        assert {name: list(messages) for name, messages in form.errors.items()} == errors
    assert bound("family=children&children=upper-secondary,preschool").cleaned_data["children"] == (
        "preschool",
        "upper-secondary",
    )


def test_a_question_renders_as_a_described_fieldset_with_its_answer_chosen():
    form = bound("status=third-country&permit=work&family=children&children=school,preschool")
    html = form.asking(["children"])[0].as_field_group()
    assert '<fieldset class="question" id="children" aria-describedby="children-hint">' in html
    assert '<legend><h1 class="question__heading">How old are the children?</h1></legend>' in html
    assert re.search(r'id="id_children_school" name="children" value="school" checked aria-describedby', html)
    assert 'value="upper-secondary" checked' not in html
    assert 'id="id_children_school-hint"' in html


def test_an_error_is_tied_to_its_question_and_the_permit_question_fits_the_citizenship():
    with translation.override("en"):
        form = bound("status=eu&permit=ict")
        html = form.asking(["permit"])[0].as_field_group()
    assert 'aria-describedby="permit-hint permit-error"' in html and 'id="permit-error"' in html
    assert "Why are you moving to Sweden?" in html
    assert 'value="ict"' not in html and " checked" not in html


def test_the_partners_citizenship_defaults_to_the_movers():
    html = bound("status=nordic&permit=work&family=partner").asking(["partner"])[0].as_field_group()
    assert 'value="nordic" checked' in html


def test_a_refused_date_is_shown_again_only_when_it_is_a_real_date():
    out_of_range = bound("arrival=1999-12-31").asking(["arrival"])[0].as_field_group()
    assert 'value="1999-12-31"' in out_of_range and 'aria-invalid="true"' in out_of_range
    assert 'aria-describedby="arrival-hint arrival-error"' in out_of_range
    not_a_date = bound("arrival=2027-99-01").asking(["arrival"])[0].as_field_group()
    assert "value=" not in not_a_date and 'id="arrival-error"' in not_a_date
