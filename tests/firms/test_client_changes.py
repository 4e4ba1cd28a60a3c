"""A firm's link stored the rules version it was made with: its page says what changed since."""

import pytest
from django.utils.html import strip_tags

from tests.firms.factories import LinkFactory
from tests.guides.test_changes import change_the_rules

pytestmark = pytest.mark.usefixtures("tasks")
BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"
SITUATION = "status=eu&permit=work&family=partner&partner=eu&stay=long"


def box(html: str) -> str:
    start = html.index('class="notice notice--warning changes"')
    return strip_tags(html[start : html.index("</section>", start)])


def test_a_firms_link_says_what_changed_since_the_version_it_stored(client, firm):
    from firms import checklist

    link = LinkFactory(firm=firm, language="en", situation=SITUATION, rules_version=checklist.rules_version())
    html = client.get(f"/en/c/{link.code}", HTTP_USER_AGENT=BROWSER).content.decode()
    assert "What changed since this link was made" not in html  # made under today's rules
    change_the_rules()
    html = client.get(f"/en/c/{link.code}", HTTP_USER_AGENT=BROWSER).content.decode()
    text = box(html)
    assert "What changed since this link was made" in text
    assert "Get health insurance" in text or "health insurance" in text.lower()
    assert "Join a partner programme" in text
    assert "BankID" in text
    swedish = box(client.get(f"/sv/c/{link.code}", HTTP_USER_AGENT=BROWSER).content.decode())
    assert "Vad som har ändrats sedan länken skapades" in swedish


def test_a_link_with_an_unknown_version_shows_no_changes(client, firm):
    link = LinkFactory(firm=firm, language="en", situation=SITUATION, rules_version="0123456789ab")
    response = client.get(f"/en/c/{link.code}", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert "What changed since" not in response.content.decode()
