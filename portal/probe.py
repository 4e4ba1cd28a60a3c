"""``/healthz`` answered before host validation and the HTTPS redirect.

The compose healthcheck (and a load balancer) calls ``http://127.0.0.1:8000/healthz``: that Host is
not in ``ALLOWED_HOSTS`` and the request is plain HTTP, so the rest of the stack would answer 400 or
301. This middleware sits at the very top and serves the health report itself; nothing it answers
depends on the Host header.
"""
from portal import health

PATH = "/healthz"


class HealthProbeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH:
            return health.healthz(request)
        return self.get_response(request)
