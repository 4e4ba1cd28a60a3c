"""Translation alerts: publishing a translated source page tells each language's translators once, in
their language, with the way to the sync; the "Translation status" report reads the same sync state."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail

from content.models import GuidePage
from content.ops_models import TranslationAlert
from content.translation_alerts import alert_translators


def _user(name, group, email=True):
    user = User.objects.create_user(name, email=f"{name}@example.org" if email else "", password="a-long-test-password")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def translators(demo):
    return {
        "sv": _user("sven", "Translators: sv"),
        "so": _user("amina", "Translators: so"),
        "ar_without_email": _user("noemail", "Translators: ar", email=False),
    }


def _publish_change(page):
    page.summary = "Your employer takes tax from your pay each month; here is what changed."
    page.save_revision().publish()
    return GuidePage.objects.get(pk=page.pk)


def test_publishing_a_changed_source_page_tells_each_languages_translators_once(
    translators, django_capture_on_commit_callbacks
):
    page = GuidePage.objects.get(slug="income-tax", locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        page = _publish_change(page)
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"sven@example.org", "amina@example.org"}
    swedish = by_recipient["sven@example.org"]
    assert page.title in swedish.subject and "/admin/localize/update/" in swedish.body
    swedish_page = GuidePage.objects.get(translation_key=page.translation_key, locale__language_code="sv")
    assert f"/admin/pages/{swedish_page.pk}/edit/" in swedish.body
    assert swedish.subject != by_recipient["amina@example.org"].subject  # each in its own language
    assert TranslationAlert.objects.filter(revision_id=page.live_revision_id).count() == 2
    # The task again (a retry, a second worker): nothing more.
    assert alert_translators(page.pk) == {}
    assert len(mail.outbox) == 2


def test_no_alert_when_the_page_is_in_sync_or_not_a_source_page(translators, django_capture_on_commit_callbacks):
    from wagtail_localize.models import TranslationSource

    page = GuidePage.objects.get(slug="income-tax", locale__language_code="en")
    assert alert_translators(page.pk) == {}  # published before wagtail-localize took its text
    page = _publish_change(page)
    TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale).update_from_db()  # synced
    assert alert_translators(page.pk) == {}
    swedish = GuidePage.objects.get(translation_key=page.translation_key, locale__language_code="sv")
    with django_capture_on_commit_callbacks(execute=True):
        swedish.save_revision().publish()
    assert mail.outbox == []


def test_the_report_leads_to_the_sync_exports_csv_and_shows_agency_editors_their_guides(client, translators):
    page = _publish_change(GuidePage.objects.get(slug="income-tax", locale__language_code="en"))
    admin = User.objects.create_superuser("admin", password="a-long-test-password")
    client.force_login(admin)
    html = client.get("/admin/reports/translations/").content.decode()
    assert 'data-status="to-sync"' in html and "/admin/localize/update/" in html
    assert 'data-section="totals"' in html and "Out of date: sync" in html
    rows = list(
        csv.reader(
            io.StringIO(
                b"".join(client.get("/admin/reports/translations/", {"export": "csv"}).streaming_content).decode()
            )
        )
    )
    assert rows[0][:2] == ["Page", "Agency"] and len(rows[0]) == 5
    income = next(row for row in rows if row[0] == page.title)
    assert income[2] == "Out of date: sync"

    migrationsverket = _user("mig", "Agency: Migrationsverket")
    client.force_login(migrationsverket)
    html = client.get("/admin/reports/translations/").content.decode()
    assert "Apply for a residence permit" in html and page.title not in html
    client.force_login(translators["sv"])
    html = client.get("/admin/reports/translations/").content.decode()
    assert "Apply for a residence permit" in html and page.title in html


def test_the_demo_loaded_again_leaves_its_translations_in_sync(translators, django_capture_on_commit_callbacks):
    """The loader publishes a page and its translations together: they are in sync, nobody is alerted.

    The page differs from its file in every language (as after a change to the file's every language),
    so the loader publishes all four again."""
    from wagtail.models import Revision

    from content.demo import load_demo
    from content.reports import UP_TO_DATE, translation_matrix

    versions = GuidePage.objects.filter(slug="income-tax")
    assert versions.count() == 4
    versions.update(summary="Not what the file says")
    revisions = Revision.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        load_demo(force=True)
    assert Revision.objects.count() == revisions + 4
    assert "Not what the file says" not in {page.summary for page in versions}
    assert mail.outbox == []
    _codes, rows = translation_matrix()
    cells = next(cells for page, cells in rows if page.slug == "income-tax")
    assert {cell.status for cell in cells.values()} == {UP_TO_DATE}
