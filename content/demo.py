"""Demo content: locales, site, agencies, the page trees in four languages, groups and the workflow.

Idempotent: pages and agencies are found by their place in the tree (or slug) and updated, never
duplicated. A fingerprint of the demo data is kept (``DemoContent``), so a second run with the same
data does nothing and keeps what editors changed since.

Translations are made the way an editor makes them: ``copy_for_translation`` of the English page,
then the translated fields, then publish; afterwards each translated page is registered with
wagtail-localize (a TranslationSource, a Translation and one StringTranslation per segment), so the
segment editor, PO export and the sync work on the demo content too.
"""
import datetime
import hashlib
import json
import uuid
from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import (
    Locale,
    Page,
    Site,
)

from content import demo_guides, demo_guides_more, demo_pages
from content.editorial import WORKFLOW_NAME, ensure_editorial_setup  # noqa: F401 (WORKFLOW_NAME re-exported)
from content.models import (
    Agency,
    DemoContent,
    GuidePage,
    HomePage,
    LifeEventIndexPage,
    LifeEventPage,
    PhasePage,
    StandardPage,
)

HOME = {code: {"title": title, "intro": intro} for code, (title, intro) in demo_pages.HOME_TEXT.items()}
PHASE_SLUGS = {phase["key"]: phase["slug"] for phase in demo_pages.PHASES}
BLOCK_NAMESPACE = uuid.UUID("5b0d3c1e-7a52-4f7e-9f3e-1d8a7c6b2a10")


def fingerprint() -> str:
    data = {
        "guides": demo_guides.GUIDES,
        "more": demo_guides_more.TRANSLATIONS,
        "pages": [demo_pages.PHASES, demo_pages.LIFE_EVENT_INDEX, demo_pages.LIFE_EVENTS, demo_pages.STANDARD],
        "agencies": demo_pages.AGENCIES,
        "home": demo_pages.HOME_TEXT,
        "version": 4,
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def block_id(*parts) -> str:
    return str(uuid.uuid5(BLOCK_NAMESPACE, ":".join(str(part) for part in parts)))


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES}


def publish(page):
    page.save_revision().publish()
    return page


def set_fields(page, fields):
    for name, value in fields.items():
        setattr(page, name, value)


def upsert_child(parent, model, slug, fields, relations=None):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, locale=parent.locale, **fields)
        set_fields(page, relations or {})
        parent.add_child(instance=page)
    else:
        set_fields(page, {**fields, **(relations or {})})
    return publish(page)


def upsert_translation(source, locale, fields, relations=None):
    translated = source.get_translation_or_none(locale)
    if translated is None:
        translated = source.copy_for_translation(locale)
    translated = translated.specific
    set_fields(translated, {**fields, **(relations or {})})
    return publish(translated)


def ensure_home(locales):
    root = Page.get_first_root_node()
    if root is None:  # an emptied database (e.g. after a transactional test's flush)
        root = Page.add_root(title="Root", slug="root", locale=locales["en"])
    # Wagtail's own "Welcome to your new Wagtail site!" page is not ours (it also holds the slug "home").
    for stray in Page.objects.child_of(root).not_type(HomePage):
        stray.delete()
    home = HomePage.objects.filter(locale=locales["en"]).first()
    if home is None:
        home = HomePage(slug="home", locale=locales["en"], **HOME["en"])
        root.add_child(instance=home)
    else:
        set_fields(home, HOME["en"])
    publish(home)
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", port=80)
    site.root_page = home
    site.is_default_site = True
    site.site_name = "Landa"
    site.save()
    homes = {"en": home}
    for code, locale in locales.items():
        if code != "en":
            homes[code] = upsert_translation(home, locale, HOME[code])
    return homes


# --- agencies and groups -------------------------------------------------------------------------

def agency_group_name(slug, data):
    return f"Agency: {data['short'] or data['en'][0]}"


def ensure_agencies(locales):
    agencies = {}
    for slug, data in demo_pages.AGENCIES.items():
        group, _ = Group.objects.get_or_create(name=agency_group_name(slug, data))
        eservices = [
            {"type": "link", "id": block_id("agency", slug, index), "value": {"label": label, "url": url, "needs_bankid": False}}
            for index, (label, url) in enumerate(data["eservices"])
        ]
        common = {
            "short_name": data["short"], "website": data["website"], "phone": data["phone"],
            "languages_served": data["languages"], "group": group, "slug": slug,
        }
        source = Agency.objects.filter(slug=slug, locale=locales["en"]).first()
        name, description = data["en"]
        if source is None:
            source = Agency(locale=locales["en"], name=name, description=description, eservices=eservices, **common)
        else:
            set_fields(source, {"name": name, "description": description, "eservices": eservices, **common})
        source.save()
        agencies[(slug, "en")] = source
        for code, locale in locales.items():
            if code == "en":
                continue
            translated = source.get_translation_or_none(locale)
            if translated is None:
                translated = source.copy_for_translation(locale)
            name, description = data[code]
            set_fields(translated, {"name": name, "description": description, "eservices": eservices, **common})
            translated.save()
            agencies[(slug, code)] = translated
    return agencies


# --- page trees ----------------------------------------------------------------------------------

def guide_body(guide, text, agencies, code):
    body = []
    for index, (heading, step_text) in enumerate(text.get("steps", [])):
        body.append({"type": "step", "id": block_id(guide["key"], "step", index), "value": {"heading": heading, "text": step_text}})
    if text.get("need"):
        body.append({"type": "what_you_need", "id": block_id(guide["key"], "need"), "value": {
            "items": [{"type": "item", "id": block_id(guide["key"], "need", i), "value": item} for i, item in enumerate(text["need"])]
        }})
    if text.get("warning"):
        body.append({"type": "warning", "id": block_id(guide["key"], "warning"), "value": {"text": text["warning"]}})
    if text.get("changes"):
        status, effective, change_text, source_title, source_url = text["changes"]
        body.append({"type": "changes_coming", "id": block_id(guide["key"], "changes"), "value": {
            "status": status, "effective_date": effective, "show_from": None, "text": change_text,
            "source_title": source_title, "source_url": source_url,
        }})
    if guide.get("eservice") and text.get("eservice_label"):
        body.append({"type": "eservice", "id": block_id(guide["key"], "eservice"), "value": {
            "label": text["eservice_label"], "url": guide["eservice"], "needs_bankid": False,
        }})
    if guide["agency"]:
        body.append({"type": "agency_contact", "id": block_id(guide["key"], "agency"), "value": {
            "agency": agencies[(guide["agency"], code)].pk, "note": "",
        }})
    return body


# The two reports every guide cites, with their titles in each language.
LOCALIZED_SOURCES = {
    "sv": {demo_guides.WIS: demo_guides.WIS_SV, demo_guides.MAPPING: demo_guides.MAPPING_SV},
    "ar": {demo_guides.WIS: demo_guides.WIS_AR, demo_guides.MAPPING: demo_guides.MAPPING_AR},
    "so": {demo_guides.WIS: demo_guides.WIS_SO, demo_guides.MAPPING: demo_guides.MAPPING_SO},
}


def guide_sources(guide, code="en"):
    """Source links; a report's title in the page's language where we have it (then marked so)."""
    blocks = []
    for index, source in enumerate(guide["sources"]):
        localized = LOCALIZED_SOURCES.get(code, {}).get(tuple(source[:2]))
        title, language = (localized[0], code) if localized else (source[0], "en")
        blocks.append({
            "type": "source", "id": block_id(guide["key"], "source", index),
            "value": {"title": title, "url": source[1], "publisher": source[2] if len(source) > 2 else "",
                      "language": language},
        })
    return blocks


def guide_fields(guide, text, agencies, code):
    time_source = guide.get("time_source")
    if time_source and code in LOCALIZED_SOURCES:
        time_source = LOCALIZED_SOURCES[code].get(time_source, time_source)
    fields = {
        "title": text["title"],
        "summary": text["summary"],
        "who_for": text.get("who", ""),
        "situation_tags": guide["tags"],
        "body": guide_body(guide, text, agencies, code),
        "sources": guide_sources(guide, code),
        "agency": agencies[(guide["agency"], code)] if guide["agency"] else None,
        "processing_time": text.get("time", ""),
        "processing_time_source": time_source[0] if (time_source and text.get("time")) else "",
        "processing_time_source_url": time_source[1] if (time_source and text.get("time")) else "",
        "last_reviewed": datetime.date.fromisoformat(demo_guides.REVIEWED),
        "review_by": datetime.date.fromisoformat(demo_guides.REVIEW_BY),
        "editor_note": guide.get("editor_note", ""),
        "search_description": text["summary"],
    }
    if code != "en":
        fields["translation_reviewed"] = False
    return fields


def ensure_trees(homes, locales, agencies):
    home = homes["en"]
    phases = {}
    for phase in demo_pages.PHASES:
        title, intro = phase["en"]
        page = upsert_child(home, PhasePage, phase["slug"], {"title": title, "intro": intro})
        phases[phase["key"]] = page
        for code, locale in locales.items():
            if code != "en":
                title, intro = phase[code]
                upsert_translation(page, locale, {"title": title, "intro": intro, "translation_reviewed": False})

    title, intro = demo_pages.LIFE_EVENT_INDEX["en"]
    index = upsert_child(home, LifeEventIndexPage, demo_pages.LIFE_EVENT_INDEX["slug"], {"title": title, "intro": intro})
    for code, locale in locales.items():
        if code != "en":
            title, intro = demo_pages.LIFE_EVENT_INDEX[code]
            upsert_translation(index, locale, {"title": title, "intro": intro, "translation_reviewed": False})
    events = {}
    for event in demo_pages.LIFE_EVENTS:
        title, intro = event["en"]
        page = upsert_child(index, LifeEventPage, event["slug"], {"title": title, "intro": intro})
        events[event["slug"]] = page
        for code, locale in locales.items():
            if code != "en" and code in event:
                title, intro = event[code]
                upsert_translation(page, locale, {"title": title, "intro": intro, "translation_reviewed": False})

    for standard in demo_pages.STANDARD:
        title, intro, sections = standard["en"]
        page = upsert_child(home, StandardPage, standard["slug"], standard_fields(standard, "en"))
        for code, locale in locales.items():
            if code != "en":
                upsert_translation(page, locale, {**standard_fields(standard, code), "translation_reviewed": False})

    # Next steps point at guides, so every English guide exists before the links are set; each page is
    # otherwise published once per load.
    existing = {page.slug: page for page in GuidePage.objects.filter(locale=locales["en"])}
    guides = {}
    for guide in demo_guides.GUIDES:
        if guide["key"] not in existing:
            existing[guide["key"]] = upsert_child(
                phases[guide["phase"]], GuidePage, guide["key"], guide_fields(guide, guide["en"], agencies, "en")
            )
    for guide in demo_guides.GUIDES:
        relations = {
            "life_events": [events[slug] for slug in guide["events"]],
            "next_steps": [existing[key] for key in guide["next"]],
        }
        fields = guide_fields(guide, guide["en"], agencies, "en")
        page = upsert_child(phases[guide["phase"]], GuidePage, guide["key"], fields, relations)
        guides[guide["key"]] = page
        texts = {"sv": guide["sv"], **demo_guides_more.TRANSLATIONS.get(guide["key"], {})}
        for code, text in texts.items():
            upsert_translation(page, locales[code], guide_fields(guide, text, agencies, code), relations)
    return {"phases": phases, "events": events, "guides": guides}


def standard_fields(standard, code):
    title, intro, sections = standard[code]
    body = []
    for index, (heading, html) in enumerate(sections):
        body.append({"type": "heading", "id": block_id(standard["slug"], "heading", index), "value": heading})
        body.append({"type": "paragraph", "id": block_id(standard["slug"], "paragraph", index), "value": html})
    return {"title": title, "intro": intro, "body": body, "footer_role": standard["role"]}


def register_translations(trees):
    """Tell wagtail-localize about the demo translations, segment by segment."""
    from content.localize import register_translations_of

    count = 0
    pages = [*trees["phases"].values(), *trees["events"].values(), *trees["guides"].values()]
    for source in pages:
        translations = [page.specific for page in
                        Page.objects.filter(translation_key=source.translation_key).exclude(pk=source.pk)]
        register_translations_of(source.specific, translations)
        count += len(translations)
    return count


@contextmanager
def deferred_indexing():
    """Index each page once at the end, not on each of its several saves while the demo loads.

    The search index and Wagtail's reference index are updated by signals on every save; loading the
    demo saves each page three or four times (create, revision, publish, translation). With a
    database a network hop away that dominated the load time.
    """
    from django.db.models.signals import post_save
    from modelsearch import index
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.models import ReferenceIndex
    from wagtail.search.backends import get_search_backends
    from wagtail.signal_handlers import disable_reference_index_auto_update

    models = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
    ours = [HomePage, PhasePage, GuidePage, LifeEventIndexPage, LifeEventPage, StandardPage, Agency]
    for model in ours:
        objects = list(model.get_indexed_objects())
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, objects)
        for instance in objects:
            ReferenceIndex.create_or_update_for_object(instance)


def load_demo(force: bool = False, register_with_localize: bool = True) -> str:
    """Load (or bring up to date) the demo content; a no-op when its data has not changed.

    ``register_with_localize=False`` skips recording the translations with wagtail-localize (used by
    browser tests, which only read pages and would otherwise spend most of their time here).
    """
    with transaction.atomic():
        locales = ensure_locales()
        wanted = fingerprint()
        state = DemoContent.objects.filter(pk=1).first()
        if not force and state is not None and state.fingerprint == wanted and HomePage.objects.exists():
            return "Demo content is up to date; nothing changed."
        with deferred_indexing():
            homes = ensure_home(locales)
            agencies = ensure_agencies(locales)
            trees = ensure_trees(homes, locales, agencies)
            ensure_editorial_setup(homes)
        registered = register_translations(trees) if register_with_localize else 0
        DemoContent.objects.update_or_create(pk=1, defaults={"fingerprint": wanted})
    guides = GuidePage.objects.filter(locale=locales["en"]).count()
    per_language = {code: GuidePage.objects.filter(locale=locale).count() for code, locale in locales.items()}
    return (
        f"Demo content ready: {len(locales)} locales, {guides} guides "
        f"({', '.join(f'{code} {count}' for code, count in per_language.items())}), "
        f"{len(agencies) // len(locales)} agencies, {registered} translations registered with wagtail-localize."
    )
