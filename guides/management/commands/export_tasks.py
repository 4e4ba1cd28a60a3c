from pathlib import Path

from django.core.management.base import BaseCommand

from guides import taskdata


class Command(BaseCommand):
    help = "Write the checklist tasks from the database to a YAML file (default: guides/data/tasks.yaml)."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(taskdata.TASKS_FILE))

    def handle(self, *args, **options):
        taskdata.write(Path(options["file"]))
        self.stdout.write(f"Tasks written to {options['file']}.")
