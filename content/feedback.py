""" "Was this page helpful?": a no-JavaScript form on every guide and on the checklist result.

Anonymous by design: no IP address is stored (the rate limit counts per address in the cache only),
and a comment loses anything that looks like a personnummer, an e-mail address or a phone number
before it is stored. Counts go to ``content.counters`` per page and day; comments reach the owning agency in the
admin (Reports → Feedback). The form carries no CSRF token, so guide pages stay publicly cacheable:
it changes nothing but an anonymous counter, and is rate limited.
"""

import re

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from content import counters
from content.models import GuidePage
from content.ops_models import FeedbackComment
from portal.hostile import has_control_character
from portal.ratelimit import over_limit

MAX_COMMENT = 500
REMOVED = "[…]"
PERSONAL = [
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail
    re.compile(r"\b(?:19|20)?\d{6}[-+ ]?\d{4}\b"),  # personnummer / samordningsnummer
    re.compile(r"(?:\+|\b00)?\d[\d\s().-]{5,}\d"),  # phone numbers and other long digit runs
]


PAGE_ID = re.compile(r"[0-9]{1,9}")


def scrub(text: str) -> str:
    text = (text or "").strip()[:MAX_COMMENT]
    for pattern in PERSONAL:
        text = pattern.sub(REMOVED, text)
    return text


def record(page_id: int, helpful: bool, comment: str = "", language: str = "", agency_key=None, day=None):
    day = day or timezone.localdate()
    counters.count("helpful", value="yes" if helpful else "no", day=day, page_id=page_id)
    text = scrub(comment)
    if text:
        FeedbackComment.objects.create(
            day=day, page_id=page_id, language=language, helpful=helpful, text=text, agency_key=agency_key
        )


@csrf_exempt
@require_POST
def feedback(request):
    language = request.POST.get("lang", "")
    if language in dict(settings.LANGUAGES):
        translation.activate(language)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=False
    ) or not back.startswith("/") or has_control_character(back):
        back = "/"
    if over_limit(request, "content.feedback", settings.FEEDBACK_RATE):
        return render(request, "content/feedback_thanks.html", {"back": back, "limited": True}, status=429)
    comment = request.POST.get("comment", "")
    if (language and language not in dict(settings.LANGUAGES)) or has_control_character(comment):
        # Not what the form sends (a hand-made request): refused in the reader's language, nothing stored.
        return render(request, "content/feedback_thanks.html", {"back": back, "malformed": True}, status=400)
    answer = request.POST.get("helpful")
    page_id = request.POST.get("page", "0")
    page_id = int(page_id) if PAGE_ID.fullmatch(page_id) else -1  # ASCII digits only: int("²") raises
    guide = GuidePage.objects.filter(pk=page_id).select_related("agency").first() if page_id else None
    if answer not in ("yes", "no") or page_id < 0 or (page_id and guide is None):
        return render(request, "content/feedback_thanks.html", {"back": back, "invalid": True}, status=400)
    agency_key = guide.agency.translation_key if guide is not None and guide.agency else None
    record(page_id, answer == "yes", comment, language, agency_key)
    return render(request, "content/feedback_thanks.html", {"back": back})
