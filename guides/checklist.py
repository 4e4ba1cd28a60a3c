"""The adapter between the database and the pure engine: loads the rule data and texts once (cached
by rules_version in the Django cache) and turns engine items into the checklist every view shows.

Queries per checklist: none while the catalogue is cached; a handful to rebuild it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, models
from django.urls import reverse
from django.utils import translation

from guides import engine
from guides.situation import Situation, today

CATALOGUE_KEY = "guides:catalogue:current"
GUIDE_URLS_KEY = "guides:guide-urls:{version}:{language}"
GUIDE_URLS_TTL = 300  # guides are published in the CMS; a stale link for five minutes is fine
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@dataclass(frozen=True)
class Catalogue:
    book: engine.RuleBook
    texts: dict  # key -> {lang: {"title", "summary"}}
    agencies: dict  # task key -> {"key", "url", "name": {lang: name}} or None
    guide_ids: dict  # task key -> GuidePage id or None
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
            "depends_on": [d.key for d in t.depends_on.all()],
            "rules": [r.as_data() for r in t.rules.all()],
        }
        for t in tasks
    )
    texts, agencies, guides, durations = {}, {}, {}, {}
    for t in tasks:
        texts[t.key] = {
            code: {
                "title": getattr(t, f"title_{code}") or t.title_en,
                "summary": getattr(t, f"summary_{code}") or t.summary_en,
            }
            for code in LANGUAGE_CODES
        }
        a = t.agency
        agencies[t.key] = (
            {
                "key": a.key,
                "url": a.url,
                "name": {code: getattr(a, f"name_{code}") or a.name_en for code in LANGUAGE_CODES},
            }
            if a
            else None
        )
        guides[t.key] = t.guide_id
        durations[t.key] = (t.duration_days, t.duration_source) if t.duration_days else None
    # A read-only replica or a race: the snapshot is a record, not a requirement.
    with contextlib.suppress(DatabaseError):
        RulesSnapshot.objects.get_or_create(version=book.version, defaults={"data": book.as_data()})
    return Catalogue(book, texts, agencies, guides, durations)


def catalogue() -> Catalogue:
    found = cache.get(CATALOGUE_KEY)
    if found is None:
        found = _build_catalogue()
        cache.set(CATALOGUE_KEY, found, timeout=None)
    return found


def forget_catalogue(*args, **kwargs) -> None:
    cache.delete(CATALOGUE_KEY)


def task_url(key: str, language: str) -> str:
    with translation.override(language):
        return reverse("guides:task", kwargs={"key": key})


def guide_urls(cat: Catalogue, language: str) -> dict[str, str]:
    """Each task's guide in ``language`` (its translation or the fallback path), else our task page."""
    cache_key = GUIDE_URLS_KEY.format(version=cat.version, language=language)
    urls = cache.get(cache_key)
    if urls is not None:
        return urls
    urls = {}
    ids = {pk for pk in cat.guide_ids.values() if pk}
    pages = {}
    if ids:
        from content.links import page_url_in
        from content.models import GuidePage

        pages = {p.pk: p for p in GuidePage.objects.filter(pk__in=ids, live=True)}
    for key, pk in cat.guide_ids.items():
        url = None
        if pk in pages:
            try:
                url = page_url_in(pages[pk], language)
            except Exception:  # noqa: BLE001 - a broken page tree must not break the checklist
                url = None
        urls[key] = url or task_url(key, language)
    cache.set(cache_key, urls, timeout=GUIDE_URLS_TTL)
    return urls


def absolute(url: str, request=None) -> str:
    if url.startswith("http"):
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def result_url(situation: Situation, language: str) -> str:
    with translation.override(language):
        return reverse("guides:checklist") + "?" + situation.as_query()


def make_checklist(situation: Situation, language: str, request=None) -> dict:
    """The checklist as the JSON API shapes it (DESIGN.md); views and the calendar read the same dict."""
    cat = catalogue()
    items = engine.build(cat.book, situation)
    urls = guide_urls(cat, language)
    out = []
    for item in items:
        agency = cat.agencies.get(item.key)
        out.append(
            {
                "key": item.key,
                "title": cat.texts[item.key][language]["title"],
                "summary": cat.texts[item.key][language]["summary"],
                "why": item.why(language),
                "phase": item.phase,
                "for": list(item.persons),
                "agency": {"key": agency["key"], "name": agency["name"][language], "url": agency["url"]}
                if agency
                else None,
                "depends_on": list(item.depends_on),
                "due": item.due.isoformat() if item.due else None,
                "due_rule": {"days_from_arrival": item.days_from_arrival}
                if item.days_from_arrival is not None
                else None,
                "guide_url": absolute(urls[item.key], request),
            }
        )
    return {
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
        "share_url": absolute(result_url(situation, language), request),
        "items": out,
    }


def count_checklist(situation: Situation) -> None:
    """Add one to today's anonymous counter for these answers (never the date; never fails a page)."""
    from guides.models import ChecklistCount

    day: dt.date = today()
    key = situation.key[:200]
    try:
        updated = ChecklistCount.objects.filter(day=day, situation=key).update(count=models.F("count") + 1)
        if not updated:
            _obj, created = ChecklistCount.objects.get_or_create(day=day, situation=key, defaults={"count": 1})
            if not created:
                ChecklistCount.objects.filter(day=day, situation=key).update(count=models.F("count") + 1)
    except DatabaseError:
        pass
