"""A warning: a trap readers fall into (a deadline, a catch-22, something that cannot be undone)."""
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class WarningBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("warning"))

    class Meta:
        icon = "warning"
        label = _("Warning")
        template = "components/streamfield/blocks/warning.html"
