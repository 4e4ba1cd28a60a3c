"""The client's address behind the deployment's proxies: one rule for rate limits and django-axes.

Production runs behind a TLS terminator and Varnish, so ``REMOTE_ADDR`` is the nearest proxy for
every reader. Each trusted proxy appends the address it received the request from to
``X-Forwarded-For``; with ``TRUSTED_PROXY_COUNT`` = n proxies in front, the client is the n-th entry
from the right. Entries further left were written by the client and can be forged, so they are never
read. With 0 (the embedded default) the header is ignored altogether.
"""
import ipaddress

from django.conf import settings


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request) -> str:
    """The address of the client as the outermost trusted proxy saw it (else ``REMOTE_ADDR``)."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    count = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        # The request did not come through every proxy (or a proxy dropped the header): the
        # nearest peer is the only address nobody could forge.
        return remote
    return _valid(forwarded[-count]) or remote
