import pytest
from django.core.cache import cache


@pytest.fixture
def no_guide_pages(tasks):
    """The world before the CMS has a guide for each task: the demo's guide pages removed (the tasks'
    guide links are emptied with them; rolled back after)."""
    from content.models import GuidePage

    # One query set delete (treebeard keeps the tree's counts); page by page took seconds per test.
    GuidePage.objects.all().delete()
    assert not GuidePage.objects.exists()
    cache.clear()
