"""Compile the .po catalogues to .mo with polib, so `make run` needs no GNU gettext."""
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def catalogues():
    for base in settings.LOCALE_PATHS:
        yield from sorted(Path(base).glob("*/LC_MESSAGES/*.po"))


class Command(BaseCommand):
    help = "Compile every .po catalogue under LOCALE_PATHS to .mo (skips those already up to date)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Recompile even when the .mo is newer.")

    def handle(self, *args, **options):
        compiled = 0
        for po_path in catalogues():
            mo_path = po_path.with_suffix(".mo")
            if not options["force"] and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            try:
                catalogue = polib.pofile(str(po_path))
            except (OSError, ValueError) as exc:
                raise CommandError(f"{po_path}: {exc}") from exc
            catalogue.save_as_mofile(str(mo_path))
            compiled += 1
        self.stdout.write(f"Compiled {compiled} catalogue(s).")
