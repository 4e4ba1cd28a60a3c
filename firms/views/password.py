"""'Forgot your password?' for the workspace: Django's password reset views in the workspace's layout.

Requests are rate limited per client address and per e-mail address (django-ratelimit on the
cache), and the e-mailed link is built from ``LANDA_BASE_URL`` like the invitations.
"""
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import reverse_lazy

from firms.invitations import base_url
from portal.ratelimit import over_limit

RATE = getattr(settings, "FIRM_PASSWORD_RESET_RATE", "5/h")


def _limited(request) -> bool:
    by_address = over_limit(request, "firms.password-reset", RATE)
    email = (request.POST.get("email") or "").strip().lower()
    by_email = email and over_limit(request, "firms.password-reset-email", RATE, key=f"email:{email}")
    return bool(by_address or by_email)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "firms/password_reset_form.html"
    email_template_name = "firms/password_reset_email.txt"
    subject_template_name = "firms/password_reset_subject.txt"
    success_url = reverse_lazy("firms:password-reset-done")

    def post(self, request, *args, **kwargs):
        if _limited(request):
            return render(request, "firms/password_reset_limited.html", status=429)
        return super().post(request, *args, **kwargs)

    def get_extra_email_context(self):
        return {"base_url": base_url().rstrip("/")}

    def form_valid(self, form):
        self.extra_email_context = self.get_extra_email_context()
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "firms/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "firms/password_reset_confirm.html"
    success_url = reverse_lazy("firms:password-reset-complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "firms/password_reset_complete.html"
