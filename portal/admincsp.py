"""A Content-Security-Policy for the Wagtail and Django admins too.

The site's strict policy (django-csp) excludes the admins, whose pages need inline scripts and
styles. They still get a policy: nothing is loaded from, framed from or sent to another origin, so
an injected script could not reach outside the site.
"""
ADMIN_PREFIXES = ("/admin/",)
ADMIN_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "media-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)


class AdminContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(ADMIN_PREFIXES) and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = ADMIN_POLICY
        return response
