"""Tasks, their rules and agencies are edited in the Wagtail admin (snippets); counters are read-only."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from guides.forms import TaskForm
from guides.models import Agency, Task


class TaskViewSet(SnippetViewSet):
    model = Task
    icon = "list-ul"
    menu_label = "Checklist tasks"
    list_display = ["key", "title", "phase", "order", "agency"]
    list_filter = ["phase"]
    search_fields = ["key", "title"]


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "site"
    menu_label = "Checklist agencies"
    list_display = ["key", "name", "url"]


Task.base_form_class = TaskForm
register_snippet(TaskViewSet)
register_snippet(AgencyViewSet)
