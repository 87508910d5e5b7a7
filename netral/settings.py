"""Django settings for netral, read from the environment through typed helpers.

Defaults run everything locally on SQLite. `DATABASE_URL` switches to PostgreSQL.
`NETRAL_ENV=production` makes secrets mandatory. See docs/configuration.md for every variable.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from netral.conf.env import env_bool, env_int, env_list, env_required, env_str, env_time

django_stubs_ext.monkeypatch()  # lets `admin.ModelAdmin[Model]` style generics work at run time

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent

NETRAL_ENV = env_str("NETRAL_ENV", "development")
PRODUCTION = NETRAL_ENV == "production"

SECRET_KEY = env_required(
    "SECRET_KEY", production=PRODUCTION, fallback="netral-development-only-secret-key-not-for-production"
)
# Old secret keys still accepted (receipts and sessions survive a SECRET_KEY rotation).
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", [])
# Fernet key (urlsafe base64, 32 bytes) for reporter identity and other personal data at rest.
NETRAL_ENCRYPTION_KEY = env_required(
    "NETRAL_ENCRYPTION_KEY", production=PRODUCTION, fallback="bmV0cmFsLWRldmVsb3BtZW50LWtleS0zMi1ieXRlcyE="
)
DEBUG = env_bool("NETRAL_DEBUG", False)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django_htmx",
    "netral.core",
    "netral.regions",
    "netral.workdays",
    "netral.catalogue",
    "netral.elections",
    "netral.personnel",
    "netral.accounts",
    "netral.audit",
    "netral.intake",
    "netral.cases",
    "netral.outbox",
    "netral.notifications",
    "django_q",
    "netral.analytics",
    "netral.api",
    "netral.triage",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "netral.accounts.middleware.IndonesianFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "netral.accounts.middleware.RequireTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "netral.urls"
WSGI_APPLICATION = "netral.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- database -------------------------------------------------------------------------------------
DATA_DIR = Path(env_str("NETRAL_DATA_DIR", str(PROJECT_DIR / "var")))
DATA_DIR.mkdir(parents=True, exist_ok=True)
_database_url = env_str("DATABASE_URL", "")
if _database_url:
    # Persistent connections; the health check costs one `SELECT 1` round trip per request
    # (NETRAL_DB_HEALTH_CHECKS=0 saves it: after a database restart one request per worker fails).
    DATABASES = {
        "default": dj_database_url.parse(
            _database_url,
            conn_max_age=env_int("NETRAL_DB_CONN_MAX_AGE", 60, minimum=0),
            conn_health_checks=env_bool("NETRAL_DB_HEALTH_CHECKS", True),
        )
    }
    # No JIT compilation (unless the URL sets `?options=...`): at a million cases it cost the dashboard
    # aggregates 50-600 ms per query and gains nothing for a web application (docs/analytics.md "Speed").
    # work_mem per connection: the dashboard's hash joins over millions of deadline rows spill to disk
    # with PostgreSQL's 4 MB default.
    NETRAL_PG_WORK_MEM = env_str("NETRAL_PG_WORK_MEM", "32MB")
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", f"-c jit=off -c work_mem={NETRAL_PG_WORK_MEM}"
    )
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "netral.sqlite3"),
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                    "PRAGMA busy_timeout=20000;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- accounts and login ---------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Staff must enrol a TOTP device before using the app (default on in production).
NETRAL_REQUIRE_2FA = env_bool("NETRAL_REQUIRE_2FA", PRODUCTION)
OTP_TOTP_ISSUER = "netral"
AXES_FAILURE_LIMIT = env_int("NETRAL_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("NETRAL_LOGIN_COOLOFF_MINUTES", 30, minimum=1) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SESSION_COOKIE_AGE = env_int("NETRAL_SESSION_HOURS", 8, minimum=1) * 3600

# --- language and time ----------------------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Jakarta"

# --- static files ---------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns about a missing directory
STATICFILES_DIRS = [BASE_DIR / "static"]
# ECharts from npm (`make install` runs `npm ci`), served as /static/vendor/echarts/echarts.min.js; no CDN.
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "netral.analytics.finders.EChartsFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
MEDIA_ROOT = DATA_DIR / "media"

# --- netral domain settings -----------------------------------------------------------------------
# Deadlines end at this local office closing time in the region's own time zone (WIB/WITA/WIT).
NETRAL_OFFICE_CLOSE = env_time("NETRAL_OFFICE_CLOSE", "16:00")
# Whether cuti bersama (collective leave) days are non-working days for the legal clocks.
NETRAL_CUTI_BERSAMA_NON_WORKING = env_bool("NETRAL_CUTI_BERSAMA_NON_WORKING", True)
# How often (seconds) a process checks whether another process changed holidays or clocks.
NETRAL_WORKDAYS_CACHE_SECONDS = env_int("NETRAL_WORKDAYS_CACHE_SECONDS", 60, minimum=0)
# Working days after a forwarding in which the receiver's acknowledgement restarts its clock (documents.md).
NETRAL_RECEIPT_GRACE_DAYS = env_int("NETRAL_RECEIPT_GRACE_DAYS", 3, minimum=0)
# Years of national holidays seeded from the `holidays` package by `netral setup`.
NETRAL_HOLIDAY_YEARS = range(
    env_int("NETRAL_HOLIDAY_FIRST_YEAR", 2020), env_int("NETRAL_HOLIDAY_LAST_YEAR", 2030) + 1
)
# Triage (docs/triage.md): suggestions on intake; the register match index's change check and rebuild.
NETRAL_TRIAGE_ON_INTAKE = env_bool("NETRAL_TRIAGE_ON_INTAKE", True)
NETRAL_MATCH_INDEX_TTL = env_int("NETRAL_MATCH_INDEX_TTL", 300, minimum=0)
NETRAL_MATCH_INDEX_BACKGROUND = env_bool("NETRAL_MATCH_INDEX_BACKGROUND", True)
NETRAL_MATCH_INDEX_STORE = env_bool("NETRAL_MATCH_INDEX_STORE", True)
# Vulnerability index (docs/vulnerability-index.md): another configuration file, and weight overrides
# such as "open_cases=20,report_trend=0".
NETRAL_VULNERABILITY_FILE = env_str("NETRAL_VULNERABILITY_FILE", "")
NETRAL_VULNERABILITY_WEIGHTS = env_str("NETRAL_VULNERABILITY_WEIGHTS", "")
# Public statistics (docs/public-statistics.md): counts from 1 to this minus 1 are suppressed; cache TTL.
NETRAL_STATS_MIN_COUNT = env_int("NETRAL_STATS_MIN_COUNT", 5, minimum=1)
NETRAL_STATS_CACHE_SECONDS = env_int("NETRAL_STATS_CACHE_SECONDS", 300, minimum=0)

# --- cache and API rate limits ---------------------------------------------------------------------
# NETRAL_CACHE_URL: empty (default) = local memory of each process; redis://host:6379/0 = shared by all
# processes (needed for exact API rate limits with several workers).
_cache_url = env_str("NETRAL_CACHE_URL", "")
if _cache_url.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _cache_url}}
elif _cache_url in ("", "locmem://"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "netral"}}
else:
    raise ImproperlyConfigured(
        f"NETRAL_CACHE_URL must be empty, locmem:// or redis://host:port/db, got {_cache_url!r}."
    )
# Seconds a dashboard result is reused for the same selection of cases (docs/analytics.md); 0: off.
NETRAL_ANALYTICS_CACHE_SECONDS = env_int("NETRAL_ANALYTICS_CACHE_SECONDS", 60, minimum=0)
# Requests per client (IP address or API token) per window: "60/min", "1000/hour", or "off".
NETRAL_API_RATE_PUBLIC = env_str("NETRAL_API_RATE_PUBLIC", "60/min")
NETRAL_API_RATE_SUBMIT = env_str("NETRAL_API_RATE_SUBMIT", "10/min")
# Intake queue (docs/intake.md): on, a submission stores the report and answers, and
# `netral intake file --follow` opens the cases in batches; off, the case is opened at once.
NETRAL_INTAKE_QUEUE = env_bool("NETRAL_INTAKE_QUEUE", False)

# --- e-mail and the task worker (docs/configuration.md, docs/notifications.md) ------------------------
EMAIL_BACKEND = env_str(
    "NETRAL_EMAIL_BACKEND",
    f"django.core.mail.backends.{'smtp' if PRODUCTION else 'console'}.EmailBackend",
)
EMAIL_HOST = env_str("NETRAL_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("NETRAL_EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("NETRAL_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("NETRAL_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("NETRAL_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("NETRAL_EMAIL_FROM", "netral <noreply@localhost>")
# The address of the site in e-mailed links (no trailing slash).
NETRAL_SITE_URL = env_str("NETRAL_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# django-q2: the ORM broker on the default database, or Redis when NETRAL_REDIS_URL is set.
NETRAL_REDIS_URL = env_str("NETRAL_REDIS_URL", "")
if NETRAL_REDIS_URL and not NETRAL_REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(f"NETRAL_REDIS_URL must be redis://host:port/db, got {NETRAL_REDIS_URL!r}.")
# Send notification e-mails through the worker's queue (needs a running `netral worker`); off: at once.
NETRAL_ASYNC_TASKS = env_bool("NETRAL_ASYNC_TASKS", bool(NETRAL_REDIS_URL))
# What reacts to the events of the outbox (`netral.outbox`): each is called with every claimed batch of
# events, in the batch's transaction (docs/architecture.md, "After a change"). Not read from the environment.
NETRAL_OUTBOX_HANDLERS: tuple[str, ...] = (
    "netral.notifications.events.handle",
    "netral.triage.events.handle",
)
Q_CLUSTER = {
    "name": "netral",
    "workers": env_int("NETRAL_WORKER_PROCESSES", 2, minimum=1),
    "timeout": 600,
    "retry": 900,
    "max_attempts": 3,
    "catch_up": False,
    "save_limit": 1000,
    "label": "Tasks",
    **({"redis": NETRAL_REDIS_URL} if NETRAL_REDIS_URL else {"orm": "default"}),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("NETRAL_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

if PRODUCTION:
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
