"""A source: the authority's own page (or a report) that a guide's facts come from."""
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class SourceLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=240)
    url = blocks.URLBlock(label=_("address"))
    publisher = blocks.CharBlock(label=_("publisher"), max_length=120, required=False)

    class Meta:
        icon = "link"
        label = _("Source")
        template = "components/streamfield/blocks/source.html"
