from django.apps import AppConfig


class ContentConfig(AppConfig):
    """The guidance CMS: pages by phase and life event, agencies, editorial reports."""

    name = "content"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published, task_submitted

        from content.reviews import notify_reviewers

        task_submitted.connect(notify_reviewers, dispatch_uid="landa-agency-review-submitted")

        from content import purge, translation_alerts

        page_published.connect(translation_alerts.page_published, dispatch_uid="landa-translation-alerts")

        purge.connect()
