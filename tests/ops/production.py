"""The environment of a production server, for the deployment tests: debug off, a secret
key, SQLite in its own data folder, nothing inherited that would change the settings."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def production_env(data_dir: Path, secret_key: str) -> dict[str, str]:
    # Only what a deployment sets: not the test run's own switches, such as the browser
    # tests' DJANGO_ALLOW_ASYNC_UNSAFE, which check --deploy rightly refuses.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("OPENIMR_", "DATABASE_")) and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env |= {
        "OPENIMR_DEBUG": "false",
        "OPENIMR_SECRET_KEY": secret_key,
        "OPENIMR_DATA_DIR": str(data_dir),
        "OPENIMR_ALLOWED_HOSTS": "localhost,127.0.0.1",
        "OPENIMR_EMAIL_HOST": "smtp.example.org",  # as docs/deploy.md sets it
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    return env
