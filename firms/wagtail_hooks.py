"""Portal editors see firms in the Wagtail admin, suspend one, and invite a firm's first admin."""
from django.contrib import messages
from django.db import transaction
from django.db.models import Count, ProtectedError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet

from firms.models import Firm


class FirmDeleteView(DeleteView):
    """A firm with links or an audit trail is protected (PROTECT): say so and suggest suspending it."""

    def post(self, request, *args, **kwargs):
        try:
            with transaction.atomic():
                return super().post(request, *args, **kwargs)
        except ProtectedError:
            messages.error(request, _("A firm with links or an audit trail cannot be deleted. Suspend it instead."))
            return redirect(self.get_success_url())


class FirmViewSet(SnippetViewSet):
    model = Firm
    delete_view_class = FirmDeleteView
    icon = "group"
    menu_label = _("Firms")
    menu_order = 900
    add_to_admin_menu = True
    list_display = [
        "name",
        "suspended",
        Column("member_count", label=_("Staff"), accessor="member_count"),
        Column("link_count", label=_("Links"), accessor="link_count"),
        "created_at",
    ]
    list_filter = ["suspended"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("suspended")]

    def get_queryset(self, request):
        return Firm.objects.annotate(
            member_count=Count("members", distinct=True), link_count=Count("links", distinct=True)
        )


register_snippet(FirmViewSet)


@hooks.register("register_admin_urls")
def firm_invitation_urls():
    from firms.admin_views import InviteFirmAdminView

    return [path("firms/invite/", InviteFirmAdminView.as_view(), name="firms_invite_admin")]


class InviteMenuItem(MenuItem):
    def is_shown(self, request):
        from firms.admin_views import may_invite

        return may_invite(request.user)


@hooks.register("register_admin_menu_item")
def firm_invitation_menu_item():
    return InviteMenuItem(_("Invite a firm's admin"), reverse("firms_invite_admin"), icon_name="mail",
                          order=901, name="invite-firm-admin")
