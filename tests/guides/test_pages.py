"""The questionnaire, result page, task page and calendar (HTML and iCalendar)."""

import datetime as dt
import re

import pytest
from icalendar import Calendar

# The checklist's tasks are loaded once for the module, not in each test (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("module_tasks")

QUERY = "status=third-country&permit=work&family=partner-children&children=preschool,school&stay=long"


def html(response):
    return response.content.decode()


def test_the_questionnaire_starts_with_the_first_question(client, tasks):
    response = client.get("/en/checklist/")
    assert response.status_code == 200
    page = html(response)
    assert "Which citizenship do you have?" in page
    assert 'name="status"' in page and 'name="permit"' not in page
    assert "Denmark, Finland, Iceland or Norway." in page  # each option explained in plain words


def test_the_questionnaire_asks_one_question_at_a_time_and_carries_earlier_answers(client, tasks):
    page = html(client.get("/sv/checklist/?status=eu"))
    assert 'type="hidden" name="status" value="eu"' in page
    assert "Varför flyttar du till Sverige?" in page
    assert 'value="ict"' not in page and 'value="eu-blue-card"' not in page  # no permit-only reasons for EU
    page = html(client.get("/en/checklist/?status=third-country&permit=work&family=children"))
    assert "How old are the children?" in page and 'type="checkbox"' in page
    page = html(client.get("/en/checklist/?status=third-country&permit=work&family=partner"))
    assert "Which citizenship does your partner have?" in page
    page = html(client.get("/en/checklist/?status=third-country&permit=work&family=partner&partner=eu"))
    assert "How long do you plan to stay?" in page and 'name="arrival"' in page


def test_all_answers_give_the_result_grouped_by_phase(client, tasks):
    response = client.get(f"/en/checklist/?{QUERY}&arrival=2027-03-01")
    assert response.status_code == 200
    page = html(response)
    positions = [page.index(f'id="phase-{p}"') for p in ("before", "arrival", "settling")]
    assert positions == sorted(positions)
    assert page.index('id="task-apply-permit"') < page.index('id="task-residence-permit-card"')
    assert "Rules version" in page and "guidance, not a decision" in page
    assert '<time datetime="2026-12-01">' in page  # apply-permit, 90 days before arrival
    assert 'href="#task-register-population"' in page  # "needs first" links
    assert "calendar.ics?" in page
    assert 'data-storage-key="landa:checklist:' in page


def test_the_result_summarises_the_answers_with_change_links_that_keep_the_others(client, tasks):
    page = html(client.get(f"/en/checklist/?{QUERY}"))
    change = re.search(r'href="(\?[^"]*change=family)"', page).group(1).replace("&amp;", "&")
    assert "status=third-country" in change and "children=" not in change and "stay=" not in change
    question = html(client.get("/en/checklist/" + change))
    assert "Who is moving with you?" in question
    assert 'value="partner-children" checked' in question
    changed = client.get("/en/checklist/?status=third-country&permit=work&stay=long&family=alone")
    assert changed.status_code == 200 and 'id="task-partner-programme"' not in html(changed)


def test_the_partner_track_shows_the_partners_items_first_and_no_childrens_items(client, tasks):
    page = html(client.get(f"/en/checklist/?{QUERY}&track=partner"))
    assert 'id="task-preschool-place"' not in page
    assert 'id="task-partner-programme"' in page
    settling = page[page.index('id="phase-settling"') :]
    assert settling.index("task-sfi") < settling.index("task-parental-benefit")


def test_everything_is_shown_without_javascript_and_ticks_are_an_enhancement(client, tasks):
    page = html(client.get(f"/en/checklist/?{QUERY}"))
    assert page.count('class="task card"') == page.count('class="task__tick" hidden')
    assert 'id="share-url"' in page and "http://testserver/en/checklist/?" in page
    assert 'src="/static/js/checklist.js"' in page
    assert "style=" not in page and not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)


def test_an_invalid_answer_is_a_400_with_the_message_beside_the_field_and_a_summary(client, tasks):
    response = client.get("/ar/checklist/?status=eu&permit=ict&family=alone&stay=long")
    assert response.status_code == 400
    page = html(response)
    assert 'href="#permit"' in page and 'id="permit-error"' in page
    assert "لا يحتاج مواطنو الاتحاد الأوروبي" in page
    assert '<html lang="ar" dir="rtl">' in page


@pytest.mark.parametrize(
    "query", ["arrival=2027-99-01", "family=alone&children=school", "status=x" * 300, "partner=eu&family=alone"]
)
def test_hostile_questionnaire_input_is_a_400_never_a_500(client, tasks, query):
    assert client.get("/en/checklist/?" + query).status_code == 400


def test_the_print_view_keeps_every_item_and_shows_the_link(client, tasks):
    page = html(client.get(f"/en/checklist/?{QUERY}&view=print"))
    assert "print-view" in page and 'class="print-only"' in page


def test_the_task_page_shows_the_task_in_the_readers_language(client, tasks):
    page = html(client.get("/so/checklist/tasks/sfi/"))
    assert "Baro luqadda Iswiidhishka bilaash (sfi)" in page
    assert client.get("/en/checklist/tasks/no-such-task/").status_code == 404


def test_the_calendar_has_one_all_day_event_per_dated_item(client, tasks):
    response = client.get(f"/sv/checklist/calendar.ics?{QUERY}&arrival=2027-03-01")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    api = client.get(f"/api/v1/checklist?{QUERY}&arrival=2027-03-01&lang=sv").json()
    dated = {i["title"]: i["due"] for i in api["items"] if i["due"]}
    assert len(events) == len(dated)
    for event in events:
        start = event.decoded("dtstart")
        assert isinstance(start, dt.date) and not isinstance(start, dt.datetime)
        assert event.decoded("dtend") - start == dt.timedelta(days=1)
        title, kind = str(event["summary"]).removeprefix("⚠ ").rsplit(" – ", 1)
        assert dated[title] == start.isoformat()
        assert kind in ("Sista dag enligt lag", "Föreslaget datum")
        assert event["uid"]


def test_the_calendar_refuses_bad_answers_with_400(client, tasks):
    assert client.get("/en/checklist/calendar.ics?status=eu&permit=ict").status_code == 400


def test_the_result_page_counts_one_checklist(client, tasks):
    from guides.models import ChecklistCount

    client.get(f"/en/checklist/?{QUERY}")
    assert ChecklistCount.objects.get().count == 1


def test_the_result_page_has_hreflang_alternates_keeping_the_answers(client, tasks):
    page = html(client.get(f"/en/checklist/?{QUERY}"))
    assert re.search(r'hreflang="ar" href="[^"]*/ar/checklist/\?status=third-country', page)


def test_a_head_request_is_not_counted_as_a_checklist(client, tasks):
    from guides.models import ChecklistCount

    assert client.head(f"/en/checklist/?{QUERY}").status_code == 200
    assert client.head(f"/api/v1/checklist?{QUERY}").status_code == 200
    assert not ChecklistCount.objects.exists()


def test_change_links_only_ask_questions_that_apply(client, tasks):
    page = html(client.get("/en/checklist/?status=eu&permit=work&family=alone&stay=long&change=partner"))
    assert 'id="task-healthcare"' in page  # the result, not a partner question
