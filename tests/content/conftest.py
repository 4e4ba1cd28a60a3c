import pytest
from django.core.cache import cache


@pytest.fixture
def untranslated_income_tax(demo):
    """The income-tax guide without its Arabic and Somali pages, whatever content/data holds (once every
    guide is translated, the fallback still needs a page to fall back from); rolled back after."""
    from content.models import GuidePage

    for page in GuidePage.objects.filter(slug="income-tax", locale__language_code__in=["ar", "so"]):
        page.delete()
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def people(demo):
    """The editors the editorial journeys act as: two of Skatteverket's, one of Migrationsverket's, a portal
    editor and a Somali translator (the groups are the demo's editorial setup)."""
    from content.models import PORTAL_EDITORS
    from tests.content.factories import EditorFactory

    return {
        "writer": EditorFactory(username="writer", group="Agency: Skatteverket"),
        "colleague": EditorFactory(username="colleague", group="Agency: Skatteverket"),
        "other": EditorFactory(username="other", group="Agency: Migrationsverket"),
        "portal": EditorFactory(username="portal", group=PORTAL_EDITORS),
        "translator": EditorFactory(username="translator", group="Translators: so"),
    }
