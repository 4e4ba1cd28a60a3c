"""wagtail-localize glue: register an existing translated page with the segment translation machinery.

The demo loader (and any import of translations made elsewhere) writes translated pages directly;
``register_translation`` then records them the way wagtail-localize's own editor would have: a
TranslationSource for the source page, a Translation for the target locale, and a StringTranslation
for every segment, matched by its content path (StreamField blocks keep their ids across languages).
After that the segment editor shows the page as translated, PO export carries the translations and
"sync translated pages" keeps them in step.
"""
from collections import defaultdict

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
    source, _ = TranslationSource.update_or_create_from_instance(source_page)
    translation, _ = Translation.objects.update_or_create(
        source=source, target_locale=translated_page.locale, defaults={"enabled": True}
    )
    targets = _strings_by_path(translated_page)
    seen = defaultdict(int)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order")
    for segment in segments:
        path = segment.context.path
        index = seen[path]
        seen[path] += 1
        values = targets.get(path, [])
        if index >= len(values) or not values[index]:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translated_page.locale,
            context=segment.context,
            defaults={"data": values[index], "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    return translation
