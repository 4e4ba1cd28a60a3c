"""The client page /c/<code> is the same checklist view as /<lang>/checklist/: the same item template
and presenter, ticks kept in the browser under the link's code, person tracks, calendar and print."""

import re

import pytest

from tests.firms.factories import FirmTaskFactory, LinkFactory

pytestmark = pytest.mark.usefixtures("tasks")
BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"
SITUATION = "status=eu&permit=work&family=partner&partner=third-country&stay=long&arrival=2027-03-01"


@pytest.fixture
def link(firm):
    link = LinkFactory(firm=firm, language="en", situation=SITUATION, note="Call us any time.")
    FirmTaskFactory(link=link, title="Sign the lease with our agent", phase="arrival", days_from_arrival=3)
    return link


def page(client, link, query=""):
    response = client.get(f"/en/c/{link.code}{query}", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    return response.content.decode()


def test_one_page_template_for_both(client, link):
    own = client.get(f"/en/checklist/?{SITUATION}")
    shared = client.get(f"/en/c/{link.code}", HTTP_USER_AGENT=BROWSER)
    assert own.templates[0].name == shared.templates[0].name == "guides/result.html"
    assert {"guides/_checklist.html", "guides/_task.html"} <= {t.name for t in shared.templates}
    # A revoked link's calendar is gone like its page.
    from django.utils import timezone

    link.revoked_at = timezone.now()
    link.save()
    assert client.get(f"/en/c/{link.code}/calendar.ics").status_code == 410


def test_ticks_are_kept_under_the_links_code(client, link):
    html = page(client, link)
    assert f'data-storage-key="landa:link:{link.code}"' in html
    assert 'data-carry="no"' in html  # the link's ticks and the reader's own never mix
    assert html.count('<li class="task card"') == html.count('class="task__tick" hidden') > 0
    assert "/static/js/checklist.js" in html


def test_the_same_item_template_as_the_public_checklist(client, link):
    html = page(client, link)
    public = client.get(f"/en/checklist/?{SITUATION}").content.decode()
    for key in ("register-population", "eu-family-residence-card"):
        assert f'id="task-{key}" data-task="{key}" data-due-kind="law"' in html
        assert f'id="task-{key}" data-task="{key}" data-due-kind="law"' in public
    assert "Deadline set by law" in html and "Typical time" in html


def test_person_tracks_keep_the_firms_tasks_and_the_note(client, link):
    html = page(client, link, "?track=partner")
    assert re.search(r'href="\?track=partner" aria-current="page">Your partner<', html)
    assert 'id="task-eu-family-residence-card"' in html and 'id="task-income-tax"' not in html
    assert "Sign the lease with our agent" in html and "From " in html
    assert "Call us any time." in html
    assert "For you as a partner" in html
    mover = page(client, link, "?track=mover")
    assert 'id="task-income-tax"' in mover and 'id="task-eu-family-residence-card"' not in mover
    assert 'id="task-register-population"' in mover  # the household's
    # No children in this situation: the track falls back to everyone's list.
    assert re.search(r'href="\?" aria-current="page">Everyone<', page(client, link, "?track=children"))


def test_calendar_and_print_follow_the_person(client, link):
    html = page(client, link, "?track=partner")
    # The link's own calendar file: the firm's dated tasks too, private like the page.
    calendar = re.search(r'href="(/en/c/[^"/]+/calendar\.ics\?[^"]+)"', html).group(1).replace("&amp;", "&")
    assert calendar == f"/en/c/{link.code}/calendar.ics?track=partner"
    response = client.get(calendar)
    assert response.status_code == 200 and b"eu-family-residence-card" in response.content
    assert b"income-tax" not in response.content
    assert "Sign the lease with our agent" in response.content.decode()
    assert b"DTSTART;VALUE=DATE:20270304" in response.content  # the firm's task: 3 days after arrival
    assert "no-store" in response["Cache-Control"] and "noindex" in response["X-Robots-Tag"]
    everyone = client.get(f"/en/c/{link.code}/calendar.ics").content
    assert b"income-tax" in everyone and b"eu-family-residence-card" in everyone
    assert 'href="?view=print&amp;track=partner"' in html
    printed = page(client, link, "?view=print&track=partner")
    assert "print-view" in printed and 'id="task-income-tax"' not in printed
