from django.apps import AppConfig


class ContentConfig(AppConfig):
    """The guidance CMS: pages by phase and life event, agencies, editorial reports."""

    name = "content"
    default_auto_field = "django.db.models.BigAutoField"
