"""The four languages of the site, and Somali taught to Django.

Django ships no Somali locale data, so ``check_for_language("so")`` and ``get_language_info("so")``
fail until ``so`` is in ``LANG_INFO`` and a ``locale/so`` catalogue exists (both done here and in
``locale/so``).
"""
from django.conf.locale import LANG_INFO

LANGUAGES = [
    ("en", "English"),
    ("sv", "Svenska"),
    ("ar", "العربية"),
    ("so", "Soomaali"),
]
LANGUAGE_CODES = [code for code, _ in LANGUAGES]
RTL_LANGUAGES = {"ar"}

LANG_INFO.setdefault(
    "so",
    {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
)
