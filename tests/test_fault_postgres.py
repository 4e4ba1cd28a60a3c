"""Fault: PostgreSQL restarted under a running process. A throwaway cluster (initdb + pg_ctl on a free
port, as the postgres user when run as root) — never the shared server. The process recovers on its
next request without a restart of its own (CONN_MAX_AGE with conn_health_checks, as configured in
portal/settings/base.py), and /healthz says 503 while the database is down. Fails, not skips, under
REQUIRE_SERVICES=1 when the cluster cannot be started.
"""
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db.utils import ConnectionHandler, OperationalError

from tests.conftest import require

BIN = Path("/usr/lib/postgresql/15/bin")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(args, **kwargs):
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, *args], capture_output=True, text=True, timeout=120, **kwargs)  # noqa: S603


@pytest.fixture
def throwaway_cluster():
    require((BIN / "initdb").exists() and (os.geteuid() != 0 or shutil.which("runuser")), "initdb and pg_ctl")
    # Directly under /tmp: pytest's own temporary directories are private to root.
    tmp_path = Path(tempfile.mkdtemp(prefix="landa-pg-"))
    data = tmp_path / "pgdata"
    if os.geteuid() == 0:
        shutil.chown(tmp_path, "postgres")
    port = _free_port()
    init = _as_postgres([str(BIN / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"])
    require(init.returncode == 0, f"initdb ({init.stderr[-300:]})")
    options = f"-p {port} -c listen_addresses=127.0.0.1 -k {tmp_path}"
    ctl = [str(BIN / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-t", "30"]
    started = _as_postgres([*ctl, "-l", str(tmp_path / "log"), "start"])
    require(started.returncode == 0, f"pg_ctl start ({started.stderr[-300:]})")
    yield port, ctl, tmp_path
    _as_postgres([*ctl, "-m", "immediate", "stop"])
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_the_process_recovers_after_a_postgresql_restart_and_healthz_is_503_meanwhile(
    throwaway_cluster, rf, django_db_blocker
):
    with django_db_blocker.unblock():
        _recovers(throwaway_cluster, rf)


def _recovers(throwaway_cluster, rf):
    from portal import health

    port, ctl, tmp_path = throwaway_cluster
    database = {
        **django_settings.DATABASES["default"],
        "ENGINE": "django.db.backends.postgresql", "NAME": "postgres", "USER": "postgres", "PASSWORD": "",
        "HOST": "127.0.0.1", "PORT": str(port), "CONN_MAX_AGE": 60, "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {"connect_timeout": 2},
    }
    assert django_settings.DATABASES["default"].get("CONN_HEALTH_CHECKS") is True
    handler = ConnectionHandler({"default": database})
    connection = handler["default"]

    def request(sql="SELECT 1"):
        """One request's database use, as Django's request_started/finished handlers run it."""
        connection.close_if_unusable_or_obsolete()
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchone()[0]
        finally:
            connection.close_if_unusable_or_obsolete()

    assert request() == 1  # a persistent connection now exists
    stop = _as_postgres([*ctl, "-m", "fast", "stop"])
    assert stop.returncode == 0, stop.stderr
    with pytest.raises(OperationalError):
        request()
    original = health.connection
    health.connection = connection
    try:
        assert health.healthz(rf.get("/healthz")).status_code == 503
        again = _as_postgres([*ctl, "-l", str(tmp_path / "log"), "start"])
        assert again.returncode == 0, again.stderr
        deadline = time.monotonic() + 20
        while True:
            try:
                assert request() == 1
                break
            except OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        assert health.healthz(rf.get("/healthz")).status_code in (200,)
    finally:
        health.connection = original
        connection.close()
