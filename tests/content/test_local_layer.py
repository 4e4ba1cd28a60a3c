"""The local layer's lookup (content.local): a municipality's local guides by checklist task, else its
region's, in the reader's language with the fallback, in at most three queries, forgotten on publish."""
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.local import LocalLayer, local_layer
from content.navigation import path_in
from tests.content.factories import (
    LocalGuidePageFactory,
    MunicipalityPageFactory,
    PlaceOwnerFactory,
    RegionPageFactory,
    english_place_index,
)


@pytest.fixture
def gothenburg(demo):
    """Halland's and Halmstad's pages (places the demo has no pages for), each with local guides."""
    cache.clear()
    index = english_place_index()
    region_owner = PlaceOwnerFactory(place_code="13")
    city_owner = PlaceOwnerFactory(place_code="1380")
    region = RegionPageFactory(parent=index, agency=region_owner, slug="halland-test")
    city = MunicipalityPageFactory(parent=region, agency=city_owner, slug="halmstad-test")
    pages = {
        "region": region,
        "city": city,
        "care": LocalGuidePageFactory(parent=region, title="1177 in Halland", task_keys=["healthcare"]),
        "teeth": LocalGuidePageFactory(parent=region, title="Dental care for children",
                                       task_keys=["healthcare", "preschool-place"]),
        "preschool": LocalGuidePageFactory(parent=city, title="Preschool in Halmstad", task_keys=["preschool-place"]),
        "house": LocalGuidePageFactory(parent=city, title="International House Halmstad",
                                       task_keys=["register-population", "preschool-place"]),
    }
    yield pages
    cache.clear()


def test_an_unknown_code_has_no_local_layer(db):
    for code in ("9999", "14", "", "1480\x00", "1" * 10_000, None, 1480):
        assert local_layer(code, "en") is None


def test_the_municipalitys_guides_come_first_and_the_region_fills_in(gothenburg):
    layer = local_layer("1380", "en")
    assert isinstance(layer, LocalLayer)
    assert layer.municipality.code == "1380" and layer.region.code == "13"
    assert layer.municipality.url == "/en/where-you-live/halland-test/halmstad-test/"
    assert layer.region.url == "/en/where-you-live/halland-test/"
    preschool = [link.title for link in layer.for_task("preschool-place")]
    assert preschool == ["Preschool in Halmstad", "International House Halmstad"]  # not the region's
    assert [link.title for link in layer.for_task("healthcare")] == ["1177 in Halland",
                                                                       "Dental care for children"]
    assert [link.title for link in layer.for_task("register-population")] == ["International House Halmstad"]
    assert layer.for_task("bank-account") == ()
    assert layer.for_task("preschool-place")[0].owner == "Halmstad"
    assert layer.for_task("healthcare")[0].owner == "Region Halland"
    assert layer.for_task("preschool-place")[0].url.startswith("/en/where-you-live/halland-test/halmstad-test/")


def test_a_reader_gets_the_translation_or_the_source_marked_with_its_language(gothenburg):
    from wagtail.models import Locale

    arabic = Locale.objects.get(language_code="ar")
    page = gothenburg["preschool"].copy_for_translation(arabic, copy_parents=True)
    # (its place pages came along as aliases of the English ones: live, in the Arabic tree)
    page.title = "الروضة في هالمستاد"
    page.save_revision().publish()
    cache.clear()
    layer = local_layer("1380", "ar")
    first, second = layer.for_task("preschool-place")
    assert (first.title, first.language) == ("الروضة في هالمستاد", "ar")
    assert first.url == path_in(page, "ar") and first.url.startswith("/ar/where-you-live/")
    assert (second.title, second.language) == ("International House Halmstad", "en")
    assert second.url.startswith("/ar/where-you-live/")
    assert layer.municipality.url.startswith("/ar/")


def test_a_municipality_without_pages_falls_back_to_its_regions_guides(gothenburg):
    layer = local_layer("1315", "en")  # Hylte, in Halland, has no page of its own
    assert layer.municipality.url is None and layer.municipality.name == "Hylte"
    assert [link.title for link in layer.for_task("preschool-place")] == ["Dental care for children"]
    assert local_layer("2584", "en").links == {}  # Kiruna: no page in the demo nor here


def test_three_queries_at_most_however_many_guides_and_none_when_cached(gothenburg):
    for n in range(6):
        LocalGuidePageFactory(parent=gothenburg["city"], title=f"More {n}", task_keys=["school-place"])
    cache.clear()
    local_layer("2584", "en")  # the locale table read once (cached for every page of the site)
    with CaptureQueriesContext(connection) as queries:
        layer = local_layer("1380", "sv")
    assert len(queries) <= 3
    assert len(layer.for_task("school-place")) == 6
    with CaptureQueriesContext(connection) as queries:
        assert local_layer("1380", "sv") == layer
    assert len(queries) == 0


def test_a_publish_or_unpublish_shows_at_once(gothenburg):
    assert local_layer("1380", "en").for_task("housing") == ()
    page = LocalGuidePageFactory(parent=gothenburg["city"], title="The housing queue", task_keys=["housing"],
                                 live=False)
    page.save_revision().publish()
    assert [link.title for link in local_layer("1380", "en").for_task("housing")] == ["The housing queue"]
    page.refresh_from_db()
    page.unpublish()
    assert local_layer("1380", "en").for_task("housing") == ()


def test_the_demo_gives_a_goteborg_family_local_links_in_arabic(demo):
    cache.clear()
    layer = local_layer("1480", "ar")
    assert layer.municipality.url == "/ar/where-you-live/vastra-gotaland/goteborg/"
    assert layer.region.url == "/ar/where-you-live/vastra-gotaland/"
    preschool = layer.for_task("preschool-place")
    assert [link.url for link in preschool] == ["/ar/where-you-live/vastra-gotaland/goteborg/preschool/"]
    assert preschool[0].language == "ar" and preschool[0].owner == "مدينة غوتنبرغ (Göteborgs Stad)"
    assert [link.url for link in layer.for_task("healthcare")] == [
        "/ar/where-you-live/vastra-gotaland/1177/", "/ar/where-you-live/vastra-gotaland/dental/"]
