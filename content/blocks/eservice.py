"""A link to the agency's own e-service that does the step."""
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class EServiceBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("link text"), max_length=160)
    url = blocks.URLBlock(label=_("address"))
    needs_bankid = blocks.BooleanBlock(label=_("needs BankID"), required=False)

    class Meta:
        icon = "link-external"
        label = _("E-service link")
        template = "components/streamfield/blocks/eservice.html"
