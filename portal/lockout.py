"""django-axes, counted per (user name, address) and, with a higher threshold, per address alone.

Axes compares one number with one limit, the largest count over its lockout parameters. Behind a
proxy every reader used to share one address, so five wrong passwords locked a user name for
everyone. Here the pair (user name, client address) locks at ``AXES_FAILURE_LIMIT``, and the
address alone — someone trying many user names — at ``AXES_IP_FAILURE_LIMIT``; the address comes
from ``portal.clientip.client_ip`` (``AXES_CLIENT_IP_CALLABLE``).
"""
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from django.conf import settings
from django.db.models import Sum

# The order AXES_LOCKOUT_PARAMETERS must have: the pair first, the address alone second.
LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]


class PairAndAddressHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        counts = [
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        pair = counts[0] if counts else 0
        address = counts[1] if len(counts) > 1 else 0
        limit = get_failure_limit(request, credentials)
        address_limit = max(int(settings.AXES_IP_FAILURE_LIMIT), 1)
        # Scaled so that the address alone reaches ``limit`` exactly at ``address_limit`` failures.
        return max(pair, address * limit // address_limit)

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A successful sign-in forgets that user's own failures, not the address's other user names."""
        attempts = self.filter_user_attempts(request, credentials)
        if not attempts:
            return 0
        count, _ = attempts[0].delete()
        return count
