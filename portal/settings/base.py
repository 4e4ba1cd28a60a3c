"""Settings shared by every environment. Everything that varies comes from environment variables.

With no variables set this is the embedded default: SQLite, a local-memory cache and Celery tasks
run eagerly. ``DATABASE_URL``, ``REDIS_URL`` and ``CELERY_BROKER_URL`` switch to PostgreSQL, Redis
and a real worker; nothing else changes.
"""
import os
from pathlib import Path

import dj_database_url

from portal.languages import LANGUAGES as SITE_LANGUAGES

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "insecure-embedded-default-key-change-me-in-production")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "modeltranslation",  # must come before the apps whose models it patches
    "portal",
    "content",
    "guides",
    "firms",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files served from here, not a CDN
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files: precompressed (gzip, Brotli) by collectstatic
    # Pages compressed for browsers that ask (a 40 KB checklist sends about 8 KB): outside the ETag
    # and the page cache, which keep the plain body. Django adds random padding against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    # HTTP caching (portal/caching.py): ETag and 304, the origin page cache, then the policy that
    # decides public or private once every inner layer (session, CSRF, locale) has had its say.
    "django.middleware.http.ConditionalGetMiddleware",
    "content.counters.CountMiddleware",  # counts marked responses, from the view or the page cache
    "portal.caching.PageCacheMiddleware",
    "portal.caching.CachePolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.bidi.BidiIsolationMiddleware",  # after CommonMiddleware, which then sets Content-Length
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "content.permissions.OwnershipMessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]
# Ahead of everything: /healthz before host validation (portal/probe.py), then control characters in
# the address answered 400 before any view or query (portal/hostile.py).
# The admins' own Content-Security-Policy (portal/admincsp.py) is added on the way out.
MIDDLEWARE = [
    "portal.probe.HealthProbeMiddleware",
    "portal.hostile.RejectControlCharactersMiddleware",
    "portal.admincsp.AdminContentSecurityPolicyMiddleware",
    *MIDDLEWARE,
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.site_languages",
                "content.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_SOCKET_CONNECT_TIMEOUT = float(os.environ.get("REDIS_SOCKET_CONNECT_TIMEOUT", "0.25"))
REDIS_SOCKET_TIMEOUT = float(os.environ.get("REDIS_SOCKET_TIMEOUT", "0.5"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "landa",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # A dead Redis must never take the public site down: reads miss, writes are dropped.
                "IGNORE_EXCEPTIONS": True,
                # Short: a hung Redis must not hold each request for long (portal/cachestate.py).
                "SOCKET_CONNECT_TIMEOUT": REDIS_SOCKET_CONNECT_TIMEOUT,
                "SOCKET_TIMEOUT": REDIS_SOCKET_TIMEOUT,
            },
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "landa"}}

# HTTP caching (portal/caching.py): how long Varnish or a CDN may keep a public page (publishing
# purges it sooner) and how long it may serve a stale copy while it fetches a fresh one. The origin
# page cache keeps pages as long, in the cache above.
CACHE_S_MAXAGE = int(os.environ.get("CACHE_S_MAXAGE", "300"))
CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("CACHE_STALE_WHILE_REVALIDATE", "60"))
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
# The caching proxy in front (Varnish in docker-compose): purged through Wagtail's frontend cache.
VARNISH_URL = os.environ.get("VARNISH_URL", "")
if VARNISH_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": VARNISH_URL},
    }

# Celery: a real broker when CELERY_BROKER_URL is set, otherwise tasks run in-process.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TIMEZONE = "Europe/Stockholm"
CELERY_BEAT_SCHEDULE: dict = {}

# django-axes checks every login (the firms' workspace and the Wagtail admin) for brute force.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: URLs are prefixed (/en/, /sv/, /ar/, /so/); "/" redirects by cookie, then Accept-Language.
LANGUAGE_CODE = "en"
LANGUAGES = SITE_LANGUAGES
WAGTAIL_CONTENT_LANGUAGES = SITE_LANGUAGES
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _ in SITE_LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.formats"]  # Somali date formats (Django has none); month names: locale/so
LANGUAGE_COOKIE_NAME = "landa_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = "Landa"
WAGTAIL_I18N_ENABLED = True
# Where the site is served: the default Site record (page URLs, the API's html_url), links in e-mails
# and absolute URLs outside a request all follow it. WAGTAILADMIN_BASE_URL is still read, for old setups.
LANDA_BASE_URL = (
    os.environ.get("LANDA_BASE_URL") or os.environ.get("WAGTAILADMIN_BASE_URL") or "http://127.0.0.1:8000"
).rstrip("/")
WAGTAILADMIN_BASE_URL = LANDA_BASE_URL
# "Translate this page" makes a draft: a translation goes live through the review workflow, never at once.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party requests, from the admin either
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILAPI_LIMIT_MAX = 100

# Security headers. The admin needs inline scripts, so it is outside the strict policy.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
PERMISSIONS_POLICY = {
    "camera": [],
    "geolocation": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Relocation firms (firms/): login throttling, rate limits, link lifetimes and retention.
LOGIN_URL = "firms:login"
# Sessions (workspace and admin) end after a working day, and when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(10 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
# Per (user name, client address), and per address alone at a higher threshold (portal/lockout.py).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_IP_FAILURE_LIMIT = int(os.environ.get("AXES_IP_FAILURE_LIMIT", "50"))
AXES_HANDLER = "portal.lockout.PairAndAddressHandler"
AXES_CLIENT_IP_CALLABLE = "portal.clientip.client_ip"
# Attempts during a lockout do not start the cool-off again (a locked user can wait it out).
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "firms.views.auth.locked_out"
AXES_VERBOSE = False
# Proxies in front of gunicorn (TLS terminator, Varnish) whose X-Forwarded-For entries are trusted:
# 0 in the embedded default, 2 in the compose deployment. portal/clientip.py reads it.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
RATELIMIT_IP_META_KEY = "portal.clientip.client_ip"
# No DRF session or basic authentication anywhere by default: API v2 is public and read-only, the
# firms' API has its tokens, Wagtail's admin APIs declare their own session authentication.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
# drf-spectacular describes Landa's own APIs alone (portal/schema.py), served at /api/v1/schema/ and
# checked by check --deploy.
SPECTACULAR_SETTINGS = {
    "DEFAULT_GENERATOR_CLASS": "portal.schema.ApiSchemaGenerator",
    "TITLE": "Landa API",
    "DESCRIPTION": (
        "The personal checklist for a situation (`GET /api/v1/checklist`, public) and shared checklist "
        "links for relocation firms and employers (`/api/v1/links`, with a firm's API token, "
        "`Authorization: Bearer landa_…`, created in the workspace). Errors are "
        '`{"errors": {"field": ["message"]}}`; messages follow `?lang=` (en, sv, ar, so).'
    ),
    "VERSION": "1.0.0",
    # One name per value set that more than one field uses (the checklist's and the links' answers).
    "ENUM_NAME_OVERRIDES": {
        "Citizenship": "guides.situation.STATUSES",
        "DueKind": "guides.api.DUE_KINDS",
    },
    "SWAGGER_UI_DIST": "SIDECAR", "SWAGGER_UI_FAVICON_HREF": "SIDECAR", "REDOC_DIST": "SIDECAR",
}
RATELIMIT_USE_CACHE = "default"
RATELIMIT_FAIL_OPEN = True  # a dead Redis degrades to no limit rather than refusing every firm
FIRM_LINK_CREATE_RATE = os.environ.get("FIRM_LINK_CREATE_RATE", "60/h")
FIRM_API_TOKEN_RATE = os.environ.get("FIRM_API_TOKEN_RATE", "600/h")
FIRM_API_BAD_TOKEN_RATE = os.environ.get("FIRM_API_BAD_TOKEN_RATE", "30/h")
FIRM_LINK_DEFAULT_DAYS = int(os.environ.get("FIRM_LINK_DEFAULT_DAYS", "180"))
FIRM_LINK_MAX_DAYS = int(os.environ.get("FIRM_LINK_MAX_DAYS", "730"))
FIRM_LINK_RETENTION_DAYS = int(os.environ.get("FIRM_LINK_RETENTION_DAYS", "90"))
FIRM_INVITATION_MAX_AGE_DAYS = int(os.environ.get("FIRM_INVITATION_MAX_AGE_DAYS", "7"))
FIRM_API_TOKEN_MAX_DAYS = int(os.environ.get("FIRM_API_TOKEN_MAX_DAYS", "365"))
# An SMTP server that does not answer must not hold a worker (or a request) for long.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@landa.example")
CELERY_BEAT_SCHEDULE["firms-purge-expired-links"] = {
    "task": "firms.tasks.purge_expired_links",
    "schedule": 60 * 60 * 6,  # every six hours; the task is idempotent
}

# Editorial operations (content/linkcheck.py, content/review.py): link checks and review reminders.
LINKCHECK_TIMEOUT = float(os.environ.get("LINKCHECK_TIMEOUT", "10"))  # seconds per request
LINKCHECK_WORKERS = int(os.environ.get("LINKCHECK_WORKERS", "4"))  # hosts checked at once
LINKCHECK_HOST_DELAY = float(os.environ.get("LINKCHECK_HOST_DELAY", "1"))  # pause between requests to one host
LINKCHECK_RETRY_DELAY = float(os.environ.get("LINKCHECK_RETRY_DELAY", "5"))  # before the one retry
LINKCHECK_MIN_INTERVAL_HOURS = int(os.environ.get("LINKCHECK_MIN_INTERVAL_HOURS", "12"))
FEEDBACK_RATE = os.environ.get("FEEDBACK_RATE", "20/h")  # "Was this page helpful?" answers per client address
REVIEW_DUE_WITHIN_DAYS = int(os.environ.get("REVIEW_DUE_WITHIN_DAYS", "30"))
CELERY_BEAT_SCHEDULE["content-check-links"] = {
    "task": "content.tasks.check_links",
    "schedule": 60 * 60 * 24,  # daily; addresses checked in the last LINKCHECK_MIN_INTERVAL_HOURS are skipped
}
CELERY_BEAT_SCHEDULE["content-review-reminders"] = {
    "task": "content.tasks.send_review_reminders",
    "schedule": 60 * 60 * 24,  # daily run, at most one e-mail per agency and ISO week (ReviewReminder)
}
# Anonymous counters (content/counters.py): a Redis hash per day, folded into daily rows by beat.
# Without Redis each count is a database upsert at once. Keys carry no expiry (never evicted).
COUNTERS_REDIS_URL = os.environ.get("COUNTERS_REDIS_URL", REDIS_URL)
CELERY_BEAT_SCHEDULE["content-fold-counters"] = {
    "task": "content.tasks.fold_counters",
    "schedule": int(os.environ.get("COUNTERS_FOLD_SECONDS", "300")),
}
# Retention (portal/retention.py, daily through beat; stated in SECURITY.md and the privacy notice).
RETENTION_AUDIT_DAYS = int(os.environ.get("RETENTION_AUDIT_DAYS", "365"))
RETENTION_INVITATION_DAYS = int(os.environ.get("RETENTION_INVITATION_DAYS", "30"))  # after they lapse
RETENTION_TOKEN_DAYS = int(os.environ.get("RETENTION_TOKEN_DAYS", "90"))  # after revocation or expiry
RETENTION_SIGNIN_DAYS = int(os.environ.get("RETENTION_SIGNIN_DAYS", "30"))  # django-axes records
CELERY_BEAT_SCHEDULE["portal-apply-retention"] = {
    "task": "portal.tasks.apply_retention",
    "schedule": 24 * 60 * 60,
}
