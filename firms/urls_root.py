"""Firms' URLs without a language prefix: the short link and the API (described in portal/api.py)."""
from django.urls import include, path

from firms import api
from firms.views import client

urlpatterns = [
    path("c/<str:code>", client.short_link, name="firms-short-link"),
    path("", include("firms.urls_api")),
    # With a trailing slash: the same JSON answer (not a redirect, so a POST keeps its body); not in
    # the schema, which names the canonical paths.
    path("api/v1/links/", api.LinkListCreate.as_view()),
    path("api/v1/links/<str:code>/", api.LinkDetail.as_view()),
]
