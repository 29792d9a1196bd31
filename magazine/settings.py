"""One settings module, read from the environment, with safe laptop defaults."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
# The fallback is for laptops only; `check --deploy` flags it (it starts "django-insecure-").
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "django-insecure-laptop-only-set-DJANGO_SECRET_KEY"
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

INSTALLED_APPS = [
    "magazine.admin_config.MagazineAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "taggit",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "editorial",
    "desk",
    "pictures",
    "magazine",
    "people",
    "shows",
    "reviews",
    "search",
    "pages",  # About, Masthead, Contact, Privacy: at /<slug>/
    "backups",  # export_magazine, import_magazine
    "demo",  # load_demo, seed_bench
]

MIDDLEWARE = [
    # Before all else: /healthz and /readyz, for any Host, touching nothing (magazine/health.py).
    "magazine.health.HealthMiddleware",
    # First: a kept page is the whole answer, with the headers of every layer below (magazine/wsgi.py serves
    # the same pages before Django's request cycle).
    "magazine.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "magazine.compression.CompressionMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "magazine.security.SearchRateLimitMiddleware",
    "editorial.scheduled_changes.ScheduledChangesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "magazine.security.ContentSecurityPolicyMiddleware",
    "magazine.security.PermissionsPolicyMiddleware",
    "magazine.security.AdminQueryMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "magazine.urls"
WSGI_APPLICATION = "magazine.wsgi.application"

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
                "magazine.context_processors.site",
            ],
            "builtins": ["editorial.templatetags.typography", "pictures.templatetags.pictures"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'magazine.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A web page's queries take milliseconds: compiling them to machine code first (JIT, on for costly-looking
    # plans) would cost hundreds. Indexes make queries cheap here, not JIT.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_from_url(url: str) -> dict:
    if url.startswith(("redis://", "rediss://")):
        # Short timeouts: a cache that does not answer is skipped quickly, never waited on.
        return {"BACKEND": "editorial.shared_cache.RedisCache", "LOCATION": url,
                "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}
    if url.startswith("locmem://") or not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if url.startswith("dummy://"):
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ImproperlyConfigured(f"CACHE_URL must be redis://, locmem:// or dummy://, not {url!r}")


CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL", ""))}

# Sign-in throttle (django-axes, in the database so it needs no cache): five failures for one account from
# one address pause that pair for fifteen minutes; nobody else is locked out. Behind DJANGO_PROXY_COUNT
# trusted proxies, the client is the address they forwarded.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "magazine.admin_site.locked_out"
AXES_CLIENT_IP_CALLABLE = "magazine.security.client_address"
PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))
# A second factor (TOTP, django-otp) for everyone who can publish, and superusers: after the password, a code
# from an authenticator app. django-otp's tables exist either way, so editors can enrol before it is turned on.
REQUIRE_2FA = env_bool("DJANGO_REQUIRE_2FA", False)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
FORMAT_MODULE_PATH = ["magazine.formats"]  # a 24-hour clock everywhere (en-GB says "10:13 p.m.")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# The web fonts come from npm packages (pictures/fonts.py): only the files the stylesheet names.
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "pictures.fonts.FontFinder",
]
# Files browsers ask for at the site's root (favicon.ico), served by whitenoise before Django sees the request.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
MEDIA_URL = "media/"
MEDIA_ORIGIN = "/".join(MEDIA_URL.split("/", 3)[:3]) if MEDIA_URL.startswith("http") else ""
# The public pages need nothing from elsewhere and no inline code (magazine.security loosens styles for the admin).
CONTENT_SECURITY_POLICY = {"DIRECTIVES": {
    "default-src": [SELF], "img-src": [SELF, "data:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    "style-src": [SELF], "script-src": [SELF], "font-src": [SELF], "connect-src": [SELF],
    "frame-ancestors": [NONE], "base-uri": [SELF], "form-action": [SELF], "object-src": [NONE],
}}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Media: local files by default; S3-compatible object storage when a bucket is named.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# Django serves local media itself (with nosniff) unless a web server or a bucket does.
SERVE_MEDIA = env_bool("SERVE_MEDIA", not os.environ.get("AWS_STORAGE_BUCKET_NAME"))
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

LOGIN_URL = "admin:login"
TAGGIT_CASE_INSENSITIVE = True

MAGAZINE_NAME = os.environ.get("MAGAZINE_NAME", "Frame Rate")
OTP_TOTP_ISSUER = MAGAZINE_NAME  # the account's name in an editor's authenticator app
# Searches a minute from one address before a 429 (readers; editors are not counted).
SEARCH_RATE_LIMIT = int(os.environ.get("SEARCH_RATE_LIMIT", "30"))
SEARCH_CANDIDATES = int(os.environ.get("SEARCH_CANDIDATES", "500"))  # the newest matches a search ranks

# How long an anonymous reader's page may be served from the cache (0 turns the page cache off), and how long an
# edge cache in front may keep one: hours, since a publish changes exactly the pages that show it.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "21600"))
EDGE_CACHE_SECONDS = int(os.environ.get("EDGE_CACHE_SECONDS", "21600"))
# Edge caches (Varnish) told to purge by surrogate key, and WebSub hubs pinged, through the outbox.
EDGE_PURGE_URLS = env_list("EDGE_PURGE_URLS", "")
WEBSUB_HUBS = env_list("WEBSUB_HUBS", "")
WARM_BASE_URL = os.environ.get("WARM_BASE_URL", "").rstrip("/")  # the app (or edge) asked again for changed pages
OUTBOX_POLL_SECONDS = float(os.environ.get("OUTBOX_POLL_SECONDS", "3"))  # how often each process retries the outbox
# The magazine's own domain names its feed entries' ids, so they outlive any change of address or slug.
MAGAZINE_DOMAIN = os.environ.get("MAGAZINE_DOMAIN", "framerate.example")
PAGE_SIZE = 12

# Production hardening, switched on by the environment (see README, "Running in production").
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("DJANGO_SECURE", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"readiness_is_not_an_error": {"()": "magazine.health.ReadinessIsNotAnError"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    # django.request logs every 5xx as an error; a 503 from /readyz is an answer (magazine.health logs why).
    "loggers": {"django.request": {"filters": ["readiness_is_not_an_error"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
