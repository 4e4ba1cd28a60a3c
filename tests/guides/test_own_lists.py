"""Each person's own list: the calendar and the print follow the person chosen, the partner gets a link
to their own track, and the questionnaire counts only the questions it will ask."""

import re

import pytest
from django.utils.html import strip_tags
from icalendar import Calendar

# The checklist's tasks are loaded once for the module, not in each test (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("module_tasks")

QUERY = "status=eu&permit=work&family=partner&partner=third-country&stay=long&arrival=2027-03-01"


def event_uids(client, query):
    ics = client.get(f"/en/checklist/calendar.ics?{query}").content
    return {str(e["uid"]).rsplit("-", 1)[0] for e in Calendar.from_ical(ics).walk("VEVENT")}


def test_the_calendar_follows_the_person_chosen(client, tasks):
    everyone = event_uids(client, QUERY)
    partner = event_uids(client, QUERY + "&track=partner")
    mover = event_uids(client, QUERY + "&track=mover")
    assert {"partner-programme", "eu-family-residence-card"} <= partner
    assert not {"income-tax", "expert-tax-relief"} & partner
    assert {"income-tax", "expert-tax-relief"} <= mover
    assert not {"partner-programme", "eu-family-residence-card"} & mover
    assert partner | mover == everyone
    assert "register-population" in partner and "register-population" in mover  # the household's


def test_the_pages_calendar_and_print_links_keep_the_person(client, tasks):
    html = client.get(f"/en/checklist/?{QUERY}&track=partner").content.decode()
    calendar = re.search(r'href="(calendar\.ics\?[^"]+)"', html).group(1).replace("&amp;", "&")
    assert "track=partner" in calendar
    assert event_uids(client, calendar.split("?", 1)[1]) == event_uids(client, QUERY + "&track=partner")
    printed = re.search(r'href="(\?[^"]*view=print[^"]*)"', html).group(1).replace("&amp;", "&")
    assert "track=partner" in printed
    page = client.get(f"/en/checklist/{printed}").content.decode()
    assert 'id="task-partner-programme"' in page and 'id="task-income-tax"' not in page


def test_send_to_your_partner_opens_on_the_partners_track(client, tasks):
    html = client.get(f"/sv/checklist/?{QUERY}").content.decode()
    link = re.search(r'href="([^"]+)" id="partner-link"', html).group(1).replace("&amp;", "&")
    assert "track=partner" in link and "since=" in link
    page = client.get(link.replace("http://testserver", "")).content.decode()
    assert re.search(r'aria-current="page">Din partner<', page)
    alone = client.get("/en/checklist/?status=eu&permit=work&family=alone&stay=long").content.decode()
    assert 'id="partner-link"' not in alone


def step_count(client, query):
    html = client.get(f"/en/checklist/?{query}").content.decode()
    return strip_tags(re.search(r'<p class="step-count">(.*?)</p>', html).group(1))


def test_the_questionnaire_counts_the_questions_that_will_be_asked(client, tasks):
    assert step_count(client, "") == "Question 1"  # 4 or 6 questions: not known until the family answer
    assert step_count(client, "status=eu") == "Question 2"
    assert step_count(client, "status=eu&permit=work") == "Question 3"
    assert step_count(client, "status=eu&permit=work&family=alone") == "Question 4 of 4"
    assert step_count(client, "status=eu&permit=work&family=partner-children") == "Question 4 of 6"
    assert step_count(client, "status=eu&permit=work&family=partner") == "Question 4 of 5"
    assert step_count(client, "status=eu&permit=work&family=partner&partner=eu") == "Question 5 of 5"
