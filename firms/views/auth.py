"""Signing in to the workspace (Django's auth views, django-axes against brute force) and invitations."""
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from firms import invitations
from firms.forms import AcceptInvitationForm, WorkspaceLoginForm
from firms.models import AuditEvent, Invitation, Member


class LoginView(auth_views.LoginView):
    template_name = "firms/login.html"
    authentication_form = WorkspaceLoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return reverse("firms:links")


class LogoutView(auth_views.LogoutView):
    def get_success_url(self):
        return reverse("firms:login")


def locked_out(request, response=None, credentials=None):
    """django-axes' answer after too many failed sign-ins: 429, in the reader's language."""
    return render(
        request,
        "firms/locked_out.html",
        {"hours": settings.AXES_COOLOFF_TIME},
        status=429,
    )


#: The session key holding the invitation token between the e-mail's link and the form.
INVITATION_SESSION_KEY = "firms_invitation_token"


def _invalid_invitation(request):
    response = render(request, "firms/invitation_invalid.html", status=400)
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
@require_safe
def open_invitation(request, token):
    """The e-mail's link: keep the token in the session and redirect to a clean address.

    The token then stays out of the address bar, the history, bookmarks and any Referer, and the form
    is sent by POST to an address without it (the pattern of Django's password reset). Only this first
    hop carries the token; the access log redacts it (``portal/accesslog.py``).
    """
    if invitations.from_token(token) is None:
        return _invalid_invitation(request)
    request.session[INVITATION_SESSION_KEY] = token
    response = redirect("firms:invitation")
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
def accept_invitation(request):
    """Choose a password and join the firm: the invitation comes from the session, never the URL."""
    token = request.session.get(INVITATION_SESSION_KEY)
    invitation = invitations.from_token(token) if token else None
    if invitation is None:
        return _invalid_invitation(request)
    User = get_user_model()
    if User.objects.filter(username__iexact=invitation.email).exists():
        return _invalid_invitation(request)
    user = User(username=invitation.email, email=invitation.email)
    form = AcceptInvitationForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            # Two accepts at once: the second waits here, then finds the invitation used.
            locked = (
                Invitation.objects.select_for_update()
                .filter(pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True)
                .first()
            )
            if locked is None or User.objects.filter(username__iexact=invitation.email).exists():
                return _invalid_invitation(request)
            user = form.save()
            Member.objects.create(user=user, firm=invitation.firm, role=invitation.role)
            locked.accepted_at = timezone.now()
            locked.save(update_fields=["accepted_at"])
            AuditEvent.record(invitation.firm, AuditEvent.INVITATION_ACCEPTED, invitation.email, actor=user)
        request.session.pop(INVITATION_SESSION_KEY, None)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome. Your account is ready."))
        return redirect("firms:links")
    response = render(
        request,
        "firms/invitation_accept.html",
        {"form": form, "invitation": invitation},
        status=400 if request.method == "POST" else 200,
    )
    response["Referrer-Policy"] = "no-referrer"
    return response
