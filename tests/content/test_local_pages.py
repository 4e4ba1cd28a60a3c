"""The local layer in the CMS: places as owners in the one register of agencies, their permissions and
review workflow, the local guide editor's task keys, purge, search, sitemap and API v2."""
import pytest
from django.core.exceptions import ValidationError
from wagtail.models import TaskState

from content.models import PORTAL_EDITORS, Agency, LocalGuidePage, MunicipalityPage, RegionPage
from tests.content.factories import EditorFactory

GOTEBORG = "Agency: Göteborgs Stad"
STOCKHOLM = "Agency: Stockholms stad"
REGION = "Agency: Västra Götalandsregionen"


@pytest.fixture
def editors(demo):
    return {
        "skatteverket": EditorFactory(username="skv", group="Agency: Skatteverket"),
        "goteborg": EditorFactory(username="gbg", group=GOTEBORG),
        "goteborg2": EditorFactory(username="gbg2", group=GOTEBORG),
        "stockholm": EditorFactory(username="sthlm", group=STOCKHOLM),
        "region": EditorFactory(username="vgr", group=REGION),
        "portal": EditorFactory(username="portal", group=PORTAL_EDITORS),
    }


def page(model, slug, code="en"):
    return model.objects.get(slug=slug, locale__language_code=code)


# --- owners ----------------------------------------------------------------------------------------

def test_the_demo_places_are_owners_in_the_register_of_agencies(demo):
    goteborg = Agency.objects.get(slug="goteborg", locale__language_code="en")
    assert (goteborg.kind, goteborg.place_code, goteborg.place.name) == ("municipality", "1480", "Göteborg")
    assert goteborg.group.name == GOTEBORG
    for code in ("sv", "ar", "so"):  # the code is the same in every language
        assert Agency.objects.get(slug="goteborg", locale__language_code=code).place_code == "1480"
    region = Agency.objects.get(slug="vastra-gotaland", locale__language_code="en")
    assert (region.kind, region.place_code, region.place.name) == ("region", "14", "Västra Götalandsregionen")
    assert page(MunicipalityPage, "goteborg").agency == goteborg
    assert page(RegionPage, "vastra-gotaland").agency == region


@pytest.mark.parametrize(("kind", "code"), [
    ("municipality", "9999"), ("municipality", "14"), ("region", "1480"), ("region", "02"),
    ("agency", "1480"), ("municipality", "14\x0080"), ("municipality", ""),
])
def test_a_place_code_must_be_statistics_swedens_for_its_kind(demo, kind, code):
    owner = Agency(name="Test", slug="test", kind=kind, place_code=code,
                   locale=Agency.objects.get(slug="goteborg", locale__language_code="en").locale)
    with pytest.raises(ValidationError) as error:
        owner.full_clean()
    assert "place_code" in error.value.message_dict


def test_any_place_can_become_an_owner_named_from_the_places_file(demo):
    en = Agency.objects.get(slug="goteborg", locale__language_code="en").locale
    owner = Agency(name="", slug="kiruna", kind="municipality", place_code="2584", locale=en)
    owner.clean()
    assert owner.name == "Kiruna"
    owner.full_clean()


def test_one_owner_per_place_and_language(demo):
    en = Agency.objects.get(slug="goteborg", locale__language_code="en").locale
    second = Agency(name="Another Göteborg", slug="goteborg-2", kind="municipality", place_code="1480", locale=en)
    with pytest.raises(ValidationError):
        second.full_clean()


# --- permissions -----------------------------------------------------------------------------------

def test_a_national_agencys_editor_cannot_touch_goteborgs_pages(editors):
    preschool = LocalGuidePage.objects.child_of(page(MunicipalityPage, "goteborg")).get(slug="preschool")
    for target in (page(MunicipalityPage, "goteborg"), preschool,
                   page(MunicipalityPage, "goteborg", "ar")):
        perms = target.permissions_for_user(editors["skatteverket"])
        assert not perms.can_edit() and not perms.can_publish() and not perms.can_add_subpage()


def test_goteborgs_editor_edits_its_pages_in_every_language_and_adds_guides_under_its_own_page(editors):
    for code in ("en", "sv", "ar", "so"):
        perms = page(MunicipalityPage, "goteborg", code).permissions_for_user(editors["goteborg"])
        assert perms.can_edit() and perms.can_add_subpage(), code
        assert not perms.can_publish(), code  # through the review workflow
    city = page(MunicipalityPage, "goteborg")
    guide = LocalGuidePage.objects.child_of(city).get(slug="preschool")
    assert guide.permissions_for_user(editors["goteborg"]).can_edit()
    for other in (page(MunicipalityPage, "stockholm"), page(RegionPage, "vastra-gotaland"),
                  LocalGuidePage.objects.child_of(page(MunicipalityPage, "stockholm")).first()):
        perms = other.permissions_for_user(editors["goteborg"])
        assert not perms.can_edit() and not perms.can_add_subpage(), other


def test_the_admin_lets_goteborg_add_a_local_guide_under_its_page_only(client, editors, tasks):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    def form(title):
        data = nested_form_data({
            "title": title, "slug": "new-local-guide", "summary": "Where to ask.",
            "body": streamfield([]), "sources": streamfield([]),
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
            "action-submit": "action-submit",
        })
        return {**data, "task_keys": ["sfi", "register-population"]}  # a list: the checkboxes' values

    client.force_login(editors["goteborg"])
    for other in (page(MunicipalityPage, "stockholm"), page(RegionPage, "vastra-gotaland")):
        response = client.post(f"/admin/pages/add/content/localguidepage/{other.pk}/", form("Not ours"))
        assert response.status_code in (302, 403)
        assert not LocalGuidePage.objects.filter(title="Not ours").exists()
    city = page(MunicipalityPage, "goteborg")
    response = client.get(f"/admin/pages/add/content/localguidepage/{city.pk}/")
    assert response.status_code == 200
    response = client.post(f"/admin/pages/add/content/localguidepage/{city.pk}/", form("Sfi in Göteborg"))
    assert response.status_code == 302, response.content.decode()[:3000]
    added = LocalGuidePage.objects.get(title="Sfi in Göteborg")
    assert added.agency_id == city.agency_id  # the owner follows the place
    assert added.task_keys == ["sfi", "register-population"]
    assert not added.live  # submitted for review, not published
    assert added.permissions_for_user(editors["goteborg"]).can_edit()
    assert not added.permissions_for_user(editors["stockholm"]).can_edit()


def test_an_unknown_task_key_is_refused_with_a_message(client, editors, tasks):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    city = page(MunicipalityPage, "goteborg")
    client.force_login(editors["goteborg"])
    response = client.get(f"/admin/pages/add/content/localguidepage/{city.pk}/")
    assert 'value="preschool-place"' in response.content.decode()  # the checklist's tasks are the choices
    data = nested_form_data({
        "title": "Bad keys", "slug": "bad-keys", "summary": "x",
        "body": streamfield([]), "sources": streamfield([]),
        "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
    })
    data["task_keys"] = ["preschool-place", "no-such-task"]
    response = client.post(f"/admin/pages/add/content/localguidepage/{city.pk}/", data)
    assert response.status_code == 200
    assert "no-such-task is not a task of the checklist" in response.content.decode()
    assert not LocalGuidePage.objects.filter(title="Bad keys").exists()


def test_the_workflow_goes_to_the_municipalitys_group_then_portal_editors(editors):
    guide = LocalGuidePage.objects.child_of(page(MunicipalityPage, "goteborg")).get(slug="preschool")
    guide.title = "Preschool in Göteborg (updated)"
    revision = guide.save_revision(user=editors["goteborg"])
    state = guide.get_workflow().start(guide, editors["goteborg"])
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.name == "Agency review"
    for outsider in ("skatteverket", "stockholm", "region", "goteborg"):  # the submitter neither
        assert task.get_actions(guide, editors[outsider]) == [], outsider
        assert not task.get_task_states_user_can_moderate(editors[outsider]).exists(), outsider
    assert task.get_task_states_user_can_moderate(editors["goteborg2"]).exists()
    task.on_action(task_state, editors["goteborg2"], "approve")
    state.refresh_from_db()
    task_state = state.current_task_state
    assert task_state.task.name == "Portal editor approval"
    assert task_state.task.specific.get_actions(guide, editors["goteborg2"]) == []
    task_state.task.specific.on_action(task_state, editors["portal"], "approve")
    guide.refresh_from_db()
    assert guide.title == "Preschool in Göteborg (updated)" and guide.live_revision_id == revision.pk
    assert TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_APPROVED).count() == 2


# --- reading: search, sitemap, API v2, purge --------------------------------------------------------

@pytest.mark.parametrize(("code", "query", "path"), [
    ("en", "preschool", "/en/where-you-live/vastra-gotaland/goteborg/preschool/"),
    ("sv", "förskola", "/sv/where-you-live/vastra-gotaland/goteborg/preschool/"),
    ("en", "International House Gothenburg", "/en/where-you-live/vastra-gotaland/goteborg/"),
])
def test_the_search_finds_local_guides_and_place_pages_in_the_readers_language(client, demo, code, query, path):
    import re

    html = client.get(f"/{code}/search/", {"q": query}).content.decode()
    links = re.findall(r'class="search-results__title"><a href="([^"]+)"', html)
    assert path in links
    assert all(link.startswith(f"/{code}/") for link in links)


def test_the_sitemap_lists_place_pages_and_local_guides_with_their_languages(client, demo):
    xml = client.get("/sitemap.xml").content.decode()
    for code in ("en", "sv", "ar", "so"):
        assert f"/{code}/where-you-live/vastra-gotaland/goteborg/preschool/</loc>" in xml
        assert f'hreflang="{code}" href="http://testserver/{code}/where-you-live/vastra-gotaland/goteborg/"' in xml


def test_api_v2_lists_local_guides_with_their_task_keys(client, demo):
    response = client.get("/api/v2/pages/", {"type": "content.LocalGuidePage", "locale": "ar",
                                              "fields": "summary,task_keys"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert items and all(item["meta"]["locale"] == "ar" for item in items)
    preschool = next(item for item in items if item["meta"]["slug"] == "preschool"
                     and "goteborg" in item["meta"]["html_url"])
    assert preschool["task_keys"] == ["preschool-place"]
    places = client.get("/api/v2/pages/", {"type": "content.MunicipalityPage", "fields": "services"}).json()
    assert {item["meta"]["slug"] for item in places["items"]} >= {"goteborg", "stockholm", "malmo", "umea"}


def test_publishing_a_local_guide_purges_it_its_places_and_the_checklists(demo):
    from content.purge import page_paths

    city = page(MunicipalityPage, "goteborg")
    guide = LocalGuidePage.objects.child_of(city).get(slug="preschool")
    paths = page_paths(guide)
    for code in ("en", "sv", "ar", "so"):
        assert f"/{code}/where-you-live/vastra-gotaland/goteborg/preschool/" in paths
        assert f"/{code}/where-you-live/vastra-gotaland/goteborg/" in paths
        assert f"/{code}/where-you-live/vastra-gotaland/" in paths
        assert f"/{code}/where-you-live/" in paths
        assert f"/{code}/checklist/*" in paths
    assert "/api/v1/checklist" in paths and "/sitemap.xml" in paths
    assert page_paths(page(MunicipalityPage, "goteborg")) >= {"/ar/where-you-live/vastra-gotaland/", "/en/checklist/*"}


# --- the pages ------------------------------------------------------------------------------------

def test_goteborgs_page_shows_its_services_its_local_guides_and_its_region(client, demo):
    html = client.get("/ar/where-you-live/vastra-gotaland/goteborg/").content.decode()
    assert "International House Gothenburg" in html
    assert 'href="/ar/where-you-live/vastra-gotaland/goteborg/preschool/"' in html
    assert 'href="/ar/where-you-live/vastra-gotaland/"' in html  # up to the region
    assert 'dir="rtl"' in html and "منطقتك:" in html


def test_the_region_lists_its_own_guides_and_its_municipalities(client, demo):
    html = client.get("/en/where-you-live/vastra-gotaland/").content.decode()
    assert 'href="/en/where-you-live/vastra-gotaland/goteborg/"' in html
    assert 'href="/en/where-you-live/vastra-gotaland/1177/"' in html
    assert "Municipalities in the region" in html
    index = client.get("/sv/where-you-live/").content.decode()
    for slug in ("vastra-gotaland/goteborg", "region-stockholm/stockholm", "region-skane/malmo",
                 "region-vasterbotten/umea"):
        assert f'href="/sv/where-you-live/{slug}/"' in index


def test_a_local_guide_names_its_owner_and_links_to_its_place(client, demo):
    html = client.get("/so/where-you-live/vastra-gotaland/goteborg/preschool/").content.decode()
    assert 'href="/so/where-you-live/vastra-gotaland/goteborg/"' in html
    assert "Magaalada Göteborg" in html  # the owner's Somali name
    assert 'class="review-line"' in html


def test_where_you_live_is_in_the_navigation(client, demo):
    html = client.get("/en/").content.decode()
    assert 'href="/en/where-you-live/"' in html


def test_a_portal_editor_makes_a_municipality_an_owner_in_the_admin_named_from_its_code(client, editors):
    from wagtail.models import Locale

    client.force_login(editors["portal"])
    data = {"name": "", "short_name": "", "slug": "kiruna", "description": "", "website": "", "phone": "",
            "kind": "municipality", "place_code": "2584", "eservices-count": "0", "locale": Locale.get_default().pk}
    response = client.post("/admin/snippets/content/agency/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Agency.objects.get(slug="kiruna").name == "Kiruna"
    data.update(slug="nowhere", place_code="9999\x00")
    response = client.post("/admin/snippets/content/agency/add/", data)
    assert response.status_code == 200 and not Agency.objects.filter(slug="nowhere").exists()


def test_a_places_editor_cannot_hand_its_page_to_another_place(editors):
    city = page(MunicipalityPage, "goteborg")
    form_class = MunicipalityPage.get_edit_handler().get_form_class()
    own = form_class(instance=city, parent_page=city.get_parent(), for_user=editors["goteborg"])
    assert list(own.fields["agency"].queryset) == [city.agency]
    portal = form_class(instance=city, parent_page=city.get_parent(), for_user=editors["portal"])
    assert set(portal.fields["agency"].queryset.values_list("kind", flat=True)) == {"municipality"}
    assert portal.fields["agency"].queryset.filter(slug="stockholm").exists()


def test_a_places_agency_page_leads_to_its_place_page_and_its_local_guides(client, demo):
    html = client.get("/ar/agencies/goteborg/").content.decode()
    assert 'href="/ar/where-you-live/vastra-gotaland/goteborg/"' in html
    assert 'href="/ar/where-you-live/vastra-gotaland/goteborg/preschool/"' in html
    assert "لا توجد أدلة بعد" not in html  # a place owner with local guides is not "no guides yet"
    national = client.get("/en/agencies/skatteverket/").content.decode()
    assert "where-you-live" not in national.split("<main", 1)[1].split("</main>", 1)[0]
