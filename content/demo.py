"""The portal's starting content, loaded from content/data: locales, site, agencies, page trees, groups.

Python holds only the loader; every text, date, source and owner comes from the data files
(``content.datafiles``). Idempotent: pages and agencies are found by their place in the tree (or
slug) and updated, never duplicated. A fingerprint of the data files is kept (``DemoContent``), so a
second run with the same files does nothing and keeps what editors changed since.

Translations are made the way wagtail-localize makes them: the English page is the source,
``copy_for_translation`` gives the page in the target locale, the translated fields are set and
published, and the translation is recorded with wagtail-localize (a TranslationSource, a Translation
and one StringTranslation per segment, ``content.localize``), so the segment editor, PO export and
"sync translated pages" treat it as a translation of its source page. A language missing from a
file gets no page: readers get the English page with the fallback notice.
"""
import datetime
import json
import uuid
from contextlib import contextmanager
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site

from content import datafiles
from content.blocks.step import text_to_html
from content.editorial import WORKFLOW_NAME, ensure_editorial_setup  # noqa: F401 (WORKFLOW_NAME re-exported)
from content.models import (
    Agency,
    DemoContent,
    GuidePage,
    HomePage,
    LifeEventIndexPage,
    LifeEventPage,
    LocalGuidePage,
    MunicipalityPage,
    PhasePage,
    PlaceIndexPage,
    RegionPage,
    StandardPage,
)

BLOCK_NAMESPACE = uuid.UUID("5b0d3c1e-7a52-4f7e-9f3e-1d8a7c6b2a10")
SOURCE_LANGUAGE = "en"


def block_id(*parts) -> str:
    """Stable block ids: the same block has the same id in every language (wagtail-localize matches them)."""
    return str(uuid.uuid5(BLOCK_NAMESPACE, ":".join(str(part) for part in parts)))


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES}


def translations_in(item: dict, locales: dict):
    """(code, locale, text) for each non-source language the data gives a text in."""
    for code, locale in locales.items():
        if code != SOURCE_LANGUAGE and item.get(code):
            yield code, locale, item[code]


def publish(page):
    page.save_revision().publish()
    page.changed_by_load = True  # its translations are recorded again (register_translations)
    return page


def set_fields(page, fields):
    for name, value in fields.items():
        setattr(page, name, value)


def update(page, fields):
    """Set ``fields`` on a page that exists and publish it, unless it is live with exactly these already.

    Loading the same files again then publishes nothing: no revision an editor has to look past, no purge
    of the caches, no alert to translators. A page whose file changed, or that an editor changed since
    (a draft, or a published edit), is published with what its file says.
    """
    before = comparable(page)
    set_fields(page, fields)
    if page.live and not page.has_unpublished_changes and comparable(page) == before:
        return page
    return publish(page)


def comparable(page) -> dict:
    """The page's data as a revision stores it, many-to-many relations as sets (they have no order)."""
    data = unordered_streams(page, page.serializable_data())
    for field in page._meta.many_to_many:
        if isinstance(data.get(field.name), list):
            data[field.name] = set(data[field.name])
    return data


def unordered_streams(row, data: dict) -> dict:
    """StreamFields as data rather than JSON text: PostgreSQL's jsonb gives a block's keys in its own order."""
    for field in row._meta.concrete_fields:
        if isinstance(field, StreamField) and isinstance(data.get(field.attname), str):
            data[field.attname] = json.loads(data[field.attname])
    return data


def upsert_child(parent, model, slug, fields, relations=None):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, locale=parent.locale, **fields)
        set_fields(page, relations or {})
        parent.add_child(instance=page)
        return publish(page)
    return update(page, {**fields, **(relations or {})})


def upsert_translation(source, locale, fields, relations=None):
    translated = source.get_translation_or_none(locale)
    if translated is None:
        translated = source.copy_for_translation(locale).specific
        set_fields(translated, {**fields, **(relations or {})})
        return publish(translated)
    return update(translated.specific, {**fields, **(relations or {})})


# --- the site ------------------------------------------------------------------------------------

def site_address(base_url: str) -> tuple[str, int]:
    """Hostname and port of ``LANDA_BASE_URL`` (Wagtail's Site builds page URLs from them)."""
    parts = urlsplit(base_url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname or "localhost", port


def ensure_site(home=None) -> Site:
    """The default Site follows ``LANDA_BASE_URL``, so the API's ``html_url`` is where the site is served."""
    hostname, port = site_address(settings.LANDA_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        if home is None:
            return None
        site = Site(is_default_site=True, site_name="Landa")
    Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).delete()
    site.hostname, site.port = hostname, port
    if home is not None:
        site.root_page, site.site_name = home, "Landa"
    site.save()
    return site


def ensure_home(data, locales):
    root = Page.get_first_root_node()
    if root is None:  # an emptied database (e.g. after a transactional test's flush)
        root = Page.add_root(title="Root", slug="root", locale=locales[SOURCE_LANGUAGE])
    # Wagtail's own "Welcome to your new Wagtail site!" page is not ours (it also holds the slug "home").
    for stray in Page.objects.child_of(root).not_type(HomePage):
        stray.delete()
    texts = data.home
    home = HomePage.objects.filter(locale=locales[SOURCE_LANGUAGE]).first()
    if home is None:
        home = HomePage(slug="home", locale=locales[SOURCE_LANGUAGE], **intro_fields(texts["en"]))
        root.add_child(instance=home)
        publish(home)
    else:
        update(home, intro_fields(texts["en"]))
    ensure_site(home)
    homes = {SOURCE_LANGUAGE: home}
    for code, locale, text in translations_in(texts, locales):
        homes[code] = upsert_translation(home, locale, intro_fields(text, code))
    return homes


def intro_fields(text, code=SOURCE_LANGUAGE):
    fields = {"title": text["title"], "intro": text["intro"]}
    if code != SOURCE_LANGUAGE:
        fields["translation_reviewed"] = datafiles.reviewed(text, code)
    return fields


# --- agencies ------------------------------------------------------------------------------------

def agency_group_name(agency: dict) -> str:
    return f"Agency: {agency['short_name'] or agency['en']['name']}"


def agency_eservices(agency: dict, code: str) -> list:
    return [
        {"type": "link", "id": block_id("agency", agency["key"], index), "value": {
            "label": datafiles.title_in(service["label"], code)[0], "url": service["url"], "needs_bankid": False,
        }}
        for index, service in enumerate(agency.get("eservices") or [])
    ]


def ensure_agencies(data, locales):
    """The one register of agencies: an English row per key, and its translations (same slug)."""
    agencies = {}
    for item in data.agencies:
        key = item["key"]
        group, _ = Group.objects.get_or_create(name=agency_group_name(item))
        common = {
            "short_name": item.get("short_name") or "", "website": item.get("website") or "",
            "phone": item.get("phone") or "", "languages_served": item.get("languages") or [],
            "group": group, "slug": key, "kind": item.get("kind") or "agency",
            "place_code": str(item.get("place") or ""),
        }
        source = Agency.objects.filter(slug=key, locale=locales[SOURCE_LANGUAGE]).first()
        fields = {"name": item["en"]["name"], "description": item["en"].get("description", ""),
                  "eservices": agency_eservices(item, "en"), **common}
        source = save_changed(source or Agency(locale=locales[SOURCE_LANGUAGE]), fields)
        agencies[(key, SOURCE_LANGUAGE)] = source
        for code, locale, text in translations_in(item, locales):
            translated = source.get_translation_or_none(locale) or source.copy_for_translation(locale)
            agencies[(key, code)] = save_changed(translated, {
                "name": text["name"], "description": text.get("description", ""),
                "eservices": agency_eservices(item, code), **common,
            })
    return agencies


def save_changed(row, fields):
    """Save a register row that is new or that ``fields`` change (each save of an agency purges the site)."""
    before = row_values(row) if row.pk else None
    set_fields(row, fields)
    if before is None or row_values(row) != before:
        row.save()
        row.changed_by_load = True
    return row


def row_values(row) -> dict:
    return unordered_streams(row, {field.attname: field.value_to_string(row) for field in row._meta.concrete_fields})


def agency_in(agencies, key, code):
    """The owner's row in the page's language (its English row where the register has no translation)."""
    if not key:
        return None
    return agencies.get((key, code)) or agencies[(key, SOURCE_LANGUAGE)]


# --- guides --------------------------------------------------------------------------------------

def step_value(step: dict) -> dict:
    """A step block's value from a data file's step (the one place that knows a step's shape)."""
    return {"heading": step["heading"], "text": text_to_html(step["text"])}


def changes_value(change: dict) -> dict:
    source = change.get("source") or {}
    effective, show_from = change.get("effective_date"), change.get("show_from")
    return {
        "status": change.get("status", "proposed"),
        "effective_date": datetime.date.fromisoformat(str(effective)) if effective else None,
        "show_from": datetime.date.fromisoformat(str(show_from)) if show_from else None,
        "text": change["text"],
        "source_title": source.get("title", ""),
        "source_url": source.get("url", ""),
    }


def guide_body(guide, text, agencies, code):
    key = guide["key"]
    body = [
        {"type": "step", "id": block_id(key, "step", index), "value": step_value(step)}
        for index, step in enumerate(text.get("steps") or [])
    ]
    if text.get("need"):
        items = [{"type": "item", "id": block_id(key, "need", i), "value": item} for i, item in enumerate(text["need"])]
        body.append({"type": "what_you_need", "id": block_id(key, "need"), "value": {"items": items}})
    if text.get("warning"):
        body.append({"type": "warning", "id": block_id(key, "warning"), "value": {"text": text["warning"]}})
    for index, change in enumerate(datafiles.changes_list(text)):
        # The first block keeps the id it had when a guide could hold only one.
        parts = (key, "changes") if index == 0 else (key, "changes", index)
        body.append({"type": "changes_coming", "id": block_id(*parts), "value": changes_value(change)})
    if guide.get("eservice_url") and text.get("eservice_label"):
        body.append({"type": "eservice", "id": block_id(key, "eservice"), "value": {
            "label": text["eservice_label"], "url": guide["eservice_url"], "needs_bankid": False,
        }})
    if guide.get("owner"):
        body.append({"type": "agency_contact", "id": block_id(key, "agency"), "value": {
            "agency": agency_in(agencies, guide["owner"], code).pk, "note": "",
        }})
    return body


def guide_sources(guide, code):
    """Source links, each title in the page's language where the file has it (else English, marked so)."""
    blocks = []
    for index, source in enumerate(guide.get("sources") or []):
        title, language = datafiles.title_in(source["title"], code)
        blocks.append({
            "type": "source", "id": block_id(guide.get("key") or guide["slug"], "source", index),
            "value": {"title": title, "url": source["url"], "publisher": source.get("publisher") or "",
                      "language": language},
        })
    return blocks


def review_fields(item, text, code):
    """What every owned page takes from its file the same way: sources, review dates, review flag."""
    fields = {
        "sources": guide_sources(item, code),
        "last_reviewed": datetime.date.fromisoformat(str(item["last_reviewed"])),
        "review_by": datetime.date.fromisoformat(str(item["review_by"])),
        "search_description": text["summary"],
    }
    if code != SOURCE_LANGUAGE:
        fields["translation_reviewed"] = datafiles.reviewed(text, code)
    return fields


def guide_fields(guide, text, agencies, code):
    time_source = guide.get("processing_time_source") if text.get("time") else None
    fields = {
        "title": text["title"],
        "summary": text["summary"],
        "who_for": text.get("who", ""),
        "situation_tags": guide.get("situation_tags") or [],
        "body": guide_body(guide, text, agencies, code),
        "agency": agency_in(agencies, guide.get("owner"), code),
        "processing_time": text.get("time", ""),
        "processing_time_source": datafiles.title_in(time_source["title"], code)[0] if time_source else "",
        "processing_time_source_url": time_source["url"] if time_source else "",
        "editor_note": guide.get("editor_note", ""),
        **review_fields(guide, text, code),
    }
    return fields


# --- page trees ----------------------------------------------------------------------------------

def standard_fields(page, text, code=SOURCE_LANGUAGE):
    body = []
    for index, section in enumerate(text.get("sections") or []):
        body.append({"type": "heading", "id": block_id(page["slug"], "heading", index), "value": section["heading"]})
        body.append({"type": "paragraph", "id": block_id(page["slug"], "paragraph", index), "value": section["html"]})
    return {**intro_fields(text, code), "body": body, "footer_role": page.get("role", "")}


def upsert_intro_page(parent, model, item, locales):
    """A phase, life event or index page and its translations; returns (source, [translations])."""
    page = upsert_child(parent, model, item["slug"], intro_fields(item["en"]))
    translated = [upsert_translation(page, locale, intro_fields(text, code))
                  for code, locale, text in translations_in(item, locales)]
    return page, translated


def ensure_trees(data, homes, locales, agencies):
    """Every page under the English home and its translations; returns {source page: [translations]}."""
    home = homes[SOURCE_LANGUAGE]
    made = {home: [page for code, page in homes.items() if code != SOURCE_LANGUAGE]}
    phases = {}
    for phase in data.phases:
        page, made[page] = upsert_intro_page(home, PhasePage, phase, locales)
        phases[phase["key"]] = page
    index, made[index] = upsert_intro_page(home, LifeEventIndexPage, data.life_event_index, locales)
    events = {}
    for event in data.life_events:
        page, made[page] = upsert_intro_page(index, LifeEventPage, event, locales)
        events[event["slug"]] = page
    for standard in data.standard_pages:
        page = upsert_child(home, StandardPage, standard["slug"], standard_fields(standard, standard["en"]))
        made[page] = [upsert_translation(page, locale, standard_fields(standard, text, code))
                      for code, locale, text in translations_in(standard, locales)]

    # Next steps point at guides, so every English guide exists before the links are set; each page is
    # otherwise published once per load.
    existing = {page.slug: page for page in GuidePage.objects.filter(locale=locales[SOURCE_LANGUAGE])}
    for guide in data.guides:
        if guide["key"] not in existing:
            existing[guide["key"]] = upsert_child(
                phases[guide["phase"]], GuidePage, guide["key"], guide_fields(guide, guide["en"], agencies, "en")
            )
    for guide in data.guides:
        relations = {
            "life_events": [events[slug] for slug in guide.get("life_events") or []],
            "next_steps": [existing[key] for key in guide.get("next_steps") or []],
        }
        page = upsert_child(phases[guide["phase"]], GuidePage, guide["key"],
                            guide_fields(guide, guide["en"], agencies, "en"), relations)
        made[page] = [upsert_translation(page, locale, guide_fields(guide, text, agencies, code), relations)
                      for code, locale, text in translations_in(guide, locales)]
    for key, phase in phases.items():
        keep_in_order(phase, [existing[g["key"]] for g in data.guides if g["phase"] == key])
    return made


# --- the local layer ------------------------------------------------------------------------------

def place_fields(place, text, agencies, code):
    services = [
        {"type": "service", "id": block_id(place["slug"], "service", index),
         "value": {"heading": service["heading"], "text": service["text"], "url": service.get("url") or ""}}
        for index, service in enumerate(text.get("services") or [])
    ]
    return {"title": text["title"], "intro": text["summary"], "services": services,
            "agency": agency_in(agencies, place["owner"], code), **review_fields(place, text, code)}


def local_guide_fields(guide, text, agencies, code):
    return {
        "title": text["title"], "summary": text["summary"], "who_for": text.get("who", ""),
        "body": guide_body(guide, text, agencies, code), "task_keys": list(guide["tasks"]),
        "agency": agency_in(agencies, guide["owner"], code), **review_fields(guide, text, code),
    }


def local_slug(guide) -> str:
    """``goteborg-preschool`` under Göteborg's page is ``preschool`` (the place is in the path already)."""
    prefix = f"{guide['owner']}-"
    return guide["key"][len(prefix):] if guide["key"].startswith(prefix) else guide["key"]


def ensure_places(data, home, locales, agencies):
    """"Where you live": a region's or municipality's page per file in places/, its local guides below it."""
    made = {}
    if not data.place_index:
        return made
    index, made[index] = upsert_intro_page(home, PlaceIndexPage, data.place_index, locales)
    pages = {}
    for place in data.places:  # regions first: a municipality's page stands under its region's
        code = str(place["place"])
        model, parent = (RegionPage, index) if len(code) == 2 else (MunicipalityPage, pages.get(code[:2]))
        page = upsert_child(parent, model, place["slug"], place_fields(place, place["en"], agencies, "en"))
        made[page] = [upsert_translation(page, locale, place_fields(place, text, agencies, code_))
                      for code_, locale, text in translations_in(place, locales)]
        pages[code] = page
    for guide in data.local_guides:
        page = upsert_child(pages[str(guide["place"])], LocalGuidePage, local_slug(guide),
                            local_guide_fields(guide, guide["en"], agencies, "en"))
        made[page] = [upsert_translation(page, locale, local_guide_fields(guide, text, agencies, code))
                      for code, locale, text in translations_in(guide, locales)]
    return made


def keep_in_order(parent, pages):
    """Put ``parent``'s listed children in the data's reading order (a guide added later lands last)."""
    wanted = [page.pk for page in pages]
    current = [pk for pk in parent.get_children().order_by("path").values_list("pk", flat=True) if pk in set(wanted)]
    if current == wanted:
        return
    for page in pages:
        Page.objects.get(pk=page.pk).move(parent, pos="last-child")


def register_translations(made, agencies) -> int:
    """Record the translated pages and agencies with wagtail-localize, segment by segment: those this load
    published or saved (a source or one of its translations), and any never recorded before."""
    from wagtail_localize.models import TranslationSource

    from content.localize import register_translations_of

    recorded = set(TranslationSource.objects.values_list("object_id", flat=True))

    def due(source, translations) -> bool:
        changed = any(getattr(row, "changed_by_load", False) for row in [source, *translations])
        return changed or source.translation_key not in recorded

    count = 0
    for source, translations in made.items():
        if translations and due(source, translations):
            register_translations_of(source.specific, [page.specific for page in translations])
            count += len(translations)
    for (key, code), source in agencies.items():
        if code == SOURCE_LANGUAGE:
            translated = [row for (other, lang), row in agencies.items() if other == key and lang != code]
            if due(source, translated):
                register_translations_of(source, translated)
                count += len(translated)
    return count


@contextmanager
def deferred_indexing():
    """Index each page once at the end, not on each of its several saves while the content loads.

    The search index and Wagtail's reference index are updated by signals on every save; loading the
    content saves each page three or four times (create, revision, publish, translation). With a
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
    ours = [HomePage, PhasePage, GuidePage, LifeEventIndexPage, LifeEventPage, StandardPage, PlaceIndexPage,
            RegionPage, MunicipalityPage, LocalGuidePage, Agency]
    for model in ours:
        objects = list(model.get_indexed_objects())
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, objects)
        for instance in objects:
            ReferenceIndex.create_or_update_for_object(instance)


def load_demo(force: bool = False, register_with_localize: bool = True) -> str:
    """Load (or bring up to date) the content of content/data; a no-op when the files have not changed.

    ``register_with_localize=False`` skips recording the translations with wagtail-localize (used by
    browser tests, which only read pages and would otherwise spend much of their time there).
    """
    with transaction.atomic():
        locales = ensure_locales()
        wanted = datafiles.fingerprint()
        state = DemoContent.objects.filter(pk=1).first()
        if not force and state is not None and state.fingerprint == wanted and HomePage.objects.exists():
            ensure_site()  # the base URL may have changed while the content did not
            return "Demo content is up to date; nothing changed."
        data = datafiles.read()
        with deferred_indexing():
            homes = ensure_home(data, locales)
            agencies = ensure_agencies(data, locales)
            made = ensure_trees(data, homes, locales, agencies)
            made.update(ensure_places(data, homes[SOURCE_LANGUAGE], locales, agencies))
            ensure_editorial_setup(homes)
        registered = register_translations(made, agencies) if register_with_localize else 0
        DemoContent.objects.update_or_create(pk=1, defaults={"fingerprint": data.fingerprint})
    per_language = {code: GuidePage.objects.filter(locale=locale).count() for code, locale in locales.items()}
    return (
        f"Demo content ready: {len(locales)} locales, {per_language[SOURCE_LANGUAGE]} guides "
        f"({', '.join(f'{code} {count}' for code, count in per_language.items())}), "
        f"{len(data.agencies)} agencies, {registered} translations registered with wagtail-localize."
    )
