"""The public JSON APIs on Django REST framework: the URL conf their OpenAPI description is built from.

Wagtail's content API (v2) and admin APIs are DRF views too, but not described here: this conf names
only the APIs whose contract Landa itself owns.
"""

from django.urls import include, path

urlpatterns = [
    path("", include("guides.urls_api")),
    path("", include("firms.urls_api")),
]
