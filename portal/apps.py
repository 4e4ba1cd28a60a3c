from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Site-wide plumbing: languages, health, error pages, management commands."""

    name = "portal"

    def ready(self):
        from django.core.signals import request_finished, request_started

        from portal import requestmemo

        request_started.connect(requestmemo.start, dispatch_uid="landa-requestmemo-start")
        request_finished.connect(requestmemo.end, dispatch_uid="landa-requestmemo-end")
