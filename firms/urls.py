"""Firms' URLs under a language prefix: the workspace and the client's view of a link."""
from django.urls import path

from firms.views import auth, client, password, workspace

app_name = "firms"

urlpatterns = [
    path("c/<str:code>", client.shared_checklist, name="shared-checklist"),
    path("c/<str:code>/calendar.ics", client.shared_calendar, name="shared-calendar"),
    path("workspace/login/", auth.LoginView.as_view(), name="login"),
    path("workspace/logout/", auth.LogoutView.as_view(), name="logout"),
    path("workspace/password/reset/", password.PasswordResetView.as_view(), name="password-reset"),
    path("workspace/password/reset/sent/", password.PasswordResetDoneView.as_view(), name="password-reset-done"),
    path("workspace/password/reset/<uidb64>/<token>/", password.PasswordResetConfirmView.as_view(),
         name="password-reset-confirm"),
    path("workspace/password/reset/done/", password.PasswordResetCompleteView.as_view(),
         name="password-reset-complete"),
    path("workspace/invitation/", auth.accept_invitation, name="invitation"),
    path("workspace/invitation/<str:token>/", auth.open_invitation, name="accept-invitation"),
    path("workspace/", workspace.link_list, name="links"),
    path("workspace/links/new/", workspace.link_create, name="link-create"),
    path("workspace/links/<str:code>/", workspace.link_detail, name="link-detail"),
    path("workspace/links/<str:code>/edit/", workspace.link_edit, name="link-edit"),
    path("workspace/links/<str:code>/extend/", workspace.link_extend, name="link-extend"),
    path("workspace/links/<str:code>/expire/", workspace.link_expire, name="link-expire"),
    path("workspace/links/<str:code>/revoke/", workspace.link_revoke, name="link-revoke"),
    path("workspace/links/<str:code>/qr.svg", workspace.link_qr, name="link-qr"),
    path("workspace/links/<str:code>/print/", workspace.link_print, name="link-print"),
    path("workspace/tokens/", workspace.tokens, name="tokens"),
    path("workspace/tokens/<int:pk>/revoke/", workspace.token_revoke, name="token-revoke"),
    path("workspace/team/", workspace.team, name="team"),
    path("workspace/team/<int:pk>/remove/", workspace.member_remove, name="member-remove"),
    path("workspace/team/<int:pk>/role/", workspace.member_role, name="member-role"),
    path("workspace/team/invitations/<int:pk>/revoke/", workspace.invitation_revoke, name="invitation-revoke"),
    path("workspace/audit/", workspace.audit, name="audit"),
]
