from django.core.management.base import BaseCommand, CommandError

from guides import taskdata


class Command(BaseCommand):
    help = "Load the checklist tasks from guides/data/tasks.yaml (idempotent; run after load_demo)."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(taskdata.TASKS_FILE))

    def handle(self, *args, **options):
        try:
            count, version = taskdata.load(taskdata.read_file(options["file"]))
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"Could not load the tasks: {error}") from error
        self.stdout.write(f"{count} checklist tasks loaded, rules version {version}.")
