"""Template context every page needs: the languages, the text direction, the switcher's links."""
from django.utils import translation

from portal.languages import LANGUAGES, RTL_LANGUAGES


def site_languages(request):
    code = translation.get_language() or "en"
    return {
        "site_languages": LANGUAGES,
        "text_direction": "rtl" if code in RTL_LANGUAGES else "ltr",
    }
