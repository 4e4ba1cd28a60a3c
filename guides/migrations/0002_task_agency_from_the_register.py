"""One register of agencies: a task's agency becomes a ``content.Agency`` (its English row) and the
checklist's own ``guides.Agency`` goes.

On an existing database each task keeps its agency where the register holds the same key (with the
two renamed keys mapped); otherwise it is left empty until ``load_tasks`` sets it from tasks.yaml.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import guides.models

RENAMED = {"bank": "banks", "a-kassa": "iaf"}


def point_tasks_at_the_register(apps, schema_editor):
    Task = apps.get_model("guides", "Task")
    Agency = apps.get_model("content", "Agency")
    register = {a.slug: a for a in Agency.objects.filter(locale__language_code=settings.LANGUAGE_CODE)}
    for task in Task.objects.exclude(agency=None).select_related("agency"):
        task.register_agency = register.get(RENAMED.get(task.agency.key, task.agency.key))
        task.save(update_fields=["register_agency"])


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0004_source_language_processing_time"),
        ("guides", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="task",
            name="register_agency",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="content.agency",
            ),
        ),
        migrations.RunPython(point_tasks_at_the_register, migrations.RunPython.noop),
        migrations.RemoveField(model_name="task", name="agency"),
        migrations.DeleteModel(name="Agency"),
        migrations.RenameField(model_name="task", old_name="register_agency", new_name="agency"),
        migrations.AlterField(
            model_name="task",
            name="agency",
            field=models.ForeignKey(
                blank=True,
                limit_choices_to=guides.models.source_locale_agencies,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="content.agency",
                verbose_name="agency",
            ),
        ),
    ]
