"""How to reach an agency: its name, phone, website and the languages it answers in."""
from django.conf import settings
from django.utils.translation import get_language
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

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["agency"] = in_reader_language(value["agency"])
        return context


def in_reader_language(agency):
    """``agency.localized`` without Wagtail's query for the active Locale (its pk is cached)."""
    from content.navigation import locale_id

    wanted = locale_id(get_language() or settings.LANGUAGE_CODE)
    if agency is None or wanted is None or agency.locale_id == wanted:
        return agency
    return agency.get_translation_or_none(wanted) or agency
