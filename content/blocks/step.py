"""A numbered step: what to do, in one short heading and a few plain sentences."""
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class StepBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("what to do"), max_length=160)
    text = blocks.TextBlock(label=_("how"), help_text=_("Short sentences, the action first."))

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "components/streamfield/blocks/step.html"
