"""Rate limits (django-ratelimit on the Django cache: Redis in production and CI).

Counters are per firm for link creation (workspace and API share one budget), per token for API
use, and per client address (portal/clientip.py: the right entry of X-Forwarded-For behind the
proxies) for attempts with an unknown token. Each answers 429.
"""
from django.conf import settings

from portal.ratelimit import over_limit, usage


def link_creation_limited(request, firm) -> bool:
    return over_limit(request, "firms.link-create", settings.FIRM_LINK_CREATE_RATE, key=f"firm:{firm.pk}")


def token_use_limited(request, token) -> bool:
    return over_limit(request, "firms.api-token", settings.FIRM_API_TOKEN_RATE, key=f"token:{token.pk}")


def bad_token_blocked(request) -> bool:
    """Whether this address has used up its attempts with unknown tokens (checked after a failed look-up)."""
    counter = usage(request, "firms.api-bad-token", settings.FIRM_API_BAD_TOKEN_RATE, increment=False)
    return counter is not None and counter["count"] >= counter["limit"]


def record_bad_token(request) -> None:
    usage(request, "firms.api-bad-token", settings.FIRM_API_BAD_TOKEN_RATE)
