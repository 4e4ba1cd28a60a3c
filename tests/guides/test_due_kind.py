"""A limit set by law reads apart from a planning aid: on the page, in the calendar, in the data."""

import re

import pytest
from django.utils.html import strip_tags
from icalendar import Calendar

# The checklist's tasks are loaded once for the module, not in each test (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("module_tasks")

QUERY = "status=eu&permit=work&family=partner&partner=third-country&stay=long"


def facts(html: str, key: str) -> str:
    card = html[html.index(f'id="task-{key}"') :]
    return card[: card.index("</li>")]


@pytest.mark.parametrize(
    "lang,law,advice",
    [
        ("en", "Deadline set by law", "Aim to do this by"),
        ("sv", "Sista dag enligt lag", "Sikta på att göra det senast"),
        ("ar", "مهلة يحددها القانون", "حاول إنجاز ذلك بحلول"),
        ("so", "Waqtiga ugu dambeeya ee sharcigu dhigay", "Isku day inaad tan samayso ka hor"),
    ],
)
def test_the_page_says_deadline_set_by_law_or_aim_to_do_this_by(client, tasks, lang, law, advice):
    html = client.get(f"/{lang}/checklist/?{QUERY}&arrival=2027-03-01").content.decode()
    for key in ("register-population", "eu-family-residence-card", "expert-tax-relief", "driving-licence"):
        card = facts(html, key)
        assert law in card and advice not in card, key
        assert "task__due--law" in card  # a rule and a symbol besides the words: not by colour alone
    for key in ("bank-account", "bankid", "find-housing"):
        card = facts(html, key)
        assert advice in card and law not in card, key
        assert "task__due--law" not in card
    assert "2027-03-08" in strip_tags(facts(html, "register-population"))


def test_without_an_arrival_date_the_kind_still_reads_beside_the_days(client, tasks):
    html = client.get(f"/en/checklist/?{QUERY}").content.decode()
    card = strip_tags(facts(html, "register-population"))
    assert re.search(r"Deadline set by law\s*within 7 days of arriving", card)
    assert re.search(r"Aim to do this by\s*30 days before you arrive", strip_tags(facts(html, "find-housing")))


def test_the_calendar_event_says_which_kind_of_date_it_is(client, tasks):
    response = client.get(f"/en/checklist/calendar.ics?{QUERY}&arrival=2027-03-01")
    events = list(Calendar.from_ical(response.content).walk("VEVENT"))
    summaries = [str(e["summary"]) for e in events]
    law = [s for s in summaries if s.endswith("– Deadline set by law")]
    advice = [s for s in summaries if s.endswith("– Suggested date")]
    assert len(law) == 4 and len(law) + len(advice) == len(summaries)
    description = next(str(e["description"]) for e in events if str(e["uid"]).startswith("register-population-"))
    assert description.startswith("Deadline set by law: 2027-03-08")
