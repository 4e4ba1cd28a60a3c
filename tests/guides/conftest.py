import pytest
from django.core.cache import cache


@pytest.fixture
def tasks(db):
    """The committed tasks.yaml loaded the way `make run` loads it (load_tasks)."""
    from django.core.management import call_command

    cache.clear()
    call_command("load_tasks", verbosity=0)
    yield
    cache.clear()


@pytest.fixture
def no_guide_pages(tasks):
    """The world before the CMS has a guide for each task: the demo's guide pages removed (rolled back after)."""
    from content.models import GuidePage

    for page in GuidePage.objects.filter(depth__gt=0).order_by("-depth"):
        page.delete()
    cache.clear()
    from django.core.management import call_command

    call_command("load_tasks", verbosity=0)
    cache.clear()
