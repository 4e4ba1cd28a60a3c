"""What a client sees at /<lang>/c/<code>: the public checklist in their language plus the firm's part."""
import pytest
from django.utils.html import escape

from firms.models import SharedChecklist
from tests.firms.factories import FirmTaskFactory, LinkFactory

pytestmark = pytest.mark.usefixtures("tasks")
BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"


@pytest.fixture
def link(firm):
    link = LinkFactory(firm=firm, language="so", note="Soo dhawoow Iswiidhan!")
    FirmTaskFactory(link=link, title="Noo soo dir qandaraaskaaga shaqada", phase="before", days_from_arrival=-45)
    return link


def test_the_client_sees_the_public_checklist_in_somali_with_the_firms_note_and_tasks(client, link):
    from guides.checklist import make_checklist
    from guides.situation import parse_situation

    response = client.get(f"/so/c/{link.code}", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="so" dir="ltr">' in html
    assert "Nordic Moves AB" in html or link.firm.name in html
    assert "Soo dhawoow Iswiidhan!" in html
    assert "Noo soo dir qandaraaskaaga shaqada" in html
    assert "2027-01-15" in html  # the firm task's due date: 45 days before the arrival on 2027-03-01
    # Every item of the public checklist for this situation, in Somali, in the engine's order.
    from django.http import QueryDict

    expected = make_checklist(parse_situation(QueryDict(link.situation)), "so")["items"]
    positions = [html.index(f'id="task-{item["key"]}"') for item in expected]
    assert positions == sorted(positions)
    for item in expected:
        assert escape(item["title"]) in html
    assert link.reference not in html


def test_the_firms_tasks_are_marked_as_the_firms(client, link):
    html = client.get(f"/en/c/{link.code}", HTTP_USER_AGENT=BROWSER).content.decode()
    task = html[html.index('class="task card task--firm"'):]
    task = task[: task.index("</li>")]
    assert f"From {link.firm.name}" in task
    assert "Noo soo dir qandaraaskaaga shaqada" in task


def test_the_switcher_changes_the_prefix_and_keeps_the_link(client, link):
    html = client.get(f"/so/c/{link.code}", HTTP_USER_AGENT=BROWSER).content.decode()
    assert f"/language/ar/?next=%2Far%2Fc%2F{link.code}" in html
    arabic = client.get(f"/ar/c/{link.code}", HTTP_USER_AGENT=BROWSER)
    assert arabic.status_code == 200
    assert '<html lang="ar" dir="rtl">' in arabic.content.decode()


def test_the_page_is_private_never_cached_and_never_indexed(client, link):
    response = client.get(f"/so/c/{link.code}", HTTP_USER_AGENT=BROWSER)
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert 'rel="alternate" hreflang' not in html


def _opens(link):
    return SharedChecklist.objects.get(pk=link.pk).open_count


def test_an_open_by_a_person_is_counted_with_its_time(client, link):
    client.get(f"/so/c/{link.code}", HTTP_USER_AGENT=BROWSER)
    client.get(f"/so/c/{link.code}", HTTP_USER_AGENT=BROWSER)
    fresh = SharedChecklist.objects.get(pk=link.pk)
    assert fresh.open_count == 2
    assert fresh.last_opened_at is not None


@pytest.mark.parametrize(
    "agent",
    [
        "WhatsApp/2.23.20.0",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "TelegramBot (like TwitterBot)",
        "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
        "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "",
    ],
)
def test_link_preview_bots_are_not_counted(client, link, agent):
    response = client.get(f"/so/c/{link.code}", HTTP_USER_AGENT=agent)
    assert response.status_code == 200
    assert _opens(link) == 0


def test_head_requests_are_not_counted(client, link):
    assert client.head(f"/so/c/{link.code}", HTTP_USER_AGENT=BROWSER).status_code == 200
    assert _opens(link) == 0


def test_switching_language_on_the_page_is_not_another_open(client, link):
    client.get(f"/so/c/{link.code}", HTTP_USER_AGENT=BROWSER)
    client.get(f"/ar/c/{link.code}", HTTP_USER_AGENT=BROWSER, HTTP_REFERER=f"http://testserver/so/c/{link.code}")
    assert _opens(link) == 1


def test_a_post_is_refused(client, link):
    assert client.post(f"/so/c/{link.code}").status_code == 405


def test_a_link_whose_stored_answers_todays_parser_refuses_is_a_410_not_a_500(client, firm, staff_client, staff):
    old = LinkFactory(firm=staff.firm, situation="status=eu&permit=ict&family=alone&stay=long")
    assert client.get(f"/en/c/{old.code}", HTTP_USER_AGENT=BROWSER).status_code == 410
    detail = staff_client.get(f"/en/workspace/links/{old.code}/")
    assert detail.status_code == 200
    assert "status=eu&amp;permit=ict" in detail.content.decode()
    assert staff_client.get(f"/en/workspace/links/{old.code}/edit/").status_code == 200
