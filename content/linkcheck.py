"""The outbound link checker: finds every external address the portal links to and checks it.

Addresses come from the live pages' URL fields and StreamFields (sources, e-service blocks, the
processing time's source, "changes coming" sources, links in rich text), from the agencies (website,
e-services) and from other apps through the ``landa_link_sources`` Wagtail hook (the checklist's
agencies and tasks; ``content`` does not import ``guides``).

Checking is polite: one request at a time per host with a pause between them, a bounded thread pool
across hosts, HEAD first and GET when a server refuses HEAD (403/405/501), a timeout on every
request, and one retry before an address is called broken. Only the HTTP work runs in threads; the
database is written afterwards, in the caller's thread.
"""
from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from html.parser import HTMLParser
from http.client import HTTPException
from urllib.parse import urljoin, urlsplit
from uuid import UUID

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.text import capfirst
from wagtail import blocks, hooks
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from content.ops_models import BROKEN, OK, REDIRECT, UNREACHABLE, CheckedLink, LinkCheck, LinkUsage

USER_AGENT = "LandaLinkChecker/1.0 (+https://landa.example/; checks the links in guidance, politely)"
REFUSES_HEAD = {403, 405, 501}
REDIRECTS = {301, 302, 303, 307, 308}
PERMANENT = {301, 308}
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class LinkRef:
    """One place an address is used."""

    url: str
    where: str
    block: str
    page_id: int | None = None
    owner_key: UUID | None = None
    owner_name: str = ""


@dataclass
class Result:
    url: str
    outcome: str
    status_code: int | None = None
    final_url: str = ""
    error: str = ""
    elapsed_ms: int = 0
    attempts: int = 1


@dataclass
class Summary:
    found: int = 0
    checked: int = 0
    skipped: int = 0
    outcomes: Counter = field(default_factory=Counter)
    failing: list = field(default_factory=list)  # [Result] broken or unreachable

    def lines(self):
        yield (f"{self.found} addresses in use, {self.checked} checked, "
               f"{self.skipped} not checked (recent or other hosts).")
        for outcome in (OK, REDIRECT, BROKEN, UNREACHABLE):
            yield f"  {outcome}: {self.outcomes.get(outcome, 0)}"
        for result in self.failing:
            yield f"  ✗ {result.url} — {result.status_code or result.error}"


# --- finding the links -----------------------------------------------------------------------------

class _Hrefs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def hrefs_in(html: str) -> list[str]:
    parser = _Hrefs()
    parser.feed(html or "")
    return parser.hrefs


def _label(block) -> str:
    return capfirst(str(block.label or block.name or "").strip())


def walk_block(block, value, path):
    """Yield (label path, address) for every URL block and rich-text link inside a block's value."""
    if value is None:
        return
    if isinstance(block, blocks.URLBlock):
        if value:
            yield path, value
    elif isinstance(block, blocks.RichTextBlock) or isinstance(value, RichText):
        for href in hrefs_in(getattr(value, "source", str(value))):
            yield path, href
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from walk_block(child, value.get(name), [*path, _label(child)])
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from walk_block(block.child_block, item, path)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from walk_block(child.block, child.value, [*path, _label(child.block)])


def links_in_instance(instance):
    """(label path, address) for the URL fields, StreamFields and rich text fields of a model instance."""
    from wagtail.fields import RichTextField

    base_fields = {f.name for f in Page._meta.get_fields()} if isinstance(instance, Page) else set()
    for model_field in instance._meta.concrete_fields:
        if model_field.name in base_fields:
            continue
        label = capfirst(str(model_field.verbose_name))
        value = getattr(instance, model_field.name, None)
        if isinstance(model_field, StreamField):
            yield from walk_block(model_field.stream_block, value, [label])
        elif isinstance(model_field, models.URLField) and value:
            yield [label], value
        elif isinstance(model_field, RichTextField) and value:
            for href in hrefs_in(value):
                yield [label], href


def own_hosts() -> set[str]:
    hosts = {urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or ""}
    hosts.update(Site.objects.values_list("hostname", flat=True))
    return {host.lower() for host in hosts if host and host not in {"localhost", "127.0.0.1"}}


def is_external(url: str, own: set[str]) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme in {"http", "https"} and bool(parts.hostname) and parts.hostname.lower() not in own


def collect_links() -> list[LinkRef]:
    """Every external address in live pages, agencies and the other apps' link sources.

    Field and block labels are stored in the site's default language, whatever language is active.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return _collect_links()


def _collect_links() -> list[LinkRef]:
    from content.models import Agency

    own = own_hosts()
    default_names = dict(
        Agency.objects.filter(locale__language_code=settings.LANGUAGE_CODE).values_list("translation_key", "name")
    )
    refs: list[LinkRef] = []

    def add(url, **kwargs):
        url = url.strip()
        if is_external(url, own):
            refs.append(LinkRef(url=url, **kwargs))

    pages = Page.objects.live().filter(depth__gte=2).specific().select_related("locale")
    for page in pages:
        agency = getattr(page, "agency", None)
        owner_key = agency.translation_key if agency is not None else None
        where = f"{page.title} ({page.locale.language_code})"
        for path, url in links_in_instance(page):
            add(url, where=where, block=" › ".join(path), page_id=page.pk, owner_key=owner_key,
                owner_name=default_names.get(owner_key, ""))
    for agency in Agency.objects.select_related("locale"):
        where = f"{agency.name} ({agency.locale.language_code})"
        for path, url in links_in_instance(agency):
            add(url, where=where, block=" › ".join(path), owner_key=agency.translation_key,
                owner_name=default_names.get(agency.translation_key, agency.name))
    for source in hooks.get_hooks("landa_link_sources"):
        for ref in source():
            add(ref.url, where=ref.where, block=ref.block, page_id=ref.page_id, owner_key=ref.owner_key,
                owner_name=ref.owner_name or default_names.get(ref.owner_key, ""))
    return refs


# --- checking them ---------------------------------------------------------------------------------

class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by hand, so a permanent one can be reported."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def _request(url: str, method: str, timeout: float) -> tuple[int, str]:
    if urlsplit(url).scheme not in {"http", "https"}:
        raise ValueError(f"not an http(s) address: {url}")
    headers = {"User-Agent": USER_AGENT, "Accept": "*/*"}
    request = urllib.request.Request(url, method=method, headers=headers)  # noqa: S310 - scheme checked above
    try:
        with _opener.open(request, timeout=timeout) as response:
            if method == "GET":
                response.read(1024)
            return response.status, response.headers.get("Location", "")
    except urllib.error.HTTPError as error:
        location = error.headers.get("Location", "") if error.headers else ""
        error.close()
        return error.code, location


def probe(url: str, timeout: float) -> Result:
    """One attempt: HEAD (GET when HEAD is refused), following up to five redirects by hand."""
    started = time.monotonic()
    current, first_code, code = url, None, None
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            code, location = _request(current, "HEAD", timeout)
            if code in REFUSES_HEAD:
                code, location = _request(current, "GET", timeout)
            first_code = first_code or code
            if code in REDIRECTS and location:
                current = urljoin(current, location)
                continue
            break
        else:
            return Result(url, BROKEN, code, current, "too many redirects", _ms(started))
    except TimeoutError:
        return Result(url, UNREACHABLE, None, "", f"no answer within {timeout:g} s", _ms(started))
    except (urllib.error.URLError, HTTPException, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        text = f"no answer within {timeout:g} s" if isinstance(reason, TimeoutError) else str(reason)
        return Result(url, UNREACHABLE, None, "", text[:300], _ms(started))
    final_url = current if current != url else ""
    if code >= 400:
        return Result(url, BROKEN, code, final_url, "", _ms(started))
    if first_code in PERMANENT:
        return Result(url, REDIRECT, first_code, final_url, "", _ms(started))
    return Result(url, OK, code, final_url, "", _ms(started))


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


def check_url(url: str, timeout: float, retry_delay: float) -> Result:
    """A failing address is tried once more after a pause before it is called broken."""
    result = probe(url, timeout)
    if result.outcome in (BROKEN, UNREACHABLE):
        time.sleep(retry_delay)
        result = probe(url, timeout)
        result.attempts = 2
    return result


def check_urls(urls, *, timeout=None, workers=None, host_delay=None, retry_delay=None) -> dict[str, Result]:
    """Check many addresses: hosts in parallel (bounded), each host's addresses one after another."""
    timeout = settings.LINKCHECK_TIMEOUT if timeout is None else timeout
    workers = settings.LINKCHECK_WORKERS if workers is None else workers
    host_delay = settings.LINKCHECK_HOST_DELAY if host_delay is None else host_delay
    retry_delay = settings.LINKCHECK_RETRY_DELAY if retry_delay is None else retry_delay
    by_host = defaultdict(list)
    for url in dict.fromkeys(urls):
        by_host[(urlsplit(url).netloc or "").lower()].append(url)

    def one_host(host_urls):
        results = []
        for index, url in enumerate(host_urls):
            if index:
                time.sleep(host_delay)
            results.append(check_url(url, timeout, retry_delay))
        return results

    found = {}
    if not by_host:
        return found
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(by_host)))) as pool:
        for results in pool.map(one_host, by_host.values()):
            found.update({result.url: result for result in results})
    return found


# --- recording -------------------------------------------------------------------------------------

def record(refs: list[LinkRef], results: dict[str, Result], now=None) -> None:
    """Store the results (history rows) and rebuild where each address is used."""
    now = now or timezone.now()
    in_use = {ref.url for ref in refs}
    with transaction.atomic():
        links = {link.url: link for link in CheckedLink.objects.filter(url__in=in_use)}
        for url in in_use - links.keys():
            links[url] = CheckedLink.objects.create(url=url)
        for url, result in results.items():
            link = links.get(url) or CheckedLink.objects.get_or_create(url=url)[0]
            link.last_outcome = result.outcome
            link.last_status_code = result.status_code
            link.last_checked_at = now
            link.final_url = result.final_url[:2000]
            link.error = result.error[:300]
            if result.outcome in (OK, REDIRECT):
                link.last_ok_at = now
            link.in_use = url in in_use
            link.save()
            LinkCheck.objects.create(link=link, checked_at=now, outcome=result.outcome, status_code=result.status_code,
                                     error=result.error[:300], elapsed_ms=result.elapsed_ms)
        CheckedLink.objects.filter(url__in=in_use).update(in_use=True)
        CheckedLink.objects.exclude(url__in=in_use).update(in_use=False)
        LinkUsage.objects.all().delete()
        LinkUsage.objects.bulk_create(
            LinkUsage(link=links[ref.url], page_id=ref.page_id, where=ref.where[:300], block=ref.block[:300],
                      owner_key=ref.owner_key, owner_name=ref.owner_name[:200])
            for ref in dict.fromkeys(refs)
        )


def run(*, force=False, hosts=None, **check_options) -> Summary:
    """Collect, check what was not checked recently (everything with ``force``), record, summarise.

    Running twice in a row checks nothing the second time unless forced, so a retried or doubled
    beat task does not hammer the agencies' sites. ``hosts`` (host or host:port) limits the checking,
    not the record of where links are used, to those hosts.
    """
    refs = collect_links()
    urls = list(dict.fromkeys(ref.url for ref in refs))
    due = urls
    if hosts:
        wanted = {host.lower() for host in hosts}
        due = [url for url in urls if urlsplit(url).netloc.lower() in wanted or urlsplit(url).hostname in wanted]
    if not force:
        recent = timezone.now() - timedelta(hours=settings.LINKCHECK_MIN_INTERVAL_HOURS)
        fresh = set(CheckedLink.objects.filter(url__in=urls, last_checked_at__gte=recent).values_list("url", flat=True))
        due = [url for url in due if url not in fresh]
    results = check_urls(due, **check_options)
    record(refs, results)
    summary = Summary(found=len(urls), checked=len(results), skipped=len(urls) - len(results))
    summary.outcomes.update(result.outcome for result in results.values())
    summary.failing = sorted((r for r in results.values() if r.outcome in (BROKEN, UNREACHABLE)), key=lambda r: r.url)
    return summary


URL_IN_TEXT = re.compile(r"https?://[^\s<>\"')\]]+")


def urls_in_text(text: str) -> list[str]:
    """Addresses written into plain text (e.g. a duration's source), without trailing punctuation."""
    return [match.rstrip(".,;:)]") for match in URL_IN_TEXT.findall(text or "")]
