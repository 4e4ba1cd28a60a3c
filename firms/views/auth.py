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


@never_cache
def accept_invitation(request, token):
    invitation = invitations.from_token(token)
    if invitation is None:
        return render(request, "firms/invitation_invalid.html", status=400)
    User = get_user_model()
    if User.objects.filter(username__iexact=invitation.email).exists():
        return render(request, "firms/invitation_invalid.html", status=400)
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
                return render(request, "firms/invitation_invalid.html", status=400)
            user = form.save()
            Member.objects.create(user=user, firm=invitation.firm, role=invitation.role)
            locked.accepted_at = timezone.now()
            locked.save(update_fields=["accepted_at"])
            AuditEvent.record(invitation.firm, AuditEvent.INVITATION_ACCEPTED, invitation.email, actor=user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome. Your account is ready."))
        return redirect("firms:links")
    response = render(
        request,
        "firms/invitation_accept.html",
        {"form": form, "invitation": invitation},
        status=400 if request.method == "POST" else 200,
    )
    # The token is in this page's address: never send it on as a Referer. Accepting takes a POST.
    response["Referrer-Policy"] = "no-referrer"
    return response
