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
