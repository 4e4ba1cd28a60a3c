"""Load the demo content: locales, the site and each language's home page. Safe to run again."""
from django.core.management.base import BaseCommand
from django.db import transaction

from content.demo import load_demo


class Command(BaseCommand):
    help = "Create (or bring up to date) the demo content. Idempotent: a second run changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Reload even if the demo data has not changed.")

    def handle(self, *args, **options):
        with transaction.atomic():
            summary = load_demo(force=options["force"])
        self.stdout.write(self.style.SUCCESS(summary))
