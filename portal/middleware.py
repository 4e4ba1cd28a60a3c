"""Language selection for every request."""
import re

from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from portal.languages import LANGUAGE_CODES

# What looks like a language prefix: "de", "fr", "zh-hans", "pt-br".
_LANGUAGE_LIKE = re.compile(r"^/([a-z]{2,3}(?:[-_][a-z0-9]{2,8})*)(?:/|$)", re.IGNORECASE)


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that some 404s stay 404s instead of gaining a prefix.

    Django would redirect ``/de/`` to ``/en/de/`` and 404 there; a reader (and a crawler) should
    learn at once that German is not a language of this site. A view outside the prefixed URLs that
    answered 404 itself (``/language/xx/``) meant it, too.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and not translation.get_language_from_path(request.path_info):
            if getattr(request, "resolver_match", None) is not None:
                response.headers.setdefault("Content-Language", translation.get_language())
                return response
            match = _LANGUAGE_LIKE.match(request.path_info)
            if match and match.group(1).lower() not in LANGUAGE_CODES:
                response.headers.setdefault("Content-Language", translation.get_language())
                return response
        return super().process_response(request, response)
