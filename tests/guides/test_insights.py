"""The insights dashboard: aggregates for a period, cells under 5 suppressed, agency editors' own rows."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from content.models import GuidePage
from content.ops_models import CheckedLink, FallbackRead, FeedbackDay, OutboundClick
from guides.models import ChecklistCount

EU_THIRD = "status=eu&permit=work&family=partner&partner=third-country&stay=long"
NORDIC_ALONE = "status=nordic&permit=work&family=alone&stay=long"


@pytest.fixture
def counts(demo):
    today = timezone.localdate()
    old = today - datetime.timedelta(days=90)
    skv = GuidePage.objects.get(slug="register-population", locale__language_code="en")
    mig = GuidePage.objects.get(slug="apply-permit", locale__language_code="en")
    ChecklistCount.objects.create(day=today, situation=EU_THIRD, language="sv", count=6)
    ChecklistCount.objects.create(day=today - datetime.timedelta(days=2), situation=EU_THIRD, language="sv", count=3)
    ChecklistCount.objects.create(day=today, situation=EU_THIRD, language="ar", count=2)
    ChecklistCount.objects.create(day=today, situation=NORDIC_ALONE, language="en", count=40)
    ChecklistCount.objects.create(day=old, situation=NORDIC_ALONE, language="so", count=500)  # outside 30 days
    link = CheckedLink.objects.create(url="https://www.skatteverket.se/")
    OutboundClick.objects.create(day=today, link=link, page_id=skv.pk, agency="skatteverket", count=12)
    OutboundClick.objects.create(day=today, link=link, page_id=mig.pk, agency="migrationsverket", count=3)
    FeedbackDay.objects.create(day=today, page_id=skv.pk, yes=8, no=6)
    FeedbackDay.objects.create(day=today, page_id=mig.pk, yes=1, no=9)
    FallbackRead.objects.create(day=today, page_id=skv.pk, language="so", count=21)
    FallbackRead.objects.create(day=today, page_id=mig.pk, language="ar", count=4)
    return {"skv": skv, "mig": mig}


def _csv(client, **params):
    response = client.get("/admin/reports/insights/", {**params, "export": "csv"})
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_dashboard_counts_the_period_and_suppresses_cells_under_five(client, counts):
    client.force_login(User.objects.create_superuser("admin", password="a-long-test-password"))
    response = client.get("/admin/reports/insights/")
    assert response.status_code == 200
    rows = _csv(client)
    made = {(row[1], row[2]): row[3] for row in rows if row[0] == "Checklists made"}
    eu = next(label for label, _code in made if "partner" in label.lower())
    assert made[(eu, "sv")] == "9" and made[(eu, "ar")] == "<5" and made[(eu, "en")] == "<5"
    nordic = next(label for label, _code in made if label != eu)
    assert made[(nordic, "en")] == "40" and made[(nordic, "so")] == "<5"  # the 500 are outside the period
    partners = [row[3] for row in rows if row[0] == "Partners"]
    assert partners == ["11", "11"]
    clicks = {row[1]: row[3] for row in rows if row[0] == "Outbound clicks"}
    assert clicks == {counts["skv"].title: "12", counts["mig"].title: "<5"}
    helpful = {row[1]: row[3] for row in rows if row[0] == "Helpful"}
    assert helpful == {counts["skv"].title: "57 %", counts["mig"].title: "–"}
    fallback = {row[1]: (row[2], row[3]) for row in rows if row[0] == "Read without a translation"}
    assert fallback == {counts["skv"].title: ("Soomaali", "21"), counts["mig"].title: ("العربية", "<5")}
    old = (timezone.localdate() - datetime.timedelta(days=95)).isoformat()
    rows = _csv(client, start=old)
    assert any(row[0] == "Checklists made" and row[2] == "so" and row[3] == "500" for row in rows)


def test_agency_editors_see_their_own_pages_and_bad_periods_are_a_400(client, counts):
    editor = User.objects.create_user("skv", password="a-long-test-password")
    editor.groups.add(Group.objects.get(name="Agency: Skatteverket"))
    client.force_login(editor)
    rows = _csv(client)
    pages = {row[1] for row in rows if row[0] in ("Outbound clicks", "Helpful", "Read without a translation")}
    assert pages == {counts["skv"].title}
    other = str(counts["mig"].agency.translation_key)
    assert client.get("/admin/reports/insights/", {"agency": other}).status_code == 400
    assert client.get("/admin/reports/insights/", {"start": "2026-12-31", "end": "2026-01-01"}).status_code == 400
    assert client.get("/admin/reports/insights/", {"start": "not-a-date"}).status_code == 400
