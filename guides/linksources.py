"""The checklist's outbound links for the content app's link checker (``landa_link_sources`` hook).

Agencies are the content app's register, whose links the checker already reads; the checklist adds
the addresses written into its tasks' duration sources, each owned by the task's agency (guides may
read content; content never imports guides).
"""
from django.conf import settings

from content.linkcheck import LinkRef, urls_in_text
from guides.models import Task


def checklist_links():
    for task in Task.objects.select_related("agency"):
        agency = task.agency
        if agency is not None and agency.locale.language_code != settings.LANGUAGE_CODE:
            agency = agency.get_translation_or_none(agency.locale.__class__.get_default()) or agency
        key, name = (agency.translation_key, agency.name) if agency else (None, "")
        for url in urls_in_text(task.duration_source):
            yield LinkRef(url, where=f"Checklist task: {task.key}", block="source of the duration",
                          owner_key=key, owner_name=name)
