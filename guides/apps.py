from django.apps import AppConfig


class GuidesConfig(AppConfig):
    """Personal checklists: the situation, the task rules, the engine and the shared links."""

    name = "guides"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from content import counters
        from guides import signals  # noqa: F401

        counters.register("checklist", "guides.ChecklistCount", ("situation", "language", "region"))
