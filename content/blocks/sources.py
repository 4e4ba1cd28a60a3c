"""A source: the authority's own page (or a report) that a guide's facts come from."""
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.languages import LANGUAGES


class SourceLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=240)
    url = blocks.URLBlock(label=_("address"))
    publisher = blocks.CharBlock(label=_("publisher"), max_length=120, required=False)
    language = blocks.ChoiceBlock(
        choices=LANGUAGES, default="en", label=_("language of the source"),
        help_text=_("Marks the title with its language, so screen readers pronounce it right."),
    )

    class Meta:
        icon = "link"
        label = _("Source")
        template = "components/streamfield/blocks/source.html"
