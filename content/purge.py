"""What a change to the guidance makes stale, and purging it from both caches.

The origin page cache starts a new generation (``portal.caching.invalidate``) on any change. The
caching proxy (Varnish, through Wagtail's frontend cache) is purged by URL: a published, unpublished
or translated page in every language, with the pages that list it (its ancestors, its life events,
the guides that point to it as a next step, its agency's page), the sitemap, the content API and the
checklists (whose items link to guides). A URL ending in ``*`` purges everything under it (the VCL
turns it into a ban); a plain URL purges it with any query string.
"""
from django.conf import settings

from content.navigation import path_in
from portal.caching import invalidate
from portal.languages import LANGUAGE_CODES

#: Shown on every page (navigation, footer): a change to one of these purges the whole site.
SITE_WIDE_TYPES = ("homepage", "phasepage", "lifeeventindexpage", "standardpage", "placeindexpage")
LISTINGS = ["/sitemap.xml", "/api/v2/*"]


def _every_language(page) -> set[str]:
    """The page's path under every prefix, for each of its translations (slugs may differ)."""
    from wagtail.models import Page

    paths = set()
    for version in Page.objects.filter(translation_key=page.translation_key):
        paths.update(path_in(version, code) for code in LANGUAGE_CODES)
    return paths


def checklist_paths() -> set[str]:
    return {f"/{code}/checklist/*" for code in LANGUAGE_CODES} | {"/api/v1/checklist"}


def page_paths(page) -> set[str]:
    """Every URL that shows ``page`` (its own, in every language, and what lists it)."""
    from content.models import GuidePage

    page = page.specific_deferred
    if page.content_type.model in SITE_WIDE_TYPES:
        return {"/*"}
    paths = _every_language(page) | set(LISTINGS) | checklist_paths()
    for ancestor in page.get_ancestors().filter(depth__gte=3):
        paths |= _every_language(ancestor)
    for code in LANGUAGE_CODES:
        paths.add(f"/{code}/")
    if isinstance(page, GuidePage):
        for event in page.life_events.all():
            paths |= _every_language(event)
        for guide in GuidePage.objects.filter(next_steps=page):
            paths |= _every_language(guide)
        if page.agency_id:
            paths |= {f"/{code}/agencies/{page.agency.slug}/" for code in LANGUAGE_CODES}
    return paths


def purge_paths(paths) -> None:
    """Forget ``paths`` in the origin cache (all of it) and at the caching proxy, if there is one."""
    invalidate()
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    purge_urls_from_cache(sorted(base + path for path in paths))


def page_changed(sender=None, instance=None, **kwargs):
    """page_published, page_unpublished: the page in every language and what lists it."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None) or instance is None:
        purge_paths({"/*"})  # no proxy: the origin cache is all there is, and it forgets everything
        return
    purge_paths(page_paths(instance))


def site_changed(sender=None, **kwargs):
    """A move, a deletion, an agency: rare; purge everything rather than guess what showed it."""
    purge_paths({"/*"})


def checklists_changed(sender=None, **kwargs):
    """A task or rule: every checklist, in every language."""
    purge_paths(checklist_paths())


def connect() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Locale, Page, PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from content.context_processors import clear_navigation_cache
    from content.models import Agency
    from content.navigation import forget_locales
    from content.routing import forget_restrictions, forget_sites

    post_save.connect(forget_restrictions, sender=PageViewRestriction, dispatch_uid="landa-restrictions-saved")
    post_delete.connect(forget_restrictions, sender=PageViewRestriction, dispatch_uid="landa-restrictions-deleted")
    from wagtail.models import Site

    post_save.connect(forget_sites, sender=Site, dispatch_uid="landa-sites-saved")
    post_delete.connect(forget_sites, sender=Site, dispatch_uid="landa-sites-deleted")
    post_page_move.connect(forget_sites, dispatch_uid="landa-sites-moved")
    page_published.connect(forget_sites, dispatch_uid="landa-sites-published")
    # The navigation and footer (content.context_processors), cached per language.
    page_published.connect(clear_navigation_cache, dispatch_uid="landa-nav-published")
    page_unpublished.connect(clear_navigation_cache, dispatch_uid="landa-nav-unpublished")
    post_page_move.connect(clear_navigation_cache, dispatch_uid="landa-nav-moved")
    post_delete.connect(clear_navigation_cache, sender=Page, dispatch_uid="landa-nav-deleted")
    post_save.connect(forget_locales, sender=Locale, dispatch_uid="landa-locales-saved")
    post_delete.connect(forget_locales, sender=Locale, dispatch_uid="landa-locales-deleted")
    page_published.connect(page_changed, dispatch_uid="landa-purge-published")
    page_unpublished.connect(page_changed, dispatch_uid="landa-purge-unpublished")
    post_page_move.connect(site_changed, dispatch_uid="landa-purge-moved")
    post_delete.connect(site_changed, sender=Page, dispatch_uid="landa-purge-deleted")
    post_save.connect(site_changed, sender=Agency, dispatch_uid="landa-purge-agency-saved")
    post_delete.connect(site_changed, sender=Agency, dispatch_uid="landa-purge-agency-deleted")
