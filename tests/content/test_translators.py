"""The translator's journey: find a missing translation, translate, submit, review, publish — and the
English page with its notice stays what readers get until the translation is published."""
from django.contrib.auth.models import Group
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from content.models import GuidePage

NOTICE = "Boggan weli looma turjumin luqaddaada"  # the fallback notice, in Somali
READER_URL = "/so/arriving/income-tax/"


def reader_sees(client, text):
    client.logout()
    html = client.get(READER_URL).content.decode()
    return text in html


def test_every_language_but_english_has_a_translators_group(demo):
    for code in ("sv", "ar", "so"):
        group = Group.objects.get(name=f"Translators: {code}")
        assert group.permissions.filter(codename="submit_translation").exists()
    assert not Group.objects.filter(name="Translators: en").exists()


def test_the_translators_journey(client, people, untranslated_income_tax):
    source = GuidePage.objects.get(slug="income-tax", locale__language_code="en")
    somali = Locale.objects.get(language_code="so")
    assert not GuidePage.objects.filter(translation_key=source.translation_key, locale=somali).exists()
    assert reader_sees(client, NOTICE)

    # The translator finds the missing translation in the report, under one clearly named menu item.
    client.force_login(people["translator"])
    dashboard = client.get("/admin/").content.decode()
    assert "Translation status" in dashboard
    report = client.get("/admin/reports/translations/").content.decode()
    assert "Soomaali" in report
    submit_url = f"/admin/localize/submit/page/{source.pk}/"
    assert submit_url in report

    # "Translate this page" makes a draft, not a live page in English.
    response = client.post(submit_url, {"locales": [somali.pk]})
    assert response.status_code == 302
    draft = GuidePage.objects.get(translation_key=source.translation_key, locale=somali)
    assert not draft.live
    assert reader_sees(client, NOTICE)

    # The translator translates (here: the title segment) and submits for review; still not live.
    client.force_login(people["translator"])
    translation = Translation.objects.get(source__object_id=source.translation_key, target_locale=somali)
    title = StringSegment.objects.get(source=translation.source, context__path="title")
    StringTranslation.objects.create(translation_of_id=title.string_id, locale=somali, context_id=title.context_id,
                                     data="Canshuurta dakhliga", translation_type="manual")
    assert client.get(f"/admin/pages/{draft.pk}/edit/").status_code in (200, 302)
    response = client.post(f"/admin/translations/{draft.pk}/submit/")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.live and draft.workflow_in_progress
    assert reader_sees(client, NOTICE)
    assert not reader_sees(client, "Canshuurta dakhliga")

    # The owning agency reviews (the translator cannot), then the portal editor publishes.
    state = WorkflowState.objects.for_instance(draft).get(status="in_progress")
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.get_actions(draft, people["translator"]) == []
    task.on_action(task_state, people["writer"], "approve")
    state.refresh_from_db()
    state.current_task_state.task.specific.on_action(state.current_task_state, people["portal"], "approve")
    draft.refresh_from_db()
    assert draft.live and draft.title == "Canshuurta dakhliga"
    assert reader_sees(client, "Canshuurta dakhliga")
    assert not reader_sees(client, NOTICE)


def test_a_translator_cannot_publish_or_edit_the_english_page(people):
    source = GuidePage.objects.get(slug="income-tax", locale__language_code="en")
    assert not source.permissions_for_user(people["translator"]).can_edit()
    swedish = GuidePage.objects.get(slug=source.slug, locale__language_code="sv")
    assert not swedish.permissions_for_user(people["translator"]).can_edit()
    somali = GuidePage.objects.get(slug="register-population", locale__language_code="so")
    perms = somali.permissions_for_user(people["translator"])
    assert perms.can_edit() and not perms.can_publish()


def test_the_report_labels_languages_and_links_out_of_date_to_the_sync(client, people):
    source = GuidePage.objects.get(slug="register-population", locale__language_code="en")
    source.save_revision().publish()
    client.force_login(people["writer"])
    html = client.get("/admin/reports/translations/").content.decode()
    assert "<title>Translation status" in html or "Translation status" in html
    assert "Svenska" in html and "العربية" in html and "Soomaali" in html
    assert "/admin/localize/update/" in html
    swedish = GuidePage.objects.get(slug=source.slug, locale__language_code="sv")
    assert f"next=/admin/pages/{swedish.pk}/edit/" in html
    assert html.count(">Translations<") == 0  # wagtail-localize's second item is gone from the menu
