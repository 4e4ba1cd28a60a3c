"""Click-through: outbound links to agencies and e-services go through ``/out/<id>/``.

The id is the address signed with the site's secret key when the portal's own content is rendered, so
the redirect only sends readers to addresses the portal wrote, never to one made up in a request: not
an open redirect. Signing costs no database query when a page renders. Each GET is counted at once per
address, page and agency, day by day (``content.counters``: a crash loses nothing); HEAD requests and
link-preview bots are sent on without counting. No referrer leaves the site.
"""
from django.core import signing
from django.http import Http404, HttpResponseRedirect
from django.views.decorators.http import require_safe

from content import counters
from content.ops_models import CheckedLink

BOTS = ("bot", "crawler", "spider", "preview", "facebookexternalhit", "slurp", "whatsapp", "telegram")


def count_click(link, page_id=0, agency="", day=None):
    """Add one click to the day's count (``content.counters``: durable at once, folded into OutboundClick)."""
    counters.count("click", day=day, link_id=link.pk, page_id=page_id, agency=agency)


SALT = "landa.outbound"


def link_id(url: str) -> str | None:
    """The signed id of an outbound address from the portal's content; None for anything else."""
    url = (url or "").strip()
    if not url.startswith(("https://", "http://")) or len(url) > 2000:
        return None
    # A plain Signer, not signing.dumps (which adds a timestamp): the same address gives the same id on
    # every render, so a page's HTML and its ETag stay the same between renders.
    return signing.Signer(salt=SALT).sign_object(url, compress=True)


def url_of(token: str) -> str:
    try:
        url = signing.Signer(salt=SALT).unsign_object(token)
    except signing.BadSignature as error:
        raise Http404 from error
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise Http404
    return url


def _int(value) -> int:
    return int(value) if value and value.isdigit() and len(value) < 10 else 0


@require_safe
def outbound(request, token):
    url = url_of(token)
    agent = request.headers.get("User-Agent", "").lower()
    if request.method == "GET" and not any(bot in agent for bot in BOTS):
        agency = request.GET.get("a", "")[:80]
        agency = agency if agency.replace("-", "").isalnum() else ""
        link = CheckedLink.objects.filter(url=url).first() or CheckedLink.objects.get_or_create(url=url)[0]
        count_click(link, page_id=_int(request.GET.get("p")), agency=agency)
    response = HttpResponseRedirect(url)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response
