"""Typical durations on the checklist items: each task's guide page's processing time with its source.

The guide page (in the reader's language, else its source page) is where editors keep the time and
where it came from; the task's own ``duration_days`` is the fallback. Two queries per catalogue
generation and language (all guides at once), then cached like the guide links.
"""

from __future__ import annotations

import time

from django.core.cache import cache
from django.db import DatabaseError

GUIDE_TIMES_KEY = "guides:guide-times:{generation}:{language}"
GUIDE_TIMES_TTL = 300  # as the guide links: an edited time shows within five minutes
_local: dict = {}
LOCAL_TTL = 30


def _from_guides(cat, language: str) -> dict[str, dict]:
    from content.models import GuidePage

    ids = {pk for pk in cat.guide_ids.values() if pk}
    sources = list(
        GuidePage.objects.live()
        .filter(pk__in=ids)
        .values("pk", "translation_key", "processing_time", "processing_time_source", "processing_time_source_url")
    )
    by_id = {p["pk"]: p for p in sources}
    translated = {
        p["translation_key"]: p
        for p in GuidePage.objects.live()
        .filter(locale__language_code=language, translation_key__in={p["translation_key"] for p in sources})
        .values("translation_key", "processing_time", "processing_time_source")
    }
    out = {}
    for key, pk in cat.guide_ids.items():
        page = by_id.get(pk)
        if page is None:
            continue
        mine = translated.get(page["translation_key"]) or {}
        text = mine.get("processing_time") or page["processing_time"]
        if not text:
            continue
        out[key] = {
            "text": text,
            "source": mine.get("processing_time_source") or page["processing_time_source"],
            "url": page["processing_time_source_url"],
            "lang": None if mine.get("processing_time") else "en",  # the source page's words: marked
        }
    return out


def guide_times(cat, language: str) -> dict[str, dict]:
    """task key → {"text", "source", "url", "lang"}: the guide's time, else the task's own duration."""
    cache_key = GUIDE_TIMES_KEY.format(generation=cat.generation, language=language)
    local = _local.get(cache_key)
    if local is not None and time.monotonic() - local[0] < LOCAL_TTL:
        return local[1]
    times = cache.get(cache_key)
    if times is None:
        try:
            times = _from_guides(cat, language)
        except DatabaseError:
            times = {}
        for key, duration in cat.durations.items():
            if key not in times and duration:
                days, source = duration
                times[key] = {"days": days, "source": source, "url": "", "lang": "en"}
        cache.set(cache_key, times, timeout=GUIDE_TIMES_TTL)
    if len(_local) > 16:
        _local.clear()
    _local[cache_key] = (time.monotonic(), times)
    return times
