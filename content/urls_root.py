"""URLs without a language prefix (machines: API, sitemap, robots)."""
from django.urls import path
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps.views import sitemap

from content import feedback, outbound, seo
from content.api import api_router

urlpatterns = [
    path("api/v2/", api_router.urls),
    path("sitemap.xml", require_safe(sitemap), {"sitemaps": seo.SITEMAPS}, name="sitemap"),
    path("robots.txt", seo.robots, name="robots"),
    path("feedback/", feedback.feedback, name="feedback"),
    path("out/<str:token>/", outbound.outbound, name="outbound"),
]
