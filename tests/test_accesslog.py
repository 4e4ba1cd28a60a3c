"""The access log's redaction, unit by unit (tests/test_healthcheck.py runs it inside gunicorn)."""
from datetime import timedelta
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

from portal.accesslog import RedactingLogger, redact_path


@pytest.mark.parametrize(
    "path,logged",
    [
        ("/c/Zq8pV3mK2xR7tY1wB4nC6dE9", "/c/…"),
        ("/ar/c/Zq8pV3mK2xR7tY1wB4nC6dE9?x=1", "/ar/c/…"),
        ("/en/workspace/links/Zq8pV3mK2xR7tY1wB4nC6dE9/qr.svg", "/en/workspace/links/…/qr.svg"),
        ("/en/workspace/links/new/", "/en/workspace/links/new/"),
        ("/api/v1/links/Zq8pV3mK2xR7tY1wB4nC6dE9", "/api/v1/links/…"),
        ("/en/workspace/invitation/MQ:1tabc:sig/", "/en/workspace/invitation/…/"),
        ("/en/checklist/?status=eu&arrival=2027-01-01", "/en/checklist/"),
        ("https://landa.example/c/abc?status=eu", "https://landa.example/c/…"),
        ("-", "-"),
    ],
)
def test_paths_are_logged_without_secrets_or_queries(path, logged):
    assert redact_path(path) == logged


def test_the_logger_redacts_every_atom_that_carries_the_url():
    logger = RedactingLogger(Config())
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/c/Zq8pV3mK2xR7tY1wB4nC6dE9?status=eu",
        "PATH_INFO": "/c/Zq8pV3mK2xR7tY1wB4nC6dE9",
        "QUERY_STRING": "status=eu",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": "https://landa.example/en/checklist/?status=eu",
        "REMOTE_ADDR": "10.0.0.2",
    }
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"]), ("COOKIE", "sessionid=s3cret")])
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    atoms = logger.atoms(response, request, environ, timedelta(seconds=0))
    assert atoms["r"] == "GET /c/… HTTP/1.1"
    assert atoms["U"] == "/c/…" and atoms["q"] == ""
    assert atoms["f"] == "https://landa.example/en/checklist/"
    assert atoms["{referer}i"] == "https://landa.example/en/checklist/"
    assert atoms["{cookie}i"] == "…"
    assert "Zq8pV3" not in repr(atoms) and "status=eu" not in repr(atoms) and "s3cret" not in repr(atoms)
