"""Preview and "View draft": every page type, in every language, with unsaved or unpublished changes.

An editor previews before submitting and a reviewer opens the draft before approving; both must see
the page as it will be, including relations (next steps, life events) that point at draft pages.
"""
import pytest
from django.contrib.auth.models import User
from wagtail.models import Page

from content.models import GuidePage, HomePage, LifeEventIndexPage, LifeEventPage, PhasePage, StandardPage
from tests.conftest import without_isolation

LANGS = ["en", "sv", "ar", "so"]
TYPES = [HomePage, PhasePage, GuidePage, LifeEventIndexPage, LifeEventPage, StandardPage]


@pytest.fixture
def admin_client(client, demo):
    client.force_login(User.objects.create_superuser("previewer", password="a-long-test-password"))
    return client


def one_of(model, lang):
    page = model.objects.filter(locale__language_code=lang).order_by("path").first()
    if page is None:  # not translated into this language: the English page is what readers get
        page = model.objects.filter(locale__language_code="en").order_by("path").first()
    return page


def draft_guide(lang):
    """A new, never published guide in the language's tree, related to nothing yet."""
    parent = PhasePage.objects.filter(locale__language_code=lang).first() or PhasePage.objects.filter(
        locale__language_code="en").first()
    draft = GuidePage(title="A draft guide", slug=f"draft-guide-{lang}", summary="Not yet published.", live=False)
    parent.add_child(instance=draft)
    draft.save_revision()
    return draft


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("model", TYPES, ids=lambda model: model.__name__)
def test_view_draft_answers_200_for_every_page_type_and_language(admin_client, model, lang):
    page = one_of(model, lang)
    page.title = f"{page.title} (draft)"
    if isinstance(page, GuidePage):
        page.next_steps = [*page.next_steps.all(), draft_guide(lang)]
        page.life_events = list(page.life_events.all())
    page.save_revision()
    response = admin_client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert response.status_code == 200, response.content[:500]
    assert "(draft)" in _text(response)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("model", TYPES, ids=lambda model: model.__name__)
def test_preview_of_unsaved_changes_renders_for_every_page_type_and_language(demo, rf, model, lang):
    page = one_of(model, lang).specific
    page.title = f"{page.title} (unsaved)"
    if isinstance(page, GuidePage):
        # In-memory relations, as the edit form hands them to the preview (modelcluster's fake querysets).
        page.next_steps = [*page.next_steps.all(), draft_guide(lang)]
        page.life_events = list(LifeEventPage.objects.filter(locale=page.locale)[:2])
    response = page.make_preview_request(original_request=None)
    assert response.status_code == 200
    assert "(unsaved)" in _text(response)


def test_the_admin_preview_of_an_edited_guide_renders_its_unsaved_steps(admin_client):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    page = GuidePage.objects.get(slug="register-population", locale__language_code="en")
    events = list(page.life_events.values_list("pk", flat=True))
    nexts = [*page.next_steps.values_list("pk", flat=True), draft_guide("en").pk]
    data = nested_form_data({
        "title": "Register in Sweden (preview)",
        "slug": page.slug,
        "summary": "An unsaved summary.",
        "body": streamfield([("warning", {"text": "An unsaved warning."})]),
        "sources": streamfield([]),
        "agency": page.agency_id,
        "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
    })
    data["life_events"] = events
    data["next_steps"] = nexts
    url = f"/admin/pages/{page.pk}/edit/preview/"
    response = admin_client.post(url, data)
    assert response.json()["is_valid"], response.content
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Register in Sweden (preview)" in html
    assert "An unsaved warning." in html
    assert Page.objects.get(pk=page.pk).title != "Register in Sweden (preview)"
    # The preview panel frames this response: the site's own CSP must let the admin (same origin) frame it.
    panel = admin_client.get(url + "?in_preview_panel=true")
    assert panel.status_code == 200
    assert "frame-ancestors 'self'" in panel["Content-Security-Policy"], panel["Content-Security-Policy"]
    assert "frame-ancestors 'none'" not in panel["Content-Security-Policy"]
    assert panel["X-Frame-Options"] == "SAMEORIGIN"


def _text(response):
    """The page's HTML without the <bdi> isolation Arabic pages give Latin runs."""
    return without_isolation(response.content.decode())
