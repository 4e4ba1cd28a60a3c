"""The admin form for a task: refuses what the engine's validator finds (dependency cycles, a
dependency on a later phase) on save, in the editor's language."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from guides import engine


def problem_message(problem: engine.Problem) -> str:
    """The engine's ``Problem`` in the active language (also the ``load_tasks`` error)."""
    if problem.kind == "unknown-phase":
        return _("“%(task)s” has an unknown phase.") % {"task": problem.task}
    if problem.kind == "unknown-dependency":
        return _("“%(task)s” depends on “%(dep)s”, which does not exist.") % {
            "task": problem.task,
            "dep": problem.dependency,
        }
    if problem.kind == "later-phase":
        return _("“%(task)s” cannot depend on “%(dep)s”, which belongs to a later phase.") % {
            "task": problem.task,
            "dep": problem.dependency,
        }
    if len(problem.cycle) == 2:  # [key, key]
        return _("A task cannot depend on itself.")
    return _("These tasks depend on each other in a circle: %(cycle)s.") % {"cycle": " → ".join(problem.cycle)}


class TaskForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        key = cleaned.get("key") or self.instance.key
        phase = cleaned.get("phase")
        if not key or phase not in engine.PHASES:
            return cleaned
        from guides.models import Task

        # Every task as saved, with this one as the form would save it (its old key replaced).
        others = Task.objects.prefetch_related("depends_on")
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        old_key = self.instance.key if self.instance.pk else None

        def renamed(dep_key: str) -> str:
            return key if dep_key == old_key else dep_key

        tasks = [
            engine.TaskRules(
                key=task.key,
                phase=task.phase,
                order=task.order,
                rules=(),
                depends_on=tuple(renamed(d.key) for d in task.depends_on.all()),
            )
            for task in others
        ]
        depends_on = cleaned.get("depends_on") or []
        mine = tuple(key if d.pk == self.instance.pk else d.key for d in depends_on)
        tasks.append(engine.TaskRules(key=key, phase=phase, order=0, rules=(), depends_on=mine))
        for problem in engine.validate(tasks):
            if not problem.involves(key):
                continue
            # Another task waiting for this one is about this task's phase; the rest about its own list.
            field = "phase" if problem.kind == "later-phase" and problem.task != key else "depends_on"
            self.add_error(field, ValidationError(problem_message(problem)))
        return cleaned
