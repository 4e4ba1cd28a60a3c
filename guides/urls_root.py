"""URLs without a language prefix (machines: API, feeds, short links)."""

from django.urls import path

from guides import offline, views

urlpatterns = [
    path("api/v1/checklist", views.api_checklist, name="api-checklist"),
    path("sw.js", offline.service_worker, name="service-worker"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
]
