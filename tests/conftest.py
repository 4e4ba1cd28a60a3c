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


def port_opens(port: int, seconds: float, step: float = 0.1) -> bool:
    """Wait until a server a test started accepts connections on ``port``; False if it never does."""
    import socket
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(step)
    return False


def without_isolation(html: str) -> str:
    """The HTML without the direction isolation Arabic pages give Latin runs (``<bdi>``, FSI … PDI)."""
    from portal.bidi import FSI, PDI

    return html.replace("<bdi>", "").replace("</bdi>", "").replace(FSI, "").replace(PDI, "")


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, django_db_keepdb, django_db_createdb,
                    django_db_modify_db_settings, tmp_path_factory):
    """The test database with the demo content, made once (each test rolls its changes back).

    Replaces pytest-django's own fixture of the name for two reasons. It always makes the default
    database: pytest-django makes only those the collected tests ask for, and the ``live_site`` tests
    ask for none, so run alone they loaded the demo into the configured (non-test) database. And
    under ``pytest -n`` on PostgreSQL the workers copy one loaded template instead of each migrating
    and loading (tests/testdb.py). ``load_demo`` is idempotent, so the ``demo`` fixture below is then
    a single query. Transactional tests (``live_demo``) run last and load it again after a flush.
    """
    from django.db import DEFAULT_DB_ALIAS, connection
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _get_databases_for_setup

    from tests import testdb

    verbosity = request.config.option.verbose
    keepdb = django_db_keepdb and not django_db_createdb
    configured_name = connection.settings_dict["NAME"]
    with django_db_blocker.unblock():
        if testdb.clonable(connection) and not keepdb:
            db_cfg = testdb.setup_cloned(connection, tmp_path_factory.getbasetemp().parent, verbosity)
        else:
            aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
            db_cfg = setup_databases(verbosity=verbosity, interactive=False, keepdb=keepdb,
                                     aliases=aliases | {DEFAULT_DB_ALIAS}, serialized_aliases=serialized_aliases)
            testdb.load_demo_into(connection, configured_name)
    yield
    if not keepdb:
        with django_db_blocker.unblock():
            testdb.release(connection)
            teardown_databases(db_cfg, verbosity=verbosity)


def _builds_a_template(config) -> bool:
    """The controlling process of ``pytest -n`` on PostgreSQL (not with --reuse-db) builds the template."""
    if hasattr(config, "workerinput") or not config.getoption("numprocesses", default=None):
        return False
    if config.getoption("reuse_db", default=False):
        return False
    from django.conf import settings

    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def pytest_sessionstart(session):
    if _builds_a_template(session.config):
        from tests import testdb

        session.config._landa_builder = testdb.start_builder(session.config._tmp_path_factory.getbasetemp())


def pytest_sessionfinish(session):
    """Under ``pytest -n``, the controlling process drops the template the workers copied (tests/testdb.py)."""
    if _builds_a_template(session.config):
        from pytest_django.plugin import blocking_manager_key

        from tests import testdb

        with session.config.stash[blocking_manager_key].unblock():
            testdb.drop_template(session.config._tmp_path_factory.getbasetemp(),
                                 getattr(session.config, "_landa_builder", None))


@pytest.fixture
def demo(db):
    """The demo content, loaded the way `make run` loads it."""
    from content.demo import load_demo

    load_demo()


@pytest.fixture
def tasks(request, db):
    """The checklist's committed tasks (guides/data/tasks.yaml), loaded as `make run` loads them
    (already there in a module that uses ``module_tasks``)."""
    from django.core.cache import cache
    from django.core.management import call_command

    cache.clear()
    if "module_tasks" not in request.fixturenames:
        call_command("load_tasks", verbosity=0)
    yield
    cache.clear()


@pytest.fixture(scope="module")
def module_tasks(django_db_setup, django_db_blocker):
    """The checklist's tasks, loaded once for a whole module instead of in each of its tests.

    They are loaded in a transaction that stays open for the module and is rolled back after it; each
    test's own transaction (``db``) is a savepoint inside it, so a test still sees exactly the demo and
    the tasks, and rolls back its own changes. Only for modules whose tests are all rolled-back (``db``)
    tests: a transactional test would flush it.
    """
    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        call_command("load_tasks", verbosity=0)
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def live_demo(transactional_db, live_server):
    """A live server holding the demo content (the flush after each test empties it again)."""
    from tests.testdb import fresh_demo

    fresh_demo()
    return live_server


@pytest.fixture(scope="session")
def _shared_live_server(django_db_setup):
    """The one live server of ``live_site`` (pytest-django's own ``live_server`` would flush after each test)."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer(os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost")
    yield server
    server.stop()


@pytest.fixture
def live_site(_shared_live_server, django_db_blocker):
    """A live server on the demo content and the checklist's tasks, loaded and committed once per session.

    For tests that only read: nothing is flushed or reloaded between them, which is what made the browser
    tests slow. The test itself may query the database (autocommit, no transaction). A test that writes
    through the server or the ORM either deletes its own rows afterwards or uses ``live_demo``.
    These tests run after the rolled-back (``db``) tests and before the flushing ones (see
    ``pytest_collection_modifyitems``), so the committed tasks never show in a ``db`` test.
    """
    with django_db_blocker.unblock():
        from django.core.management import call_command

        from content.demo import load_demo
        from guides.models import Task

        load_demo(register_with_localize=False)  # a no-op when django_db_setup's demo is still there
        if not Task.objects.exists():
            call_command("load_tasks", verbosity=0)
        _shared_live_server._live_server_modified_settings.enable()
        try:
            yield _shared_live_server
        finally:
            _shared_live_server._live_server_modified_settings.disable()


@pytest.fixture(scope="session")
def site_pages(django_db_setup, django_db_blocker, tmp_path_factory):
    """Every page reachable from the four home pages (Django's test client, no JavaScript), crawled once
    per session: the site checks (tests/site/test_site_quality.py) and axe-core in Chromium
    (tests/browser/test_accessibility.py) read the same crawl. The database is rolled back after.
    Under ``pytest -n`` on copies of one template the workers share it (``testdb.made_once``)."""
    from django.db import transaction
    from django.test import Client

    from tests import testdb
    from tests.site.crawl import LANGS, crawl, load_everything

    def crawled():
        with django_db_blocker.unblock(), transaction.atomic():
            load_everything()
            pages = crawl(Client(), [f"/{code}/" for code in LANGS], limit=600)
            transaction.set_rollback(True)
        return pages

    return testdb.made_once("site-pages", crawled, tmp_path_factory.getbasetemp().parent)


def _run_order(item) -> int:
    """Tests without a database first (under ``pytest -n`` they run while the test database is built),
    then pytest-django's order (rolled-back tests, then flushing ones) with ``live_site`` between them."""
    names = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    if marker is None and "django_db_setup" not in names:
        return -1
    if "live_site" in names:
        return 1
    if marker is not None and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return 2
    if "transactional_db" in names or "live_server" in names:
        return 2
    if marker is not None or "db" in names:
        return 0
    return 3


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    items.sort(key=_run_order)


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


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a view that activates a reader's language (the API's
    ``lang``, the feedback form) leaves it active in the test's thread, as a request thread would."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
