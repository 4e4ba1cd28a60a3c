"""Local pages for the checklist's place tests (content's factories, from the localcms branch)."""

import pytest


@pytest.fixture
def norrbotten(tasks):
    """Norrbotten (25, no demo content) with a region page and two guides, Luleå (2580) with a page and a
    preschool guide; Kiruna (2584) in the same region has no page of its own."""
    from django.core.cache import cache

    from tests.content.factories import (
        LocalGuidePageFactory,
        MunicipalityPageFactory,
        PlaceOwnerFactory,
        RegionPageFactory,
        english_place_index,
    )

    cache.clear()
    index = english_place_index()
    region = RegionPageFactory(parent=index, agency=PlaceOwnerFactory(place_code="25"), slug="norrbotten-test")
    city = MunicipalityPageFactory(parent=region, agency=PlaceOwnerFactory(place_code="2580"), slug="lulea-test")
    LocalGuidePageFactory(parent=region, title="1177 in Norrbotten", task_keys=["healthcare"])
    LocalGuidePageFactory(parent=region, title="Preschool in Norrbotten", task_keys=["preschool-place"])
    LocalGuidePageFactory(parent=city, title="Preschool in Luleå", task_keys=["preschool-place"])
    yield {"region": region, "city": city}
    cache.clear()
