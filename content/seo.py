"""sitemap.xml (Wagtail's sitemap with hreflang alternates), and robots.txt."""
from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from content.navigation import path_in


class PageSitemap(Sitemap):
    """Every live page in every language it exists in, each listing all its language versions.

    Wagtail's sitemap walks the default site's tree only (here: English); the other languages are
    trees of their own beside it, so every locale's pages are listed, grouped by translation.
    A language in which a page is not translated is left out (its address serves the source text
    with a notice, which search engines should not index as a translation).
    """

    limit = 50000  # the protocol's maximum: one file, so a page and its translations stay together

    def items(self):
        return Page.objects.live().public().filter(depth__gte=2).select_related("locale").order_by("path")

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        versions = {}
        for item in pages:
            versions.setdefault(item.translation_key, {})[item.locale.language_code] = item
        absolute = self.request.build_absolute_uri
        urls = []
        for item in pages:
            languages = versions[item.translation_key]
            alternates = [
                {"lang_code": code, "location": absolute(path_in(version, code))}
                for code, version in sorted(languages.items())
            ]
            if settings.LANGUAGE_CODE in languages:
                default = path_in(languages[settings.LANGUAGE_CODE], settings.LANGUAGE_CODE)
                alternates.append({"lang_code": "x-default", "location": absolute(default)})
            urls.append({
                "item": item,
                "location": absolute(path_in(item, item.locale.language_code)),
                "lastmod": self.lastmod(item),
                "alternates": alternates,
            })
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


SITEMAPS = {"pages": PageSitemap}


@require_safe
@cache_control(max_age=3600, public=True)
def robots(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /c/",
        "Disallow: /api/",
        "Allow: /",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
