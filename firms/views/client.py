"""The client's view of a shared link: /c/<code> → /<lang>/c/<code>.

Never cached (``no-store``), never indexed (``noindex``). A revoked or expired link, or one of a
suspended firm, is 410 in the reader's language with a way to make a checklist of one's own; an
unknown code (or one deleted after expiry) is 404.
"""
import logging
import re

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe

from firms import checklist, services
from firms.display import checklist_context
from firms.models import SharedChecklist, is_link_code
from portal.views import page_not_found

logger = logging.getLogger(__name__)

# Link previews (chat apps, social sites, search engines) fetch a link without a person reading it.
PREVIEW_BOTS = re.compile(
    r"bot|crawl|spider|slurp|preview|facebookexternalhit|facebookcatalog|whatsapp|telegram|slack|discord|"
    r"skypeuripreview|teams|linkedin|embedly|iframely|vkshare|pinterest|outlook|mattermost|signal|"
    r"curl|wget|python-requests|httpclient",
    re.IGNORECASE,
)


def is_person(request) -> bool:
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    return request.method == "GET" and bool(user_agent) and not PREVIEW_BOTS.search(user_agent)


def _private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, no_store=True, private=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _find(code):
    if not is_link_code(code):
        return None
    return SharedChecklist.objects.select_related("firm").filter(code=code).first()


@require_safe
def short_link(request, code):
    """/c/<code>: to the link in its language (the switcher then changes the prefix)."""
    link = _find(code)
    if link is None:
        return _private(page_not_found(request))
    return _private(HttpResponseRedirect(f"/{link.language}/c/{link.code}"))


def _came_from_same_link(request, link) -> bool:
    """A language switch or reload from the page itself is not another open."""
    referer = request.META.get("HTTP_REFERER", "")
    return f"/c/{link.code}" in referer


@require_safe
def shared_checklist(request, code):
    link = _find(code)
    if link is None:
        return _private(page_not_found(request))
    if not link.is_available:
        return _private(render(request, "firms/gone.html", {"link": link}, status=410))
    try:
        context = checklist_context(link, request, track=request.GET.get("track", "all"))
    except checklist.SituationError:
        # Answers stored under older rules that today's parser refuses: say so, never a 500.
        logger.warning("Shared link %s… holds a situation the parser now refuses", link.code[:6])
        return _private(render(request, "firms/gone.html", {"link": link}, status=410))
    if is_person(request) and not _came_from_same_link(request, link):
        services.record_open(link)
    # The same checklist view as the public one: ticks (kept in this browser under the link's code),
    # the person tracks, the calendar file and a print view.
    context.update(ticks=True, print_view=request.GET.get("view") == "print")
    return _private(render(request, "firms/client.html", context))
