import pytest
from django.core.cache import cache


@pytest.fixture
def no_guide_pages(tasks):
    """The world before the CMS has a guide for each task: the demo's guide pages removed (the tasks'
    guide links are emptied with them; rolled back after)."""
    from content.models import GuidePage

    for page in GuidePage.objects.filter(depth__gt=0).order_by("-depth"):
        page.delete()
    cache.clear()
