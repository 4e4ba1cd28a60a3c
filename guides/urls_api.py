"""The checklist API (no language prefix); part of the URL conf the OpenAPI description is built from."""

from django.urls import path

from guides import api

urlpatterns = [
    path("api/v1/checklist", api.ChecklistView.as_view(), name="api-checklist"),
]
