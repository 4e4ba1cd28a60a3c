"""Hostile input stopped at the door: a control character in the path or query string is a 400.

PostgreSQL refuses NUL in a text value (SQLite stores it), so ``/c/%00`` or ``?q=%00`` used to reach
a query and end as a 500 — never seen in development. No page of this site takes a control
character in its address, so the request is answered 400 before any view or query, in the reader's
language (the path's prefix, else the cookie or Accept-Language), in the site's layout.
"""
import re
from urllib.parse import unquote_to_bytes

from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.views import bad_request

# C0 controls and DEL. A query string or a form's text may carry a tab or line break.
_IN_PATH = re.compile(r"[\x00-\x1f\x7f]")
_IN_TEXT = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
_IN_QUERY = re.compile(_IN_TEXT.encode())


def has_control_character(text: str) -> bool:
    """A control character no reader types (tab and line breaks allowed); PostgreSQL refuses NUL."""
    return bool(re.search(_IN_TEXT, text))


def is_hostile(request) -> bool:
    if _IN_PATH.search(request.path_info) or _IN_PATH.search(request.path):
        return True
    query = request.META.get("QUERY_STRING", "")
    return bool(query) and bool(_IN_QUERY.search(unquote_to_bytes(query.replace("+", " "))))


class RejectControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_hostile(request):
            return self.get_response(request)
        language = translation.get_language_from_request(request, check_path=True)
        if request.path_info.startswith("/api/"):
            # Machines get the APIs' error shape; ?lang= cannot be trusted here, the header can.
            with translation.override(language):
                message = _("Something in the address or the form was not valid. Go back and try again.")
            response = JsonResponse({"errors": {"request": [message]}}, status=400)
            response["Cache-Control"] = "no-store"
            return response
        with translation.override(language):
            request.LANGUAGE_CODE = language
            # The error page must not echo the hostile path into its links (language switcher).
            request.path_info = request.path = f"/{language}/"
            request.META["QUERY_STRING"] = ""
            response = bad_request(request)
            response.headers.setdefault("Content-Language", language)
            response["Cache-Control"] = "no-store"
        return response
