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


@pytest.fixture(autouse=True)
def count_every_checklist_at_once(settings):
    """Counters are batched in production; tests read them straight after the request."""
    settings.GUIDES_COUNTER_FLUSH_SECONDS = 0
