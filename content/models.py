"""Page types of the guidance CMS."""
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class HomePage(Page):
    """The root of each language's tree: leads with the three move phases and the checklist."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "content/home_page.html"

    class Meta:
        verbose_name = _("home page")
