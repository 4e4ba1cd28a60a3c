"""Wagtail API v2, read-only, for municipalities and International Houses that reuse the guidance.

``/api/v2/pages/?locale=sv`` (Wagtail's own locale filter), ``/api/v2/agencies/?locale=sv``.
"""
from rest_framework.exceptions import ValidationError as APIValidationError
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet

from content.models import Agency


class LocaleFilter:
    """``?locale=sv``: only the agencies of that language."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code:
            from portal.languages import LANGUAGE_CODES

            if code not in LANGUAGE_CODES:
                raise APIValidationError({"locale": [f"unknown language: {code}"]})
            queryset = queryset.filter(locale__language_code=code)
        return queryset


class AgenciesAPIViewSet(BaseAPIViewSet):
    model = Agency
    base_serializer_class = BaseAPIViewSet.base_serializer_class
    filter_backends = [FieldsFilter, OrderingFilter, LocaleFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters | {"locale"}
    body_fields = [
        *BaseAPIViewSet.body_fields, "language", "name", "short_name", "slug", "website", "phone", "languages_served",
    ]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields, "language", "name", "short_name", "slug", "website",
    ]
    name = "agencies"

    def get_queryset(self):
        return Agency.objects.select_related("locale").order_by("name", "pk")


class ReadOnlyPagesAPIViewSet(PagesAPIViewSet):
    http_method_names = ["get", "head", "options"]

    def get_queryset(self):
        # Each page's meta names its locale: one join instead of a query per page.
        return super().get_queryset().select_related("locale")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ReadOnlyPagesAPIViewSet)
api_router.register_endpoint("agencies", AgenciesAPIViewSet)
