"""'Changes coming': a decided or proposed change, shown from ``show_from`` until its effective date.

Once the change is in effect the block hides itself (the guide's own text must say what now holds),
so an editor who forgets it cannot leave readers with an announcement of the past.
"""
import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

STATUS_CHOICES = [("decided", _("Decided")), ("proposed", _("Proposed"))]


def is_visible(value, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    effective = value.get("effective_date")
    show_from = value.get("show_from")
    if show_from and today < show_from:
        return False
    return effective is None or today < effective


class ChangesComingBlock(blocks.StructBlock):
    status = blocks.ChoiceBlock(choices=STATUS_CHOICES, default="proposed", label=_("status"))
    effective_date = blocks.DateBlock(
        label=_("effective date"), required=False, help_text=_("The block hides itself on this date.")
    )
    show_from = blocks.DateBlock(label=_("show from"), required=False)
    text = blocks.TextBlock(label=_("what changes"))
    source_title = blocks.CharBlock(label=_("source"), max_length=200, required=False)
    source_url = blocks.URLBlock(label=_("source address"), required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["visible"] = is_visible(value)
        return context

    class Meta:
        icon = "date"
        label = _("Changes coming")
        template = "components/streamfield/blocks/changes_coming.html"
