"""Find a reader's page in one query instead of Wagtail's one or two per level of the tree.

Wagtail routes ``/ar/arriving/register-population/`` by loading the site root, its translation, then
each level's child and its specific row (nine queries for a guide), and ``route_for_request`` keeps
the result on the request. ``serve`` fills that result first: one query for every page along the
path in the reader's tree and in the source tree (for the fallback), one for the page's specific
row, both kept until the next publish. Anything it does not recognise (a page type with its own
``route``, a missing or draft page) goes to Wagtail's routing unchanged, which answers it as before
(the fallback, a 404).

The page keeps what the look-up found: its ancestors (the breadcrumbs) and its source-language page
(``LandaPageMixin.source_page``), so neither is asked for again. View restrictions are rare: while
none exists the check costs no query (``view_restrictions``).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from portal.caching import request_generation, s_maxage

ROUTE_FIELDS = ("path", "depth", "slug", "url_path", "title", "locale_id", "translation_key", "live",
                "content_type_id")
RESTRICTED_KEY = "landa:restricted-paths"
SITES_KEY = "landa:sites-generation"  # bumped when a site or the tree changes: every cached site is forgotten


def serve(request, path):
    """Wagtail's ``serve``, with the route found in two queries."""
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = site_for(request)
    if not hasattr(request, "_wagtail_route_for_request"):
        found = find_route(request, path)
        if found is not None:
            request._wagtail_route_for_request = found
    return wagtail_views.serve(request, path)


def _chain(pages, home, components):
    """The pages from ``home`` down along ``components`` (as far as they exist)."""
    chain = [home]
    by_path = {}
    for page in pages:
        by_path.setdefault((page.path[: -Page.steplen], page.slug), page)
    for slug in components:
        child = by_path.get((chain[-1].path, slug))
        if child is None:
            break
        chain.append(child)
    return chain


def _routes_plainly(page) -> bool:
    """Whether Wagtail would route through ``page`` by slug alone (no ``route`` of its own)."""
    from content.models import LandaPageMixin

    model = page.specific_class
    return model is not None and model.route in (Page.route, LandaPageMixin.route)


def find_route(request, path):
    from content.navigation import locale_id

    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    components = [part for part in path.split("/") if part]
    reader, source = get_language() or settings.LANGUAGE_CODE, settings.LANGUAGE_CODE
    locales = {locale_id(reader), locale_id(source)} - {None}
    if not locales:
        return None
    # The tree along a path changes only when something is published, moved or deleted, each of which
    # starts a new page-cache generation: the rows are kept until then (only for a path that
    # resolves, so that made-up addresses fill nothing).
    key = "landa:route:" + hashlib.sha256(f"{root.pk}|{sorted(locales)}|{reader}|{path}".encode()).hexdigest()
    gen = request_generation(request)
    entry = cache.get(key)
    kept = isinstance(entry, tuple) and len(entry) == 2 and entry[0] == gen
    pages = entry[1] if kept else _route_rows(root, locales, components)
    homes = {page.locale_id: page for page in pages if page.depth == root.depth}
    chains = {
        locale: _chain([p for p in pages if p.locale_id == locale and p.depth > root.depth], home, components)
        for locale, home in homes.items()
    }
    reader_chain = chains.get(locale_id(reader))
    source_chain = chains.get(locale_id(source))
    complete = [
        chain
        for chain in (reader_chain, source_chain)
        if chain and len(chain) == len(components) + 1 and chain[-1].live and chain[0].live
    ]
    if not complete or not all(_routes_plainly(page) for page in complete[0]):
        return None
    chain = complete[0]
    if not kept:
        # The page itself is kept with the rows, whole (its specific row; a StreamField pickles as its
        # raw data): the one query a page still made on every request, until the next publish.
        pages = [row.specific if row is chain[-1] else row for row in pages]
        cache.set(key, (gen, pages), s_maxage())  # no longer than a cached page
        chain[-1] = next(row for row in pages if row.pk == chain[-1].pk)
    page = chain[-1].specific  # already specific when the rows were kept
    for parent, child in zip([None, *chain[:-1]], chain, strict=True):
        if parent is not None:
            child._cached_parent_obj = parent
    page._cached_parent_obj = chain[-2] if len(chain) > 1 else None
    page._landa_ancestors = chain[:-1]
    if source_chain and len(source_chain) == len(chain) and source_chain[-1].translation_key == page.translation_key:
        page._landa_source = source_chain[-1] if source_chain[-1].live else None
    return RouteResult(page)


def _route_rows(root, locales, components) -> list:
    """Every page along the path: the homes (the root's translations, all at the root's depth), and
    at each level below the pages whose address ends with the path so far."""
    wanted = [f"/{'/'.join(components[:level])}/" for level in range(1, len(components) + 1)]
    candidates = Page.objects.filter(locale_id__in=locales, path__startswith=root.path[: -Page.steplen])
    query = candidates.filter(depth=root.depth, translation_key=root.translation_key)
    for level, ending in enumerate(wanted, start=1):
        query = query | candidates.filter(depth=root.depth + level, url_path__endswith=ending)
    # Only what routing and the breadcrumbs use (the page itself is loaded whole by ``specific``), and
    # sorted here: each column costs compiling and converting, SQL ordering costs hashing each one.
    return sorted(query.only(*ROUTE_FIELDS).order_by(), key=lambda page: page.path)


def site_for(request):
    """``Site.find_for_request`` from the cache: the same answer for every request to a host."""
    generation = cache.get_or_set(SITES_KEY, 0, None)
    host = hashlib.sha256(f"{request._get_raw_host()}|{request.get_port()}".encode()).hexdigest()
    key = f"landa:site:{generation}:{host}"
    site = cache.get(key)
    if site is None:
        site = Site._find_for_request(request)
        if site is not None:
            cache.set(key, site, 3600)
    return site


def forget_sites(**kwargs):
    try:
        cache.incr(SITES_KEY)
    except ValueError:
        cache.set(SITES_KEY, 1, None)


def view_restrictions(page):
    """``page.get_view_restrictions()``, free while no page on the site is restricted (the usual case)."""
    paths = cache.get(RESTRICTED_KEY)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(RESTRICTED_KEY, paths, 3600)
    if not paths:
        return PageViewRestriction.objects.none()
    return None


def forget_restrictions(**kwargs):
    cache.delete(RESTRICTED_KEY)
