"""The admin form for a task: refuses dependency cycles and dependencies on a later phase on save."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from guides.engine import PHASES, find_cycle


class TaskForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        key = cleaned.get("key") or self.instance.key
        phase = cleaned.get("phase")
        depends_on = list(cleaned.get("depends_on") or [])
        if not key or phase not in PHASES:
            return cleaned
        from guides.models import Task

        others = (
            Task.objects.exclude(pk=self.instance.pk).prefetch_related("depends_on")
            if self.instance.pk
            else (Task.objects.prefetch_related("depends_on"))
        )
        graph = {}
        phases = {key: phase}
        for task in others:
            graph[task.key] = [d.key for d in task.depends_on.all() if d.pk != self.instance.pk]
            if self.instance.pk and any(d.pk == self.instance.pk for d in task.depends_on.all()):
                graph[task.key].append(key)
                if PHASES.index(task.phase) < PHASES.index(phase):
                    self.add_error(
                        "phase",
                        ValidationError(
                            "“%(other)s” (%(other_phase)s) depends on this task, so it cannot move to a later phase.",
                            params={"other": task.key, "other_phase": task.phase},
                        ),
                    )
            phases[task.key] = task.phase
        graph[key] = [d.key for d in depends_on]
        for dep in depends_on:
            if dep.pk == self.instance.pk:
                self.add_error("depends_on", ValidationError("A task cannot depend on itself."))
            elif PHASES.index(dep.phase) > PHASES.index(phase):
                self.add_error(
                    "depends_on",
                    ValidationError(
                        "“%(dep)s” belongs to a later phase (%(dep_phase)s); a task cannot wait for a later phase.",
                        params={"dep": dep.key, "dep_phase": dep.phase},
                    ),
                )
        cycle = find_cycle(graph)
        if cycle:
            self.add_error(
                "depends_on",
                ValidationError(
                    "These dependencies would make a circle: %(cycle)s.", params={"cycle": " → ".join(cycle)}
                ),
            )
        return cleaned
