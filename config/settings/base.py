"""Settings shared by every environment; each value that differs per deployment comes from the environment."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_str

# Lets `admin.ModelAdmin[Model]` and other generic classes be subscripted at run time, as the type stubs expect.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]
THIRD_PARTY_APPS = [
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django_htmx",
    "ninja",
]
# Samvei's own apps, in dependency order: an app may only import the apps above it.
LOCAL_APPS = [
    "samvei.core",  # shared building blocks: sources, layout, health check
    "samvei.geography",  # counties and municipalities: reference data
    "samvei.taxonomy",  # welfare areas and target groups: reference data
    "samvei.procurement",  # procurement law as dated data: thresholds with their sources
    "samvei.accounts",  # people: sign-in, profile, personal data
    "samvei.organisations",  # the directory: public bodies, social enterprises, members, who decides what
    "samvei.apikeys",  # API keys that write for one organisation, made on the profile page
    "samvei.challenges",  # needs published by public bodies, pitches, questions and dialogue
    "samvei.collaborations",  # collaborations started from a selected pitch
    "samvei.agreements",  # draft agreements from versioned templates
    "samvei.impact",  # effects: logic model, indicators, SROI, financial proxies, the effect report
    "samvei.cookbook",  # recipes, myths, cases, funding schemes and the blog
    "samvei.freshness",  # when a dated fact is due for a check against its source, and the staff's weekly list
    "samvei.search",  # Norwegian full-text search across the apps above
    "samvei.matching",  # challenges ↔ organisations, ranked with reasons
    "samvei.pages",  # front page, accessibility statement, privacy
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files are answered here, already compressed at build time (whitenoise's place, after security).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages and API answers go compressed; Django pads them at random against BREACH (Heal The Breach).
    "django.middleware.gzip.GZipMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "samvei.core.middleware.ApiLanguageMiddleware",
    "samvei.core.middleware.RefuseOversizedRequestsMiddleware",
    "samvei.core.middleware.RefuseNulCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "django.template.context_processors.i18n",
                "samvei.core.context_processors.site",
                "samvei.challenges.context_processors.publishing",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'samvei.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 0),
        # A kept connection is checked before it is reused, so the first request after a break does not fail.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A shared cache (Redis) in production keeps rate limits across workers; a fresh machine uses the database.
REDIS_URL = env_str("REDIS_URL", "")
REDIS_CACHE: dict[str, object] = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
CACHES: dict[str, dict[str, object]] = {
    # Without Redis the counters behind rate limits live in the database, so every web worker counts
    # together (an in-process cache let each of two workers count alone).
    "default": REDIS_CACHE
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "samvei_cache",
        # Django's default of 300 entries would cull live rate-limit counters once a few hundred addresses visit.
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
    # Expensive values computed from code and data (concept vectors): shared through Redis when there is one,
    # otherwise kept per process rather than written to the database.
    "computed": REDIS_CACHE if REDIS_URL else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "organisations:mine"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Confirming the address signs the person in, but only in the browser that signed up (allauth keeps the pending
# sign-in in that session); a link opened anywhere else confirms the address and then asks for the password.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# Our adapter names the site «Samvei» in its e-mails and links them to the one site address (samvei.core.mail).
ACCOUNT_ADAPTER = "samvei.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "samvei.accounts.account_forms.LoginForm",
    "signup": "samvei.accounts.account_forms.SignupForm",
    "change_password": "samvei.accounts.account_forms.ChangePasswordForm",
    "reset_password_from_key": "samvei.accounts.account_forms.ResetPasswordKeyForm",
    "set_password": "samvei.accounts.account_forms.SetPasswordForm",
}
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Samvei] "
# Failed logins are limited per address and per IP; signup and password reset are limited too.
# Behind a proxy, the address of the visitor is the one the proxy adds to X-Forwarded-For; set how many
# proxies stand in front of the site, or every visitor shares the proxy's address.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# Per account strictly, per address loosely: many people can share one address (an office, a proxy).
ACCOUNT_RATE_LIMITS = {
    "login_failed": env_str("LOGIN_RATE_LIMIT", "30/5m/ip,5/5m/key"),
    "signup": "20/h/ip",
    "reset_password": "20/h/ip,5/h/key",
    "confirm_email": "1/3m/key",
}
# Our own limits (samvei/core/rate_limits.py): expensive anonymous requests per address, and the actions that
# e-mail a public body per account. Same syntax as LOGIN_RATE_LIMIT; an empty value turns a limit off.
RATE_LIMITS = {
    "search": env_str("SEARCH_RATE_LIMIT", "60/1m/ip"),
    "matches": env_str("MATCHES_RATE_LIMIT", "30/1m/ip"),
    "question": env_str("QUESTION_RATE_LIMIT", "5/10m/user,20/1d/user"),
    "pitch": env_str("PITCH_RATE_LIMIT", "5/1h/user,20/1d/user"),
    "message": env_str("MESSAGE_RATE_LIMIT", "20/10m/user,100/1d/user"),
}
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"

# Generic OpenID Connect login (ID-porten, Feide, …): off until OIDC_SERVER_URL and OIDC_CLIENT_ID are set.
OIDC_SERVER_URL = env_str("OIDC_SERVER_URL", "")
SOCIALACCOUNT_PROVIDERS: dict[str, object] = {
    "openid_connect": {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": (
            [
                {
                    "provider_id": env_str("OIDC_PROVIDER_ID", "oidc"),
                    "name": env_str("OIDC_NAME", "ID-porten"),
                    "client_id": env_str("OIDC_CLIENT_ID", ""),
                    "secret": env_str("OIDC_CLIENT_SECRET", ""),
                    "settings": {
                        "server_url": OIDC_SERVER_URL,
                        "auth_params": {"scope": env_str("OIDC_SCOPE", "openid profile email")},
                    },
                }
            ]
            if OIDC_SERVER_URL and env_str("OIDC_CLIENT_ID", "")
            else []
        ),
    }
}

# Background work (e-mails, alerts, closing challenges) runs in `manage.py db_worker`, queued in the database.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Contact points not confirmed for this long are shown as possibly outdated.
CONTACT_POINT_STALE_AFTER_DAYS = env_int("CONTACT_POINT_STALE_AFTER_DAYS", 365)

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Django's rules in our own words (samvei/accounts/password_validation.py); the order is the order of the hints.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "samvei.accounts.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "samvei.accounts.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "samvei.accounts.password_validation.CommonPasswordValidator"},
    {"NAME": "samvei.accounts.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nb"
LANGUAGES = [
    ("nb", _("Norwegian Bokmål")),
    ("nn", _("Norwegian Nynorsk")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Uploads (attachments, documents) are kept in the file system under MEDIA_ROOT, or in an S3-compatible bucket
# when S3_BUCKET names one, so that web and worker processes on several machines see the same files. The objects
# stay private: no ACL is set (the bucket's own applies), any URL the storage makes is signed and expires in an
# hour, and the views stream each file themselves after checking access. Credentials are found as boto3 finds
# them (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the machine's role).
S3_BUCKET = env_str("S3_BUCKET", "")
UPLOAD_STORAGE: dict[str, object] = (
    {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("S3_ENDPOINT_URL", "") or None,
            "region_name": env_str("S3_REGION", "") or None,
            # "path" for services that do not answer at bucket.host (many self-hosted ones); unset, boto3 decides.
            "addressing_style": env_str("S3_ADDRESSING_STYLE", "") or None,
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    if S3_BUCKET
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
)
STORAGES = {
    "default": UPLOAD_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Samvei <ikke-svar@samvei.localhost>")

# The Content-Security-Policy allows only our own origin: no inline scripts or styles, no CDN.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 500

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# Who runs this instance: named on the privacy page and in the accessibility statement.
SAMVEI_OPERATOR = env_str("SAMVEI_OPERATOR", "Samvei")
SAMVEI_CONTACT_EMAIL = env_str("SAMVEI_CONTACT_EMAIL", "kontakt@samvei.localhost")

# The address people reach this instance at, for links in e-mails. Unset, e-mails sent while answering a request
# link to the address it came to, and the worker's e-mails to http://127.0.0.1:PORT (samvei.core.mail.site_url).
SAMVEI_SITE_URL = env_str("SAMVEI_SITE_URL", "").rstrip("/")
SAMVEI_PORT = env_int("PORT", 8000)

# Look an organisation number up online at data.brreg.no when the local copy of Enhetsregisteret (filled by
# `import_organisations`) does not have it. Off by default: no network calls unless a deployment opts in.
SAMVEI_BRREG_LOOKUP = env_bool("SAMVEI_BRREG_LOOKUP", False)
