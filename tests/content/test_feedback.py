""""Was this page helpful?": works without JavaScript, rate limited, stores no personal data, counts
per page and day, and comments reach the owning agency's editors in the admin."""
import csv
import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache

from content.feedback import scrub
from content.models import GuidePage
from content.ops_models import FeedbackComment, FeedbackDay


@pytest.fixture
def guide(demo):
    cache.clear()  # the rate limit's counters
    return GuidePage.objects.get(slug="register-population", locale__language_code="en")


@pytest.mark.parametrize("text", [
    "Mail me at anna.svensson@example.se please",
    "My personnummer is 19900101-1234.",
    "personnummer 900101-1234",
    "samordningsnummer 199001611234",
    "Call +46 70 123 45 67 or 070-123 45 67",
])
def test_personal_data_is_removed_from_comments(text):
    cleaned = scrub(text)
    assert "[…]" in cleaned
    assert not any(part in cleaned for part in ("anna.svensson", "1234", "123 45 67", "@"))


def test_scrub_keeps_ordinary_text_and_cuts_long_comments():
    assert scrub("The bank step was unclear in 2026.") == "The bank step was unclear in 2026."
    assert len(scrub("x" * 2000)) == 500


def test_every_guide_has_the_form_without_javascript_or_csrf_token(client, guide):
    html = client.get(guide.url).content.decode()
    assert "Was this page helpful?" in html
    assert 'action="/feedback/"' in html and f'name="page" value="{guide.pk}"' in html
    assert 'name="helpful" value="yes"' in html and 'name="helpful" value="no"' in html
    assert "csrfmiddlewaretoken" not in html


def test_the_checklist_result_has_the_form(client, demo):
    html = client.get("/en/checklist/", {"status": "eu", "permit": "work", "family": "alone", "stay": "long"})
    assert 'name="page" value="0"' in html.content.decode()


def test_an_answer_is_counted_and_the_comment_stored_scrubbed_for_the_agency(client, guide):
    response = client.post("/feedback/", {"page": guide.pk, "helpful": "no", "lang": "en", "next": guide.url,
                                          "comment": "Unclear. Reach me at a@b.se or 0701234567."})
    assert response.status_code == 200 and "Thank you" in response.content.decode()
    assert f'href="{guide.url}"' in response.content.decode()
    client.post("/feedback/", {"page": guide.pk, "helpful": "yes", "next": guide.url})
    row = FeedbackDay.objects.get(page_id=guide.pk)
    assert (row.yes, row.no) == (1, 1)
    comment = FeedbackComment.objects.get()
    assert comment.text == "Unclear. Reach me at […] or […]."
    assert comment.agency_key == guide.agency.translation_key and not comment.helpful
    assert {f.name for f in FeedbackComment._meta.fields} == {"id", "day", "page_id", "language", "helpful", "text",
                                                               "agency_key"}


def test_bad_answers_and_foreign_return_addresses_are_refused(client, guide):
    assert client.post("/feedback/", {"page": guide.pk, "helpful": "maybe"}).status_code == 400
    assert client.post("/feedback/", {"page": 999999999, "helpful": "yes"}).status_code == 400
    assert client.get("/feedback/").status_code == 405
    response = client.post("/feedback/", {"page": guide.pk, "helpful": "yes", "next": "https://evil.example/"})
    assert 'href="https://evil.example/"' not in response.content.decode()
    assert not FeedbackComment.objects.exists()


def test_answers_are_rate_limited(client, guide, settings):
    settings.FEEDBACK_RATE = "3/h"
    codes = [client.post("/feedback/", {"page": guide.pk, "helpful": "yes"}).status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    assert FeedbackDay.objects.get(page_id=guide.pk).yes == 3


def test_comments_reach_the_owning_agencys_editors_only(client, guide):
    client.post("/feedback/", {"page": guide.pk, "helpful": "no", "comment": "Skatteverket's page is unclear"})
    other = GuidePage.objects.get(slug="apply-permit", locale__language_code="en")
    client.post("/feedback/", {"page": other.pk, "helpful": "no", "comment": "Migrationsverket's page is unclear"})
    client.post("/feedback/", {"page": 0, "helpful": "yes", "comment": "Nice checklist"})

    client.force_login(User.objects.create_superuser("admin", password="a-long-test-password"))
    export = client.get("/admin/reports/feedback/", {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[0] == ["Day", "Page", "Language", "Helpful?", "Comment"]
    assert {row[4] for row in rows[1:]} == {"Skatteverket's page is unclear", "Migrationsverket's page is unclear",
                                            "Nice checklist"}
    html = client.get("/admin/reports/feedback/", {"agency": str(other.agency.translation_key)}).content.decode()
    assert "Migrationsverket&#x27;s page is unclear" in html and "Skatteverket&#x27;s" not in html

    editor = User.objects.create_user("skv", password="a-long-test-password")
    editor.groups.add(Group.objects.get(name="Agency: Skatteverket"))
    client.force_login(editor)
    html = client.get("/admin/reports/feedback/").content.decode()
    assert "Skatteverket&#x27;s page is unclear" in html
    assert "Migrationsverket&#x27;s" not in html and "Nice checklist" not in html


@pytest.mark.parametrize(("code", "question"), [("sv", "Var den här sidan till hjälp?"),
                                                ("ar", "هل كانت هذه الصفحة مفيدة؟"), ("so", "Boggan ma kaa caawiyay?")])
def test_the_form_reads_in_the_readers_language(client, guide, code, question):
    html = client.get(f"/{code}/arriving/register-population/").content.decode()
    assert question in html and f'name="lang" value="{code}"' in html


def test_helpfulness_report_gives_the_share_per_page_and_suppresses_small_counts(client, guide):
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    other = GuidePage.objects.get(slug="apply-permit", locale__language_code="en")
    FeedbackDay.objects.create(day=today, page_id=guide.pk, yes=6, no=2)
    FeedbackDay.objects.create(day=today - datetime.timedelta(days=1), page_id=guide.pk, yes=3, no=3)
    FeedbackDay.objects.create(day=today, page_id=other.pk, yes=2, no=1)
    FeedbackDay.objects.create(day=today - datetime.timedelta(days=60), page_id=other.pk, yes=40, no=10)
    client.force_login(User.objects.create_superuser("admin", password="a-long-test-password"))
    export = client.get("/admin/reports/helpfulness/", {"export": "csv"})
    rows = {row[0]: row for row in csv.reader(io.StringIO(b"".join(export.streaming_content).decode()))}
    assert rows["Page"] == ["Page", "Agency", "Yes", "No", "Helpful (share)"]
    assert rows[guide.title][2:] == ["9", "5", "64 %"]
    assert rows[other.title][2:] == ["<5", "<5", "–"]
    period = {"day_after": (today - datetime.timedelta(days=90)).isoformat(), "day_before": today.isoformat(),
              "agency": str(other.agency.translation_key), "export": "csv"}
    rows = list(csv.reader(io.StringIO(b"".join(client.get("/admin/reports/helpfulness/", period)
                                                 .streaming_content).decode())))
    assert rows[1:] == [[other.title, rows[1][1], "42", "11", "79 %"]]

    editor = User.objects.create_user("skv", password="a-long-test-password")
    editor.groups.add(Group.objects.get(name="Agency: Skatteverket"))
    client.force_login(editor)
    html = client.get("/admin/reports/helpfulness/").content.decode()
    assert guide.title in html and other.title not in html


@pytest.mark.parametrize("fields", [
    {"comment": "hi\x00there", "lang": "sv"},  # PostgreSQL refuses NUL in text: was a 500
    {"comment": "escape \x1b[31m", "lang": "sv"},
    {"comment": "Unclear.", "lang": "x" * 40},  # longer than the column: was a 500
    {"comment": "Unclear.", "lang": "\x00"},
    {"comment": "Unclear.", "lang": "de"},
])
def test_a_hand_made_answer_is_400_in_the_readers_language_and_stores_nothing(client, guide, fields):
    response = client.post("/feedback/", {"page": guide.pk, "helpful": "no", **fields}, HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'lang="sv"' in html and "Begäran kunde inte förstås" in html
    assert not FeedbackComment.objects.exists() and not FeedbackDay.objects.exists()


@pytest.mark.parametrize("page", ["²", "١", "¹²", " 1", "1\n", "-1"])
def test_a_page_number_in_other_digits_is_refused_not_a_500(client, guide, page):
    assert client.post("/feedback/", {"page": page, "helpful": "yes"}).status_code == 400


def test_tabs_and_line_breaks_in_a_comment_are_kept(client, guide):
    response = client.post("/feedback/", {"page": guide.pk, "helpful": "no", "lang": "en",
                                          "comment": "Step 2:\n\tunclear"})
    assert response.status_code == 200
    assert FeedbackComment.objects.get().text == "Step 2:\n\tunclear"
