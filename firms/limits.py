"""Rate limits (django-ratelimit on the Django cache: Redis in production and CI).

Counters are per firm for link creation (workspace and API share one budget), per token for API
use, and per client address (portal/clientip.py: the right entry of X-Forwarded-For behind the
proxies) for attempts with an unknown token. Each answers 429.
"""
from django.conf import settings
from django_ratelimit.core import get_usage, is_ratelimited

from portal.clientip import client_ip


def link_creation_limited(request, firm) -> bool:
    return is_ratelimited(
        request,
        group="firms.link-create",
        key=lambda group, req: f"firm:{firm.pk}",
        rate=settings.FIRM_LINK_CREATE_RATE,
        increment=True,
    )


def token_use_limited(request, token) -> bool:
    return is_ratelimited(
        request,
        group="firms.api-token",
        key=lambda group, req: f"token:{token.pk}",
        rate=settings.FIRM_API_TOKEN_RATE,
        increment=True,
    )


def _bad_token_usage(request, increment):
    return get_usage(
        request,
        group="firms.api-bad-token",
        key=lambda group, req: f"ip:{client_ip(req)}",
        rate=settings.FIRM_API_BAD_TOKEN_RATE,
        increment=increment,
    )


def bad_token_blocked(request) -> bool:
    """Whether this address has used up its attempts with unknown tokens (checked after a failed look-up)."""
    usage = _bad_token_usage(request, increment=False)
    return usage is not None and usage["count"] >= usage["limit"]


def record_bad_token(request) -> None:
    _bad_token_usage(request, increment=True)
