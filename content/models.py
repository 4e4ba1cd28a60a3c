"""Page types of the guidance CMS and the Agency snippet.

HomePage → PhasePage (before you move, arriving, settling in) → GuidePage;
HomePage → LifeEventIndexPage → LifeEventPage; HomePage → StandardPage (about, privacy, accessibility).
Each language has its own tree (Wagtail's native i18n, kept in step by wagtail-localize). A page that
is not translated yet is served from the source tree at the reader's path (see ``LandaPageMixin.route``).
"""
from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from content.blocks import SOURCE_BLOCKS, STANDARD_BLOCKS, EServiceBlock, GuideBodyBlock
from content.readability_panel import ReadabilityPanel
from portal.languages import LANGUAGES

SITUATIONS = [
    ("nordic", _("Citizens of a Nordic country")),
    ("eu", _("Citizens of an EU/EEA country or Switzerland")),
    ("third-country", _("Citizens of a country outside the EU/EEA")),
    ("work", _("Moving for work")),
    ("job-seeking", _("Looking for work")),
    ("study", _("Moving to study")),
    ("family", _("Moving to join family")),
    ("partner", _("Moving with a partner")),
    ("children", _("Moving with children")),
    ("long", _("Staying one year or more")),
    ("short", _("Staying less than a year")),
]
PORTAL_EDITORS = "Portal editors"
TRANSLATORS = "Translators: %s"  # one group per language: "Translators: sv", "Translators: so" …


def translators_group_name(code: str) -> str:
    return TRANSLATORS % code


class Agency(TranslatableMixin, index.Indexed, models.Model):
    """A public body (or bank, region, municipality) that owns guidance and decides cases."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, help_text=_("The agency's address on this site."))
    description = models.TextField(_("what the agency does"), blank=True)
    website = models.URLField(_("website"), blank=True)
    eservices = StreamField(
        [("link", EServiceBlock())], verbose_name=_("e-services"), blank=True, use_json_field=True
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    languages_served = models.JSONField(_("languages served"), default=list, blank=True)
    group = models.ForeignKey(
        Group,
        verbose_name=_("editors' group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Members edit this agency's pages and do the agency review in the workflow."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("eservices"),
        FieldPanel("phone"),
        FieldPanel("languages_served", widget=forms.CheckboxSelectMultiple(choices=LANGUAGES)),
        FieldPanel("group"),
    ]
    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("phone")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def language(self):
        return self.locale.language_code

    @property
    def phone_link(self):
        return "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    @property
    def language_names(self):
        names = dict(LANGUAGES)
        return [(code, names.get(code, code)) for code in self.languages_served]


class LandaPageMixin:
    """What every reader-facing page does: the fallback, localized links and the review notice.

    A plain class rather than part of ``LandaPage`` because migration 0003 names it among the bases.
    """

    def get_context(self, request, *args, **kwargs):
        from content.navigation import locale_codes

        context = super().get_context(request, *args, **kwargs)
        reader = get_language() or settings.LANGUAGE_CODE
        language = locale_codes().get(self.locale_id) or self.locale.language_code
        context["reader_language"] = reader
        context["fallback"] = language != reader
        context["content_language"] = language
        context["content_direction"] = "rtl" if language == "ar" else "ltr"
        context["unreviewed_translation"] = (
            not context["fallback"] and language != settings.LANGUAGE_CODE
            and not getattr(self, "translation_reviewed", True)
        )
        context.update(self.derived_context(request, reader))
        return context

    def derived_context(self, request, reader: str) -> dict:
        """:meth:`derived_parts` (what the page shows from other rows: links, translations, its
        agency), kept per page, reader's language and published version until the next publish
        (``portal.caching.derived``). A preview builds them from the unsaved page every time."""
        if getattr(request, "is_preview", False) or self.pk is None:
            return self.derived_parts(reader)
        from portal.caching import derived

        key = f"landa:derived:{self.pk}:{self.live_revision_id}:{reader}"
        return derived(request, key, lambda: self.derived_parts(reader))

    def derived_parts(self, reader: str) -> dict:
        from content.navigation import breadcrumbs, urls_in_languages

        return {
            "breadcrumbs": breadcrumbs(self, reader),
            "language_urls": urls_in_languages(self),  # the switcher's and hreflang targets
        }

    def serve_preview(self, request, mode_name):
        """The admin's preview panel frames the preview: Wagtail runs it through the middleware as a
        request for the page's public path, where the site's CSP refuses every frame
        (``frame-ancestors 'none'``). A preview may be framed by the site itself, nothing else."""
        response = super().serve_preview(request, mode_name)
        response._csp_replace = {"frame-ancestors": ["'self'"]}  # read by django-csp's middleware
        return response

    def permissions_for_user(self, user):
        from content.ownership import AgencyPagePermissionTester

        return AgencyPagePermissionTester(user, self)

    def route(self, request, path_components):
        """Serve the source language's page at the reader's path when this tree lacks it."""
        try:
            return super().route(request, path_components)
        except Http404:
            source = self.source_page()
            if source is None or source.pk == self.pk:
                raise
            return source.specific.route(request, path_components)

    def get_view_restrictions(self):
        from content.routing import view_restrictions

        none = view_restrictions(self)  # no query while the site has no restricted page
        return super().get_view_restrictions() if none is None else none

    def source_page(self):
        from content.navigation import locale_codes, locale_id

        if locale_codes().get(self.locale_id) == settings.LANGUAGE_CODE:
            return None
        if hasattr(self, "_landa_source"):  # found while routing (content.routing)
            return self._landa_source
        default = locale_id(settings.LANGUAGE_CODE)
        if default is None:
            return None
        return Page.objects.filter(translation_key=self.translation_key, locale_id=default).live().first()


REVIEW_FIELDS = [SynchronizedField("translation_reviewed", overridable=True)]


class LandaPage(LandaPageMixin, Page):  # noqa: DJ008 - Page defines __str__
    """What every page type repeats: the reader's fallback and notice (``LandaPageMixin``) and the
    translation-reviewed flag, in the settings tab, that each translation sets for itself."""

    translation_reviewed = models.BooleanField(
        _("translation reviewed by a fluent reader"),
        default=False,
        help_text=_("Until this is ticked, a translated page tells readers that its translation is not yet reviewed."),
    )

    settings_panels = [*Page.settings_panels, FieldPanel("translation_reviewed")]
    override_translatable_fields = REVIEW_FIELDS

    class Meta:
        abstract = True


class IntroPage(LandaPage):  # noqa: DJ008 - Page defines __str__
    """A page that opens with an introduction under its title (every type but the guide, which has a summary)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True


class HomePage(IntroPage):  # noqa: DJ008 - Page defines __str__
    """The root of each language's tree: leads with the three move phases and the checklist."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["content.PhasePage", "content.LifeEventIndexPage", "content.StandardPage"]
    max_count_per_parent = 1
    template = "content/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from content.navigation import localized_children, localized_pages

        context = super().get_context(request, *args, **kwargs)
        reader = context["reader_language"]
        source = self.source_page() or self
        context["phases"] = localized_children(source, PhasePage, reader)
        # The life-event index and its events (titles only) in one query, mapped in one more.
        events = localized_pages(
            Page.objects.live().descendant_of(source).type(LifeEventIndexPage, LifeEventPage)
            .filter(depth__lte=source.depth + 2).order_by("path"),
            reader,
        )
        index = next((link for link in events if link.source.depth == source.depth + 1), None)
        context["life_event_index"] = index
        context["life_events"] = [
            link for link in events if index is not None and link.source.path.startswith(index.source.path)
            and link.source.depth == source.depth + 2
        ]
        return context


class PhasePage(IntroPage):  # noqa: DJ008 - Page defines __str__
    """A move phase (before you move, arriving, settling in): lists its guides in order."""

    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.GuidePage"]
    agency_editors_add_here = True  # agency editors add their guides under a phase (AgencyPagePermissionTester)
    template = "content/phase_page.html"

    class Meta:
        verbose_name = _("phase page")

    def get_context(self, request, *args, **kwargs):
        from content.navigation import localized_children

        context = super().get_context(request, *args, **kwargs)
        source = self.source_page() or self
        context["guides"] = localized_children(source, GuidePage, context["reader_language"])
        return context


class GuidePageForm(WagtailAdminPageForm):
    """The guide editor: choices in the page's own language, owners limited to the editor's agencies."""

    situation_tags = forms.MultipleChoiceField(
        label=_("who it is for (situations)"),
        choices=SITUATIONS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if locale_id is None:
            return
        same_language = models.Q(locale_id=locale_id)
        for name, current in (("life_events", None), ("next_steps", None), ("agency", self.instance.agency_id)):
            if name not in self.fields:
                continue
            field = self.fields[name]
            keep = same_language if current is None else same_language | models.Q(pk=current)
            field.queryset = field.queryset.filter(keep)
        if "next_steps" in self.fields and self.instance.pk:
            self.fields["next_steps"].queryset = self.fields["next_steps"].queryset.exclude(pk=self.instance.pk)
        from content.ownership import own_agency_keys, user_is_portal_editor

        user = self.for_user
        if "agency" in self.fields and user is not None and not user_is_portal_editor(user):
            own = own_agency_keys(user)
            field = self.fields["agency"]
            field.queryset = field.queryset.filter(translation_key__in=own)
            field.required = True
            names = ", ".join(str(agency) for agency in field.queryset) or _("none")
            field.help_text = _("You edit for: %(agencies)s.") % {"agencies": names}
            field.error_messages["invalid_choice"] = _(
                "You can only choose an agency you edit for: %(agencies)s. Another agency's guides are "
                "written by that agency's editors; ask the portal editors if this guide belongs to them."
            ) % {"agencies": names}
            field.error_messages["required"] = _(
                "Choose the agency that owns this guide (you edit for: %(agencies)s). Without one, only the "
                "portal editors could edit it."
            ) % {"agencies": names}


class GuidePage(LandaPage):  # noqa: DJ008 - Page defines __str__
    """One step of a move, explained: lives in one phase; checklist tasks link to it.

    The demo guide for each checklist task has the task's key as its English slug, so the task
    data can name its guide without knowing database ids.
    """

    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two plain sentences."))
    who_for = models.TextField(_("who it is for"), blank=True)
    situation_tags = models.JSONField(_("situations"), default=list, blank=True)
    body = StreamField(GuideBodyBlock(), verbose_name=_("steps"), blank=True, use_json_field=True)
    agency = models.ForeignKey(
        Agency, verbose_name=_("owning agency"), null=True, blank=True, on_delete=models.SET_NULL, related_name="guides"
    )
    processing_time = models.TextField(_("typical processing time"), blank=True)
    processing_time_source = models.CharField(_("source of the processing time"), max_length=240, blank=True)
    processing_time_source_url = models.URLField(_("address of that source"), blank=True)
    sources = StreamField(SOURCE_BLOCKS, verbose_name=_("sources"), blank=True, use_json_field=True)
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    review_by = models.DateField(_("review by"), null=True, blank=True)
    life_events = ParentalManyToManyField("content.LifeEventPage", verbose_name=_("life events"), blank=True,
                                          related_name="tagged_guides")
    next_steps = ParentalManyToManyField("self", verbose_name=_("next steps"), blank=True, symmetrical=False,
                                         related_name="previous_steps")
    editor_note = models.TextField(_("note to editors (not shown to readers)"), blank=True)

    base_form_class = GuidePageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("who_for"), FieldPanel("situation_tags")], heading=_("Who it is for")),
        FieldPanel("body"),
        FieldPanel("agency"),
        MultiFieldPanel(
            [
                FieldPanel("processing_time"),
                FieldPanel("processing_time_source"),
                FieldPanel("processing_time_source_url"),
            ],
            heading=_("Typical processing time"),
        ),
        FieldPanel("sources"),
        MultiFieldPanel([FieldPanel("last_reviewed"), FieldPanel("review_by")], heading=_("Review")),
        FieldPanel("life_events", widget=forms.CheckboxSelectMultiple),
        FieldPanel("next_steps"),
        FieldPanel("editor_note"),
        ReadabilityPanel(),
    ]
    parent_page_types = ["content.PhasePage"]
    subpage_types: list = []
    template = "content/guide_page.html"
    override_translatable_fields = [
        *REVIEW_FIELDS,
        SynchronizedField("editor_note"),
        SynchronizedField("processing_time_source_url"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("who_for"),
        index.SearchField("body"),
        index.SearchField("processing_time"),
        index.FilterField("agency"),
    ]

    class Meta:
        verbose_name = _("guide page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["situations"] = [label for key, label in SITUATIONS if key in (self.situation_tags or [])]
        return context

    def derived_parts(self, reader: str) -> dict:
        from content.navigation import locale_id, localized_pages

        # The agency's name in the page's own text (which may be the English fallback) and, for the
        # lines around it that are in the reader's language, in the reader's language.
        versions = self.agency_versions()
        return {
            **super().derived_parts(reader),
            "next_steps": localized_pages(live_related(self.next_steps, GuidePage), reader),
            "life_event_links": localized_pages(live_related(self.life_events, LifeEventPage), reader),
            "content_agency": self.agency_in(self.locale_id, versions),
            "agency": self.agency_in(locale_id(reader), versions),
        }

    def agency_versions(self) -> dict:
        """The owning agency in each language it has, in one query: ``{locale pk: agency}``."""
        if self.agency_id is None:
            return {}
        key = Agency.objects.filter(pk=self.agency_id).values("translation_key").order_by()[:1]
        return {agency.locale_id: agency for agency in Agency.objects.filter(translation_key=key).order_by()}

    def agency_in(self, locale, versions=None):
        """The owning agency in ``locale`` (a Locale or its pk), or as it is when not translated."""
        versions = self.agency_versions() if versions is None else versions
        pk = getattr(locale, "pk", locale)
        return versions.get(pk) or next((a for a in versions.values() if a.pk == self.agency_id), None)


def live_related(relation, model):
    """The live pages of a many-to-many relation, in tree order.

    In a preview or a draft the relation is modelcluster's in-memory stand-in (no ``.live()``), and
    it may point at pages that are drafts themselves: readers will only see the live ones.
    """
    from content.navigation import link_rows

    related = relation.all()
    if isinstance(related, models.QuerySet):  # a saved page: one query
        pages = link_rows(related.filter(live=True))
    else:
        pages = link_rows(model.objects.live().filter(pk__in=[page.pk for page in related]))
    # Sorted here: SQL ordering makes Django hash every selected column while compiling.
    return sorted(pages.order_by(), key=lambda page: page.path)


class LifeEventIndexPage(IntroPage):  # noqa: DJ008 - Page defines __str__
    """The life events: another way into the same guides."""

    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.LifeEventPage"]
    max_count_per_parent = 1
    template = "content/life_event_index_page.html"

    class Meta:
        verbose_name = _("life event index")

    def get_context(self, request, *args, **kwargs):
        from content.navigation import localized_children

        context = super().get_context(request, *args, **kwargs)
        source = self.source_page() or self
        context["life_events"] = localized_children(source, LifeEventPage, context["reader_language"])
        return context


class LifeEventPage(IntroPage):  # noqa: DJ008 - Page defines __str__
    """A life event (finding a home, being ill …): gathers its guides from every phase."""

    parent_page_types = ["content.LifeEventIndexPage"]
    subpage_types: list = []
    template = "content/life_event_page.html"

    class Meta:
        verbose_name = _("life event")

    def get_context(self, request, *args, **kwargs):
        from content.navigation import localized_pages

        context = super().get_context(request, *args, **kwargs)
        source = self.source_page() or self
        guides = GuidePage.objects.live().filter(life_events=source, locale_id=source.locale_id).order_by("path")
        context["guides"] = localized_pages(guides, context["reader_language"])
        return context


class StandardPage(IntroPage):  # noqa: DJ008 - Page defines __str__
    """A plain page: about and contact, privacy notice, accessibility statement."""

    body = StreamField(STANDARD_BLOCKS, verbose_name=_("body"), blank=True, use_json_field=True)
    footer_role = models.CharField(
        _("footer link"),
        max_length=20,
        blank=True,
        choices=[("about", _("About and contact")), ("privacy", _("Privacy")), ("accessibility", _("Accessibility"))],
        help_text=_("Which footer link leads here."),
    )

    content_panels = [*IntroPage.content_panels, FieldPanel("body"), ReadabilityPanel()]
    settings_panels = [*Page.settings_panels, FieldPanel("footer_role"), FieldPanel("translation_reviewed")]
    parent_page_types = ["content.HomePage"]
    subpage_types: list = []
    template = "content/standard_page.html"
    override_translatable_fields = [*REVIEW_FIELDS, SynchronizedField("footer_role")]
    search_fields = [*IntroPage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")


class DemoContent(models.Model):
    """The fingerprint of the demo data last loaded, so ``load_demo`` runs again only when it changed."""

    fingerprint = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("demo content state")

    def __str__(self):
        return self.fingerprint[:12]


# Models kept in modules of their own, registered with the app here: the editorial operations' models
# (link checks, counters) and the workflow's agency review task.
from content import ops_models, reviews  # noqa: E402, F401
