"""Translated fields (django-modeltranslation): task texts and agency names in en, sv, ar, so."""

from modeltranslation.translator import TranslationOptions, register

from guides.models import Agency, Task


@register(Task)
class TaskTranslation(TranslationOptions):
    fields = ("title", "summary", "note")
    required_languages = ("en",)


@register(Agency)
class AgencyTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)
