"""The links API (no language prefix); also the URL conf its OpenAPI description is built from."""
from django.urls import path

from firms import api

urlpatterns = [
    path("api/v1/links", api.LinkListCreate.as_view(), name="api-links"),
    path("api/v1/links/<str:code>", api.LinkDetail.as_view(), name="api-link"),
]
