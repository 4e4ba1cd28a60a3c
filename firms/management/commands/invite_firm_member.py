"""Invite someone to a firm by e-mail (creating the firm if needed): how a firm gets its first admin."""
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from firms import invitations
from firms.models import Firm, Member


class Command(BaseCommand):
    help = "E-mail an invitation to join a firm's workspace (creates the firm if it does not exist)."

    def add_arguments(self, parser):
        parser.add_argument("firm", help="The firm's name")
        parser.add_argument("email")
        parser.add_argument("--role", choices=[Member.ADMIN, Member.STAFF], default=Member.ADMIN)
        parser.add_argument("--language", choices=[code for code, _name in settings.LANGUAGES], default="en")

    def handle(self, *args, firm, email, role, language, **options):
        firm_obj, created = Firm.objects.get_or_create(name=firm)
        if firm_obj.suspended:
            raise CommandError(f"{firm} is suspended.")
        invitations.invite(firm_obj, email, role, language=language)
        self.stdout.write(f"{'Created firm and invited' if created else 'Invited'} {email} as {role} of {firm}.")
