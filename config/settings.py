"""Django settings for openimr. Every value comes from the environment (see docs/settings.md)."""

import secrets
from datetime import timedelta
from pathlib import Path

from config.csp import content_security_policy
from config.env import (
    SettingError,
    database_url_parsed,
    env_bool,
    env_list,
    env_positive_number,
    env_str,
    env_whole_number,
    folder_made,
)
from config.proxies import trusted_proxies
from openimr.accounts.domain.session_timeout import IDLE_LEAST_SECONDS

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("OPENIMR_DATA_DIR") or BASE_DIR / "var")
DEBUG = env_bool("OPENIMR_DEBUG", default=True)


def _secret_key() -> str:
    key = env_str("OPENIMR_SECRET_KEY")
    if key:
        return key
    if not DEBUG:
        raise SettingError(
            "OPENIMR_SECRET_KEY (or OPENIMR_SECRET_KEY_FILE) is required when DEBUG is off"
        )
    # Development only: a random key kept under the data directory, never in the repository.
    path = DATA_DIR / "dev-secret-key"
    if not path.exists():
        folder_made("OPENIMR_DATA_DIR", DATA_DIR)
        try:
            path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        except OSError as exc:
            raise SettingError(
                f"OPENIMR_DATA_DIR: cannot write the development secret key {path} "
                f"({exc.strerror}): set OPENIMR_SECRET_KEY, or make the folder writable"
            ) from None
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("OPENIMR_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    # django.contrib.admin, with a default site whose every change is audited.
    "openimr.audit.admin_app.AuditedAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "openimr.core",
    "openimr.audit",
    "openimr.cases",
    "openimr.letters",
    "openimr.guidelines",
    "openimr.records",
    "openimr.reviewers",
    "openimr.review",
    "openimr.decisions",
    "openimr.api",
    # The API's interactive docs (/api/v1/docs) from ninja's own static files: without the
    # app, ninja loads Swagger UI from a CDN, which the Content-Security-Policy (and a
    # machine with no internet) refuses.
    "ninja",
]

MIDDLEWARE = [
    # First: every answer, whoever writes it, denies the browser features no page uses.
    "openimr.core.middleware.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "openimr.audit.middleware.RequestIdMiddleware",
    "openimr.core.middleware.ControlCharacterPathMiddleware",
    # Above the session and authentication: it sees the answer last, with the user known,
    # and marks a signed-in user's or a token's answers not to be kept by the browser.
    "openimr.core.middleware.PrivateAnswersNotStoredMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # An ETag on each page and API answer, and 304 to a client asking again with it: the
    # public pages and answers carried no validator, and every reload fetched them whole.
    # Outside every middleware that may change a page's content (django's docs); streamed
    # exports and PDFs get none. The API's rate count kept on the 304. Its 412, which it
    # makes outside the API's error shape, is given that shape by the middleware above it.
    "openimr.api.middleware.ApiPreconditionFailedMiddleware",
    "openimr.core.middleware.ConditionalGetKeepingCountsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "openimr.api.middleware.ApiErrorShapeMiddleware",
    "openimr.api.middleware.ApiHeadAsGetMiddleware",
    "openimr.api.middleware.TokenInUrlMiddleware",
    # After the session's user is known: a signed-in user is counted as a client.
    "openimr.api.rate_limit.ApiRateLimitMiddleware",
    # After the count: a client resending chunked bodies is counted as any other.
    "openimr.api.middleware.ChunkedBodyMiddleware",
]

ROOT_URLCONF = "config.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "openimr" / "templates"],
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
WSGI_APPLICATION = "config.wsgi.application"


# WAL lets readers go on while one writer commits; IMMEDIATE takes the write lock at BEGIN
# so two writers queue instead of failing with "database is locked" mid-transaction.
# A 64 MB page cache and memory-mapped reads: at SQLite's default 2 MB cache, a simulated
# year slowed by a sixth from its first month to its last as its indexes outgrew the cache.
SQLITE_OPTIONS = {
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456;"
    ),
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def _database() -> dict[str, object]:
    url = env_str("DATABASE_URL")
    if url:
        # Health checks: a kept connection is tried before a request reuses it, so after
        # PostgreSQL restarts (or a pooler or firewall drops idle connections) the first
        # request on each server thread reconnects instead of failing on the dead one.
        config: dict[str, object] = database_url_parsed(
            url, conn_max_age=60, conn_health_checks=True
        )
        if config["ENGINE"] == "django.db.backends.sqlite3":
            config["OPTIONS"] = dict(SQLITE_OPTIONS)
        return config
    folder_made("OPENIMR_DATA_DIR", DATA_DIR)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "openimr.sqlite3",
        "OPTIONS": dict(SQLITE_OPTIONS),
        # Each server thread keeps its connection between requests (as the PostgreSQL
        # default above does): opening one, with its pragmas, schema read and an empty page
        # cache, was a tenth of a worker's CPU under load (docs/benchmarks.md, "Load").
        "CONN_MAX_AGE": 600,
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

# --- authentication (issue 7): Argon2, lockout, two factors, password reset mail ----------
# Argon2id first (RFC 9106), over the password's NFKC form (openimr.accounts.hashers); the
# others only check older hashes, upgraded at the next login.
PASSWORD_HASHERS = [
    "openimr.accounts.hashers.NfkcArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# django-axes counts failed logins per username *and* address, so a guesser is stopped
# without letting anyone lock a colleague out from another machine; the cool-off ends it.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]


AXES_FAILURE_LIMIT = env_whole_number("OPENIMR_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_whole_number("OPENIMR_LOGIN_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# An overlong username is cut to the longest an account can have (openimr.accounts.lockout).
AXES_USERNAME_CALLABLE = "openimr.accounts.lockout.lockout_username"
AXES_VERBOSE = False  # no banner on every start of the `openimr` command
# A password-reset link works for an hour, not Django's three days: one read later from a
# mailbox broken into, or from a forwarded message, must no longer open the account, and an
# hour is ample for mail to arrive (HIPAA 45 CFR 164.308(a)(5)(ii)(D) password management;
# NIST SP 800-63B 6.1.2.1, a recovery secret sent out of band is short-lived). The page and
# e-mail say the same (openimr.core.words.duration_words).
PASSWORD_RESET_TIMEOUT = 60 * env_whole_number("OPENIMR_PASSWORD_RESET_MINUTES", 60)
# TOTP (django-otp) for every account that can open a staff, review, QA or admin page:
# openimr.accounts.middleware sends such a session to enrol or verify before anything else.
OTP_TOTP_ISSUER = env_str("OPENIMR_TOTP_ISSUER") or "openimr"
INSTALLED_APPS += ["axes", "django_otp", "django_otp.plugins.otp_totp"]
# Before django.contrib.auth: its `changepassword` command (openimr.accounts.management)
# takes the place of Django's, as a command of an earlier app does, so that a password set
# from the command line also revokes the account's API tokens.
INSTALLED_APPS.insert(INSTALLED_APPS.index("django.contrib.auth"), "openimr.accounts")
# Django's database sessions, each stored with its user, so that an account's sessions can
# be listed and ended ("Your sessions", openimr.accounts.session_store).
SESSION_ENGINE = "openimr.accounts.session_store"
_after_auth = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1
MIDDLEWARE[_after_auth:_after_auth] = [
    "django_otp.middleware.OTPMiddleware",
    "openimr.accounts.middleware.SecondFactorMiddleware",
]
# After the messages, so that the login page can say why the session ended.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1,
    "openimr.accounts.middleware.SessionTimeoutMiddleware",
)
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # last, as django-axes requires
# Mail (password resets, notices, letters): SMTP when OPENIMR_EMAIL_HOST is set. Without
# one, in development and the demo (OPENIMR_EMAIL_OUTBOX, on while DEBUG is), each message
# is delivered to the local outbox, a file under OPENIMR_DATA_DIR/mail/ that staff open at
# /review/outbox/, and its service says "delivered to outbox (no mail server)", never
# "sent" (openimr.core.mail). In production the outbox is off unless turned on: with no
# server a message fails naming these settings and its party is served by mail instead.
# The console only when asked (OPENIMR_EMAIL_CONSOLE): it printed every notice and its
# base64 PDF over a batch's output.
DEFAULT_FROM_EMAIL = env_str("OPENIMR_EMAIL_FROM") or "openimr@localhost"
EMAIL_HOST = env_str("OPENIMR_EMAIL_HOST") or ""
EMAIL_PORT = env_whole_number("OPENIMR_EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("OPENIMR_EMAIL_USER") or ""
EMAIL_HOST_PASSWORD = env_str("OPENIMR_EMAIL_PASSWORD") or ""
EMAIL_USE_TLS = env_bool("OPENIMR_EMAIL_USE_TLS", default=True)
EMAIL_FILE_PATH = str(DATA_DIR / "mail")
EMAIL_OUTBOX = env_bool("OPENIMR_EMAIL_OUTBOX", default=DEBUG)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
    if env_bool("OPENIMR_EMAIL_CONSOLE", default=False)
    else "openimr.core.mail.OutboxBackend"
    if EMAIL_OUTBOX
    else "openimr.core.mail.NoServerBackend"
)
# --- end authentication --------------------------------------------------------------------

LANGUAGE_CODE = "en-us"
TIME_ZONE = "America/Los_Angeles"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = DATA_DIR / "media"

# The letter's organization name and boilerplate: a TOML template an IMR organization may
# replace with its own official wording (docs/letters.md). Empty means the shipped default.
OPENIMR_LETTER_TEMPLATE = env_str("OPENIMR_LETTER_TEMPLATE") or ""

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Each line logged while a request is answered names the request's X-Request-ID.
    "formatters": {"request": {"()": "openimr.audit.request_log.RequestIdFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "request"}},
    "root": {"handlers": ["console"], "level": env_str("OPENIMR_LOG_LEVEL", "INFO")},
}

# Largest upload accepted (UR decisions, records), in bytes.
OPENIMR_UPLOAD_MAX_BYTES = int(env_str("OPENIMR_UPLOAD_MAX_BYTES") or 20 * 1024 * 1024)
# The API takes files as base64 inside JSON: the body may be a third larger than the file
# plus its fields, and Django's 2.5 MB default would refuse it before openimr's own checks.
# Base64 wrapped as MIME writes it adds a line break, "\r\n" (4 bytes in JSON), every 76.
DATA_UPLOAD_MAX_MEMORY_SIZE = OPENIMR_UPLOAD_MAX_BYTES * 4 // 3 * 80 // 76 + 65536
# A staff form's file past that limit is dropped as it streams in, not written whole to a
# temporary file first; the form then refuses it naming the limit (openimr.core.uploads).
FILE_UPLOAD_HANDLERS = [
    "openimr.core.uploads.SizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# --- hostile input (issue 7): PDF sandbox limits and Content-Security-Policy -------------
# Each uploaded PDF is read in a child process under these limits (openimr.core.sandbox).


OPENIMR_PDF_TIMEOUT_SECONDS = env_positive_number("OPENIMR_PDF_TIMEOUT_SECONDS", 30)
OPENIMR_PDF_MEMORY_MB = int(env_positive_number("OPENIMR_PDF_MEMORY_MB", 512))
# How many persistent reader processes the sandbox keeps (openimr.core.sandbox.Readers).
OPENIMR_PDF_READERS = int(env_positive_number("OPENIMR_PDF_READERS", 2))
# The longest one SQL statement of a web request may run on PostgreSQL before the server
# cancels it (openimr.core.statement_limit): a runaway search must not hold a server thread,
# and its database connection, for ever. Commands and the worker have no limit.
OPENIMR_STATEMENT_TIMEOUT_SECONDS = env_positive_number("OPENIMR_STATEMENT_TIMEOUT_SECONDS", 30)


# How long a public search page or a precedent panel may go on being served after letters
# were added to the corpus (openimr.decisions.corpus): 0 serves exact answers only.
OPENIMR_CORPUS_LAG_SECONDS = env_whole_number("OPENIMR_CORPUS_LAG_SECONDS", 900, least=0)

# How long a new API token works (openimr.api.services.token_create): a token copied into a
# client's configuration and forgotten stops working instead of working for ever.
OPENIMR_API_TOKEN_DAYS = env_whole_number("OPENIMR_API_TOKEN_DAYS", 90)
# Requests a minute the API takes from one token (or signed-in user), and from one IP address
# without valid credentials (openimr.api.rate_limit); 0 takes no count.
OPENIMR_API_RATE_PER_MINUTE = env_whole_number("OPENIMR_API_RATE_PER_MINUTE", 120, least=0)
OPENIMR_API_ANON_RATE_PER_MINUTE = env_whole_number("OPENIMR_API_ANON_RATE_PER_MINUTE", 60, least=0)


# Content-Security-Policy (django-csp 4; config.csp says what it allows and why).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "csp.middleware.CSPMiddleware",
)
CONTENT_SECURITY_POLICY = content_security_policy(
    BASE_DIR / "openimr" / "letters" / "static" / "letters" / "letter.css"
)
# --- end hostile input --------------------------------------------------------------------

# Background work (reading the text of case-file records) is queued in the database and run
# by `python manage.py db_worker`; "immediate" runs each task at once, inside the request
# that queued it (tests; a trial without a worker). docs/settings.md.
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_tasks_backend = env_str("OPENIMR_TASKS_BACKEND") or "database"
if _tasks_backend not in _TASK_BACKENDS:
    raise SettingError(
        f"OPENIMR_TASKS_BACKEND={_tasks_backend!r} is not one of {', '.join(_TASK_BACKENDS)}"
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_tasks_backend], "QUEUES": ["default"]}}

# --- Production and deployment (issue 7; docs/deploy.md) ----------------------------------
# With debug off every connection is HTTPS: plain HTTP is redirected, browsers are told by
# HSTS never to try HTTP again, and cookies are sent over HTTPS only. Behind a proxy that ends
# TLS, OPENIMR_BEHIND_PROXY trusts its X-Forwarded-Proto header (only safe when the proxy
# sets it and nothing else can reach the app servers), or the redirect would loop.
_production = not DEBUG
SECURE_SSL_REDIRECT = env_bool("OPENIMR_SSL_REDIRECT", default=_production)
if env_bool("OPENIMR_BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The proxies whose X-Forwarded-For names the client (openimr.core.client_address): without
# them every visitor behind nginx has nginx's address, and the counts by address (API rate,
# status page tries, login lockout) lump all of them together.
# OPENIMR_FORWARDED_ALLOW_IPS (gunicorn's) stands for it when it alone is set (config.proxies).
OPENIMR_TRUSTED_PROXIES = trusted_proxies()
AXES_CLIENT_IP_CALLABLE = "openimr.core.client_address.request_client_address"
SECURE_HSTS_SECONDS = env_whole_number("OPENIMR_HSTS_SECONDS", 31_536_000) if _production else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("OPENIMR_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("OPENIMR_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("OPENIMR_SECURE_COOKIES", _production)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CSRF_TRUSTED_ORIGINS = env_list("OPENIMR_CSRF_TRUSTED_ORIGINS", [])
# A session lasts a working day from login and ends with the browser: a shared clinic
# machine left signed in does not stay open on medical records overnight.
SESSION_COOKIE_AGE = env_whole_number("OPENIMR_SESSION_SECONDS", 8 * 60 * 60)
# ... and after half an hour without a request (openimr.accounts.middleware): a machine left
# signed in is closed to the next person who sits at it (HIPAA 45 CFR 164.312(a)(2)(iii);
# NIST SP 800-63B 4.2.3), at least two minutes (openimr.accounts.domain.session_timeout).
OPENIMR_SESSION_IDLE_SECONDS = env_whole_number(
    "OPENIMR_SESSION_IDLE_SECONDS",
    30 * 60,
    least=IDLE_LEAST_SECONDS,
    why="a request is counted at most once a minute, so a session may end up to a minute "
    "early, and a shorter limit would end sessions in use",
)
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("OPENIMR_SESSION_ENDS_WITH_BROWSER", default=True)
# Static files from the app servers themselves (WhiteNoise): no separate web server to keep
# in step. In production they are served from `collectstatic`'s output, compressed, under
# names that carry their hash, so browsers may cache them for ever; while debugging, by
# runserver straight from the apps' folders, with no collectstatic step.
if _production:
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
        "whitenoise.middleware.WhiteNoiseMiddleware",
    )
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if _production
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
STATIC_ROOT = Path(env_str("OPENIMR_STATIC_ROOT") or DATA_DIR / "static")
# --- end production and deployment --------------------------------------------------------
