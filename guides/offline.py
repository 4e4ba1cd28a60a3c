"""Offline reading: the service worker (at /sw.js, so its scope is the whole site) and the manifest.

The worker itself is static/js/sw.js; it keeps only the reader's own checklist and the guides it
links (see that file). Served here rather than from /static/ because a worker's scope is its folder.
"""

from pathlib import Path

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

WORKER = Path(settings.BASE_DIR) / "static" / "js" / "sw.js"


@require_safe
def service_worker(request):
    response = HttpResponse(WORKER.read_bytes(), content_type="application/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"  # a new worker reaches readers on their next visit
    return response


@require_safe
def manifest(request):
    data = {
        "name": "Landa – moving to Sweden",
        "short_name": "Landa",
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": "#1b1b1b",
    }
    response = JsonResponse(data, content_type="application/manifest+json")
    response["Cache-Control"] = "public, max-age=3600"
    return response
