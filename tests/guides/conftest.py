import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def count_every_checklist_at_once(settings):
    """Counters are batched in production; tests read them straight after the request."""
    settings.GUIDES_COUNTER_FLUSH_SECONDS = 0


@pytest.fixture
def no_guide_pages(tasks):
    """The world before the CMS has a guide for each task: the demo's guide pages removed (the tasks'
    guide links are emptied with them; rolled back after)."""
    from content.models import GuidePage

    for page in GuidePage.objects.filter(depth__gt=0).order_by("-depth"):
        page.delete()
    cache.clear()
