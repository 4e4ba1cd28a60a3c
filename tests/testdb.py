"""The test database, migrated and holding the demo content, made once per run (tests/conftest.py).

Migrating and loading the demo is the suite's largest fixed cost. Run alone, pytest makes the test
database and loads the demo into it. Under ``pytest -n`` (pytest-xdist) on PostgreSQL, the first
worker makes one loaded template database and every worker gets a copy of it (``CREATE DATABASE …
TEMPLATE``, a file copy inside PostgreSQL), so the cost is paid once, not once per worker. The
controlling process starts that build as soon as the session starts (``start_builder``), so it runs
while the workers start and run the tests that need no database (they come first). On SQLite each
worker makes its own (in memory; there is nothing to copy between processes cheaply).

Whatever the path, the demo goes only into a test database: ``ensure_test_database`` fails the run
before anything is written to the database the settings name.
"""
from __future__ import annotations

import fcntl
import os
import pickle
import subprocess
import sys
import time
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

TEMPLATE_SUFFIX = "_template"


def ensure_test_database(connection, configured_name: str) -> None:
    """Fail unless ``connection`` now points at a test database, not the one the settings configure."""
    name = connection.settings_dict["NAME"]
    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    if name == configured_name or not (in_memory or "test" in str(name)):
        pytest.fail(f"refusing to load the demo into {name!r}: not a test database (configured: {configured_name!r})",
                    pytrace=False)


def load_demo_into(connection, configured_name: str) -> None:
    from content.demo import load_demo

    ensure_test_database(connection, configured_name)
    load_demo()


@contextmanager
def _locked(path: Path):
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def clonable(connection) -> bool:
    return bool(os.environ.get("PYTEST_XDIST_WORKER")) and connection.vendor == "postgresql"


def template_name(connection) -> str:
    """``test_<db>_template``: the test database's name without the worker's suffix (``_gw0``)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    name = connection.creation._get_test_db_name()
    return name.removesuffix(f"_{worker}") + TEMPLATE_SUFFIX


def _build_template(connection, template: str, verbosity: int, first: bool = False) -> None:
    configured_name = connection.settings_dict["NAME"]
    connection.settings_dict["TEST"]["NAME"] = template
    connection.creation.create_test_db(verbosity=verbosity, autoclobber=True, serialize=False)
    if first:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            _first_in_line(cursor.fetchone()[0])  # the PostgreSQL process that writes the demo, too
    load_demo_into(connection, configured_name)
    connection.close()
    connection.settings_dict["NAME"] = configured_name


def start_builder(shared_dir: Path):
    """In the controlling process of ``pytest -n``: build the template in the background (a subprocess)."""
    from django.db import connection

    template = template_name(connection)
    (shared_dir / f"{template}.building").write_text(template)
    log = open(shared_dir / f"{template}.log", "w")  # noqa: SIM115 (the process outlives this function)
    root = Path(__file__).resolve().parent.parent
    return subprocess.Popen([sys.executable, "-m", "tests.testdb", template, str(shared_dir)], cwd=root,
                            stdout=log, stderr=subprocess.STDOUT)


def setup_cloned(connection, shared_dir: Path, verbosity: int) -> list:
    """This worker's test database, a copy of the loaded template (built here if no builder was started).

    Returns the configuration ``django.test.utils.teardown_databases`` takes.
    """
    settings = connection.settings_dict
    configured_name = settings["NAME"]
    clone = connection.creation._get_test_db_name()
    template = template_name(connection)
    ready, failed = shared_dir / f"{template}.ready", shared_dir / f"{template}.failed"
    if (shared_dir / f"{template}.building").exists():
        deadline = time.monotonic() + 1800
        while not ready.exists():
            if failed.exists() or time.monotonic() > deadline:
                log = shared_dir / f"{template}.log"
                pytest.fail(f"building the test database template failed:\n{log.read_text() if log.exists() else ''}",
                            pytrace=False)
            time.sleep(0.5)
    with _locked(shared_dir / f"{template}.lock"):
        if not ready.exists():
            _build_template(connection, template, verbosity)
            ready.write_text(template)
        settings["TEST"]["NAME"] = clone
        _copy_template(connection, template, clone)
    connection.close()
    settings["NAME"] = clone
    ensure_test_database(connection, configured_name)
    return [(connection, configured_name, True)]


def release(connection, seconds: float = 10) -> None:
    """Before the test database is dropped: let the live server's last request threads close their
    connections (a browser's keep-alive connection can outlive the test by a moment), then end any left."""
    if connection.vendor != "postgresql":
        return
    name = connection.settings_dict["NAME"]
    connection.close()
    others = "FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()"
    deadline = time.monotonic() + seconds
    with connection._nodb_cursor() as cursor:
        while True:
            cursor.execute(f"SELECT count(*) {others}", [name])  # noqa: S608 (no input in it)
            if not cursor.fetchone()[0]:
                return
            if time.monotonic() > deadline:
                cursor.execute(f"SELECT pg_terminate_backend(pid) {others}", [name])  # noqa: S608
                return
            time.sleep(0.2)


def made_once(name: str, make, shared_dir: Path):
    """``make()``'s result, made by the first worker that asks and read by the others (pickled in the
    session's shared directory), where every worker's database is a copy of the same template; made
    here otherwise. For what depends on the database's content only, such as the site's crawl."""
    from django.db import connection

    if not clonable(connection):
        return make()
    stored = shared_dir / f"{template_name(connection)}.{name}.pickle"
    with _locked(stored.with_suffix(".lock")):
        if stored.exists():
            return pickle.loads(stored.read_bytes())  # noqa: S301 - written by this run's own worker
        result = make()
        stored.write_bytes(pickle.dumps(result))
        return result


def _copy_template(connection, template: str, name: str) -> None:
    """``name`` made again as a copy of the loaded template (a file copy inside PostgreSQL)."""
    quote = connection.ops.quote_name
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quote(name)} WITH (FORCE)")
        cursor.execute(f"CREATE DATABASE {quote(name)} WITH TEMPLATE {quote(template)}")


def _template_exists(connection, template: str) -> bool:
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
        return cursor.fetchone() is not None


def fresh_demo(register_with_localize: bool = False) -> None:
    """The demo content in a test database a transactional test may have flushed.

    Where this worker's database is a copy of the loaded template (``pytest -n`` on PostgreSQL), it is
    copied again (a second or two) instead of loading the demo anew (the better part of a minute, the
    suite's largest cost when several transactional tests need the demo). Elsewhere ``load_demo``
    loads it (pages only unless ``register_with_localize``). Call it only outside a transaction: the
    copy replaces the database under every connection.
    """
    from django.db import connection

    template = template_name(connection) if clonable(connection) else None
    if template is None or connection.in_atomic_block or not _template_exists(connection, template):
        from content.demo import load_demo

        load_demo(register_with_localize=register_with_localize)
        return
    ensure_test_database(connection, "")
    release(connection, seconds=5)
    _copy_template(connection, template, connection.settings_dict["NAME"])
    connection.close()


def drop_template(shared_dir: Path, builder=None) -> None:
    """After the workers are done (in the controlling process): stop the builder, drop the template."""
    from django.db import connection

    if builder is not None and builder.poll() is None:
        builder.terminate()
        builder.wait(timeout=60)
    for marker in shared_dir.glob(f"*{TEMPLATE_SUFFIX}.building"):
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(marker.read_text())} WITH (FORCE)")
        marker.unlink()


def _first_in_line(pid: int = 0) -> None:
    """The build is what every worker waits for once its tests without a database are done: where the
    system allows it (as root, as in CI), it runs before them on a busy CPU. Elsewhere it is left as is."""
    with suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, pid, -10)


if __name__ == "__main__":  # python -m tests.testdb TEMPLATE SHARED_DIR (start_builder)
    template, shared_dir = sys.argv[1], Path(sys.argv[2])
    _first_in_line()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    try:
        import django

        django.setup()
        from django.db import connection
        from django.test.utils import setup_test_environment

        setup_test_environment()
        _build_template(connection, template, verbosity=0, first=True)
    except BaseException:
        (shared_dir / f"{template}.failed").write_text("failed")
        raise
    (shared_dir / f"{template}.ready").write_text(template)
