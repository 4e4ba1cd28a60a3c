"""Portal editors see firms in the Wagtail admin and can suspend one (a snippet view set)."""
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
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
