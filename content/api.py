"""Wagtail API v2, read-only, for municipalities and International Houses that reuse the guidance.

``/api/v2/pages/?locale=sv`` (Wagtail's own locale filter), ``/api/v2/agencies/?locale=sv``.
"""
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from rest_framework.exceptions import ValidationError as APIValidationError
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.models import Site

from content.models import Agency

#: No listing comes near this; a larger ``offset`` overflowed PostgreSQL's bigint (a 500).
MAX_OFFSET = 1_000_000


class BoundedPagination(WagtailPagination):
    """Wagtail's pagination with an upper bound on ``offset`` (400 above it, as for ``limit``)."""

    def paginate_queryset(self, queryset, request, view=None):
        try:
            too_large = int(request.GET.get("offset", 0)) > MAX_OFFSET
        except ValueError:
            too_large = False  # Wagtail's own check answers "offset must be a positive integer"
        if too_large:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


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
    pagination_class = BoundedPagination
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


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's field filters (``?review_by=2027-01-31``), with a value its field cannot hold a 400.

    Wagtail converts only booleans, integers and foreign keys before filtering, so a date that is not
    one (``?first_published_at=abc``, ``?review_by=2026-13-45``) raised in the query: a 500."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, value in request.GET.items():
            if name not in fields:
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except LookupError:
                continue
            if isinstance(field, models.BooleanField | models.IntegerField | models.AutoField | models.ForeignKey):
                continue  # Wagtail's own conversion answers these with a 400
            try:
                field.to_python(value)
            except (DjangoValidationError, ValueError, TypeError, OverflowError) as error:
                raise BadRequestError(f"field filter error. '{value}' is not a valid value for {name}") from error
        return super().filter_queryset(request, queryset, view)


#: What Wagtail's search takes as ``search_operator``; anything else raised a ValueError (a 500) in the backend.
SEARCH_OPERATORS = ("and", "or")


class ReadOnlyPagesAPIViewSet(PagesAPIViewSet):
    http_method_names = ["get", "head", "options"]
    pagination_class = BoundedPagination
    filter_backends = [CheckedFieldsFilter if backend is FieldsFilter else backend
                       for backend in PagesAPIViewSet.filter_backends]

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be either 'and' or 'or'")

    def get_base_queryset(self):
        # ``?site=host[:port]``: Wagtail looks the site up with ``Site.objects.get`` and let an unknown
        # host (DoesNotExist) or a port that is not a number (ValueError) through as a 500.
        try:
            return super().get_base_queryset()
        except (Site.DoesNotExist, ValueError, DjangoValidationError) as error:
            if "site" not in self.request.GET:
                raise
            raise BadRequestError("site doesn't exist") from error

    def get_queryset(self):
        # Each page's meta names its locale: one join instead of a query per page.
        return super().get_queryset().select_related("locale")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ReadOnlyPagesAPIViewSet)
api_router.register_endpoint("agencies", AgenciesAPIViewSet)
