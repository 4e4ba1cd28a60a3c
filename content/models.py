"""Page types of the guidance CMS and the Agency snippet.

HomePage → PhasePage (before you move, arriving, settling in) → GuidePage;
HomePage → LifeEventIndexPage → LifeEventPage; HomePage → StandardPage (about, privacy, accessibility).
Each language has its own tree (Wagtail's native i18n, kept in step by wagtail-localize). A page that
is not translated yet is served from the source tree at the reader's path (see ``FallbackRouteMixin``).
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
from wagtail.models import Locale, Page, PagePermissionTester, Task, TaskState, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from content.blocks import GUIDE_BLOCKS, SOURCE_BLOCKS, STANDARD_BLOCKS, EServiceBlock
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


class AgencyPagePermissionTester(PagePermissionTester):
    """Wagtail's tree permissions, narrowed to the page's agency.

    Agency groups get page permissions on the language trees; this tester then lets a member edit,
    publish, delete, move or lock only the pages of their own agency. Portal editors and superusers
    are not narrowed. Pages without an agency (home, phases, life events, about) belong to the portal.
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        self.agency_allowed = user_may_act_for(user, page)

    def can_edit(self):
        return self.agency_allowed and super().can_edit()

    def can_delete(self, ignore_bulk=False):
        return self.agency_allowed and super().can_delete(ignore_bulk=ignore_bulk)

    def can_publish(self):
        return self.agency_allowed and super().can_publish()

    def can_unpublish(self):
        return self.agency_allowed and super().can_unpublish()

    def can_submit_for_moderation(self):
        return self.agency_allowed and super().can_submit_for_moderation()

    def can_lock(self):
        return self.agency_allowed and super().can_lock()

    def can_move(self):
        return self.agency_allowed and super().can_move()

    def can_copy(self):
        return self.agency_allowed and super().can_copy()

    def can_set_view_restrictions(self):
        return self.agency_allowed and super().can_set_view_restrictions()

    def can_add_subpage(self):
        # An agency editor adds guides under a phase page (which itself belongs to the portal).
        if not self.agency_allowed and not isinstance(self.page.specific_deferred, PhasePage):
            return False
        return super().can_add_subpage()


def user_is_portal_editor(user) -> bool:
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    cache = "_landa_portal_editor"
    if not hasattr(user, cache):
        setattr(user, cache, user.groups.filter(name=PORTAL_EDITORS).exists())
    return getattr(user, cache)


def agency_group_id(page):
    specific = page.specific_deferred if isinstance(page, Page) else page
    agency_id = getattr(specific, "agency_id", None)
    if agency_id is None:
        return None
    return Agency.objects.filter(pk=agency_id).values_list("group_id", flat=True).first()


def own_agency_keys(user):
    """The translation keys of the agencies whose editors' group ``user`` is in (any language's row)."""
    return Agency.objects.filter(group__in=user.groups.all()).values("translation_key")


def user_translates(user, locale_id) -> bool:
    """Whether ``user`` is in the translators' group of the locale (never the source language)."""
    code = Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()
    if code is None or code == settings.LANGUAGE_CODE:
        return False
    return user.groups.filter(name=translators_group_name(code)).exists()


def user_may_act_for(user, page) -> bool:
    """Portal editors everywhere; agency editors on their agency's pages; translators in their language.

    What they may do there is still Wagtail's tree permissions: translators and agency editors add
    and edit, and publish only through the workflow.
    """
    if user_is_portal_editor(user):
        return True
    if user_translates(user, page.locale_id):
        return True
    group_id = agency_group_id(page)
    return group_id is not None and user.groups.filter(pk=group_id).exists()


class LandaPageMixin:
    """What every reader-facing page shares: the fallback, localized links and the review notice."""

    def get_context(self, request, *args, **kwargs):
        from content.navigation import breadcrumbs, locale_codes, urls_in_languages

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
        context["breadcrumbs"] = breadcrumbs(self, reader)
        context["language_urls"] = urls_in_languages(self)  # the switcher's and hreflang targets
        return context

    def permissions_for_user(self, user):
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


class TranslationReviewMixin(models.Model):
    translation_reviewed = models.BooleanField(
        _("translation reviewed by a fluent reader"),
        default=False,
        help_text=_("Until this is ticked, a translated page tells readers that its translation is not yet reviewed."),
    )

    class Meta:
        abstract = True


class HomePage(LandaPageMixin, TranslationReviewMixin, Page):  # noqa: DJ008 - Page and Task define __str__
    """The root of each language's tree: leads with the three move phases and the checklist."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    settings_panels = [*Page.settings_panels, FieldPanel("translation_reviewed")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "content/home_page.html"
    override_translatable_fields = REVIEW_FIELDS

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


class PhasePage(LandaPageMixin, TranslationReviewMixin, Page):  # noqa: DJ008 - Page and Task define __str__
    """A move phase (before you move, arriving, settling in): lists its guides in order."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    settings_panels = [*Page.settings_panels, FieldPanel("translation_reviewed")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.GuidePage"]
    template = "content/phase_page.html"
    override_translatable_fields = REVIEW_FIELDS
    search_fields = [*Page.search_fields, index.SearchField("intro")]

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


class GuidePage(LandaPageMixin, TranslationReviewMixin, Page):  # noqa: DJ008 - Page and Task define __str__
    """One step of a move, explained: lives in one phase; checklist tasks link to it.

    The demo guide for each checklist task has the task's key as its English slug, so the task
    data can name its guide without knowing database ids.
    """

    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two plain sentences."))
    who_for = models.TextField(_("who it is for"), blank=True)
    situation_tags = models.JSONField(_("situations"), default=list, blank=True)
    body = StreamField(GUIDE_BLOCKS, verbose_name=_("steps"), blank=True, use_json_field=True)
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
    settings_panels = [*Page.settings_panels, FieldPanel("translation_reviewed")]
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
        from content.navigation import localized_pages

        context = super().get_context(request, *args, **kwargs)
        reader = context["reader_language"]
        context["situations"] = [label for key, label in SITUATIONS if key in (self.situation_tags or [])]
        context["next_steps"] = localized_pages(live_related(self.next_steps, GuidePage), reader)
        context["life_event_links"] = localized_pages(live_related(self.life_events, LifeEventPage), reader)
        # The agency's name in the page's own text (which may be the English fallback) and, for the
        # lines around it that are in the reader's language, in the reader's language.
        from content.navigation import locale_id

        versions = self.agency_versions()
        context["content_agency"] = self.agency_in(self.locale_id, versions)
        context["agency"] = self.agency_in(locale_id(reader), versions)
        return context

    def agency_versions(self) -> dict:
        """The owning agency in each language it has, in one query: ``{locale pk: agency}``."""
        if self.agency_id is None:
            return {}
        return {
            agency.locale_id: agency
            for agency in Agency.objects.filter(translation_key=Agency.objects.filter(pk=self.agency_id)
                                                .values("translation_key")[:1])
        }

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
    related = relation.all()
    if isinstance(related, models.QuerySet):  # a saved page: one query
        return related.filter(live=True).order_by("path")
    return model.objects.live().filter(pk__in=[page.pk for page in related]).order_by("path")


class LifeEventIndexPage(LandaPageMixin, TranslationReviewMixin, Page):  # noqa: DJ008 - Page and Task define __str__
    """The life events: another way into the same guides."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    settings_panels = [*Page.settings_panels, FieldPanel("translation_reviewed")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.LifeEventPage"]
    max_count_per_parent = 1
    template = "content/life_event_index_page.html"
    override_translatable_fields = REVIEW_FIELDS

    class Meta:
        verbose_name = _("life event index")

    def get_context(self, request, *args, **kwargs):
        from content.navigation import localized_children

        context = super().get_context(request, *args, **kwargs)
        source = self.source_page() or self
        context["life_events"] = localized_children(source, LifeEventPage, context["reader_language"])
        return context


class LifeEventPage(LandaPageMixin, TranslationReviewMixin, Page):  # noqa: DJ008 - Page and Task define __str__
    """A life event (finding a home, being ill …): gathers its guides from every phase."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    settings_panels = [*Page.settings_panels, FieldPanel("translation_reviewed")]
    parent_page_types = ["content.LifeEventIndexPage"]
    subpage_types: list = []
    template = "content/life_event_page.html"
    override_translatable_fields = REVIEW_FIELDS
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("life event")

    def get_context(self, request, *args, **kwargs):
        from content.navigation import localized_pages

        context = super().get_context(request, *args, **kwargs)
        source = self.source_page() or self
        guides = GuidePage.objects.live().filter(life_events=source, locale_id=source.locale_id).order_by("path")
        context["guides"] = localized_pages(guides, context["reader_language"])
        return context


class StandardPage(LandaPageMixin, TranslationReviewMixin, Page):  # noqa: DJ008 - Page and Task define __str__
    """A plain page: about and contact, privacy notice, accessibility statement."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(STANDARD_BLOCKS, verbose_name=_("body"), blank=True, use_json_field=True)
    footer_role = models.CharField(
        _("footer link"),
        max_length=20,
        blank=True,
        choices=[("about", _("About and contact")), ("privacy", _("Privacy")), ("accessibility", _("Accessibility"))],
        help_text=_("Which footer link leads here."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body"), ReadabilityPanel()]
    settings_panels = [*Page.settings_panels, FieldPanel("footer_role"), FieldPanel("translation_reviewed")]
    parent_page_types = ["content.HomePage"]
    subpage_types: list = []
    template = "content/standard_page.html"
    override_translatable_fields = [*REVIEW_FIELDS, SynchronizedField("footer_role")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")


class AgencyReviewTask(Task):  # noqa: DJ008 - Page and Task define __str__
    """Workflow step one: another member of the page's own agency group approves it.

    Unlike Wagtail's group approval task, the group is not fixed on the task: it is the group of the
    agency that owns the page, so one workflow serves every agency. The submitter never approves
    their own change: the review goes to the agency's other editors, or to the portal editors when
    the submitter is the agency's only editor (``content.reviews``).
    """

    def _may_review(self, obj, user, submitter=None):
        from content.reviews import reviewers, submitter_of

        if submitter is None:
            submitter = submitter_of(obj)
        if not user.is_active or (submitter is not None and submitter.pk == user.pk):
            return False
        if user.is_superuser:
            return True
        return reviewers(obj, submitter).filter(pk=user.pk).exists()

    def user_can_access_editor(self, obj, user):
        return self._may_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self._may_review(obj, user)

    def user_can_lock(self, obj, user):
        return self._may_review(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if self._may_review(obj, user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Approve"), False),
                ("approve", _("Approve with comment"), True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS).select_related(
            "workflow_state__requested_by")
        allowed = [
            state.pk for state in states
            if state.workflow_state.content_object is not None
            and self._may_review(state.workflow_state.content_object, user, state.workflow_state.requested_by)
        ]
        return self.task_states.filter(pk__in=allowed)

    @classmethod
    def get_description(cls):
        return _("Another editor of the agency that owns the page approves it (the portal editors when the "
                 "agency has one editor)")

    class Meta:
        verbose_name = _("agency review")
        verbose_name_plural = _("agency reviews")


class DemoContent(models.Model):
    """The fingerprint of the demo data last loaded, so ``load_demo`` runs again only when it changed."""

    fingerprint = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("demo content state")

    def __str__(self):
        return self.fingerprint[:12]


from content import ops_models  # noqa: E402, F401 - the editorial operations' models (link checks, counters)
