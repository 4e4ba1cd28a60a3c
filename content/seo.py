"""sitemap.xml with hreflang alternates, and robots.txt."""
from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Page

from content.navigation import path_in


def _absolute(request, path):
    return request.build_absolute_uri(path)


@require_safe
@cache_control(max_age=3600, public=True)
def sitemap(request):
    """Every live page in every language it exists in, each listing all its language versions.

    A language in which a page is not translated is left out (its address serves the source text
    with a notice, which search engines should not index as a translation).
    """
    pages = list(
        Page.objects.live().public().filter(depth__gte=2).select_related("locale").order_by("path")
    )
    by_key = {}
    for page in pages:
        by_key.setdefault(page.translation_key, {})[page.locale.language_code] = page
    entries = []
    for versions in by_key.values():
        alternates = [
            {"code": code, "url": _absolute(request, path_in(page, code))}
            for code, page in sorted(versions.items())
        ]
        default = versions.get(settings.LANGUAGE_CODE)
        for code, page in sorted(versions.items()):
            entries.append({
                "url": _absolute(request, path_in(page, code)),
                "lastmod": page.last_published_at,
                "alternates": alternates,
                "x_default": _absolute(request, path_in(default, settings.LANGUAGE_CODE)) if default else None,
            })
    body = render_to_string("content/sitemap.xml", {"entries": entries})
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


@require_safe
@cache_control(max_age=3600, public=True)
def robots(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /c/",
        "Disallow: /api/",
        "Allow: /",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
