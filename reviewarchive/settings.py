"""Settings for the Care Review Archive: one module, configured from the environment.

Environment:
- DATABASE_URL: database (default: SQLite file ``db.sqlite3`` in the project).
- DJANGO_DEBUG: "1"/"true" for development. Off by default.
- DJANGO_SECRET_KEY: required when debug is off.
- DJANGO_ALLOWED_HOSTS: comma-separated host names (default: localhost names).
- DJANGO_STATIC_ROOT: where collectstatic puts the static files (default: ``staticfiles``).
- DJANGO_HSTS_PRELOAD: "1" asks browsers' HSTS preload lists to include the site. Off.
- ARCHIVE_TRUSTED_PROXIES: how many proxies in front append to X-Forwarded-For (default 0).
- ARCHIVE_PAGE_CACHE: "0" turns the whole-page cache off (default: on).
- ARCHIVE_PAGE_CACHE_DIR: where the cached pages are kept (default: ``.page-cache``).
- ARCHIVE_SHARED_RESULTS_DIR: where the results every reader shares are kept for the
  machine's processes (archivecache.memo; default: ``.shared-results``).
- ARCHIVE_SEARCH_RANKED: how many of the newest matches a search ranks (default 1000; 0: all).
- DATABASE_PARALLEL_WORKERS: PostgreSQL's max_parallel_workers_per_gather (default 0).
- ARCHIVE_EXPORTS_AT_ONCE, ARCHIVE_EXPORTS_PER_MINUTE: downloads a client may have running
  at once (default 2) and start in a minute (default 20); 0 lifts that limit.
- ARCHIVE_FACET_WINDOW: facets count among at most this many first results (default 2000).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("DJANGO_DEBUG")

# Leave unreviewed articles and discovered names off the public site (curation/visibility.py).
ARCHIVE_HIDE_UNREVIEWED = env_flag("ARCHIVE_HIDE_UNREVIEWED")
# Facets count among at most this many first results of a list (docs/performance.md).
ARCHIVE_FACET_WINDOW = int(os.environ.get("ARCHIVE_FACET_WINDOW", "2000"))

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            "(for development, set DJANGO_DEBUG=1)."
        )
    SECRET_KEY = "development-only-insecure-key"

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "curation.apps.ArchiveAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "simple_history",
    "axes",
    "people",
    "articles",
    "curation",
    "operations.apps.OperationsConfig",
    "csp",
    "archivecache",
    "facetcounts",
]

MIDDLEWARE = [
    # A reading request reads the archive's version once (archivecache/version.py).
    "archivecache.version.OneVersionPerRequestMiddleware",
    # Then a cached page is answered before any other middleware (archivecache/).
    "archivecache.middleware.PageCacheMiddleware",
    # A signed-in user's writing request recounts the facet counts once its response is sent.
    "facetcounts.after_writes.RecountAfterWritesMiddleware",
    "operations.middleware.RefuseTraceMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "reviewarchive.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "reviewarchive.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead logging: readers never wait for the loader, and a commit costs no full sync.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No parallel workers by default: on a small machine serving many requests at once they
    # take the cores from other requests (docs/performance.md).
    workers = int(os.environ.get("DATABASE_PARALLEL_WORKERS", "0"))
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = " ".join(
        filter(None, [options.get("options"), f"-c max_parallel_workers_per_gather={workers}"])
    )

# A search ranks at most this many matches, the newest; 0 ranks every match (articles/search.py).
ARCHIVE_SEARCH_RANKED = int(os.environ.get("ARCHIVE_SEARCH_RANKED", "1000"))

# Whole public pages, keyed by URL and archive version (archivecache/middleware.py).
# Files are shared by every worker process and need no service; see README.
ARCHIVE_PAGE_CACHE = env_flag("ARCHIVE_PAGE_CACHE", True)
# Results shared by every reader, kept per archive version in each process
# (archivecache.memo). An entity's page keeps 5 to 7 of them (27 KB for the least
# mentioned person at 100,000 articles, 84 KB for the most), the timeline 2 (400 KB):
# 2,000 entries hold about 300 entity pages (8 to 25 MB a process) before the least
# recently read go, where LocMemCache's default of 300 held about 40.
ARCHIVE_VERSION_MEMO = env_flag("ARCHIVE_VERSION_MEMO", True)
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
    # A list of its own's date rows, window, facet counts and chart, kept per archive
    # version (archivecache.memo.OWN_LISTS), five entries a list: a word in all 100,000
    # articles keeps 86 KB (its 1,148 date rows 47 KB, its chart 27 KB), so 1,200 entries
    # (240 such searches) stay under 25 MB a process.
    "own_lists": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "own-lists",
        "OPTIONS": {"MAX_ENTRIES": 1200},
    },
    # Fragments kept per archive version ({% kept %}, archivecache/templatetags/kept.py,
    # on Django's cache tag): an article's card or a quote (about 1 KB), a shared list's facets (10
    # to 30 KB) and the timeline's milestones; 5,000 a process.
    "template_fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "template-fragments",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    # What every reader's pages share, kept per archive version (archivecache.memo) by
    # the first process that works it out, for the others on the machine: a list's facets
    # and dates, the timeline's reports, an entity's counts (at 100,000 articles up to
    # about 80 KB a file, compressed; some 50 files a version for the main pages).
    "shared_results": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("ARCHIVE_SHARED_RESULTS_DIR", str(BASE_DIR / ".shared-results")),
        "OPTIONS": {"MAX_ENTRIES": 3000},
    },
    # Each process's own copy of the pages it served last, in front of "pages". A page is
    # stored gzipped: at 100,000 articles 1 to 15 KB (the unfiltered list 11, a person's
    # page 12 to 15), the timeline 85 KB; 500 pages stay under about 10 MB a process.
    "pages_in_memory": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "TIMEOUT": 60 * 60 * 24,
        "OPTIONS": {"MAX_ENTRIES": 500},
    },
    "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("ARCHIVE_PAGE_CACHE_DIR", str(BASE_DIR / ".page-cache")),
        "TIMEOUT": 60 * 60 * 24,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

# Downloads (?format= files) per client address; staff are not limited
# (operations/export_limits.py). 0 lifts a limit.
ARCHIVE_EXPORTS_AT_ONCE = int(os.environ.get("ARCHIVE_EXPORTS_AT_ONCE", "2"))
ARCHIVE_EXPORTS_PER_MINUTE = int(os.environ.get("ARCHIVE_EXPORTS_PER_MINUTE", "20"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Failed logins, for one hour: five lock a username from an address; twenty from one
# address lock it whatever the usernames (operations/throttle.py).
ARCHIVE_LOGIN_FAILURES_PER_USERNAME = 5
ARCHIVE_LOGIN_FAILURES_PER_ADDRESS = 20
AXES_FAILURE_LIMIT = "operations.throttle.login_failure_limit"
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
# The client's address behind ARCHIVE_TRUSTED_PROXIES proxies (operations/client.py).
ARCHIVE_TRUSTED_PROXIES = int(os.environ.get("ARCHIVE_TRUSTED_PROXIES", "0"))
AXES_CLIENT_IP_CALLABLE = "operations.client.client_address"

# No inline script or style anywhere: every script and stylesheet is a static file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Powerful browser features the archive never uses, refused to it and anything it frames.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    )
}

SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Curated knowledge the loader reads: people, organisations, review bodies, outlets.
AUTHORITY_FILE = BASE_DIR / "fixtures" / "authority.toml"
OUTLETS_FILE = BASE_DIR / "fixtures" / "outlets.toml"
SEEDS_DIR = BASE_DIR / "fixtures" / "seeds"

if not DEBUG:
    SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Preloading is hard to undo (browsers ship the list): the operator opts in.
    SECURE_HSTS_PRELOAD = env_flag("DJANGO_HSTS_PRELOAD")
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS = ["security.W021"]  # "not preloaded" is the choice made
    # A monitor may poll the health check over plain HTTP on the loopback.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
