"""The generator of the OpenAPI description, kept apart from the views (which read this setting on import)."""

from drf_spectacular.generators import SchemaGenerator

URLCONF = "portal.urls_api"


class ApiSchemaGenerator(SchemaGenerator):
    """drf-spectacular's generator over ``portal.urls_api`` alone, also for ``check --deploy``.

    Without it the deploy check walks every DRF view (Wagtail's API v2 and admin API) and warns
    about views that were never meant to have an OpenAPI description.
    """

    def __init__(self, *args, **kwargs):
        kwargs["urlconf"] = kwargs.get("urlconf") or URLCONF
        super().__init__(*args, **kwargs)
