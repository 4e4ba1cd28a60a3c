"""docker-compose.yml read against the production settings (there is no Docker engine here to run it)."""
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_runs_web_worker_beat_postgres_and_redis_with_health_checks():
    services = compose()["services"]
    assert set(services) == {"cache", "web", "worker", "beat", "postgres", "redis"}
    for name, service in services.items():
        assert "healthcheck" in service, name
    assert "gunicorn portal.wsgi" in services["web"]["command"]
    assert services["worker"]["command"].startswith("celery -A portal worker")
    assert services["beat"]["command"].startswith("celery -A portal beat")


def test_compose_keeps_data_in_named_volumes():
    data = compose()
    assert {"postgres-data", "redis-data"} <= set(data["volumes"])
    assert "postgres-data:/var/lib/postgresql/data" in data["services"]["postgres"]["volumes"]


def test_compose_sets_every_variable_the_production_settings_require():
    settings_text = "".join(p.read_text() for p in (ROOT / "portal" / "settings").glob("*.py"))
    required = set(re.findall(r'ImproperlyConfigured\("([A-Z_]+) must', settings_text))
    assert required == {"DJANGO_SECRET_KEY", "DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL"}
    read = set(re.findall(r'environ(?:\.get)?\(\s*"([A-Z_]+)"', settings_text)) | set(
        re.findall(r'env(?:_bool|_list)\("([A-Z_]+)"', settings_text)
    ) | {"DATABASE_URL"}
    for name in ("web", "worker", "beat"):
        env = compose()["services"][name]["environment"]
        assert env["DJANGO_SETTINGS_MODULE"] == "portal.settings.production"
        assert required <= set(env), name
        assert set(env) - {"DJANGO_SETTINGS_MODULE"} <= read, f"{name} sets variables nobody reads"
        assert env["DATABASE_URL"].startswith("postgres://") and "@postgres:5432/" in env["DATABASE_URL"]
        assert env["REDIS_URL"].startswith("redis://redis:6379")


def test_web_scales_out_behind_varnish_without_fixed_names_or_host_ports():
    services = compose()["services"]
    web = services["web"]
    assert "container_name" not in web and "ports" not in web, "docker compose up --scale web=3 needs neither"
    assert "8000" in [str(port) for port in web.get("expose", [])]
    cache = services["cache"]
    assert cache["image"].startswith("varnish:")
    assert "80:80" in cache["ports"]
    assert "./deploy/varnish:/etc/varnish:ro" in cache["volumes"]
    assert "purge=:6081" in " ".join(cache["command"]) and "6081" not in " ".join(cache["ports"])
    for name in ("web", "worker", "beat"):
        assert services[name]["environment"]["VARNISH_URL"] == "http://cache:6081"
    vcl = (ROOT / "deploy" / "varnish" / "default.vcl").read_text()
    assert "dynamic.director(" in vcl and 'web.backend("web")' in vcl and 'port = "8000"' in vcl
