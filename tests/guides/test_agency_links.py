"""A checklist item's agency link goes through the click-through /out/<signed id>/ like guides' links:
counted per agency, no referrer, and only to the address the register holds."""

import re
from html import unescape

import pytest

# The checklist's tasks are loaded once for the module, not in each test (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("module_tasks")

QUERY = "status=third-country&permit=work&family=alone&stay=long"


def agency_links(html: str) -> list[str]:
    cells = re.findall(r'<div class="task__agency">.*?</div>', html, re.S)
    assert cells
    links = [re.search(r'<a href="([^"]+)" rel="noreferrer">', cell) for cell in cells]
    assert all(links), cells
    return [unescape(link.group(1)) for link in links]


def test_agency_links_go_through_the_click_through_and_are_counted(client, tasks):
    from content.ops_models import OutboundClick
    from guides.checklist import make_checklist
    from guides.situation import parse_situation

    html = client.get(f"/en/checklist/?{QUERY}").content.decode()
    links = agency_links(html)
    assert all(link.startswith("/out/") and "?a=" in link for link in links)
    items = [
        i
        for i in make_checklist(
            parse_situation({"status": "third-country", "permit": "work", "family": "alone", "stay": "long"}), "en"
        )["items"]
        if i["agency"]
    ]
    first = items[0]
    response = client.get(links[0], HTTP_USER_AGENT="Mozilla/5.0")
    assert response.status_code == 302 and response["Location"] == first["agency"]["url"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert OutboundClick.objects.get(agency=first["agency"]["key"]).count == 1


def test_the_task_page_and_a_firms_client_page_too(client, tasks):
    from tests.firms.factories import LinkFactory

    task = client.get("/en/checklist/tasks/register-population/").content.decode()
    assert re.search(r'<a href="/out/[^"]+\?a=[a-z-]+" rel="noreferrer">', task)
    link = LinkFactory(language="en")
    shared = client.get(f"/en/c/{link.code}", HTTP_USER_AGENT="Mozilla/5.0").content.decode()
    assert all(href.startswith("/out/") for href in agency_links(shared))
