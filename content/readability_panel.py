"""The page editor's plain-language panel: the page's readability score in its own language."""
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from content.readability import LONG_SENTENCE, score_translations


class ReadabilityPanel(Panel):
    """Read-only: scores the saved text (summary, who it is for, steps, warnings, processing time) of
    the page and of each of its translations, each by its own language's measure."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Plain language"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "content/admin/readability_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["scores"] = score_translations(self.instance)
            context["long_sentence"] = LONG_SENTENCE
            return context
