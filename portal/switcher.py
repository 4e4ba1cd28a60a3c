"""The same page in each language: for the language switcher and the hreflang alternates.

A Wagtail page links to its own translation (or, where there is none yet, the same path under the
other prefix, which the content app serves with a fallback notice). Any other view links to the same
path and query string under the other language's prefix.
"""
from dataclasses import dataclass

from django.urls import translate_url

from portal.languages import LANGUAGES, RTL_LANGUAGES


@dataclass(frozen=True)
class Alternate:
    code: str
    name: str
    url: str
    direction: str
    current: bool


def _page_urls(page) -> dict[str, str]:
    """``{language code: URL}`` of the live translations of ``page`` (itself included), in one query."""
    from wagtail.models import Page

    from content.navigation import locale_codes, path_in

    codes = locale_codes()
    urls = {}
    for translation in Page.objects.live().filter(translation_key=page.translation_key).only("url_path", "locale_id"):
        code = codes.get(translation.locale_id)
        if code:
            urls[code] = path_in(translation, code)
    return urls


def alternates_for(request, page=None):
    current = getattr(request, "LANGUAGE_CODE", "en")
    path = request.get_full_path()
    page_urls = _page_urls(page) if page is not None else {}
    alternates = []
    for code, name in LANGUAGES:
        url = page_urls.get(code)
        if url is None:
            url = translate_url(path, code)
        alternates.append(
            Alternate(
                code=code,
                name=name,
                url=url,
                direction="rtl" if code in RTL_LANGUAGES else "ltr",
                current=code == current,
            )
        )
    return alternates
