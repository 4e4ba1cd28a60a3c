"""The suite's own guard: the demo is loaded only into a test database (tests/testdb.py)."""
from types import SimpleNamespace

import pytest

from tests.testdb import ensure_test_database


def _connection(name, vendor="postgresql", in_memory=False):
    return SimpleNamespace(settings_dict={"NAME": name}, vendor=vendor, is_in_memory_db=lambda: in_memory)


def test_the_configured_database_is_refused():
    with pytest.raises(pytest.fail.Exception, match="not a test database"):
        ensure_test_database(_connection("landa"), "landa")


def test_a_database_not_named_as_a_test_one_is_refused():
    with pytest.raises(pytest.fail.Exception, match="not a test database"):
        ensure_test_database(_connection("landa_copy"), "landa")


def test_the_test_databases_pass():
    ensure_test_database(_connection("test_landa"), "landa")
    ensure_test_database(_connection("test_landa_gw1"), "landa")
    memory = "file:memorydb_default?mode=memory&cache=shared"
    ensure_test_database(_connection(memory, vendor="sqlite", in_memory=True), "/srv/landa/db.sqlite3")


def test_the_database_the_tests_run_on_is_a_test_database(db):
    from django.db import connection

    ensure_test_database(connection, configured_name="")
