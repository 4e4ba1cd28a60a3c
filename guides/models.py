"""Checklist data editors change in the Wagtail admin: tasks and their rules; plus the rules
snapshots and the anonymous daily counter. A task's agency is one of the register of agencies
(``content.Agency``, the one list of authorities), always its English (source-locale) row; its guide
is a ``content.GuidePage`` in the source locale too (readers get the page's translation).

The database is the source of truth in production; ``load_tasks``/``export_tasks`` move it to and
from ``guides/data/tasks.yaml`` so a rule change is reviewed as a diff.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from guides import vocabulary

LANGUAGE_NAMES = (("en", "English"), ("sv", "Svenska"), ("ar", "العربية"), ("so", "Soomaali"))


def _translated_panels(*fields):
    """One group per language (django-modeltranslation's fields); Arabic inputs get dir="auto"."""
    panels = []
    for code, name in LANGUAGE_NAMES:
        attrs = {"dir": "auto"} if code == "ar" else {}
        group = []
        for field in fields:
            widget = (forms.Textarea if field in ("summary", "note") else forms.TextInput)(attrs=attrs)
            group.append(FieldPanel(f"{field}_{code}", widget=widget))
        panels.append(MultiFieldPanel(group, heading=name))
    return panels


def source_locale_agencies():
    """A task points at an agency's source-language row; its translations follow from the register."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


def _list_field(verbose):
    return models.JSONField(verbose, default=list, blank=True, help_text=_("A list of values; empty = any."))


class Task(ClusterableModel):
    """One thing to do in a move, with the rules that put it on a reader's list."""

    key = models.SlugField(_("key"), max_length=60, unique=True, help_text=_("Stable: links and ticks use it."))
    phase = models.CharField(_("phase"), max_length=10, choices=vocabulary.choices("phase"))
    order = models.PositiveIntegerField(_("editorial order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    agency = models.ForeignKey(
        "content.Agency",
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=source_locale_agencies,
    )
    guide = models.ForeignKey(
        "content.GuidePage",
        verbose_name=_("guide"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The guide in the source language (English); readers get its translation in their language."),
    )
    depends_on = ParentalManyToManyField(
        "self", verbose_name=_("depends on"), symmetrical=False, blank=True, related_name="dependants"
    )
    days_from_arrival = models.IntegerField(
        _("due, days from arrival"), null=True, blank=True, help_text=_("Negative: before arrival. Empty: no due date.")
    )
    note = models.TextField(
        _("note for the partner"),
        blank=True,
        help_text=_("Shown on the partner's items: what a partner in particular should know."),
    )
    due_kind = models.CharField(
        _("kind of due date"),
        max_length=6,
        choices=[("advice", _("advice: a date to aim for")), ("law", _("law: a limit set by law or the authority"))],
        default="advice",
    )
    duration_days = models.PositiveIntegerField(_("typical duration in days"), null=True, blank=True)
    duration_source = models.CharField(_("source of the duration"), max_length=300, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("phase"), FieldPanel("order")]),
        *_translated_panels("title", "summary", "note"),
        FieldRowPanel([FieldPanel("agency"), FieldPanel("guide")]),
        FieldPanel("depends_on"),
        FieldRowPanel([FieldPanel("days_from_arrival"), FieldPanel("due_kind")]),
        MultiFieldPanel([FieldPanel("duration_days"), FieldPanel("duration_source")], heading=_("Typical duration")),
        InlinePanel("rules", heading=_("Rules (the task applies when any rule matches)"), min_num=1),
    ]

    class Meta:
        verbose_name = _("checklist task")
        verbose_name_plural = _("checklist tasks")
        ordering = ["phase", "order", "key"]

    def __str__(self):
        return f"{self.key} – {self.title}"

    def clean(self):
        # Wagtail's page chooser offers every locale; the checklist finds translations from the source page.
        if self.guide is not None and self.guide.locale.language_code != settings.LANGUAGE_CODE:
            raise ValidationError({"guide": _("Choose the guide in the source language (English).")})


class Rule(models.Model):
    """An AND of conditions (each a list of allowed values, empty = any) and who does the task then."""

    task = ParentalKey(Task, related_name="rules", on_delete=models.CASCADE)
    persons = models.JSONField(_("for"), default=list, help_text=_("mover, partner, children, household"))
    statuses = _list_field(_("citizenships"))
    permits = _list_field(_("reasons for moving"))
    families = _list_field(_("family situations"))
    children = _list_field(_("children's age groups"))
    stays = _list_field(_("length of stay"))
    partners = _list_field(_("partner's citizenships"))
    sort_order = models.IntegerField(default=0, editable=False)

    panels = [
        FieldPanel("persons"),
        FieldRowPanel([FieldPanel("statuses"), FieldPanel("permits"), FieldPanel("families")]),
        FieldRowPanel([FieldPanel("children"), FieldPanel("stays"), FieldPanel("partners")]),
    ]

    #: model field → condition name in the engine and tasks.yaml
    CONDITION_FIELDS = {
        "statuses": "status",
        "permits": "permit",
        "families": "family",
        "children": "children",
        "stays": "stay",
        "partners": "partner",
    }

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("rule")

    def __str__(self):
        return f"{self.task_id}: {self.as_data()}"

    def clean(self):
        v = vocabulary
        allowed = {
            "persons": v.PERSONS,
            "statuses": v.STATUSES,
            "permits": v.PERMITS,
            "families": v.FAMILIES,
            "children": v.CHILDREN,
            "stays": v.STAYS,
            "partners": v.CITIZENSHIPS,
        }
        errors = {}
        for name, values in allowed.items():
            value = getattr(self, name)
            if not isinstance(value, list) or any(v not in values for v in value):
                errors[name] = _("Use a list of these values: %(values)s") % {"values": ", ".join(values)}
        if not self.persons:
            errors["persons"] = _("Name at least one person.")
        if errors:
            raise ValidationError(errors)

    def as_data(self) -> dict:
        data = {"for": list(self.persons)}
        for field, name in self.CONDITION_FIELDS.items():
            if getattr(self, field):
                data[name] = list(getattr(self, field))
        return data


class RulesSnapshot(models.Model):
    """The rule data of each rules_version ever served, so a shared link can say what changed."""

    version = models.CharField(max_length=12, unique=True)
    data = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("rules snapshot")

    def __str__(self):
        return self.version


class ChecklistCount(models.Model):
    """Checklists made per situation, language, region and day: anonymous (the answers without the
    arrival date or the municipality, the language, the region the municipality is in; no IP or cookie).
    Counted through ``content.counters`` (see guides/apps.py)."""

    day = models.DateField()
    situation = models.CharField(max_length=200)
    language = models.CharField(max_length=8, default="", blank=True)
    #: The region's two-digit code when a municipality was given, else empty. Never the municipality.
    region = models.CharField(max_length=2, default="", blank=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "situation", "language", "region"], name="guides_count_unique_day_situation_region"
            )
        ]
        verbose_name = _("checklist count")

    def __str__(self):
        return f"{self.day} {self.situation} {self.language}: {self.count}"
