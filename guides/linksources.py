"""The checklist's outbound links for the content app's link checker (``landa_link_sources`` hook).

Agencies are the content app's register, whose links the checker already reads; the checklist adds
the addresses written into its tasks' duration sources, each owned by the task's agency (guides may
read content; content never imports guides).
"""

from content.linkcheck import LinkRef, urls_in_text
from guides.models import Task


def checklist_links():
    for task in Task.objects.select_related("agency"):
        agency = task.agency  # always the register's source-language row (guides.models.Task.agency)
        key, name = (agency.translation_key, agency.name) if agency else (None, "")
        for url in urls_in_text(task.duration_source):
            yield LinkRef(
                url, where=f"Checklist task: {task.key}", block="source of the duration", owner_key=key, owner_name=name
            )
