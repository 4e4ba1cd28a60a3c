"""Check every outbound link now and print a summary (the beat task does the same daily)."""
from django.core.management.base import BaseCommand

from content import linkcheck


class Command(BaseCommand):
    help = "Check every external link in guides, agencies and checklist tasks now, and print a summary."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, help="seconds per request (default: LINKCHECK_TIMEOUT)")
        parser.add_argument("--workers", type=int, help="hosts checked at once (default: LINKCHECK_WORKERS)")
        parser.add_argument("--host-delay", type=float, help="pause between requests to one host")
        parser.add_argument("--retry-delay", type=float, help="pause before the one retry")
        parser.add_argument("--host", action="append", dest="hosts",
                            help="check only addresses on this host (host or host:port; repeatable)")
        parser.add_argument("--skip-recent", action="store_true",
                            help="skip addresses checked in the last LINKCHECK_MIN_INTERVAL_HOURS")

    def handle(self, *args, **options):
        summary = linkcheck.run(
            force=not options["skip_recent"],
            hosts=options["hosts"],
            timeout=options["timeout"],
            workers=options["workers"],
            host_delay=options["host_delay"],
            retry_delay=options["retry_delay"],
        )
        for line in summary.lines():
            self.stdout.write(line)
