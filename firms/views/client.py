"""The client's view of a shared link: /c/<code> → /<lang>/c/<code>.

Never cached (``no-store``), never indexed (``noindex``). A revoked or expired link, or one of a
suspended firm, is 410 in the reader's language with a way to make a checklist of one's own; an
unknown code (or one deleted after expiry) is 404.
"""
import logging
import re

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe

from firms import checklist, services
from firms.display import checklist_context, firm_tasks
from firms.models import SharedChecklist, is_link_code
from guides.presenter import calendar_file, qr_svg, track_items
from guides.situation import today
from guides.vocabulary import TRACKS
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


def _gone(request, link):
    return _private(render(request, "firms/gone.html", {"link": link}, status=410))


def _refusal(request, link):
    """404 for an unknown code, 410 for a link that no longer opens; None for a link that opens."""
    if link is None:
        return _private(page_not_found(request))
    if not link.is_available:
        return _gone(request, link)
    return None


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
    if (refusal := _refusal(request, link)) is not None:
        return refusal
    try:
        context = checklist_context(link, request, track=request.GET.get("track", "all"))
    except checklist.SituationError:
        # Answers stored under older rules that today's parser refuses: say so, never a 500.
        logger.warning("Shared link %s… holds a situation the parser now refuses", link.code[:6])
        return _gone(request, link)
    if is_person(request) and not _came_from_same_link(request, link):
        services.record_open(link)
    # The same checklist page as the public one (guides/result.html): ticks (kept in this browser under
    # the link's code), the person tracks, the calendar file and a print view with the link's QR code.
    share_url = request.build_absolute_uri(link.get_short_path())
    context.update(share_url=share_url, qr=qr_svg(share_url), print_view=request.GET.get("view") == "print")
    return _private(render(request, "guides/result.html", context))


@require_safe
def shared_calendar(request, code):
    """/<lang>/c/<code>/calendar.ics: the link's dated items and the firm's dated tasks, for the person
    chosen on the page. Private like the page (the firm's tasks are the client's)."""
    link = _find(code)
    if (refusal := _refusal(request, link)) is not None:
        return refusal
    try:
        situation = checklist.parse_stored(link.situation)
    except checklist.SituationError:
        return _gone(request, link)
    language = translation.get_language() or link.language
    track = request.GET.get("track", "all")
    items = track_items(checklist.checklist(situation, language, request=request)["items"],
                        track if track in TRACKS else "all")
    ics = calendar_file(items, language=language, uid=link.code, on=today(),
                        firm_tasks=firm_tasks(link, situation), firm=link.firm.name)
    response = HttpResponse(ics, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="landa-checklist.ics"'
    return _private(response)
