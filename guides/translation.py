"""Translated fields (django-modeltranslation): task texts in en, sv, ar, so.

Agencies' names are not here: they come from the register (``content.Agency``, translated pages
of wagtail-localize's snippets), so a guide and a checklist item name an agency the same way.
"""

from modeltranslation.translator import TranslationOptions, register

from guides.models import Task


@register(Task)
class TaskTranslation(TranslationOptions):
    fields = ("title", "summary", "note")
    required_languages = ("en",)
