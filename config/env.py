"""Settings from the environment, failing loudly on a malformed value.

Every name read here is documented in docs/settings.md; a test keeps the two in step.
Secrets may come as NAME or as NAME_FILE (a path whose content is the value), so that
they can be mounted as files and never sit in the repository or a process listing.
"""

import os
from pathlib import Path

READ: set[str] = set()


class SettingError(Exception):
    """A setting that is present but malformed."""


def env_str(name: str, default: str | None = None) -> str | None:
    READ.add(name)
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise SettingError(f"{name}_FILE={file_name!r} cannot be read: {exc}") from exc
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = env_str(name)
    if raw is None or raw == "":
        return default
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise SettingError(f"{name}={raw!r} is not a boolean (use true/false)")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = env_str(name)
    if raw is None or raw.strip() == "":
        return default
    return [part.strip() for part in raw.split(",") if part.strip()]
