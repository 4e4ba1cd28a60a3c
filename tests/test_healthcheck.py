"""The compose web container's healthcheck passes: ``/healthz`` is served before host validation.

The healthcheck calls ``http://127.0.0.1:8000/healthz`` over plain HTTP with Host ``127.0.0.1:8000``,
which production's ``ALLOWED_HOSTS`` (the public name only) and ``SECURE_SSL_REDIRECT`` would refuse.
"""
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from django.test import override_settings

from tests.conftest import require

ROOT = Path(__file__).resolve().parent.parent


def healthcheck_command() -> list[str]:
    web = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["web"]
    test = web["healthcheck"]["test"]
    assert test[0] == "CMD"
    return test[1:]


@override_settings(ALLOWED_HOSTS=["landa.example"], SECURE_SSL_REDIRECT=True)
def test_healthz_answers_an_unlisted_host_over_plain_http(client, db):
    response = client.get("/healthz", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
    # Every other path still gets host validation.
    assert client.get("/en/", HTTP_HOST="127.0.0.1:8000").status_code == 400


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.services
def test_the_compose_healthcheck_command_passes_against_the_production_settings(tmp_path):
    database_url = os.environ.get("DATABASE_URL", "")
    require(database_url.startswith("postgres"), "PostgreSQL (DATABASE_URL)")
    require(bool(os.environ.get("REDIS_URL")), "Redis (REDIS_URL)")
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": "a-test-only-secret-key-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "landa.example",
        "CELERY_BROKER_URL": os.environ.get("CELERY_BROKER_URL") or os.environ["REDIS_URL"],
    }
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn
        [str(Path(sys.executable).with_name("gunicorn")), "portal.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=(tmp_path / "gunicorn.log").open("w"),
    )
    try:
        command = [sys.executable if part == "python" else part for part in healthcheck_command()]
        command = [part.replace("127.0.0.1:8000", f"127.0.0.1:{port}") for part in command]
        deadline = time.monotonic() + 60
        result = None
        while time.monotonic() < deadline:
            result = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=20)  # noqa: S603
            if result.returncode == 0:
                break
            time.sleep(1)
        assert result is not None and result.returncode == 0, (
            result.stderr.decode()[-2000:] + (tmp_path / "gunicorn.log").read_text()[-2000:]
        )
    finally:
        server.terminate()
        server.wait(timeout=20)
