"""Any change to tasks, rules or the register of agencies drops the cached catalogue (next request
rebuilds it) and the cached checklist pages: the checklist shows agencies' names and websites from the
register."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from content.models import Agency
from content.purge import checklists_changed
from guides.checklist import forget_catalogue
from guides.models import Rule, Task


@receiver([post_save, post_delete], sender=Task)
@receiver([post_save, post_delete], sender=Rule)
@receiver([post_save, post_delete], sender=Agency)
def _forget(sender, **kwargs):
    forget_catalogue()
    checklists_changed()


@receiver(m2m_changed, sender=Task.depends_on.through)
def _forget_m2m(sender, **kwargs):
    forget_catalogue()
    checklists_changed()
