"""Demo content: the four locales, the site, and a home page in each language.

Idempotent: pages are found by their place in the tree and updated, never duplicated.
"""
from django.conf import settings
from wagtail.models import Locale, Page, Site

from content.models import HomePage

HOME = {
    "en": {
        "title": "Moving to Sweden for work",
        "intro": "What you and your family need to do before you move, when you arrive and as you settle in.",
    },
    "sv": {
        "title": "Flytta till Sverige för att arbeta",
        "intro": "Det här behöver du och din familj göra innan ni flyttar, när ni kommer och när ni har bosatt er.",
    },
    "ar": {
        "title": "الانتقال إلى السويد من أجل العمل",
        "intro": "ما تحتاج أنت وعائلتك إلى القيام به قبل الانتقال، وعند الوصول، وأثناء الاستقرار.",
    },
    "so": {
        "title": "U guuritaanka Iswiidhan si aad uga shaqeyso",
        "intro": "Waxa adiga iyo qoyskaagu u baahan tihiin inaad sameysaan ka hor guuritaanka, marka aad timaadaan iyo marka aad degtaan.",
    },
}


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES}


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
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", port=80)
    site.root_page = home
    site.is_default_site = True
    site.site_name = "Landa"
    site.save()
    homes = {"en": home}
    for code, locale in locales.items():
        if code == "en":
            continue
        translated = home.get_translation_or_none(locale)
        if translated is None:
            translated = home.copy_for_translation(locale)
        translated = translated.specific
        changed = False
        for field, value in HOME[code].items():
            if getattr(translated, field) != value:
                setattr(translated, field, value)
                changed = True
        if changed or not translated.live:
            translated.save_revision().publish()
        homes[code] = translated
    return homes


def load_demo() -> str:
    locales = ensure_locales()
    homes = ensure_home(locales)
    return f"Demo content ready: {len(locales)} locales, home pages in {', '.join(sorted(homes))}."
