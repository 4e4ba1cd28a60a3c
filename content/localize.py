"""wagtail-localize glue: register an existing translated page with the segment translation machinery.

The demo loader (and any import of translations made elsewhere) writes translated pages directly;
``register_translation`` then records them the way wagtail-localize's own editor would have: a
TranslationSource for the source page, a Translation for the target locale, and a StringTranslation
for every segment, matched by its content path (StreamField blocks keep their ids across languages).
After that the segment editor shows the page as translated, PO export carries the translations and
"sync translated pages" keeps them in step.
"""
from collections import defaultdict

from django.utils import timezone
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


def _strings_by_path(instance):
    strings = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path].append(segment.string.data)
    return strings


def register_translation(source_page, translated_page) -> Translation:
    return register_translations_of(source_page, [translated_page])[0]


def register_translations_of(source_page, translated_pages) -> list[Translation]:
    """Register several translations of one source page (one TranslationSource, bulk string writes)."""
    source, _created = TranslationSource.update_or_create_from_instance(source_page)
    if source.last_updated_at < (getattr(source_page, "last_published_at", None) or source.last_updated_at):
        # Same text, published again with its translations: in sync as of now (the translation
        # status and alerts compare the source's publish time with this).
        source.last_updated_at = timezone.now()
        source.save(update_fields=["last_updated_at"])
    segments = list(StringSegment.objects.filter(source=source).select_related("context").order_by("order"))
    results = []
    for translated_page in translated_pages:
        translation, _ = Translation.objects.update_or_create(
            source=source, target_locale=translated_page.locale, defaults={"enabled": True}
        )
        targets = _strings_by_path(translated_page)
        wanted = {}
        seen = defaultdict(int)
        for segment in segments:
            path = segment.context.path
            index = seen[path]
            seen[path] += 1
            values = targets.get(path, [])
            if index < len(values) and values[index]:
                wanted[(segment.string_id, segment.context_id)] = values[index]
        existing = {
            (item.translation_of_id, item.context_id): item
            for item in StringTranslation.objects.filter(
                locale=translated_page.locale, context__in={segment.context_id for segment in segments}
            )
        }
        new, changed = [], []
        for (string_id, context_id), data in wanted.items():
            item = existing.get((string_id, context_id))
            if item is None:
                new.append(StringTranslation(
                    translation_of_id=string_id, locale=translated_page.locale, context_id=context_id, data=data,
                    translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                ))
            elif item.data != data:
                item.data = data
                changed.append(item)
        StringTranslation.objects.bulk_create(new)
        StringTranslation.objects.bulk_update(changed, ["data"])
        results.append(translation)
    return results
