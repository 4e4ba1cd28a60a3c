"""`make backup` then `make restore` into an empty database gives the same pages, tasks, links and
audit events, and the uploaded media."""
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from firms.models import AuditEvent
from tests.conftest import require
from tests.firms.factories import LinkFactory
from tests.testdb import fresh_demo

ROOT = Path(__file__).resolve().parent.parent
TABLES = ["wagtailcore_page", "guides_task", "firms_sharedchecklist", "firms_auditevent"]


def _url(settings_dict, name):
    user = settings_dict.get("USER") or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or "5432"
    return f"postgres://{user}{password}@{host}:{port}/{name}"


def _counts(url):
    import psycopg

    with psycopg.connect(url) as conn, conn.cursor() as cursor:
        result = {}
        for table in TABLES:
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - fixed table names
            result[table] = cursor.fetchone()[0]
        cursor.execute("SELECT code FROM firms_sharedchecklist ORDER BY code")
        result["codes"] = [row[0] for row in cursor.fetchall()]
        return result


@pytest.mark.services
def test_backup_and_restore_into_an_empty_database(transactional_db, tmp_path):
    import psycopg

    require(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL)")
    require(shutil.which("pg_dump") is not None and shutil.which("pg_restore") is not None, "pg_dump/pg_restore")
    fresh_demo(register_with_localize=True)  # the register of agencies the tasks name, and what localize keeps
    call_command("load_tasks", verbosity=0)
    link = LinkFactory()
    AuditEvent.record(link.firm, AuditEvent.LINK_CREATED, link.code)
    media = tmp_path / "media"
    (media / "original_images").mkdir(parents=True)
    (media / "original_images" / "photo.jpg").write_bytes(b"\xff\xd8 not really a jpeg")

    source = _url(connection.settings_dict, connection.settings_dict["NAME"])
    empty = f"landa_restore_{uuid.uuid4().hex[:8]}"
    admin_url = _url(connection.settings_dict, "postgres")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{empty}"')
    try:
        env = {**os.environ, "DATABASE_URL": source}
        backup_dir = tmp_path / "backup"
        run = {"cwd": ROOT, "capture_output": True, "text": True, "timeout": 300}
        made = subprocess.run(  # noqa: S603
            ["make", "-s", "backup", f"BACKUP_DIR={backup_dir}", f"MEDIA_DIR={media}"], env=env, **run  # noqa: S607
        )
        assert made.returncode == 0, made.stderr
        restored_media = tmp_path / "restored-media"
        env["DATABASE_URL"] = _url(connection.settings_dict, empty)
        back = subprocess.run(  # noqa: S603
            ["make", "-s", "restore", f"BACKUP_DIR={backup_dir}", f"MEDIA_DIR={restored_media}"], env=env, **run  # noqa: S607
        )
        assert back.returncode == 0, back.stderr
        before, after = _counts(source), _counts(env["DATABASE_URL"])
        assert after == before
        assert after["firms_auditevent"] >= 1 and link.code in after["codes"] and after["guides_task"] > 0
        assert (restored_media / "original_images" / "photo.jpg").read_bytes() == b"\xff\xd8 not really a jpeg"
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{empty}" WITH (FORCE)')
