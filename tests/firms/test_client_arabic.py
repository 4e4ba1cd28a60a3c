"""Issue 13 on the client page in Arabic: the firm's text keeps its own language and order."""

import re

import pytest

from tests.firms.factories import FirmTaskFactory, LinkFactory

pytestmark = pytest.mark.usefixtures("tasks")
BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"
SITUATION = "status=third-country&permit=work&family=partner&partner=third-country&stay=long&arrival=2027-03-01"


def firm_titles(html):
    return re.findall(r'<li class="task card task--firm">.*?<h3 class="task__title"([^>]*)>(.*?)</h3>', html, re.S)


def test_an_arabic_links_english_tasks_are_marked_english_and_its_note_keeps_phone_numbers_in_order(client, firm):
    link = LinkFactory(firm=firm, language="ar", situation=SITUATION, note="اتصلوا بنا على 08-123 45 67 في أي وقت.")
    FirmTaskFactory(link=link, title="Send us your signed contract", phase="before", days_from_arrival=-30)
    html = client.get(f"/ar/c/{link.code}", HTTP_USER_AGENT=BROWSER).content.decode()
    # The note is Arabic (the page's language), its phone number isolated so it is not reordered.
    note = html[html.index('class="notice firm-note"') :]
    note = note[: note.index("</div>")]
    assert "<bdi>08-123 45 67</bdi>" in note
    assert 'lang="en"' not in note
    # The firm's English task is marked as English (and isolated by its own direction).
    [(attributes, title)] = firm_titles(html)
    assert 'lang="en"' in attributes and 'dir="auto"' in attributes
    assert title == "Send us your signed contract"
    # Arabic wording: the Arabic comma between persons, and no "لأن أنك" in the reasons.
    assert "لأن أنك" not in html
    persons = re.findall(r"<dt>من</dt><dd>([^<]*)</dd>", html)
    assert persons and all("," not in who for who in persons)
    assert any("،" in who for who in persons), persons


def test_on_a_page_in_the_links_own_language_the_firms_text_needs_no_mark(client, firm):
    link = LinkFactory(firm=firm, language="so", situation=SITUATION, note="Soo dhawoow!")
    FirmTaskFactory(link=link, title="Noo soo dir qandaraaska", phase="before")
    somali = client.get(f"/so/c/{link.code}", HTTP_USER_AGENT=BROWSER).content.decode()
    [(attributes, _title)] = firm_titles(somali)
    assert "lang=" not in attributes
    english = client.get(f"/en/c/{link.code}", HTTP_USER_AGENT=BROWSER).content.decode()
    [(attributes, _title)] = firm_titles(english)
    assert 'lang="so"' in attributes
    assert '<p lang="so" dir="auto">Soo dhawoow!</p>' in english
