"""How to reach an agency: its name, phone, website and the languages it answers in."""
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class AgencyContactBlock(blocks.StructBlock):
    agency = SnippetChooserBlock("content.Agency", label=_("agency"))
    note = blocks.TextBlock(label=_("note"), required=False)

    class Meta:
        icon = "group"
        label = _("Agency contact")
        template = "components/streamfield/blocks/agency_contact.html"
