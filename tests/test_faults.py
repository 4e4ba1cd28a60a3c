"""Faults with real services: Redis stopped under a running site.

A throwaway redis-server on a free port (never the shared one) serves as the cache; it is stopped
mid-test. Fails, not skips, under REQUIRE_SERVICES=1 when redis-server cannot be started.
"""
import shutil
import socket
import subprocess
import time

import pytest
from django.test import override_settings

from tests.conftest import port_opens, require

CHECKLIST = "/en/checklist/?status=eu&permit=work&family=alone&stay=long"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def throwaway_redis(tmp_path):
    executable = shutil.which("redis-server")
    require(executable is not None, "redis-server")
    port = _free_port()
    process = subprocess.Popen(  # noqa: S603 - our own throwaway server
        [executable, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    if not port_opens(port, 15):
        process.kill()
        require(False, "a throwaway redis-server")
    yield port, process
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.services
def test_with_redis_stopped_pages_and_the_checklist_are_served_and_healthz_is_degraded(db, client, throwaway_redis):
    from django.core.management import call_command

    from guides import checklist
    from portal import cachestate

    port, process = throwaway_redis
    caches = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "KEY_PREFIX": "landa-fault",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.5},
        }
    }
    with override_settings(CACHES=caches):
        checklist.forget_catalogue()
        cachestate._answers.clear()
        call_command("load_tasks", verbosity=0)
        assert client.get(CHECKLIST).status_code == 200
        assert client.get("/healthz").json()["cache"] == "ok"

        process.terminate()
        process.wait(timeout=10)

        for path in (CHECKLIST, "/en/", "/api/v1/checklist?status=eu&permit=work&family=alone&stay=long"):
            started = time.monotonic()
            response = client.get(path)
            assert response.status_code == 200, path
            assert time.monotonic() - started < 5, path
        health = client.get("/healthz")
        assert health.status_code == 200
        assert health.json()["status"] == "degraded" and health.json()["cache"].startswith("unreachable")
        checklist.forget_catalogue()
        cachestate._answers.clear()


@pytest.mark.services
def test_with_smtp_unreachable_no_request_fails_and_the_invitation_is_recorded(client, db, settings):
    """A real SMTP connection to a port where nothing listens; tasks run in-process here."""
    from django.test import TestCase

    from firms.models import AuditEvent, Invitation, Member
    from tests.firms.factories import MemberFactory

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", _free_port(), 1
    admin = MemberFactory(role=Member.ADMIN)
    client.force_login(admin.user)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post("/en/workspace/team/", {"email": "new@firm.example", "role": "staff"})
    assert response.status_code == 302
    assert Invitation.objects.filter(email="new@firm.example", firm=admin.firm).exists()
    assert AuditEvent.objects.filter(action=AuditEvent.INVITATION_SENT, target="new@firm.example").exists()


def _queued(broker_url: str, queue: str | None = None) -> list[str]:
    """The names of the tasks waiting in the broker's queue (kombu's Redis transport: a list of JSON).

    The default queue is "celery", or this worker's own under ``pytest -n`` (portal/settings/test.py)."""
    import json

    import redis

    from portal.celery import app

    queue = queue or app.conf.task_default_queue
    messages = redis.Redis.from_url(broker_url).lrange(queue, 0, -1)
    return [json.loads(message)["headers"]["task"] for message in messages]


def _publish_new_guide(client, slug):
    """A portal editor creates and publishes a guide through Wagtail's admin form."""
    from tests.content.factories import guide_admin_form

    add_url, data = guide_admin_form("Published while the worker is down", slug, action="action-publish")
    return client.post(add_url, data)


@pytest.mark.services
def test_with_the_worker_stopped_requests_work_and_queued_tasks_run_when_it_returns(transactional_db, client,
                                                                                      settings):
    """Real PostgreSQL and Redis broker; no worker at first, then a real in-process worker on the test DB.

    Publishing, inviting a firm member and the checklist answer at once while nothing consumes the
    queue; the invitation e-mail waits in the broker, and is sent once a worker starts.
    """
    from django.contrib.auth import get_user_model
    from django.core import mail
    from django.core.management import call_command
    from django.db import connection

    require(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL)")
    require(bool(settings.CELERY_BROKER_URL), "A Celery broker (CELERY_BROKER_URL)")
    from celery.contrib.testing.worker import start_worker

    from content.models import GuidePage
    from firms.models import Invitation, Member
    from portal.celery import app
    from tests.firms.factories import MemberFactory
    from tests.testdb import fresh_demo

    fresh_demo()
    call_command("load_tasks", verbosity=0)
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        app.control.purge()  # nothing left over from another test in this broker database
        assert _queued(settings.CELERY_BROKER_URL) == []

        admin = MemberFactory(role=Member.ADMIN)
        client.force_login(admin.user)
        started = time.monotonic()
        response = client.post("/en/workspace/team/", {"email": "later@firm.example", "role": "staff"})
        assert response.status_code == 302
        assert time.monotonic() - started < 5
        assert Invitation.objects.filter(email="later@firm.example", firm=admin.firm).exists()

        editor = get_user_model().objects.create_superuser("portal-editor", "editor@example.org", "x")
        client.force_login(editor)
        started = time.monotonic()
        assert _publish_new_guide(client, "published-without-a-worker").status_code == 302
        assert time.monotonic() - started < 10
        guide = GuidePage.objects.get(slug="published-without-a-worker")
        assert guide.live
        client.logout()
        assert client.get(guide.url).status_code == 200
        assert client.get(CHECKLIST).status_code == 200
        assert client.get("/api/v1/checklist?status=eu&permit=work&family=alone&stay=long").status_code == 200

        # Nothing was sent: the e-mail waits in the broker for a worker.
        assert mail.outbox == []
        assert "firms.tasks.send_invitation" in _queued(settings.CELERY_BROKER_URL)

        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10, loglevel="WARNING"):
            deadline = time.monotonic() + 30
            while not mail.outbox and time.monotonic() < deadline:
                time.sleep(0.2)
    finally:
        app.conf.task_always_eager = eager
    assert [message.to for message in mail.outbox] == [["later@firm.example"]]
    assert "/en/workspace/invitation/" in mail.outbox[0].body
    assert _queued(settings.CELERY_BROKER_URL) == []
