"""Fixtures shared by every test: compiled catalogues, demo content, Chromium, service checks."""
import os
import shutil
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES", "").lower() in {"1", "true", "yes"}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Translations load lazily, so compiling here (before any request) is early enough.
for po_path in ROOT.glob("locale/*/LC_MESSAGES/*.po"):
    mo_path = po_path.with_suffix(".mo")
    if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))


def require(condition: bool, what: str) -> None:
    """Skip when a service is missing on a developer's machine; fail in CI (REQUIRE_SERVICES=1)."""
    if condition:
        return
    if REQUIRE_SERVICES:
        pytest.fail(f"{what} is required (REQUIRE_SERVICES=1) but not available")
    pytest.skip(f"{what} not available; set REQUIRE_SERVICES=1 to make this a failure")


def without_isolation(html: str) -> str:
    """The HTML without the direction isolation Arabic pages give Latin runs (``<bdi>``, FSI … PDI)."""
    from portal.bidi import FSI, PDI

    return html.replace("<bdi>", "").replace("</bdi>", "").replace(FSI, "").replace(PDI, "")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo content, loaded once into the test database (each test rolls its changes back).

    Loading it takes seconds; ``load_demo`` itself is idempotent, so the ``demo`` fixture below is
    then a single query. Transactional tests (``live_demo``) run last and load it again after a flush.
    """
    with django_db_blocker.unblock():
        from content.demo import load_demo

        load_demo()


@pytest.fixture
def demo(db):
    """The demo content, loaded the way `make run` loads it."""
    from content.demo import load_demo

    load_demo()


@pytest.fixture
def tasks(db):
    """The checklist's committed tasks (guides/data/tasks.yaml), loaded as `make run` loads them."""
    from django.core.cache import cache
    from django.core.management import call_command

    cache.clear()
    call_command("load_tasks", verbosity=0)
    yield
    cache.clear()


@pytest.fixture
def live_demo(transactional_db, live_server):
    """A live server holding the demo content (the flush after each test empties it again)."""
    from content.demo import load_demo

    load_demo(register_with_localize=False)  # pages only: browser tests need no translation records
    return live_server


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium through Playwright (Playwright's own browser download is not possible here)."""
    exists = Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None
    require(exists, f"Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium):
    # No service worker: its background saving (offline reading) would race the live server's flush.
    # The offline test opens its own context with workers allowed.
    context = chromium.new_context(viewport={"width": 1024, "height": 768}, service_workers="block")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def postgres(db):
    from django.db import connection

    require(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL)")
    return connection


@pytest.fixture
def redis_cache():
    from django.conf import settings

    require(bool(settings.REDIS_URL), "Redis (REDIS_URL)")
    from django.core.cache import cache

    return cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: the page cache must not carry one test's pages into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
