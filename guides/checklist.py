"""The adapter between the database and the pure engine: loads the rule data and texts once (cached
by rules_version in the Django cache) and turns engine items into the checklist every view shows.

Queries per checklist: none while the catalogue is cached; a handful to rebuild it.
"""

from __future__ import annotations

import contextlib
import logging
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.urls import reverse
from django.utils import translation

from guides import engine
from guides.situation import Situation
from guides.why import explain
from portal.cachestate import cache_reachable

log = logging.getLogger(__name__)
#: The current catalogue's generation (rules_version + a random suffix, since texts change too).
#: The "2" is the Catalogue's shape (``guide_ids`` holds ids only): a process never reads an older one.
GENERATION_KEY = "guides:catalogue:2:generation"
CATALOGUE_KEY = "guides:catalogue:{generation}"
GUIDE_URLS_KEY = "guides:guide-urls:{generation}:{language}"
GUIDE_URLS_TTL = 300  # guides are published in the CMS; a stale link for five minutes is fine
LOCAL_GUIDE_URLS_TTL = 30
#: Nothing in the cache lives for ever (it shares Redis with the broker): a day, then one rebuild.
CATALOGUE_TIMEOUT = 24 * 60 * 60
#: How long a process keeps using its copy while the cache is unreachable (a bounded staleness).
LOCAL_FALLBACK_SECONDS = 120
#: This process's copy, so a request costs one small cache read (the generation), not an unpickle.
_local: dict = {}
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@dataclass(frozen=True)
class Catalogue:
    book: engine.RuleBook
    generation: str
    texts: dict  # key -> {lang: {"title", "summary"}}
    agencies: dict  # task key -> {"key", "url", "name": {lang: name}} or None, from content.Agency
    guide_ids: dict  # task key -> the source-language GuidePage's id, or None
    durations: dict  # task key -> (days, source) or None

    @property
    def version(self) -> str:
        return self.book.version


def _build_catalogue() -> Catalogue:
    from guides.models import RulesSnapshot, Task

    tasks = list(Task.objects.select_related("agency").prefetch_related("rules", "depends_on"))
    book = engine.RuleBook.from_data(
        {
            "key": t.key,
            "phase": t.phase,
            "order": t.order,
            "days_from_arrival": t.days_from_arrival,
            "due_kind": t.due_kind,
            "depends_on": [d.key for d in t.depends_on.all()],
            "rules": [r.as_data() for r in t.rules.all()],
        }
        for t in tasks
    )
    register = _agencies_by_language({t.agency.translation_key for t in tasks if t.agency})
    texts, agencies, guides, durations = {}, {}, {}, {}
    for t in tasks:
        texts[t.key] = {
            code: {
                "title": getattr(t, f"title_{code}") or t.title_en,
                "summary": getattr(t, f"summary_{code}") or t.summary_en,
                "note": getattr(t, f"note_{code}") or t.note_en or "",
            }
            for code in LANGUAGE_CODES
        }
        agencies[t.key] = register.get(t.agency.translation_key) if t.agency else None
        guides[t.key] = t.guide_id
        durations[t.key] = (t.duration_days, t.duration_source) if t.duration_days else None
    # A read-only replica or a race: the snapshot is a record, not a requirement.
    with contextlib.suppress(DatabaseError):
        RulesSnapshot.objects.get_or_create(version=book.version, defaults={"data": book.as_data()})
    return Catalogue(book, f"{book.version}-{uuid.uuid4().hex[:8]}", texts, agencies, guides, durations)


def _agencies_by_language(translation_keys) -> dict:
    """Each agency of the register as the checklist shows it: name in every language (its translation,
    else the source row's name), website from the register. Keyed by translation_key."""
    from content.models import Agency

    rows = list(Agency.objects.filter(translation_key__in=translation_keys).select_related("locale"))
    out = {}
    for row in sorted(rows, key=lambda r: r.locale.language_code != settings.LANGUAGE_CODE):
        entry = out.setdefault(row.translation_key, {"key": row.slug, "url": row.website, "name": {}})
        entry["name"][row.locale.language_code] = row.name
    for entry in out.values():
        source = entry["name"].get(settings.LANGUAGE_CODE) or next(iter(entry["name"].values()))
        entry["name"] = {code: entry["name"].get(code) or source for code in LANGUAGE_CODES}
    return out


def catalogue() -> Catalogue:
    """The rule data and texts: this process's copy while the shared generation is unchanged.

    With the cache unreachable (Redis down) the copy is kept for ``LOCAL_FALLBACK_SECONDS`` instead
    of rebuilding the catalogue from the database on every request; an edit made meanwhile shows
    within that time.
    """
    generation = cache.get(GENERATION_KEY)
    mine = _local.get("catalogue")
    if (
        generation is None
        and mine is not None
        and time.monotonic() - _local.get("catalogue_at", 0.0) < LOCAL_FALLBACK_SECONDS
        and not cache_reachable(cache)
    ):
        return mine
    if generation is not None:
        mine = _local.get("catalogue")
        if mine is not None and mine.generation == generation:
            return mine
        found = cache.get(CATALOGUE_KEY.format(generation=generation))
        if found is not None:
            _local.clear()
            _local["catalogue"] = found
            _local["catalogue_at"] = time.monotonic()
            return found
    found = _build_catalogue()
    cache.set(CATALOGUE_KEY.format(generation=found.generation), found, timeout=CATALOGUE_TIMEOUT)
    cache.set(GENERATION_KEY, found.generation, timeout=CATALOGUE_TIMEOUT)
    _local.clear()
    _local["catalogue"] = found
    _local["catalogue_at"] = time.monotonic()
    return found


def forget_catalogue(*args, **kwargs) -> None:
    """After an edit: every process rebuilds (or fetches) a new generation on its next request."""
    cache.delete(GENERATION_KEY)
    _local.clear()


def task_url(key: str, language: str) -> str:
    with translation.override(language):
        return reverse("guides:task", kwargs={"key": key})


def guide_urls(cat: Catalogue, language: str) -> dict[str, str]:
    """Each task's guide in ``language`` (its translation or the fallback path), else our task page."""
    cache_key = GUIDE_URLS_KEY.format(generation=cat.generation, language=language)
    local = _local.get(cache_key)
    if local is not None and time.monotonic() - local[0] < LOCAL_GUIDE_URLS_TTL:
        return local[1]
    urls = cache.get(cache_key)
    if urls is not None:
        _local[cache_key] = (time.monotonic(), urls)
        return urls
    urls = {}
    pages = {}
    try:
        from content.models import GuidePage

        by_id = GuidePage.objects.live().select_related("locale").in_bulk({pk for pk in cat.guide_ids.values() if pk})
        pages = {key: by_id.get(pk) for key, pk in cat.guide_ids.items()}
    except DatabaseError:
        pass
    try:
        from content.navigation import page_urls_in

        page_urls = page_urls_in({page for page in pages.values() if page is not None}, language)
    except Exception:  # noqa: BLE001 - a broken page tree must not break the checklist
        page_urls = {}
    for key in cat.guide_ids:
        page = pages.get(key)
        url = page_urls.get(page.pk) if page is not None else None
        urls[key] = url or task_url(key, language)
    cache.set(cache_key, urls, timeout=GUIDE_URLS_TTL)
    _local[cache_key] = (time.monotonic(), urls)
    return urls


def absolute(url: str, request=None) -> str:
    if url.startswith("http"):
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def result_url(situation: Situation, language: str, since: str | None = None) -> str:
    """The result page; with ``since`` (a rules_version) it can later say what changed since then."""
    with translation.override(language):
        url = reverse("guides:checklist") + "?" + situation.as_query()
    return url + f"&since={since}" if since else url


def make_checklist(situation: Situation, language: str, request=None, since: str | None = None) -> dict:
    """The checklist as the JSON API shapes it (DESIGN.md); views and the calendar read the same dict.

    With ``since`` (a well-formed rules_version) the result gains ``changes`` (guides.changes). With a
    municipality, ``place`` names it and its region, and an item with local guides gains ``local``."""
    from guides import place
    from guides.changes import changes_since

    cat = catalogue()
    items = engine.build(cat.book, situation)
    urls = guide_urls(cat, language)
    found = place.layer(situation, language)

    def full(url):
        return absolute(url, request)

    out = []
    for item in items:
        agency = cat.agencies.get(item.key)
        out.append(
            {
                "key": item.key,
                "title": cat.texts[item.key][language]["title"],
                "summary": cat.texts[item.key][language]["summary"],
                "why": explain(item.reasons, language),
                "phase": item.phase,
                "for": list(item.persons),
                "agency": {"key": agency["key"], "name": agency["name"][language], "url": agency["url"]}
                if agency
                else None,
                "depends_on": list(item.depends_on),
                "due": item.due.isoformat() if item.due else None,
                "due_kind": item.due_kind,
                "due_rule": {"days_from_arrival": item.days_from_arrival, "kind": item.rule_kind}
                if item.days_from_arrival is not None
                else None,
                "guide_url": absolute(urls[item.key], request),
            }
        )
        if "partner" in item.persons:  # what the partner in particular should know (null: nothing)
            out[-1]["note"] = cat.texts[item.key][language]["note"] or None
        if local := place.local_links(found, item.key, full):
            out[-1]["local"] = local
    data = {
        "profile": {
            "status": situation.status,
            "permit": situation.permit,
            "family": situation.family,
            "children": list(situation.children),
            "stay": situation.stay,
            "partner": situation.partner,
            "arrival": situation.arrival.isoformat() if situation.arrival else None,
        },
        "language": language,
        "rules_version": cat.version,
        "share_url": absolute(result_url(situation, language, since=cat.version), request),
        "place": place.place_data(situation, found, full),
        "items": out,
    }
    if since is not None:
        data["changes"] = changes_since(cat.book, situation, since, items)
    return data


def count_checklist(response, situation: Situation, language: str) -> None:
    """Count the checklist this response shows, per answers, language and region (never the date, the
    municipality, an IP or a cookie).

    The response is marked; ``content.counters.CountMiddleware`` counts each GET that serves it, from
    the view or from the page cache, durably at once (a HEAD, e.g. a link preview, is not counted).
    """
    from content import counters

    counters.mark(
        response, "checklist", situation=situation.key[:200], language=language, region=situation.region or ""
    )
