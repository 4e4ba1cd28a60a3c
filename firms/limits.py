"""Rate limits (django-ratelimit on the Django cache: Redis in production and CI).

Counters are per firm for link creation (workspace and API share one budget), per token for API
use, and per client address for attempts with an unknown token. Each answers 429.
"""
from django.conf import settings
from django_ratelimit.core import is_ratelimited


def _client_ip(request):
    return request.META.get("REMOTE_ADDR", "")


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


def bad_token_limited(request, increment=True) -> bool:
    return is_ratelimited(
        request,
        group="firms.api-bad-token",
        key=lambda group, req: f"ip:{_client_ip(req)}",
        rate=settings.FIRM_API_BAD_TOKEN_RATE,
        increment=increment,
    )
