from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Site-wide plumbing: languages, health, error pages, management commands."""

    name = "portal"

    def ready(self):
        from django.core.signals import request_finished, request_started
        from django.db.models.signals import post_migrate

        from portal import requestmemo

        request_started.connect(requestmemo.start, dispatch_uid="landa-requestmemo-start")
        request_finished.connect(requestmemo.end, dispatch_uid="landa-requestmemo-end")
        post_migrate.connect(new_release, dispatch_uid="landa-new-release")  # sent per app: a few SETs


def new_release(**kwargs):
    """A deploy runs ``migrate`` (docker-compose's web command): pages and fragments that the previous
    templates and catalogues rendered are forgotten at the origin, as after a publish."""
    from portal.caching import invalidate

    invalidate()
