"""Firms' URLs without a language prefix: the short link, the API and its OpenAPI description."""
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import AllowAny

from firms import api
from firms.views import client

SCHEMA_SETTINGS = {
    "TITLE": "Landa links API",
    "DESCRIPTION": (
        "Shared checklist links for relocation firms and employers. Authenticate with a firm's API token "
        "(`Authorization: Bearer landa_…`), created in the workspace. Errors are "
        '`{"errors": {"field": ["message"]}}`; messages follow `?lang=` (en, sv, ar, so).'
    ),
    "VERSION": "1.0.0",
}

urlpatterns = [
    path("c/<str:code>", client.short_link, name="firms-short-link"),
    path(
        "api/v1/schema/",
        SpectacularAPIView.as_view(
            urlconf="firms.urls_api",
            custom_settings=SCHEMA_SETTINGS,
            authentication_classes=[],
            permission_classes=[AllowAny],
        ),
        name="firms-api-schema",
    ),
    path(
        "api/v1/docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="firms-api-schema", authentication_classes=[], permission_classes=[AllowAny],
            title="Landa links API",
        ),
        name="firms-api-docs",
    ),
    path("", include("firms.urls_api")),
    # With a trailing slash: the same JSON answer (not a redirect, so a POST keeps its body); not in
    # the schema, which names the canonical paths.
    path("api/v1/links/", api.LinkListCreate.as_view()),
    path("api/v1/links/<str:code>/", api.LinkDetail.as_view()),
]
