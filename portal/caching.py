"""HTTP caching: one policy for the response headers, and the origin page cache behind it.

Anonymous GETs of public pages and APIs are the same for every reader of a URL (the language is in
the path or the query), so they are sent ``public`` with ``s-maxage`` and ``stale-while-revalidate``
for Varnish or a CDN, and kept in the origin cache (Redis; local memory in the embedded default).
Everything else — ``/`` (which redirects by cookie), search, forms with a CSRF token, the workspace,
the admin, ``/c/`` links and any reader with a session — is ``private``. A response that sets a
cookie or used the CSRF token is never public, whatever the view.

Django's ``ConditionalGetMiddleware`` adds the ETag and answers ``If-None-Match`` with 304.
Publishing and data changes call :func:`invalidate` (see ``portal.purge``).

Middleware order (outermost first)::

    SecurityMiddleware, WhiteNoiseMiddleware,
    django.middleware.http.ConditionalGetMiddleware,
    portal.caching.PageCacheMiddleware,       # serves and stores anonymous public responses
    portal.caching.CachePolicyMiddleware,     # decides public or private once inner layers are done
    ... everything else (sessions, locale, CSRF, auth, CSP, ...; content transforms too)
"""
from __future__ import annotations

import hashlib
import secrets
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, cc_delim_re, patch_cache_control

#: URL names (``namespace:name``) whose anonymous GET responses are the same for every reader.
PUBLIC_VIEWS = frozenset({
    "wagtail_serve",
    "agency-index",
    "agency-detail",
    "guides:checklist",
    "guides:calendar",
    "guides:task",
    "api-checklist",
    "sitemap",
    "robots",
})
PUBLIC_NAMESPACES = frozenset({"wagtailapi"})
#: Views outside the language prefix whose answer does not depend on Accept-Language or a cookie
#: (the language, if any, is a query parameter), so Django's ``Vary: Accept-Language`` is dropped.
LANGUAGE_INDEPENDENT = frozenset({"api-checklist", "sitemap", "robots"})
#: Never stored anywhere: personal or editorial.
NO_STORE_NAMESPACES = frozenset({"firms"})
NO_STORE_VIEWS = frozenset({"firms-short-link", "healthz"})
NO_STORE_PREFIXES = ("/admin/",)
#: Query parameters that never change a page (campaign tracking); dropped from the cache key.
IGNORED_QUERY_PREFIXES = ("utm_", "mtm_", "matomo_", "fbclid", "gclid", "msclkid", "_ga")
MAX_QUERY_LENGTH = 2000

HEADER = "X-Page-Cache"
GENERATION_KEY = "landa:pagecache:generation"


def s_maxage() -> int:
    return int(getattr(settings, "CACHE_S_MAXAGE", 300))


def stale_while_revalidate() -> int:
    return int(getattr(settings, "CACHE_STALE_WHILE_REVALIDATE", 60))


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _view_name(request) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match is not None else ""


def _namespaces(request) -> list[str]:
    match = getattr(request, "resolver_match", None)
    return list(match.namespaces) if match is not None else []


def anonymous_request(request) -> bool:
    """No session cookie: nothing personal can be in the answer (Varnish uses the same test)."""
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


def is_public_view(request) -> bool:
    return _view_name(request) in PUBLIC_VIEWS or bool(PUBLIC_NAMESPACES & set(_namespaces(request)))


def is_public_response(request, response) -> bool:
    """Whether this answer may be shared by every reader of the URL."""
    if not (anonymous_request(request) and response.status_code == 200 and is_public_view(request)):
        return False
    if getattr(response, "streaming", False) or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False  # the page carries a CSRF token
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-store", "no-cache"))


def _is_no_store(request) -> bool:
    return (
        request.path_info.startswith(NO_STORE_PREFIXES)
        or _view_name(request) in NO_STORE_VIEWS
        or bool(NO_STORE_NAMESPACES & set(_namespaces(request)))
    )


def _drop_vary(response, names: set[str]) -> None:
    if not response.has_header("Vary"):
        return
    kept = [item for item in cc_delim_re.split(response["Vary"]) if item and item.lower() not in names]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


def make_public(request, response) -> None:
    # Public responses are only those of requests without a session cookie, and Varnish strips
    # cookies from exactly those, so ``Vary: Cookie`` (added when the session was looked at) is moot.
    dropped = {"cookie"}
    if _view_name(request) in LANGUAGE_INDEPENDENT or PUBLIC_NAMESPACES & set(_namespaces(request)):
        dropped.add("accept-language")
    _drop_vary(response, dropped)
    if "Cache-Control" in response:
        del response["Cache-Control"]
    patch_cache_control(
        response,
        public=True,
        max_age=0,  # browsers revalidate (a cheap 304 with the ETag); shared caches are purged on publish
        s_maxage=s_maxage(),
        stale_while_revalidate=stale_while_revalidate(),
    )


class CachePolicyMiddleware:
    """Sets ``Cache-Control`` (and trims ``Vary``) on every response, once the inner layers are done."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_public_response(request, response):
            make_public(request, response)
        elif _is_no_store(request):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True, no_store=True)
        elif "Cache-Control" not in response or "public" in response["Cache-Control"]:
            # Not shareable here (a session, a CSRF form, a cookie, search, "/"): the browser only.
            if "Cache-Control" in response:
                del response["Cache-Control"]
            patch_cache_control(response, private=True, no_cache=True)
        return response


# --- the origin page cache ---------------------------------------------------------------------

def normalised_query(query_string: str) -> str:
    """The query string in a canonical order, without campaign-tracking parameters."""
    pairs = [
        (key, value)
        for key, value in parse_qsl(query_string, keep_blank_values=True)
        if not key.lower().startswith(IGNORED_QUERY_PREFIXES)
    ]
    pairs.sort(key=lambda pair: pair[0])  # stable: repeated keys keep their order
    return urlencode(pairs)


def generation(cache=None) -> str:
    """The current generation of the page cache; :func:`invalidate` starts a new one."""
    cache = cache or page_cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = secrets.token_hex(6)
        if not cache.add(GENERATION_KEY, value, None):
            value = cache.get(GENERATION_KEY) or value
    return value


def invalidate() -> None:
    """Forget every cached page at once (all languages, every page that lists what changed).

    Content changes are rare and a rebuilt page costs milliseconds, so the origin cache starts a
    new generation instead of tracking which page lists which; old entries are misses from then on,
    overwritten when their page is stored again or expiring on their own.
    """
    page_cache().set(GENERATION_KEY, secrets.token_hex(6), None)


def request_generation(request) -> str:
    """The generation for this request: read once (the page cache middleware already has it)."""
    gen = getattr(request, "_landa_generation", None)
    if gen is None:
        gen = request._landa_generation = generation()
    return gen


def derived(request, key: str, build):
    """``build()``'s answer, kept until the next :func:`invalidate` (at most as long as a cached page:
    a change that bypasses the publish signals is no staler here than in the page cache).

    For what a page shows that is not its own text (its links in the reader's language, its
    agency, its translations): the same for every reader of the page until something is published,
    and most of a page's queries. The page's own content is still rendered on every request.
    """
    cache = page_cache()
    gen = request_generation(request)
    entry = cache.get(key)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == gen:
        return entry[1]
    value = build()
    cache.set(key, (gen, value), s_maxage())
    return value


def cache_key(request) -> str:
    """The entry's key; the generation it was stored under is kept inside it (see :func:`_current`)."""
    raw = f"{request.get_host()}{request.path}?{normalised_query(request.META.get('QUERY_STRING', ''))}"
    return f"landa:page:{hashlib.sha256(raw.encode()).hexdigest()}"


def _current(cache, keys: list[str]):
    """The generation and what ``keys`` hold in it, in one round trip to Redis: an entry stored under an
    older generation (before the last :func:`invalidate`) is a miss."""
    found = cache.get_many([GENERATION_KEY, *keys])
    gen = found.get(GENERATION_KEY) or generation(cache)
    values = []
    for key in keys:
        entry = found.get(key)
        values.append(entry[1] if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == gen else None)
    return gen, values


def _cacheable_request(request) -> bool:
    return (
        getattr(settings, "PAGE_CACHE_ENABLED", True)
        and anonymous_request(request)
        and not request.path_info.startswith(NO_STORE_PREFIXES)
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
    )


def _varied_key(key: str, request, names: list[str]) -> str:
    values = "\n".join(f"{name}:{request.headers.get(name, '')}" for name in names)
    return f"{key}:{hashlib.sha256(values.encode()).hexdigest()}"


class PageCacheMiddleware:
    """Serves anonymous GETs of public pages from the cache; stores what the policy made public.

    A response with ``Vary`` (the API's ``Vary: Accept``) is stored per value of those request
    headers: the plain key then holds only the list of header names, as Django's cache does.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        cache = page_cache()
        key = cache_key(request)
        gen, (stored,) = _current(cache, [key])
        request._landa_generation = gen  # for what is derived from the pages (see ``derived``)
        if isinstance(stored, list):  # the names of the headers this URL varies on
            stored = _current(cache, [_varied_key(key, request, stored)])[1][0]
        if stored is not None:
            return self._from_cache(request, stored)
        response = self.get_response(request)
        if (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "public" in response.get("Cache-Control", "")
        ):
            headers = [(name, value) for name, value in response.items() if name.lower() != HEADER.lower()]
            entry = (response.status_code, headers, response.content)
            vary = sorted(item.strip().lower() for item in cc_delim_re.split(response.get("Vary", "")) if item.strip())
            if "*" in vary:
                return response
            if vary:
                cache.set_many({key: (gen, vary), _varied_key(key, request, vary): (gen, entry)}, s_maxage())
            else:
                cache.set(key, (gen, entry), s_maxage())
            response[HEADER] = "miss"
        return response

    @staticmethod
    def _from_cache(request, stored):
        status, headers, content = stored
        response = HttpResponse(content if request.method == "GET" else b"", status=status)
        for name, value in headers:
            response[name] = value
        if request.method == "HEAD":
            response["Content-Length"] = str(len(content))
        response[HEADER] = "hit"
        return response
