from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Site-wide plumbing: languages, health, error pages, management commands."""

    name = "portal"
