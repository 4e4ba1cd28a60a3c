"""Page types of the guidance CMS and the Agency snippet.

HomePage → PhasePage (before you move, arriving, settling in) → GuidePage;
HomePage → LifeEventIndexPage → LifeEventPage; HomePage → StandardPage (about, privacy, accessibility).
Each language has its own tree (Wagtail's native i18n, kept in step by wagtail-localize). A page that
is not translated yet is served from the source tree at the reader's path (see ``LandaPageMixin.route``).
"""
from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from content.blocks import SOURCE_BLOCKS, STANDARD_BLOCKS, EServiceBlock, GuideBodyBlock, ServiceBlock
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
OWNER_KINDS = [("agency", _("agency")), ("region", _("region")), ("municipality", _("municipality"))]
PORTAL_EDITORS = "Portal editors"
TRANSLATORS = "Translators: %s"  # one group per language: "Translators: sv", "Translators: so" …


def translators_group_name(code: str) -> str:
    return TRANSLATORS % code


class AgencyForm(WagtailAdminModelForm):
    languages_served = forms.MultipleChoiceField(
        label=_("languages served"), choices=LANGUAGES, required=False, widget=forms.CheckboxSelectMultiple,
    )

    """A region or municipality may leave its name empty: it is taken from the places file.

    The languages are a list of choices: as a JSON field, no box ticked saved NULL (a 500) and a form
    shown again with an error could not read its own list (another 500)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "name" in self.fields:
            self.fields["name"].required = False
            self.fields["name"].help_text = _("A region or municipality left empty gets its name from its code.")

    def clean(self):
        from content import places

        cleaned = super().clean()
        if not cleaned.get("name"):
            code = (cleaned.get("place_code") or "").strip()
            place = {"region": places.regions(), "municipality": places.municipalities()}.get(
                cleaned.get("kind"), {}).get(code)
            if place is not None:
                cleaned["name"] = place.name
            elif "name" not in self.errors:
                self.add_error("name", _("Give the name, or choose a region or municipality and its code."))
        return cleaned


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
    kind = models.CharField(
        _("kind"), max_length=20, choices=OWNER_KINDS, default="agency",
        help_text=_("A region or municipality owns the local guidance of its place."),
    )
    place_code = models.CharField(
        _("place code"), max_length=4, blank=True,
        help_text=_("Statistics Sweden's code: two digits for a region, four for a municipality (1480 Göteborg)."),
    )
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
        MultiFieldPanel([FieldPanel("kind"), FieldPanel("place_code")], heading=_("Region or municipality")),
        FieldPanel("group"),
    ]
    base_form_class = AgencyForm
    override_translatable_fields = [
        SynchronizedField("slug"), SynchronizedField("phone"), SynchronizedField("kind"),
        SynchronizedField("place_code"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "place_code"], condition=~models.Q(place_code=""), name="one_owner_per_place",
                violation_error_message=_("Another owner already has this place code."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        """A region's or municipality's code must be one of Statistics Sweden's; an agency has none."""
        super().clean()
        from content import places

        self.place_code = (self.place_code or "").strip()
        known = {"region": places.regions(), "municipality": places.municipalities()}.get(self.kind)
        if known is None:
            if self.place_code:
                raise ValidationError({"place_code": _("Only a region or a municipality has a place code.")})
            return
        if self.place_code not in known:
            raise ValidationError({"place_code": _(
                "Not a %(kind)s code of Statistics Sweden: a region has two digits (14), a municipality four (1480)."
            ) % {"kind": self.get_kind_display()}})
        if not self.name:
            self.name = known[self.place_code].name

    @property
    def place(self):
        """The Region or Municipality this owner stands for (content.places), or None for an agency."""
        from content import places

        if self.kind == "region":
            return places.regions().get(self.place_code)
        if self.kind == "municipality":
            return places.municipality(self.place_code)
        return None

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
    subpage_types = [
        "content.PhasePage", "content.LifeEventIndexPage", "content.StandardPage", "content.PlaceIndexPage",
    ]
    max_count_per_parent = 1
    template = "content/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def derived_parts(self, reader: str) -> dict:
        from content.navigation import localized_children, localized_pages

        source = self.source_page() or self
        # The life-event index and its events (titles only) in one query, mapped in one more.
        events = localized_pages(
            Page.objects.live().descendant_of(source).type(LifeEventIndexPage, LifeEventPage)
            .filter(depth__lte=source.depth + 2).order_by("path"),
            reader,
        )
        index = next((link for link in events if link.source.depth == source.depth + 1), None)
        return {
            **super().derived_parts(reader),
            "phases": localized_children(source, PhasePage, reader),
            "life_event_index": index,
            "life_events": [
                link for link in events if index is not None and link.source.path.startswith(index.source.path)
                and link.source.depth == source.depth + 2
            ],
        }


class PhasePage(IntroPage):  # noqa: DJ008 - Page defines __str__
    """A move phase (before you move, arriving, settling in): lists its guides in order."""

    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.GuidePage"]
    agency_editors_add_here = True  # agency editors add their guides under a phase (AgencyPagePermissionTester)
    template = "content/phase_page.html"

    class Meta:
        verbose_name = _("phase page")

    def derived_parts(self, reader: str) -> dict:
        from content.navigation import localized_children

        source = self.source_page() or self
        return {**super().derived_parts(reader), "guides": localized_children(source, GuidePage, reader)}


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


def review_panel():
    return MultiFieldPanel([FieldPanel("last_reviewed"), FieldPanel("review_by")], heading=_("Review"))


class OwnedPage(LandaPage):  # noqa: DJ008 - Page defines __str__
    """A page an owner (an agency, region or municipality) answers for: its sources and review dates.

    Guides, local guides and place pages share this; each names its owner in an ``agency`` field of
    its own (the reverse names differ), which ``content.ownership`` reads to narrow permissions.
    """

    sources = StreamField(SOURCE_BLOCKS, verbose_name=_("sources"), blank=True, use_json_field=True)
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    review_by = models.DateField(_("review by"), null=True, blank=True)

    class Meta:
        abstract = True

    def derived_parts(self, reader: str) -> dict:
        from content.navigation import locale_id

        # The owner's name in the page's own text (which may be the English fallback) and, for the
        # lines around it that are in the reader's language, in the reader's language.
        versions = self.agency_versions()
        return {
            **super().derived_parts(reader),
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


class GuideTextPage(OwnedPage):  # noqa: DJ008 - Page defines __str__
    """What a national guide and a local guide both say: summary, who it is for, the steps."""

    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two plain sentences."))
    who_for = models.TextField(_("who it is for"), blank=True)
    body = StreamField(GuideBodyBlock(), verbose_name=_("steps"), blank=True, use_json_field=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("who_for"),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True


class GuidePage(GuideTextPage):  # noqa: DJ008 - Page defines __str__
    """One step of a move, explained: lives in one phase; checklist tasks link to it.

    The demo guide for each checklist task has the task's key as its English slug, so the task
    data can name its guide without knowing database ids.
    """

    situation_tags = models.JSONField(_("situations"), default=list, blank=True)
    agency = models.ForeignKey(
        Agency, verbose_name=_("owning agency"), null=True, blank=True, on_delete=models.SET_NULL, related_name="guides"
    )
    processing_time = models.TextField(_("typical processing time"), blank=True)
    processing_time_source = models.CharField(_("source of the processing time"), max_length=240, blank=True)
    processing_time_source_url = models.URLField(_("address of that source"), blank=True)
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
        review_panel(),
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
        *GuideTextPage.search_fields,
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
        from content.navigation import localized_pages

        return {
            **super().derived_parts(reader),
            "next_steps": localized_pages(live_related(self.next_steps, GuidePage), reader),
            "life_event_links": localized_pages(live_related(self.life_events, LifeEventPage), reader),
        }


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

    def derived_parts(self, reader: str) -> dict:
        from content.navigation import localized_children

        source = self.source_page() or self
        return {**super().derived_parts(reader), "life_events": localized_children(source, LifeEventPage, reader)}


class LifeEventPage(IntroPage):  # noqa: DJ008 - Page defines __str__
    """A life event (finding a home, being ill …): gathers its guides from every phase."""

    parent_page_types = ["content.LifeEventIndexPage"]
    subpage_types: list = []
    template = "content/life_event_page.html"

    class Meta:
        verbose_name = _("life event")

    def derived_parts(self, reader: str) -> dict:
        from content.navigation import localized_pages

        source = self.source_page() or self
        guides = GuidePage.objects.live().filter(life_events=source, locale_id=source.locale_id).order_by("path")
        return {**super().derived_parts(reader), "guides": localized_pages(guides, reader)}


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


# --- the local layer: places and their guides ------------------------------------------------------

class PlaceIndexPage(IntroPage):  # noqa: DJ008 - Page defines __str__
    """"Where you live": the regions that publish local guidance, each with its municipalities."""

    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.RegionPage"]
    max_count_per_parent = 1
    template = "content/place_index_page.html"

    class Meta:
        verbose_name = _("place index")

    def derived_parts(self, reader: str) -> dict:
        from content.navigation import localized_pages

        source = self.source_page() or self
        places = localized_pages(
            Page.objects.live().descendant_of(source).type(RegionPage, MunicipalityPage)
            .filter(depth__lte=source.depth + 2).order_by("path"),
            reader,
        )
        regions = [link for link in places if link.source.depth == source.depth + 1]
        return {**super().derived_parts(reader), "regions": [
            (region, [link for link in places if link.source.depth == source.depth + 2
                      and link.source.path.startswith(region.source.path)])
            for region in regions
        ]}


class PlacePageForm(WagtailAdminPageForm):
    """The owner of a place page is a region's or municipality's own row in the register of agencies."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "agency" in self.fields:
            field = self.fields["agency"]
            field.queryset = field.queryset.filter(kind=self._meta.model.owner_kind)
            locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
            if locale_id is not None:
                current = models.Q(pk=self.instance.agency_id) if self.instance.agency_id else models.Q()
                field.queryset = field.queryset.filter(models.Q(locale_id=locale_id) | current)
            from content.ownership import own_agency_keys, user_is_portal_editor

            if self.for_user is not None and not user_is_portal_editor(self.for_user):
                # A place's editors keep their page: they cannot hand it to another place.
                field.queryset = field.queryset.filter(translation_key__in=own_agency_keys(self.for_user))


class PlacePage(OwnedPage):  # noqa: DJ008 - Page defines __str__
    """A region's or municipality's own page: what it offers newcomers, its local guides below it."""

    intro = models.TextField(_("introduction"), blank=True)
    services = StreamField(
        [("service", ServiceBlock())], verbose_name=_("services for newcomers"), blank=True, use_json_field=True
    )

    owner_kind = ""  # "region" or "municipality": which owners may own this page type
    base_form_class = PlacePageForm
    content_panels = [
        *Page.content_panels, FieldPanel("intro"), FieldPanel("agency"), FieldPanel("services"),
        FieldPanel("sources"), review_panel(),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("services")]
    api_fields = [APIField("intro"), APIField("services"), APIField("last_reviewed"), APIField("review_by")]

    class Meta:
        abstract = True

    @property
    def place_code(self) -> str:
        return self.agency.place_code if self.agency_id else ""

    def clean(self):
        super().clean()
        if self.agency_id is None:
            raise ValidationError({"agency": _("Choose the %(kind)s that owns this page.") % {
                "kind": dict(OWNER_KINDS)[self.owner_kind]}})
        if self.agency.kind != self.owner_kind:
            raise ValidationError({"agency": _("The owner of this page must be a %(kind)s.") % {
                "kind": dict(OWNER_KINDS)[self.owner_kind]}})

    def derived_parts(self, reader: str) -> dict:
        from content.navigation import localized_children

        source = self.source_page() or self
        return {**super().derived_parts(reader), "local_guides": localized_children(source, LocalGuidePage, reader)}


class RegionPage(PlacePage):  # noqa: DJ008 - Page defines __str__
    """A region (healthcare, dental care for children …): its own local guides and its municipalities."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("region"), null=True, blank=True, on_delete=models.SET_NULL, related_name="region_pages"
    )

    owner_kind = "region"
    parent_page_types = ["content.PlaceIndexPage"]
    subpage_types = ["content.MunicipalityPage", "content.LocalGuidePage"]
    template = "content/region_page.html"

    class Meta:
        verbose_name = _("region page")

    def derived_parts(self, reader: str) -> dict:
        from content.navigation import localized_children

        source = self.source_page() or self
        return {**super().derived_parts(reader), "municipalities": localized_children(source, MunicipalityPage, reader)}


class MunicipalityPage(PlacePage):  # noqa: DJ008 - Page defines __str__
    """"Your municipality": its welcome services, International House or kommunlots, the nearest
    Statens servicecenter, and its local guides."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("municipality"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="municipality_pages",
    )

    owner_kind = "municipality"
    parent_page_types = ["content.RegionPage"]
    subpage_types = ["content.LocalGuidePage"]
    template = "content/municipality_page.html"

    class Meta:
        verbose_name = _("municipality page")

    def clean(self):
        super().clean()
        parent = self.get_parent() if self.path else None
        region = getattr(parent.specific, "place_code", None) if parent is not None else None
        if region and not self.agency.place_code.startswith(region):
            raise ValidationError({"agency": _("This municipality is not in the region of the page above it.")})


class LocalGuidePageForm(WagtailAdminPageForm):
    """The checklist tasks a local guide adds detail to, chosen from the tasks the checklist knows."""

    task_keys = forms.MultipleChoiceField(
        label=_("checklist tasks it adds local detail to"), required=False, widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("%(value)s is not a task of the checklist.")},
    )

    def __init__(self, *args, **kwargs):
        from content.local import task_choices

        super().__init__(*args, **kwargs)
        if "task_keys" in self.fields:
            self.fields["task_keys"].choices = task_choices()

    def clean(self):
        """The owner is the place the guide stands under: its editors' group edits and reviews it."""
        cleaned = super().clean()
        parent = getattr(self, "parent_page", None)
        if parent is not None:
            self.instance.agency_id = getattr(parent.specific_deferred, "agency_id", None)
        return cleaned

    def clean_task_keys(self):
        """Refuse a key the checklist does not know (the choices may have changed since the form was shown)."""
        from content.local import unknown_task_keys

        keys = self.cleaned_data.get("task_keys") or []
        unknown = unknown_task_keys(keys)
        if unknown:
            raise ValidationError(_("Not a task of the checklist: %(keys)s.") % {"keys": ", ".join(unknown)})
        return keys


class LocalGuidePage(GuideTextPage):  # noqa: DJ008 - Page defines __str__
    """A region's or municipality's guidance on one thing (its preschool queue, 1177 in its region),
    tagged with the checklist tasks it adds local detail to. Its owner is the place it stands under."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("owner"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="local_guides", editable=False,
    )
    task_keys = models.JSONField(_("checklist tasks"), default=list, blank=True)

    base_form_class = LocalGuidePageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("who_for"),
        FieldPanel("body"),
        FieldPanel("task_keys"),
        FieldPanel("sources"),
        review_panel(),
    ]
    parent_page_types = ["content.RegionPage", "content.MunicipalityPage"]
    subpage_types: list = []
    template = "content/local_guide_page.html"
    override_translatable_fields = [*REVIEW_FIELDS, SynchronizedField("task_keys")]
    search_fields = [*GuideTextPage.search_fields, index.FilterField("agency")]
    api_fields = [APIField("summary"), APIField("who_for"), APIField("task_keys"), APIField("last_reviewed"),
                  APIField("review_by")]

    class Meta:
        verbose_name = _("local guide")

    def clean(self):
        """The owner follows the place the guide stands under (its editors' group edits it)."""
        super().clean()
        parent = self.get_parent() if self.path else None
        if parent is not None:
            self.agency_id = getattr(parent.specific, "agency_id", None)

    def derived_parts(self, reader: str) -> dict:
        from content.navigation import localized_pages

        parent = (self.source_page() or self).get_parent()
        return {**super().derived_parts(reader), "place_links": localized_pages([parent], reader) if parent else []}


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
