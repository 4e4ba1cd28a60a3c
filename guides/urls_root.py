"""URLs without a language prefix (machines: API, feeds, short links)."""

from django.urls import path

from guides import views

urlpatterns = [
    path("api/v1/checklist", views.api_checklist, name="api-checklist"),
]
