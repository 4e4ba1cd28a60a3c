"""Agency ownership, the review workflow, the translation report and the wagtail-localize records."""

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import Locale, TaskState

from content import datafiles
from content.editorial import WORKFLOW_NAME
from content.models import PORTAL_EDITORS, GuidePage, HomePage, PhasePage
from content.reports import MISSING, TO_SYNC, TO_TRANSLATE, UP_TO_DATE, translation_matrix
from tests.content.factories import EditorFactory


def make_user(name, group_name):
    user = User.objects.create_user(name, password="a-long-test-password")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editors(demo):
    return {
        "skatteverket": EditorFactory(username="skv", group="Agency: Skatteverket"),
        "migrationsverket": EditorFactory(username="mig", group="Agency: Migrationsverket"),
        "portal": EditorFactory(username="portal", group=PORTAL_EDITORS),
    }


def guide(slug, code="en"):
    return GuidePage.objects.get(slug=slug, locale__language_code=code)


def test_each_agency_has_a_group(demo):
    for name in ("Skatteverket", "Migrationsverket", "Försäkringskassan", "Arbetsförmedlingen"):
        assert Group.objects.filter(name=f"Agency: {name}").exists()


def test_an_agency_editor_may_edit_its_own_guides_in_every_language(editors):
    for code in ("en", "sv", "ar"):
        perms = guide("register-population", code).permissions_for_user(editors["skatteverket"])
        assert perms.can_edit(), code


def test_an_agency_editor_cannot_edit_or_publish_another_agencys_guide(editors):
    perms = guide("apply-permit").permissions_for_user(editors["skatteverket"])
    assert not perms.can_edit()
    assert not perms.can_publish()
    assert not perms.can_delete()
    assert not perms.can_unpublish()


def test_an_agency_editor_cannot_publish_without_review(editors):
    perms = guide("register-population").permissions_for_user(editors["skatteverket"])
    assert perms.can_edit() and not perms.can_publish()


def test_an_agency_editor_cannot_edit_portal_pages_but_may_add_guides_to_a_phase(editors):
    home = HomePage.objects.get(locale__language_code="en")
    assert not home.permissions_for_user(editors["skatteverket"]).can_edit()
    phase = PhasePage.objects.get(slug="arriving", locale__language_code="en")
    assert not phase.permissions_for_user(editors["skatteverket"]).can_edit()
    assert phase.permissions_for_user(editors["skatteverket"]).can_add_subpage()


def test_portal_editors_may_edit_and_publish_everything(editors):
    perms = guide("apply-permit").permissions_for_user(editors["portal"])
    assert perms.can_edit() and perms.can_publish()


def test_the_admin_refuses_another_agencys_edit_form_and_publication(client, editors):
    target = guide("apply-permit")
    client.force_login(editors["skatteverket"])
    response = client.get(f"/admin/pages/{target.pk}/edit/")
    assert response.status_code in (302, 403)
    before = target.get_latest_revision()
    response = client.post(
        f"/admin/pages/{target.pk}/edit/",
        {"title": "Hijacked", "slug": "apply-permit", "action-publish": "action-publish"},
    )
    assert response.status_code in (302, 403)
    target.refresh_from_db()
    assert target.title != "Hijacked"
    assert target.get_latest_revision() == before


def test_the_admin_opens_the_own_agencys_edit_form(client, editors):
    client.force_login(editors["skatteverket"])
    response = client.get(f"/admin/pages/{guide('register-population').pk}/edit/")
    assert response.status_code == 200


def test_every_language_tree_uses_the_agency_review_workflow(demo):
    for code in ("en", "sv", "ar", "so"):
        assert guide("register-population", code).get_workflow().name == WORKFLOW_NAME


def test_the_workflow_goes_agency_review_then_portal_editor(editors):
    page = guide("register-population")
    page.title = "Register in Sweden (updated)"
    revision = page.save_revision(user=editors["skatteverket"])
    workflow = page.get_workflow()
    state = workflow.start(page, editors["skatteverket"])
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.name == "Agency review"
    # Another agency cannot act on it; the owning agency's only editor is the submitter, so the portal can.
    assert task.get_actions(page, editors["migrationsverket"]) == []
    assert task.locked_for_user(page, editors["migrationsverket"])
    assert task.get_actions(page, editors["skatteverket"]) == []
    assert [name for name, _label, _comment in task.get_actions(page, editors["portal"])][:2] == ["reject", "approve"]
    assert not task.get_task_states_user_can_moderate(editors["migrationsverket"]).exists()
    # the submitter never approves their own change
    colleague = EditorFactory(username="skv2", group="Agency: Skatteverket")
    assert not task.get_task_states_user_can_moderate(editors["skatteverket"]).exists()
    assert task.get_task_states_user_can_moderate(colleague).exists()
    task.on_action(task_state, colleague, "approve")
    state.refresh_from_db()
    task_state = state.current_task_state
    portal_task = task_state.task.specific
    assert portal_task.name == "Portal editor approval"
    assert portal_task.get_actions(page, editors["skatteverket"]) == []
    page.refresh_from_db()
    assert page.title != "Register in Sweden (updated)"  # not published yet
    portal_task.on_action(task_state, editors["portal"], "approve")
    page.refresh_from_db()
    assert page.title == "Register in Sweden (updated)"
    assert page.live_revision_id == revision.pk
    assert TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_APPROVED).count() == 2


def test_the_translation_report_shows_missing_and_up_to_date(untranslated_income_tax):
    codes, rows = translation_matrix()
    assert codes == ["sv", "ar", "so"]
    by_slug = {page.slug: {code: cell.status for code, cell in cells.items()} for page, cells in rows}
    assert by_slug["register-population"] == {"sv": UP_TO_DATE, "ar": UP_TO_DATE, "so": UP_TO_DATE}
    assert by_slug["income-tax"] == {"sv": UP_TO_DATE, "ar": MISSING, "so": MISSING}


def _statuses(slug):
    _codes, rows = translation_matrix()
    return next(cells for page, cells in rows if page.slug == slug)


def test_out_of_date_follows_wagtail_localizes_sync_then_the_changed_segments(demo):
    """Publishing the source makes its translations "to sync"; syncing makes the changed segment "to
    translate" in each language; translating it makes that language up to date again."""
    from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

    page = guide("income-tax")
    assert _statuses("income-tax")["sv"].status == UP_TO_DATE
    page.summary = "Tax on your pay is taken by your employer each month; this is new."
    page.save_revision().publish()
    cells = _statuses("income-tax")
    assert cells["sv"].status == TO_SYNC and cells["sv"].source_id
    source = TranslationSource.objects.get(pk=cells["sv"].source_id)
    source.update_from_db()  # what the sync view does first
    cells = _statuses("income-tax")
    assert cells["sv"].status == TO_TRANSLATE and cells["sv"].untranslated == 1
    segment = StringSegment.objects.get(source=source, string__data=page.summary)
    StringTranslation.objects.create(
        translation_of=segment.string,
        context=segment.context,
        locale=cells["sv"].page.locale,
        data="Skatt på lönen; det här är nytt.",
    )
    assert _statuses("income-tax")["sv"].status == UP_TO_DATE
    assert _statuses("income-tax")["ar"].status == TO_TRANSLATE


def test_the_translation_report_filters_by_agency(client, demo, untranslated_income_tax):
    admin = User.objects.create_superuser("admin", password="a-long-test-password")
    client.force_login(admin)
    skatteverket = guide("register-population").agency
    response = client.get("/admin/reports/translations/", {"agency": str(skatteverket.translation_key)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Register in Sweden" in html
    assert "Apply for a residence permit" not in html
    assert 'data-status="missing"' in html
    full = client.get("/admin/reports/translations/").content.decode()
    assert "Apply for a residence permit" in full
    assert client.get("/admin/reports/translations/", {"agency": "not-a-uuid"}).status_code == 200


def test_the_translation_report_is_for_admin_users_only(client, editors):
    assert client.get("/admin/reports/translations/").status_code == 302  # to the login page


def test_demo_translations_are_registered_with_wagtail_localize(demo):
    from wagtail_localize.models import Translation

    source = guide("register-population")
    arabic = Locale.objects.get(language_code="ar")
    translation = Translation.objects.get(source__object_id=source.translation_key, target_locale=arabic)
    po = str(translation.export_po())
    text = next(g for g in datafiles.read().guides if g["key"] == "register-population")["ar"]
    assert text["steps"][0]["heading"] in po
    assert text["summary"] in po
    progress = translation.get_progress()
    assert progress[1] >= progress[0] * 0.9  # (total, translated): nearly every segment has its translation


def test_a_po_import_updates_the_translated_page(demo):
    import polib
    from wagtail_localize.models import Translation

    source = guide("healthcare")
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=Locale.objects.get(language_code="so")
    )
    po = translation.export_po()
    for entry in po:
        if entry.msgid == source.title:
            entry.msgstr = "Hel daryeel caafimaad (cusub)"
    translation.import_po(polib.pofile(str(po)))
    translation.save_target(publish=True)
    assert guide("healthcare", "so").title == "Hel daryeel caafimaad (cusub)"


def test_admin_text_inputs_get_dir_auto(client, demo):
    admin = User.objects.create_superuser("admin2", password="a-long-test-password")
    client.force_login(admin)
    html = client.get("/admin/").content.decode()
    assert "js/admin-dir-auto.js" in html
    from django.contrib.staticfiles import finders

    with open(finders.find("js/admin-dir-auto.js"), encoding="utf-8") as handle:
        script = handle.read()
    assert 'setAttribute("dir", "auto")' in script
    assert "textarea" in script


def test_the_admin_lists_agencies_and_opens_a_guide_and_its_translation(client, demo):
    admin = User.objects.create_superuser("admin3", password="a-long-test-password")
    client.force_login(admin)
    assert client.get("/admin/snippets/content/agency/").status_code == 200
    assert client.get(f"/admin/pages/{guide('register-population').pk}/edit/").status_code == 200
    response = client.get(f"/admin/pages/{guide('register-population', 'ar').pk}/edit/")
    assert response.status_code in (200, 302)  # wagtail-localize may send translated pages to its editor
