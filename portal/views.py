"""Site-wide views: health, language choice, error pages."""
from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from portal.languages import LANGUAGE_CODES


@require_safe
@never_cache
def switch_language(request, code):
    """Remember the reader's language in a cookie and go on to the page in that language.

    A GET link rather than Django's POST ``set_language`` view, so the switcher works without
    JavaScript or forms and the pages themselves stay cacheable (no CSRF token in them).
    """
    if code not in LANGUAGE_CODES:
        return page_not_found(request, None)
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        target = f"/{code}/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
        httponly=True,
    )
    return response


def _error(request, template_name, status):
    return render(request, template_name, status=status)


def bad_request(request, exception=None):
    return _error(request, "errors/400.html", 400)


def permission_denied(request, exception=None):
    return _error(request, "errors/403.html", 403)


def page_not_found(request, exception=None):
    return _error(request, "errors/404.html", 404)


def server_error(request):
    """The 500 page must render even when the database is down: it uses no context processors' data.

    The JSON APIs answer in their own error shape, so a client's parser is not handed an HTML page.
    """
    if request.path_info.startswith("/api/"):
        from django.http import JsonResponse
        from django.utils.translation import gettext as _

        message = _("The fault is ours. Please try again in a few minutes.")
        return JsonResponse({"errors": {"server": [message]}}, status=500)
    try:
        return _error(request, "errors/500.html", 500)
    except Exception:  # noqa: BLE001 - last resort, never raise from the error handler
        from django.http import HttpResponseServerError

        return HttpResponseServerError(
            b"<!doctype html><html lang=en><title>Server error</title><h1>Server error</h1>",
            content_type="text/html; charset=utf-8",
        )
