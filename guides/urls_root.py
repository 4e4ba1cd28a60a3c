"""URLs without a language prefix (machines: API, feeds, short links)."""

from django.urls import include, path

from guides import offline

urlpatterns = [
    path("", include("guides.urls_api")),
    path("sw.js", offline.service_worker, name="service-worker"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
]
