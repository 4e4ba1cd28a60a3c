"""Who may see what in the workspace: a signed-in member of a firm that is not suspended."""
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache


def member_required(view=None, *, admin=False):
    """The view runs with ``request.member`` and ``request.firm``; everything it shows is that firm's."""

    def decorate(view):
        @never_cache
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            member = getattr(request.user, "firm_member", None)
            if member is None:
                return render(request, "firms/no_access.html", {"reason": "no-firm"}, status=403)
            if member.firm.suspended:
                return render(request, "firms/no_access.html", {"reason": "suspended"}, status=403)
            if admin and not member.is_admin:
                return render(request, "firms/no_access.html", {"reason": "admin-only"}, status=403)
            request.member = member
            request.firm = member.firm
            return view(request, *args, **kwargs)

        return wrapped

    return decorate(view) if view is not None else decorate
