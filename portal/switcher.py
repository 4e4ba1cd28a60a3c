"""The same page in each language: for the language switcher and the hreflang alternates.

The view may give the page's own URL in each language (the content app puts a Wagtail page's
translations in the template context as ``language_urls``, see ``content.navigation``); any other
language, and any other view, links to the same path and query string under that language's prefix
(which the content app serves with a fallback notice). Portal is the bottom layer: it never asks the
content app itself.
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


def alternates_for(request, page_urls=None):
    current = getattr(request, "LANGUAGE_CODE", "en")
    path = request.get_full_path()
    page_urls = page_urls or {}
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
