"""Rate limits, one way for every caller: django-ratelimit's counters on the shared cache.

Redis in production and CI, so every web process counts together; ``RATELIMIT_FAIL_OPEN`` lets
requests through when the cache is down rather than refusing everyone.
"""

from django_ratelimit.core import get_usage

from portal.clientip import client_ip


def usage(request, group: str, rate: str, *, key: str | None = None, increment: bool = True) -> dict | None:
    """The counter of ``key`` in ``group`` against ``rate`` (None when rate limits are off).

    ``key`` names what is counted (``"firm:3"``, ``"email:a@b.se"``); without one, the client address
    (django-ratelimit's ``"ip"``: portal/clientip.py behind the proxies, IPv6 by its /64 network).
    """
    if key is None and not client_ip(request):
        key = "address:unknown"  # no peer address (a Unix socket, a test transport): one shared counter, not a 500
    counted = "ip" if key is None else (lambda _group, _request: key)
    return get_usage(request, group=group, key=counted, rate=rate, increment=increment)


def over_limit(request, group: str, rate: str, *, key: str | None = None) -> bool:
    """Counts this request and says whether it goes over the rate (then answer 429)."""
    counter = usage(request, group, rate, key=key)
    return counter is not None and counter["should_limit"]
