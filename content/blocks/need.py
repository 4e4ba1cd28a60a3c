"""What you need: the documents and details to have ready."""
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class WhatYouNeedBlock(blocks.StructBlock):
    items = blocks.ListBlock(blocks.CharBlock(max_length=240), label=_("items"))

    class Meta:
        icon = "clipboard-list"
        label = _("What you need")
        template = "components/streamfield/blocks/what_you_need.html"
