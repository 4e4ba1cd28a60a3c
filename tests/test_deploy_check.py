"""``manage.py check --deploy`` on the production settings prints no warning at all, and a weak secret
key stops production from starting."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = "k3y-for-tests-only-" + "abcdefghijklmnopqrstuvwxyz0123456789"


def run(*args, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "CELERY_"))}
    clean.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY=STRONG_KEY,
        DJANGO_ALLOWED_HOSTS="landa.example",
        # Nothing listens there: the deploy checks must not need the services.
        DATABASE_URL="postgres://landa@127.0.0.1:9/landa",
        REDIS_URL="redis://127.0.0.1:9/0",
        CELERY_BROKER_URL="redis://127.0.0.1:9/1",
    )
    clean.update(env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=180
    )


def test_check_deploy_is_silent_on_the_production_settings():
    result = run("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr.upper().replace("DJANGO_REDIS", "")


def test_production_refuses_a_weak_secret_key():
    result = run("check", DJANGO_SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is too weak" in result.stderr


def test_the_admin_has_a_content_security_policy_too(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    assert "gravatar" not in response.content.decode().lower()


def test_workspace_sessions_end_after_a_working_day(settings):
    assert settings.SESSION_COOKIE_AGE <= 10 * 60 * 60


def test_api_v2_accepts_no_session_or_basic_authentication(settings):
    assert settings.REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"] == []
