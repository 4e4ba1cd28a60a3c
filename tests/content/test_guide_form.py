"""The guide editor: an agency editor may only name their own agency as owner; choices in the page's language."""
import pytest
from django.contrib.auth.models import User
from wagtail.test.utils.form_data import nested_form_data, streamfield

from content.models import PORTAL_EDITORS, Agency, GuidePage, LifeEventPage, PhasePage
from tests.content.factories import EditorFactory


def agency(slug, code="en"):
    return Agency.objects.get(slug=slug, locale__language_code=code)


def new_guide_data(owner, slug="a-new-guide"):
    return nested_form_data({
        "title": "A new guide", "slug": slug, "summary": "Plain words.",
        "body": streamfield([]), "sources": streamfield([]),
        "agency": owner.pk if owner else "",
        "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
        "action-submit": "action-submit",
    })


@pytest.fixture
def phase(demo):
    return PhasePage.objects.get(slug="arriving", locale__language_code="en")


def add_url(phase):
    return f"/admin/pages/add/content/guidepage/{phase.pk}/"


def test_an_agency_editor_is_offered_only_their_own_agency(client, phase):
    client.force_login(EditorFactory(username="skv", group="Agency: Skatteverket"))
    response = client.get(add_url(phase))
    assert response.status_code == 200
    choices = list(response.context["form"].fields["agency"].queryset)
    assert choices == [agency("skatteverket")]


def test_an_agency_editor_cannot_save_a_guide_owned_by_another_agency(client, phase):
    client.force_login(EditorFactory(username="skv", group="Agency: Skatteverket"))
    response = client.post(add_url(phase), new_guide_data(agency("migrationsverket")))
    assert response.status_code == 200  # the form again, with the message
    errors = response.context["form"].errors
    message = "You can only choose an agency you edit for: Swedish Tax Agency (Skatteverket)."
    assert message in str(errors.get("agency")), errors
    assert not GuidePage.objects.filter(slug="a-new-guide").exists()


def test_an_agency_editor_must_name_an_owner(client, phase):
    client.force_login(EditorFactory(username="skv", group="Agency: Skatteverket"))
    response = client.post(add_url(phase), new_guide_data(None))
    assert "Choose the agency that owns this guide" in response.content.decode()
    assert not GuidePage.objects.filter(slug="a-new-guide").exists()


def test_an_agency_editor_saves_a_guide_of_their_own_agency_and_keeps_editing_it(client, phase):
    user = EditorFactory(username="skv", group="Agency: Skatteverket")
    client.force_login(user)
    response = client.post(add_url(phase), new_guide_data(agency("skatteverket")))
    assert response.status_code == 302
    page = GuidePage.objects.get(slug="a-new-guide")
    assert page.agency == agency("skatteverket")
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_portal_editors_may_choose_any_agency_of_the_pages_language(client, phase):
    client.force_login(EditorFactory(username="portal", group=PORTAL_EDITORS))
    response = client.get(add_url(phase))
    choices = response.context["form"].fields["agency"].queryset
    assert set(choices) == set(Agency.objects.filter(locale__language_code="en"))


def test_choosers_for_life_events_and_next_steps_list_the_pages_own_language(client, demo):
    client.force_login(User.objects.create_superuser("admin", password="a-long-test-password"))
    for code in ("en", "sv"):
        page = GuidePage.objects.filter(locale__language_code=code).first()
        form = page.get_edit_handler().get_form_class()(instance=page, for_user=None, parent_page=page.get_parent())
        events = form.fields["life_events"].queryset
        assert events.exists() and set(events.values_list("locale__language_code", flat=True)) == {code}
        steps = form.fields["next_steps"].queryset
        assert steps.exists() and set(steps.values_list("locale__language_code", flat=True)) == {code}
        assert page not in steps
    phase = PhasePage.objects.get(slug="arriving", locale__language_code="en")
    html = client.get(add_url(phase)).content.decode()
    swedish_event = LifeEventPage.objects.filter(locale__language_code="sv").first()
    assert f'value="{swedish_event.pk}"' not in html


def test_a_refused_edit_says_whose_page_it_is_and_who_can_change_it(client, demo):
    client.force_login(EditorFactory(username="skv", group="Agency: Skatteverket"))
    target = GuidePage.objects.get(slug="apply-permit", locale__language_code="en")
    response = client.get(f"/admin/pages/{target.pk}/edit/", follow=True)
    html = response.content.decode()
    assert "Sorry, you do not have permission" not in html
    owner = target.agency
    assert f"belongs to {owner}" in html.replace("&#x27;", "'")
    assert "Agency: Migrationsverket" in html and "portal editors" in html
    assert "You edit for: Swedish Tax Agency (Skatteverket)" in html
    assert response.redirect_chain[-1][0] == f"/admin/pages/{target.get_parent().pk}/"
    home = target.get_parent().get_parent()
    html = client.get(f"/admin/pages/{home.pk}/edit/", follow=True).content.decode()
    assert "belongs to the portal" in html
    # Their own agency's page still opens.
    own = GuidePage.objects.get(slug="register-population", locale__language_code="en")
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
