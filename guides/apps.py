from django.apps import AppConfig


class GuidesConfig(AppConfig):
    """Personal checklists: the situation, the task rules, the engine and the shared links."""

    name = "guides"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from content import counters
        from guides import signals  # noqa: F401

        counters.register("checklist", "guides.ChecklistCount", ("situation", "language", "region"))

        from content.local import register_task_keys

        register_task_keys(task_keys)


def task_keys():
    """The checklist's task keys and titles, for the local guide editor (content.local)."""
    from guides.models import Task

    return Task.objects.order_by("key").values_list("key", "title")
