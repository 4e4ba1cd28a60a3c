"""Click-through: agency and e-service links go through /out/<id>/, which counts durably per day, page
and agency, then redirects only to addresses the portal's content holds (never an open redirect)."""
import csv
import datetime
import io
import re
import threading

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.utils import timezone

from content.models import Agency, GuidePage
from content.ops_models import CheckedLink, OutboundClick
from content.outbound import count_click, link_id
from tests.conftest import require

ESERVICE = "https://www.skatteverket.se/e-tjanst/flytta-till-sverige"


@pytest.fixture
def guide(demo):
    page = GuidePage.objects.get(slug="register-population", locale__language_code="en")
    page.body = [*page.body.raw_data, {"type": "eservice", "value": {
        "label": "Tell Skatteverket you moved", "url": ESERVICE, "needs_bankid": False}}]
    page.save_revision().publish()
    return GuidePage.objects.get(pk=page.pk)


def test_eservice_and_agency_links_on_a_guide_go_through_out_with_noreferrer(client, guide):
    html = client.get(guide.url).content.decode()
    assert f'href="/out/{link_id(ESERVICE)}/?p={guide.pk}&amp;a={guide.agency.slug}"' in html
    tags = re.findall(r'<a[^>]*href="/out/[^"]*"[^>]*>', html)
    assert tags and all('rel="noreferrer"' in tag for tag in tags)
    assert f'href="{ESERVICE}"' not in html


def test_the_agency_page_sends_its_website_and_eservices_through_out(client, demo):
    agency = Agency.objects.get(slug="skatteverket", locale__language_code="en")
    html = client.get(f"/en/agencies/{agency.slug}/").content.decode()
    assert f"/out/{link_id(agency.website)}/?a=skatteverket" in html
    assert f'href="{agency.website}"' not in html


def test_out_counts_and_redirects_to_the_signed_address(client, guide):
    out = f"/out/{link_id(ESERVICE)}/"
    response = client.get(out, {"p": guide.pk, "a": "skatteverket", "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == ESERVICE
    assert response["Cache-Control"] == "no-store" and response["Referrer-Policy"] == "no-referrer"
    client.get(out, {"p": guide.pk, "a": "skatteverket"})
    row = OutboundClick.objects.get(link__url=ESERVICE)
    assert (row.count, row.page_id, row.agency) == (2, guide.pk, "skatteverket")


def test_head_requests_and_preview_bots_are_not_counted(client, guide):
    out = f"/out/{link_id(ESERVICE)}/"
    assert client.head(out).status_code == 302
    assert client.get(out, HTTP_USER_AGENT="WhatsApp/2.0 link preview").status_code == 302
    assert not OutboundClick.objects.filter(link__url=ESERVICE).exists()


def test_an_address_the_portal_did_not_sign_is_not_found_and_posting_is_refused(client, demo):
    token = link_id("https://www.migrationsverket.se/")
    forged = link_id("https://evil.example/").split(":")[0] + ":" + token.split(":")[-1]
    assert client.get(f"/out/{forged}/").status_code == 404
    assert client.get("/out/aHR0cHM6Ly9ldmlsLmV4YW1wbGUv/").status_code == 404
    assert client.post(f"/out/{token}/").status_code == 405
    assert link_id("javascript:alert(1)") is None


def test_junk_parameters_count_without_page_or_agency(client, demo):
    client.get(f"/out/{link_id('https://www.migrationsverket.se/')}/", {"p": "'; drop table", "a": "<script>"})
    row = OutboundClick.objects.get(link__url="https://www.migrationsverket.se/")
    assert (row.count, row.page_id, row.agency) == (1, 0, "")


@pytest.mark.django_db(transaction=True)
def test_concurrent_clicks_lose_nothing():
    require(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL): SQLite serialises writers")
    link = CheckedLink.objects.create(url="https://www.forsakringskassan.se/")

    def click():
        for _ in range(10):
            count_click(link, page_id=1, agency="forsakringskassan")
        connection.close()

    threads = [threading.Thread(target=click) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert OutboundClick.objects.get(link=link).count == 40


def _clicks(link, page, agency, count, day):
    OutboundClick.objects.create(link=link, page_id=page.pk, agency=agency, count=count, day=day)


def test_clicks_report_sums_per_agency_page_and_address_and_suppresses_small_cells(client, guide):
    today = timezone.localdate()
    eservice = CheckedLink.objects.create(url=ESERVICE)
    permit = CheckedLink.objects.create(url="https://www.migrationsverket.se/apply")
    other = GuidePage.objects.get(slug="apply-permit", locale__language_code="en")
    _clicks(eservice, guide, "skatteverket", 4, today)
    _clicks(eservice, guide, "skatteverket", 3, today - datetime.timedelta(days=1))
    _clicks(permit, other, "migrationsverket", 2, today)
    _clicks(permit, other, "migrationsverket", 50, today - datetime.timedelta(days=90))  # outside 30 days
    client.force_login(User.objects.create_superuser("admin", password="a-long-test-password"))
    export = client.get("/admin/reports/clicks/", {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[0] == ["Agency", "From page", "Address", "Clicks"]
    body = {row[2]: row for row in rows[1:]}
    assert body[ESERVICE][3] == "7" and body[ESERVICE][1] == guide.title
    assert body[permit.url][3] == "<5"
    period = {"day_after": (today - datetime.timedelta(days=100)).isoformat(), "day_before": today.isoformat()}
    html = client.get("/admin/reports/clicks/", period).content.decode()
    assert "52" in html and other.title in html

    client.force_login(User.objects.create_user("skv", password="a-long-test-password"))
    User.objects.get(username="skv").groups.add(Group.objects.get(name="Agency: Skatteverket"))
    html = client.get("/admin/reports/clicks/").content.decode()
    assert ESERVICE in html and permit.url not in html
