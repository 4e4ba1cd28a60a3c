"""Review due: the report (agency filter, CSV, agency editors' own rows), the dashboard panel, the
weekly e-mail (once per agency and week) and "changes coming" blocks past their effective date."""
import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.utils import timezone

from content import review
from content.models import GuidePage
from content.ops_models import ReviewReminder

TODAY = timezone.localdate()


def guide(slug):
    return GuidePage.objects.get(slug=slug, locale__language_code="en")


def editor(name, group_name, email=""):
    user = User.objects.create_user(name, email=email, password="a-long-test-password")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def due(demo):
    """Nothing due except: register-population (Skatteverket) overdue, income-tax (Skatteverket) in 20
    days, apply-permit (Migrationsverket) in 10 days, and bank-account with a change already in effect."""
    far = TODAY + datetime.timedelta(days=400)
    GuidePage.objects.update(review_by=far)
    for page in GuidePage.objects.all():
        if any(child.block_type == "changes_coming" for child in page.body):
            page.body = [child for child in page.body.raw_data if child["type"] != "changes_coming"]
            page.save()
    pages = {slug: guide(slug) for slug in ("register-population", "income-tax", "apply-permit", "bank-account",
                                            "find-housing")}
    GuidePage.objects.filter(pk=pages["register-population"].pk).update(review_by=TODAY - datetime.timedelta(days=3))
    GuidePage.objects.filter(pk=pages["income-tax"].pk).update(review_by=TODAY + datetime.timedelta(days=20))
    GuidePage.objects.filter(pk=pages["apply-permit"].pk).update(review_by=TODAY + datetime.timedelta(days=10))
    GuidePage.objects.filter(pk=pages["find-housing"].pk).update(review_by=TODAY + datetime.timedelta(days=31))
    bank = pages["bank-account"]
    bank.body = [*bank.body.raw_data, {"type": "changes_coming", "value": {
        "status": "decided", "effective_date": (TODAY - datetime.timedelta(days=1)).isoformat(),
        "show_from": None, "text": "New rules.", "source_title": "", "source_url": ""}}]
    bank.save()
    return {slug: guide(slug) for slug in pages}


def test_due_guides_lists_past_and_within_30_days_most_urgent_first(due):
    found = review.due_guides()
    slugs = [item.page.slug for item in found]
    assert slugs[:3] == ["register-population", "apply-permit", "income-tax"]
    assert "find-housing" not in slugs
    overdue = found[0]
    assert overdue.overdue and overdue.days_left == -3 and "overdue by 3 days" in overdue.reason_text
    assert all(item.page.locale.language_code == "en" for item in found)  # source pages only


def test_a_changes_coming_block_past_its_effective_date_is_flagged_for_rewriting(due):
    bank = next(item for item in review.due_guides() if item.page.slug == "bank-account")
    assert bank.days_left == 400
    assert "changes coming" in bank.reason_text and "rewrite" in bank.reason_text
    assert bank.past_changes == [TODAY - datetime.timedelta(days=1)]


def test_agency_editors_see_only_their_agencys_guides(due):
    skv = editor("skv", "Agency: Skatteverket")
    slugs = {item.page.slug for item in review.due_guides(agency_keys=review.visible_agency_keys(skv))}
    assert {"register-population", "income-tax"} <= slugs
    assert "apply-permit" not in slugs


def test_report_filters_by_agency_and_exports_csv(client, due):
    client.force_login(User.objects.create_superuser("admin", password="a-long-test-password"))
    html = client.get("/admin/reports/review-due/").content.decode()
    for slug in ("register-population", "apply-permit", "income-tax", "bank-account"):
        assert due[slug].title in html
    assert due["find-housing"].title not in html
    agency = due["apply-permit"].agency
    html = client.get("/admin/reports/review-due/", {"agency": str(agency.translation_key)}).content.decode()
    assert due["apply-permit"].title in html and due["register-population"].title not in html

    export = client.get("/admin/reports/review-due/", {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[0] == ["Guide", "Agency", "Review by", "Days left", "Why", "Address"]
    assert rows[1][0] == due["register-population"].title and rows[1][3] == "-3"


def test_an_agency_editor_sees_only_own_rows_in_the_report_and_on_the_dashboard(client, due):
    client.force_login(editor("mig", "Agency: Migrationsverket"))
    html = client.get("/admin/reports/review-due/").content.decode()
    assert due["apply-permit"].title in html and due["register-population"].title not in html
    dashboard = client.get("/admin/").content.decode()
    assert "Guides due for review" in dashboard
    assert due["apply-permit"].title in dashboard and due["register-population"].title not in dashboard


def test_weekly_email_goes_to_the_owning_agencys_editors_once_a_week(due):
    editor("skv", "Agency: Skatteverket", "skv@example.org")
    editor("skv-no-mail", "Agency: Skatteverket")
    editor("mig", "Agency: Migrationsverket", "mig@example.org")
    sent = review.send_review_reminders(TODAY)
    assert len(mail.outbox) == len(sent) >= 2
    skv_mail = next(message for message in mail.outbox if message.to == ["skv@example.org"])
    assert due["register-population"].title in skv_mail.body and due["apply-permit"].title not in skv_mail.body
    assert "/admin/reports/review-due/" in skv_mail.body
    assert f"/admin/pages/{due['register-population'].pk}/edit/" in skv_mail.body

    assert review.send_review_reminders(TODAY) == {}  # the same week: nothing again
    assert len(mail.outbox) == len(sent)
    next_week = TODAY + datetime.timedelta(days=7)
    assert review.send_review_reminders(next_week)
    assert ReviewReminder.objects.filter(week=review.iso_week(next_week)).exists()


def test_the_beat_task_sends_the_reminders(due):
    from content.tasks import send_review_reminders

    editor("mig", "Agency: Migrationsverket", "mig@example.org")
    send_review_reminders.delay().get()
    assert [message.to for message in mail.outbox] == [["mig@example.org"]]
    send_review_reminders.delay().get()
    assert len(mail.outbox) == 1


def test_the_beat_schedule_has_both_tasks(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"content.tasks.check_links", "content.tasks.send_review_reminders"} <= tasks
