"""Django settings for openimr. Every value comes from the environment (see docs/settings.md)."""

import secrets
from pathlib import Path

import dj_database_url

from config.env import SettingError, env_bool, env_list, env_str

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
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("OPENIMR_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.admin",
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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
        config: dict[str, object] = dict(dj_database_url.parse(url, conn_max_age=60))
        if config["ENGINE"] == "django.db.backends.sqlite3":
            config["OPTIONS"] = dict(SQLITE_OPTIONS)
        return config
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "openimr.sqlite3",
        "OPTIONS": dict(SQLITE_OPTIONS),
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
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("OPENIMR_LOG_LEVEL", "INFO")},
}

# Largest upload accepted (UR decisions, records), in bytes.
OPENIMR_UPLOAD_MAX_BYTES = int(env_str("OPENIMR_UPLOAD_MAX_BYTES") or 20 * 1024 * 1024)
# The API takes files as base64 inside JSON: the body may be a third larger than the file
# plus its fields, and Django's 2.5 MB default would refuse it before openimr's own checks.
DATA_UPLOAD_MAX_MEMORY_SIZE = OPENIMR_UPLOAD_MAX_BYTES * 4 // 3 + 65536

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
