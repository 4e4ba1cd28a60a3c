"""Portal editors see firms in the Wagtail admin, suspend one, and invite a firm's first admin."""
from django.db.models import Count
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from firms.models import Firm


class FirmViewSet(SnippetViewSet):
    model = Firm
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
