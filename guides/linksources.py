"""The checklist's outbound links for the content app's link checker (``landa_link_sources`` hook).

The checklist agencies' websites and any address written into a task's duration source; each owned by
the register's Agency with the same key (guides may read content; content never imports guides).
"""
from django.conf import settings

from content.linkcheck import LinkRef, urls_in_text
from content.models import Agency as RegisterAgency
from guides.models import Agency, Task


def checklist_links():
    owners = {
        agency.slug: agency
        for agency in RegisterAgency.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    }

    def owner(key):
        agency = owners.get(key)
        return (agency.translation_key, agency.name) if agency else (None, "")

    for agency in Agency.objects.all():
        key, name = owner(agency.key)
        if agency.url:
            yield LinkRef(agency.url, where=f"Checklist agency: {agency.key}", block="website",
                          owner_key=key, owner_name=name)
    for task in Task.objects.select_related("agency"):
        key, name = owner(task.agency.key if task.agency else None)
        for url in urls_in_text(task.duration_source):
            yield LinkRef(url, where=f"Checklist task: {task.key}", block="source of the duration",
                          owner_key=key, owner_name=name)
