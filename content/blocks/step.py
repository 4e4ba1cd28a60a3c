"""A numbered step: what to do, in one short heading and a few plain sentences (with links)."""
import html

from django.utils.html import escape, strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.rich_text import RichText

STEP_FEATURES = ["bold", "italic", "link", "document-link", "ul", "ol"]


def text_to_html(text: str) -> str:
    """Plain text (paragraphs separated by blank lines) as the rich text a step holds.

    Used by the data migration for steps written before steps held rich text, and by anything that
    loads plain text into a step (the demo loader): ``{"heading": ..., "text": text_to_html(text)}``.
    """
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    return "".join("<p>" + escape(part).replace("\n", "<br>") + "</p>" for part in paragraphs)


def looks_like_html(text: str) -> bool:
    return text.lstrip().startswith("<")


class StepTextBlock(blocks.RichTextBlock):
    """Rich text that also accepts the plain text steps held before (wrapped into paragraphs)."""

    def to_python(self, value):
        if isinstance(value, str) and value and not looks_like_html(value):
            value = text_to_html(value)
        return super().to_python(value)


def plain_text(value) -> str:
    """A step's text without markup (for search and excerpts)."""
    source = value.source if isinstance(value, RichText) else str(value or "")
    return html.unescape(strip_tags(source.replace("</p>", "</p> ").replace("<br>", " "))).strip()


class StepBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("what to do"), max_length=160)
    text = StepTextBlock(label=_("how"), features=STEP_FEATURES, help_text=_("Short sentences, the action first."))

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "components/streamfield/blocks/step.html"
