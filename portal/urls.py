"""The URL map. Pages for readers live under a language prefix; machines' endpoints do not."""
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import AllowAny
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from content import routing
from portal import health, views

PUBLIC = {"authentication_classes": [], "permission_classes": [AllowAny]}

handler400 = "portal.views.bad_request"
handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    # The OpenAPI description of the checklist and links APIs (portal/schema.py) and its Swagger UI.
    path("api/v1/schema/", SpectacularAPIView.as_view(**PUBLIC), name="api-schema"),
    # GET and HEAD only: its HTML renderer has no template for DRF's OPTIONS metadata (that was a 500).
    path("api/v1/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema", http_method_names=["get", "head"],
                                                               **PUBLIC), name="api-docs"),
    path("language/<str:code>/", views.switch_language, name="switch-language"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("guides.urls_root")),
    path("", include("firms.urls_root")),
    path("", include("content.urls_root")),
]

urlpatterns += i18n_patterns(
    path("", include("guides.urls")),
    path("", include("firms.urls")),
    path("", include("content.urls")),
    re_path(r"^((?:[\w\-]+/)*)$", routing.serve, name="wagtail_serve"),  # Wagtail's serve, routed in two queries
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
