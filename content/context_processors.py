"""The main navigation and the footer links, in the reader's language.

Built from the source tree and mapped to the reader's language (a page not yet translated is linked at
the reader's path, where it is served with a notice). Cached per language; publishing clears it.
"""
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

CACHE_KEY = "landa:nav:{code}"
CACHE_SECONDS = 300


def _build(code):
    from wagtail.models import Page

    from content.models import HomePage, LifeEventIndexPage, PhasePage, PlaceIndexPage, StandardPage
    from content.navigation import localized_pages

    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).live().first()
    nav, footer = [], []
    if home is not None:
        phases = list(PhasePage.objects.live().child_of(home).select_related("locale").order_by("path"))
        nav += [{"url": link.url, "label": link.title, "lang": link.lang} for link in localized_pages(phases, code)]
        index = list(Page.objects.live().child_of(home).type(LifeEventIndexPage, PlaceIndexPage)
                     .select_related("locale").order_by("path"))
        nav += [{"url": link.url, "label": link.title, "lang": link.lang} for link in localized_pages(index, code)]
        standard = {
            page.footer_role: page
            for page in StandardPage.objects.live().child_of(home).exclude(footer_role="").select_related("locale")
        }
        ordered = [standard[role] for role in ("about", "accessibility", "privacy") if role in standard]
        footer = [{"url": link.url, "label": link.title, "lang": link.lang} for link in localized_pages(ordered, code)]
    return {"nav": nav, "footer": footer}


def navigation(request):
    code = get_language() or settings.LANGUAGE_CODE
    key = CACHE_KEY.format(code=code)
    built = cache.get(key)
    if built is None:
        built = _build(code)
        cache.set(key, built, CACHE_SECONDS)
    path = request.path
    nav = [dict(item, current=path.startswith(item["url"])) for item in built["nav"]]
    checklist = f"/{code}/checklist/"
    nav.append({"url": checklist, "label": _("Your checklist"), "current": path.startswith(checklist)})
    nav.append({"url": reverse("search"), "label": _("Search"), "current": path.startswith(reverse("search"))})
    footer = [*built["footer"], {"url": f"/{code}/agencies/", "label": _("Agencies")}]
    # What the navigation's rendering depends on besides the language and the items: which link is the
    # current page's (its fragment is kept per value, portal.fragments; a few values, not every path).
    current = [str(index) for index, item in enumerate(nav) if item["current"]]
    home = "home" if path == f"/{code}/" else ""
    return {"site_nav_items": nav, "footer_links": footer, "site_nav_current": ",".join([home, *current])}


def clear_navigation_cache(**kwargs):
    for code, _name in settings.LANGUAGES:
        cache.delete(CACHE_KEY.format(code=code))
