"""The local layer's lookup (content.local): a municipality's local guides by checklist task, else its
region's, in the reader's language with the fallback, in at most three queries, forgotten on publish."""
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.local import LocalLayer, local_layer
from content.models import PlaceIndexPage
from content.navigation import path_in
from tests.content.factories import (
    LocalGuidePageFactory,
    MunicipalityPageFactory,
    PlaceIndexPageFactory,
    PlaceOwnerFactory,
    RegionPageFactory,
    english_home,
)


@pytest.fixture
def gothenburg(demo):
    """Västra Götaland's and Göteborg's pages, each with local guides; Göteborg's preschool guide in Arabic too."""
    cache.clear()
    index = PlaceIndexPage.objects.filter(locale__language_code="en").first()
    if index is None:
        index = PlaceIndexPageFactory(parent=english_home())
    region_owner = PlaceOwnerFactory(place_code="14")
    city_owner = PlaceOwnerFactory(place_code="1480")
    region = RegionPageFactory(parent=index, agency=region_owner, slug="vastra-gotaland-test")
    city = MunicipalityPageFactory(parent=region, agency=city_owner, slug="goteborg-test")
    pages = {
        "region": region,
        "city": city,
        "care": LocalGuidePageFactory(parent=region, title="1177 in Västra Götaland", task_keys=["healthcare"]),
        "teeth": LocalGuidePageFactory(parent=region, title="Dental care for children",
                                       task_keys=["healthcare", "preschool-place"]),
        "preschool": LocalGuidePageFactory(parent=city, title="Preschool in Göteborg", task_keys=["preschool-place"]),
        "house": LocalGuidePageFactory(parent=city, title="International House Göteborg",
                                       task_keys=["register-population", "preschool-place"]),
    }
    yield pages
    cache.clear()


def test_an_unknown_code_has_no_local_layer(db):
    for code in ("9999", "14", "", "1480\x00", "1" * 10_000, None, 1480):
        assert local_layer(code, "en") is None


def test_the_municipalitys_guides_come_first_and_the_region_fills_in(gothenburg):
    layer = local_layer("1480", "en")
    assert isinstance(layer, LocalLayer)
    assert layer.municipality.code == "1480" and layer.region.code == "14"
    assert layer.municipality.url == "/en/where-you-live/vastra-gotaland-test/goteborg-test/"
    assert layer.region.url == "/en/where-you-live/vastra-gotaland-test/"
    preschool = [link.title for link in layer.for_task("preschool-place")]
    assert preschool == ["Preschool in Göteborg", "International House Göteborg"]  # not the region's
    assert [link.title for link in layer.for_task("healthcare")] == ["1177 in Västra Götaland",
                                                                       "Dental care for children"]
    assert [link.title for link in layer.for_task("register-population")] == ["International House Göteborg"]
    assert layer.for_task("bank-account") == ()
    assert layer.for_task("preschool-place")[0].owner == "Göteborg"
    assert layer.for_task("healthcare")[0].owner == "Västra Götalandsregionen"
    assert layer.for_task("preschool-place")[0].url.startswith("/en/where-you-live/vastra-gotaland-test/goteborg-test/")


def test_a_reader_gets_the_translation_or_the_source_marked_with_its_language(gothenburg):
    from wagtail.models import Locale

    arabic = Locale.objects.get(language_code="ar")
    page = gothenburg["preschool"].copy_for_translation(arabic, copy_parents=True)
    # (its place pages came along as aliases of the English ones: live, in the Arabic tree)
    page.title = "الروضة في يوتبوري"
    page.save_revision().publish()
    cache.clear()
    layer = local_layer("1480", "ar")
    first, second = layer.for_task("preschool-place")
    assert (first.title, first.language) == ("الروضة في يوتبوري", "ar")
    assert first.url == path_in(page, "ar") and first.url.startswith("/ar/where-you-live/")
    assert (second.title, second.language) == ("International House Göteborg", "en")
    assert second.url.startswith("/ar/where-you-live/")
    assert layer.municipality.url.startswith("/ar/")


def test_a_municipality_without_pages_falls_back_to_its_regions_guides(gothenburg):
    layer = local_layer("1401", "en")  # Härryda, in Västra Götaland, has no page of its own
    assert layer.municipality.url is None and layer.municipality.name == "Härryda"
    assert [link.title for link in layer.for_task("preschool-place")] == ["Dental care for children"]
    assert local_layer("0180", "en").links == {}  # Stockholm: nothing in this test


def test_three_queries_at_most_however_many_guides_and_none_when_cached(gothenburg):
    for n in range(6):
        LocalGuidePageFactory(parent=gothenburg["city"], title=f"More {n}", task_keys=["school-place"])
    cache.clear()
    local_layer("0180", "en")  # the locale table read once (cached for every page of the site)
    with CaptureQueriesContext(connection) as queries:
        layer = local_layer("1480", "sv")
    assert len(queries) <= 3
    assert len(layer.for_task("school-place")) == 6
    with CaptureQueriesContext(connection) as queries:
        assert local_layer("1480", "sv") == layer
    assert len(queries) == 0


def test_a_publish_or_unpublish_shows_at_once(gothenburg):
    assert local_layer("1480", "en").for_task("housing") == ()
    page = LocalGuidePageFactory(parent=gothenburg["city"], title="The housing queue", task_keys=["housing"],
                                 live=False)
    page.save_revision().publish()
    assert [link.title for link in local_layer("1480", "en").for_task("housing")] == ["The housing queue"]
    page.refresh_from_db()
    page.unpublish()
    assert local_layer("1480", "en").for_task("housing") == ()
