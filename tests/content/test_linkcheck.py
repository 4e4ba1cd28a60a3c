"""The outbound link checker against real local servers: 200, 301, 404, 500, HEAD refused, flaky and
a socket that accepts and never answers. Nothing is mocked."""
import csv
import io
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from content import linkcheck
from content.models import Agency, GuidePage, StandardPage
from content.ops_models import BROKEN, OK, REDIRECT, UNREACHABLE, CheckedLink, LinkCheck, LinkUsage

FAST = {"timeout": 0.5, "workers": 4, "host_delay": 0.05, "retry_delay": 0.05}


class Handler(BaseHTTPRequestHandler):
    routes = {"/ok": 200, "/missing": 404, "/error": 500}

    def log_message(self, *args):
        pass

    def _answer(self, method):
        server = self.server
        with server.lock:
            server.log.append((method, self.path))
            server.in_flight += 1
            server.max_in_flight = max(server.max_in_flight, server.in_flight)
        try:
            time.sleep(0.02)  # long enough for overlapping requests to show up in max_in_flight
            if self.path == "/moved":
                self.send_response(301)
                self.send_header("Location", "/ok")
            elif self.path == "/temporary":
                self.send_response(302)
                self.send_header("Location", "/ok")
            elif self.path == "/no-head":
                self.send_response(405 if method == "HEAD" else 200)
            elif self.path == "/flaky":
                count = sum(1 for _m, p in server.log if p == "/flaky")
                self.send_response(500 if count == 1 else 200)
            elif self.path == "/loop":
                self.send_response(302)
                self.send_header("Location", "/loop")
            else:
                self.send_response(self.routes.get(self.path, 404))
            self.send_header("Content-Length", "0")
            self.end_headers()
        finally:
            with server.lock:
                server.in_flight -= 1

    def do_HEAD(self):  # noqa: N802 - http.server's naming
        self._answer("HEAD")

    def do_GET(self):  # noqa: N802
        self._answer("GET")


@pytest.fixture
def web():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.lock = threading.Lock()
    server.log, server.in_flight, server.max_in_flight = [], 0, 0
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def silent():
    """A socket that accepts connections and never answers."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held, stop = [], threading.Event()

    def accept():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except (TimeoutError, OSError):
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/never"
    stop.set()
    thread.join(1)
    for conn in held:
        conn.close()
    listener.close()


def test_each_answer_gets_its_outcome(web, silent):
    urls = [f"{web.base}/{p}" for p in ("ok", "moved", "temporary", "missing", "error", "no-head", "loop")]
    results = linkcheck.check_urls([*urls, silent], **FAST)
    by_path = {url.rsplit("/", 1)[1]: result for url, result in results.items()}
    assert (by_path["ok"].outcome, by_path["ok"].status_code) == (OK, 200)
    assert (by_path["moved"].outcome, by_path["moved"].status_code) == (REDIRECT, 301)
    assert by_path["moved"].final_url == f"{web.base}/ok"
    assert by_path["temporary"].outcome == OK  # a temporary redirect is not the editor's problem
    assert (by_path["missing"].outcome, by_path["missing"].status_code) == (BROKEN, 404)
    assert (by_path["error"].outcome, by_path["error"].status_code) == (BROKEN, 500)
    assert (by_path["no-head"].outcome, by_path["no-head"].status_code) == (OK, 200)
    assert by_path["loop"].outcome == BROKEN and "redirects" in by_path["loop"].error
    assert by_path["never"].outcome == UNREACHABLE and "no answer" in by_path["never"].error


def test_head_first_then_get_only_when_head_is_refused(web):
    linkcheck.check_urls([f"{web.base}/ok", f"{web.base}/no-head"], **FAST)
    assert [entry for entry in web.log if entry[1] == "/ok"] == [("HEAD", "/ok")]
    assert [entry for entry in web.log if entry[1] == "/no-head"] == [("HEAD", "/no-head"), ("GET", "/no-head")]


def test_a_failure_is_retried_once_before_the_link_is_called_broken(web):
    results = linkcheck.check_urls([f"{web.base}/flaky", f"{web.base}/missing"], **FAST)
    assert results[f"{web.base}/flaky"].outcome == OK
    assert results[f"{web.base}/flaky"].attempts == 2
    assert results[f"{web.base}/missing"].attempts == 2
    assert [p for _m, p in web.log].count("/missing") == 2


def test_one_request_at_a_time_per_host_with_a_pause(web):
    urls = [f"{web.base}/ok?n={n}" for n in range(6)]
    started = time.monotonic()
    linkcheck.check_urls(urls, timeout=1, workers=4, host_delay=0.1, retry_delay=0)
    assert web.max_in_flight == 1
    assert time.monotonic() - started >= 5 * 0.1


def test_hosts_are_checked_in_parallel_within_the_bound(web, silent):
    """The silent host's timeouts (two attempts) do not hold up the other host."""
    started = time.monotonic()
    results = linkcheck.check_urls([silent, f"{web.base}/ok"], timeout=1, workers=2, host_delay=0, retry_delay=0)
    assert results[silent].outcome == UNREACHABLE
    elapsed = time.monotonic() - started
    assert 2 <= elapsed < 3.5  # two one-second attempts for the silent host, in parallel with the other


def test_links_are_found_in_sources_eservices_rich_text_agencies_and_checklist(demo):
    call_command("load_tasks", verbosity=0)  # the checklist's tasks, as `make run` loads them
    from guides.models import Task

    Task.objects.filter(key="register-population").update(
        duration_source="Work in Sweden, table A2 (https://tillvaxtverket.se/work-in-sweden)")
    refs = linkcheck.collect_links()
    blocks = {ref.block for ref in refs}
    assert any("sources" in block.lower() for block in blocks)
    assert any("website" in block.lower() for block in blocks)
    assert any(ref.where == "Checklist task: register-population" and ref.url == "https://tillvaxtverket.se/work-in-sweden"
               for ref in refs)
    guide = GuidePage.objects.filter(locale__language_code="en").exclude(sources=[]).first()
    assert any(ref.page_id == guide.pk for ref in refs)
    assert all(ref.url.startswith(("http://", "https://")) for ref in refs)
    owned = [ref for ref in refs if ref.page_id == guide.pk]
    assert owned and all(ref.owner_key == guide.agency.translation_key for ref in owned)


def _set_up_links(web, silent):
    """Point one guide's sources and e-service, a rich-text paragraph and an agency at the local servers."""
    guide = GuidePage.objects.get(slug="register-population", locale__language_code="en")
    guide.sources = [("source", {"title": "OK", "url": f"{web.base}/ok", "publisher": "", "language": "en"}),
                     ("source", {"title": "Gone", "url": f"{web.base}/missing", "publisher": "", "language": "en"})]
    guide.body = [("eservice", {"label": "Moved", "url": f"{web.base}/moved", "needs_bankid": False})]
    guide.processing_time_source_url = f"{web.base}/error"
    guide.save()
    page = StandardPage.objects.filter(locale__language_code="en").first()
    page.body = [("paragraph", f'<p>See <a href="{silent}">this</a> and <a href="/en/">home</a>.</p>')]
    page.save()
    agency = Agency.objects.get(slug="migrationsverket", locale__language_code="en")
    agency.website = f"{web.base}/no-head"
    agency.eservices = []
    agency.save()
    return guide, page, agency


def local(web, silent):
    """Only the local servers are checked: the demo's real addresses stay unchecked (no internet here)."""
    return [web.base.split("//")[1], silent.split("/")[2]]


def test_run_records_status_history_and_where_each_link_is_used(demo, web, silent):
    guide, page, agency = _set_up_links(web, silent)
    summary = linkcheck.run(force=True, hosts=local(web, silent), **FAST)
    assert summary.checked == 6
    assert summary.outcomes == {OK: 2, REDIRECT: 1, BROKEN: 2, UNREACHABLE: 1}
    missing = CheckedLink.objects.get(url=f"{web.base}/missing")
    assert (missing.last_outcome, missing.last_status_code) == (BROKEN, 404)
    usage = LinkUsage.objects.get(link=missing)
    assert usage.page_id == guide.pk and "Sources" in usage.block
    assert usage.owner_key == guide.agency.translation_key
    assert LinkUsage.objects.get(link__url=silent).page_id == page.pk
    assert LinkUsage.objects.get(link__url=f"{web.base}/no-head").owner_key == agency.translation_key
    assert not CheckedLink.objects.filter(url__startswith="/").exists()  # internal links are not checked

    # Not forced: checked recently, so nothing is fetched again (a doubled beat run is harmless).
    requests_before = len(web.log)
    again = linkcheck.run(hosts=local(web, silent), **FAST)
    assert again.checked == 0 and len(web.log) == requests_before
    linkcheck.run(force=True, hosts=local(web, silent), **FAST)
    assert LinkCheck.objects.filter(link=missing).count() == 2
    assert missing.history_text().count("404") == 2


def test_check_links_command_prints_a_summary(demo, web, silent):
    _set_up_links(web, silent)
    out = io.StringIO()
    hosts = [arg for host in local(web, silent) for arg in ("--host", host)]
    call_command("check_links", "--timeout", "0.5", "--host-delay", "0.05", "--retry-delay", "0.05", *hosts,
                 stdout=out)
    text = out.getvalue()
    assert "6 checked" in text
    assert "broken: 2" in text and "unreachable: 1" in text and "redirect: 1" in text
    assert f"{web.base}/missing — 404" in text


def test_celery_task_runs_the_check(demo, web, silent, settings):
    from content.tasks import check_links

    _set_up_links(web, silent)
    settings.LINKCHECK_TIMEOUT, settings.LINKCHECK_HOST_DELAY, settings.LINKCHECK_RETRY_DELAY = 0.5, 0.05, 0.05
    result = check_links.delay(force=True, hosts=local(web, silent)).get()
    assert result["checked"] == 6 and result["outcomes"][BROKEN] == 2


def _editor(name, group_name):
    user = User.objects.create_user(name, password="a-long-test-password")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_report_shows_page_block_status_history_and_filters_by_agency(client, demo, web, silent):
    guide, page, agency = _set_up_links(web, silent)
    linkcheck.run(force=True, hosts=local(web, silent), **FAST)
    client.force_login(User.objects.create_superuser("admin", password="a-long-test-password"))
    response = client.get("/admin/reports/links/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"{web.base}/missing" in html and "Broken (404)" in html and guide.title in html
    # The agency's checked links (the demo's own addresses are many and unchecked here: filter by status).
    response = client.get("/admin/reports/links/", {"agency": str(agency.translation_key), "status": OK})
    html = response.content.decode()
    assert f"{web.base}/no-head" in html and f"{web.base}/missing" not in html

    export = client.get("/admin/reports/links/", {"export": "csv"})
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[0][:4] == ["Page or item", "Field or block", "Address", "Last status"]
    missing = next(row for row in rows if row[2] == f"{web.base}/missing")
    assert missing[3] == "Broken (404)" and "404" in missing[5]


def test_an_agency_editor_sees_only_the_agencys_rows(client, demo, web, silent):
    guide, page, agency = _set_up_links(web, silent)  # guide: Skatteverket; agency: Migrationsverket
    linkcheck.run(force=True, hosts=local(web, silent), **FAST)
    client.force_login(_editor("mig", "Agency: Migrationsverket"))
    html = client.get("/admin/reports/links/", {"status": OK}).content.decode()
    assert f"{web.base}/no-head" in html
    assert f"{web.base}/missing" not in html and silent not in html
    export = client.get("/admin/reports/links/", {"export": "csv"})
    body = b"".join(export.streaming_content).decode()
    assert f"{web.base}/no-head" in body and f"{web.base}/missing" not in body
