"""A bench's own Django: settings pointed at a fresh SQLite file in a temporary folder,
migrated. Shared by the benches that drive services or the test client in one process, so
each measures the same configuration (no debug, no HTTPS redirect)."""

import os


def set_up(folder: str, database: str, *, test_client: bool = False) -> None:
    """Django on `folder`/`database`.sqlite3, migrated. With `test_client`, the settings the
    test client needs: its host allowed and static files without a collectstatic manifest
    (the 404 page names its stylesheet)."""
    os.environ["OPENIMR_DATA_DIR"] = folder
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/{database}.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["OPENIMR_DEBUG"] = "false"
    os.environ["OPENIMR_SSL_REDIRECT"] = "false"
    os.environ.setdefault("OPENIMR_SECRET_KEY", "bench-only")
    if test_client:
        os.environ["OPENIMR_ALLOWED_HOSTS"] = "testserver"
    import django  # noqa: PLC0415
    from django.core.management import call_command  # noqa: PLC0415

    django.setup()
    if test_client:
        from django.conf import settings  # noqa: PLC0415

        storage = "django.contrib.staticfiles.storage.StaticFilesStorage"
        settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": storage}}
    call_command("migrate", verbosity=0)
