"""The local layer as other apps see it: a municipality's and its region's local guides by checklist task.

``local_layer(code, language)`` answers "where will you live?" for the checklist (``guides`` calls it):
the municipality and its region with their pages, and for each task key the municipality's live local
guides tagged with it, else the region's. It reads the pages in two queries and keeps the answer in
the default cache under the origin page cache's generation, so a publish shows at once.

``content`` never imports ``guides``: the checklist's task keys reach the local guide editor through
``register_task_keys``, which ``guides`` calls in its ``AppConfig.ready()``.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.db.models.functions import Coalesce

from content import places
from portal.languages import LANGUAGE_CODES

CACHE_SECONDS = 3600

# --- the checklist's task keys, provided by whoever owns the checklist -------------------------------

_task_key_providers: list[Callable[[], Iterable[tuple[str, str]]]] = []


def register_task_keys(provider: Callable[[], Iterable[tuple[str, str]]]) -> None:
    """Register a callable returning the checklist's ``(key, label)`` pairs (``guides`` does, at start-up)."""
    if provider not in _task_key_providers:
        _task_key_providers.append(provider)


def task_choices() -> list[tuple[str, str]]:
    """Every registered task key with its label, sorted by key: the local guide editor's choices."""
    choices = {}
    for provider in _task_key_providers:
        for key, label in provider():
            choices.setdefault(key, label)
    return sorted(choices.items())


def unknown_task_keys(keys: Iterable[str]) -> list[str]:
    """The keys no provider knows (none is unknown while nothing provides keys: there is no checklist)."""
    if not _task_key_providers:
        return []
    known = {key for key, _label in task_choices()}
    return [key for key in keys if key not in known]


# --- the lookup ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LocalLink:
    title: str  # in the reader's language, or the source page's with fallback
    url: str  # site-relative path in the reader's language (/ar/...)
    owner: str  # the owning municipality's or region's name in the reader's language
    language: str  # language the title is actually in (for lang= when it fell back)


@dataclass(frozen=True)
class PlaceRef:
    code: str
    name: str
    url: str | None  # its MunicipalityPage/RegionPage in the reader's language, None if none


@dataclass(frozen=True)
class LocalLayer:
    municipality: PlaceRef
    region: PlaceRef
    links: Mapping[str, tuple[LocalLink, ...]] = field(default_factory=dict)

    def for_task(self, key: str) -> tuple[LocalLink, ...]:
        return self.links.get(key, ())


def _cache_key(code: str, language: str) -> str:
    from portal.caching import generation

    return f"landa:local:{generation()}:{code}:{language}"


def local_layer(code: str, language: str) -> LocalLayer | None:
    """None for an unknown code. At most 3 queries however many guides; cached in the default cache under the
    origin page cache's generation (portal.caching.generation) so a publish shows at once."""
    municipality = places.municipality(code) if isinstance(code, str) else None
    if municipality is None:
        return None
    if language not in LANGUAGE_CODES:
        language = settings.LANGUAGE_CODE
    key = _cache_key(code, language)
    layer = cache.get(key)
    if layer is None:
        layer = _build(municipality, language)
        cache.set(key, layer, CACHE_SECONDS)
    return layer


def _path_in(url_path: str, code: str) -> str:
    from content.navigation import url_path_in

    return url_path_in(url_path, code)


def _build(municipality: places.Municipality, language: str) -> LocalLayer:
    from wagtail.models import Page

    from content.models import Agency
    from content.navigation import locale_codes

    codes = locale_codes()
    region = municipality.region
    wanted = [municipality.code, region.code]
    # One query: every live version (any language) of the place pages and local guides of both places.
    rows = list(
        Page.objects.live()
        .filter(
            Q(localguidepage__agency__place_code__in=wanted)
            | Q(municipalitypage__agency__place_code=municipality.code)
            | Q(regionpage__agency__place_code=region.code)
        )
        .annotate(
            place=Coalesce(
                "localguidepage__agency__place_code",
                "municipalitypage__agency__place_code",
                "regionpage__agency__place_code",
            ),
        )
        .order_by("path")
        .values("translation_key", "locale_id", "title", "url_path", "path", "place",
                "localguidepage__task_keys", "localguidepage__page_ptr_id")
    )
    # One more: the owners' names, in the reader's language where the register has it.
    owner_names = {}
    for place_code, locale_id, name in Agency.objects.filter(place_code__in=wanted).values_list(
            "place_code", "locale_id", "name"):
        lang = codes.get(locale_id)
        current = owner_names.get(place_code)
        if current is None or _preference(lang, language) < current[0]:
            owner_names[place_code] = (_preference(lang, language), name)

    # Each page in the reader's language, else the source language, else whichever it has.
    chosen: dict = {}
    for row in rows:
        row["language"] = codes.get(row["locale_id"], "")
        best = chosen.get(row["translation_key"])
        if best is None or _preference(row["language"], language) < _preference(best["language"], language):
            chosen[row["translation_key"]] = row
    pages = sorted(chosen.values(), key=lambda row: _source_order(row, rows))

    def ref(place, is_guide=False):
        page = next((row for row in pages if row["place"] == place.code
                     and row["localguidepage__page_ptr_id"] is None), None)
        if page is None:
            return PlaceRef(place.code, place.name, None)
        return PlaceRef(place.code, page["title"], _path_in(page["url_path"], language))

    by_place: dict[str, dict[str, list[LocalLink]]] = {municipality.code: {}, region.code: {}}
    for row in pages:
        if row["localguidepage__page_ptr_id"] is None:
            continue
        owner = owner_names.get(row["place"], (0, ""))[1]
        link = LocalLink(row["title"], _path_in(row["url_path"], language), owner, row["language"])
        for task in row["localguidepage__task_keys"] or []:
            by_place[row["place"]].setdefault(task, []).append(link)
    links = {task: tuple(found) for task, found in by_place[region.code].items()}
    links.update({task: tuple(found) for task, found in by_place[municipality.code].items()})
    return LocalLayer(ref(municipality), ref(region), links)


def _preference(lang: str | None, reader: str) -> int:
    if lang == reader:
        return 0
    if lang == settings.LANGUAGE_CODE:
        return 1
    return 2


def _source_order(row: dict, rows: list[dict]):
    """Tree order of the page's source-language version (the order the place's editors arranged)."""
    source = next((other for other in rows if other["translation_key"] == row["translation_key"]
                   and other["language"] == settings.LANGUAGE_CODE), row)
    return source["path"]
