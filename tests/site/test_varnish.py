"""The committed VCL in front of the live server, in a real varnishd: it serves public pages from its
cache, passes personal ones, and a publish purges the page in every language (Wagtail's frontend cache)."""
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, require

VCL = ROOT / "deploy" / "varnish" / "landa.vcl"
DEFAULT_VCL = ROOT / "deploy" / "varnish" / "default.vcl"
GUIDE = "/{lang}/arriving/register-population/"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - a local URL
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - a local URL
        return response.status, dict(response.headers), response.read().decode()


@pytest.fixture
def varnish(live_site, settings):
    """varnishd -F with the committed VCL in front of the shared live site (for tests that only read)."""
    yield from _varnish_in_front_of(live_site, settings)


@pytest.fixture
def varnish_publishing(live_demo, settings):
    """The same in front of a live server of the test's own (flushed after it), for a test that publishes."""
    yield from _varnish_in_front_of(live_demo, settings)


def _varnish_in_front_of(live_server, settings):
    """varnishd -F with the committed VCL, its backend pointed at the live server."""
    varnishd = shutil.which("varnishd") or ("/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None)
    require(varnishd is not None, "varnishd (Debian package varnish)")
    backend_port = live_server.url.rsplit(":", 1)[1]
    # The deployment's default.vcl names the backend (web:8000, through vmod_dynamic, which Debian's
    # varnish lacks); the rules are in landa.vcl, used here unchanged with the live server as backend.
    deployed = DEFAULT_VCL.read_text()
    assert 'port = "8000"' in deployed and 'web.backend("web")' in deployed and 'include "landa.vcl";' in deployed
    vcl = (
        'vcl 4.1;\n'
        f'backend default {{ .host = "127.0.0.1"; .port = "{backend_port}"; }}\n'
        "sub landa_backend { set req.backend_hint = default; }\n"
        'include "landa.vcl";\n'
    )
    # varnishd reads the VCL as its own unprivileged user: a world-readable directory, not pytest's tmp_path.
    tmp_path = Path(tempfile.mkdtemp(prefix="landa-varnish-"))
    tmp_path.chmod(0o755)
    (tmp_path / "test.vcl").write_text(vcl)
    (tmp_path / "test.vcl").chmod(0o644)
    shutil.copy(VCL, tmp_path / "landa.vcl")
    (tmp_path / "landa.vcl").chmod(0o644)
    port, purge_port = _free_port(), _free_port()
    process = subprocess.Popen(
        [varnishd, "-F", "-a", f"http=127.0.0.1:{port}", "-a", f"purge=127.0.0.1:{purge_port}",
         "-n", str(tmp_path / "work"), "-f", str(tmp_path / "test.vcl"), "-p", f"vcl_path={tmp_path}",
         "-s", "malloc,32m", "-p", "ban_lurker_sleep=0.01"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"varnishd did not start: {process.stdout.read().decode()[-2000:]}")
            time.sleep(0.2)
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": f"http://127.0.0.1:{purge_port}"},
    }
    yield url
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_varnish_serves_public_pages_from_its_cache_and_a_publish_purges_every_language(varnish_publishing):
    from content.models import GuidePage

    varnish = varnish_publishing
    langs = ["en", "sv", "ar", "so"]
    for lang in langs:
        _get(varnish + GUIDE.format(lang=lang))
        status, headers, _body = _get(varnish + GUIDE.format(lang=lang), {"Cookie": "landa_language=sv; csrftoken=x"})
        assert status == 200
        assert headers["X-Cache"] == "hit", (lang, headers)
        assert int(headers["Age"]) >= 0
        assert "Set-Cookie" not in headers
    _get(varnish + "/en/arriving/")
    assert _get(varnish + "/en/arriving/")[1]["X-Cache"] == "hit"

    source = GuidePage.objects.get(slug="register-population", locale__language_code="en")
    page = source.get_latest_revision_as_object()
    page.title = "Register where you live (updated)"
    page.save_revision().publish()

    status, headers, body = _get(varnish + GUIDE.format(lang="en"))
    assert headers["X-Cache"] == "miss"
    assert "Register where you live (updated)" in body
    listing = _get(varnish + "/en/arriving/")
    assert listing[1]["X-Cache"] == "miss" and "Register where you live (updated)" in listing[2]
    for lang in langs[1:]:  # every language variant is purged, translated or not
        assert _get(varnish + GUIDE.format(lang=lang))[1]["X-Cache"] == "miss", lang


def test_varnish_passes_personal_pages_and_signed_in_readers(varnish):
    for _ in range(2):
        status, headers, _body = _get(varnish + "/en/workspace/login/")
    assert headers["X-Cache"] == "miss"
    assert "csrftoken" in headers.get("Set-Cookie", "")
    _get(varnish + GUIDE.format(lang="en"))
    signed_in = _get(varnish + GUIDE.format(lang="en"), {"Cookie": "sessionid=abc"})[1]
    assert signed_in["X-Cache"] == "miss"
    assert "private" in signed_in["Cache-Control"]


def test_varnish_sorts_the_query_and_drops_campaign_parameters(varnish):
    query = "status=third-country&permit=work&family=alone&stay=long"
    _get(varnish + f"/en/checklist/?{query}")
    shuffled = "stay=long&utm_source=mail&family=alone&permit=work&status=third-country"
    assert _get(varnish + f"/en/checklist/?{shuffled}")[1]["X-Cache"] == "hit"


def test_varnish_refuses_a_purge_on_the_public_port(varnish):
    _get(varnish + GUIDE.format(lang="en"))
    request = urllib.request.Request(varnish + GUIDE.format(lang="en"), method="PURGE")  # noqa: S310
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)  # noqa: S310 - a local URL
    assert refused.value.code == 405
    assert _get(varnish + GUIDE.format(lang="en"))[1]["X-Cache"] == "hit"
