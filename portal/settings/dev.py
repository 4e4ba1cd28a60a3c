"""The embedded default for `make run`: SQLite, local-memory cache, eager Celery unless told otherwise.

DEBUG stays off unless DJANGO_DEBUG=1, so the site a newcomer runs shows the real error pages in their
language, not Django's debug page. Static files are served by WhiteNoise straight from the finders.
"""
from .base import *  # noqa: F403

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
