"""The compose web container's healthcheck passes: ``/healthz`` is served before host validation.

The healthcheck calls ``http://127.0.0.1:8000/healthz`` over plain HTTP with Host ``127.0.0.1:8000``,
which production's ``ALLOWED_HOSTS`` (the public name only) and ``SECURE_SSL_REDIRECT`` would refuse.
"""
import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from django.test import override_settings

from tests.conftest import port_opens, require

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


def gunicorn_args() -> list[str]:
    """gunicorn's options as the compose web service gives them (config module and access log)."""
    command = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["web"]["command"]
    words = command.split("gunicorn ", 1)[1].rstrip('"').split()
    assert words[0] == "portal.wsgi:application"
    args, skip = [], False
    for word in words[1:]:
        if skip:
            skip = False
        elif word in ("--bind", "--workers", "--access-logfile"):
            skip = True  # replaced by the test's own
        else:
            args.append(word)
    return args


@pytest.fixture(scope="module")
def production_gunicorn(tmp_path_factory):
    """gunicorn as compose runs it, on the production settings and the real services, on a free port."""
    database_url = os.environ.get("DATABASE_URL", "")
    require(database_url.startswith("postgres"), "PostgreSQL (DATABASE_URL)")
    require(bool(os.environ.get("REDIS_URL")), "Redis (REDIS_URL)")
    logs = tmp_path_factory.mktemp("gunicorn")
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": "a-test-only-secret-key-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "landa.example",
        "CELERY_BROKER_URL": os.environ.get("CELERY_BROKER_URL") or os.environ["REDIS_URL"],
    }
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn
        [str(Path(sys.executable).with_name("gunicorn")), "portal.wsgi:application", *gunicorn_args(),
         "--bind", f"127.0.0.1:{port}", "--workers", "1", "--access-logfile", str(logs / "access.log")],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=(logs / "error.log").open("w"),
    )
    try:
        port_opens(port, 60, step=0.5)
        yield port, logs
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.mark.services
def test_the_compose_healthcheck_command_passes_against_the_production_settings(production_gunicorn):
    port, logs = production_gunicorn
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
        result.stderr.decode()[-2000:] + (logs / "error.log").read_text()[-2000:]
    )


@pytest.mark.services
def test_the_access_log_holds_no_link_code_invitation_token_or_query_string(production_gunicorn):
    import urllib.error
    import urllib.request

    port, logs = production_gunicorn
    secrets = ["Zq8pV3mK2xR7tY1wB4nC6dE9", "InvitationTokenABC123:xyz", "third-country"]
    paths = [
        f"/c/{secrets[0]}?utm=1",
        f"/sv/c/{secrets[0]}",
        f"/api/v1/links/{secrets[0]}",
        f"/en/workspace/invitation/{secrets[1]}/",
        f"/en/checklist/?status={secrets[2]}&permit=work",
        "/healthz?probe=third-country",
    ]
    for path in paths:
        request = urllib.request.Request(  # noqa: S310 - our own server
            f"http://127.0.0.1:{port}{path}",
            headers={"Host": "landa.example", "X-Forwarded-Proto": "https",
                     "Referer": f"https://landa.example/c/{secrets[0]}?status={secrets[2]}"},
        )
        with contextlib.suppress(urllib.error.HTTPError):
            urllib.request.urlopen(request, timeout=20).close()  # noqa: S310
    deadline = time.monotonic() + 10
    log = ""
    while time.monotonic() < deadline and log.count("\n") < len(paths):
        log = (logs / "access.log").read_text()
        time.sleep(0.2)
    assert log.count("\n") >= len(paths), log
    for secret in secrets:
        assert secret not in log
    assert "?" not in log
    assert '"GET /c/… HTTP/1.1"' in log and "/en/workspace/invitation/…/" in log and "/api/v1/links/…" in log
