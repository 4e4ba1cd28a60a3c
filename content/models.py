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


class PhasePage(Page):
    """A move phase (before you move, arriving, settling in): lists its guides in order."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.GuidePage"]
    template = "content/phase_page.html"

    class Meta:
        verbose_name = _("phase page")


class GuidePage(Page):
    """One step of a move, explained: lives in one phase; checklist tasks link to it.

    The demo guide for each checklist task has the task's key as its English slug, so the task
    data can name its guide without knowing database ids.
    """

    summary = models.TextField(_("summary"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    parent_page_types = ["content.PhasePage"]
    subpage_types: list = []
    template = "content/guide_page.html"

    class Meta:
        verbose_name = _("guide page")
