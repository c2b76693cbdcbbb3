"""Settings from the environment, failing loudly on a malformed value.

Every name read here is documented in docs/settings.md; a test keeps the two in step.
Secrets may come as NAME or as NAME_FILE (a path whose content is the value), so that
they can be mounted as files and never sit in the repository or a process listing.
"""

import ipaddress
import os
import re
from pathlib import Path
from typing import Any

import dj_database_url

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


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def env_networks(name: str) -> tuple[Network, ...]:
    """A comma list of addresses and CIDR ranges (``10.0.0.0/8``, ``::1``); empty: none.
    A bad item stops start-up naming the setting and the item: a proxy list silently cut
    short would count every client behind the dropped proxy as that proxy."""
    networks = []
    for item in env_list(name, []):
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise SettingError(
                f"{name}: {item!r} is not an IP address or CIDR range (give e.g. "
                "127.0.0.1,10.0.0.0/8,::1)"
            ) from None
    return tuple(networks)


# openimr runs on PostgreSQL and SQLite only: the URL forms DATABASE_URL takes.
DATABASE_SCHEMES = ("postgres", "postgresql", "pgsql", "sqlite")
DATABASE_URL_FORMS = "postgres://USER:PASSWORD@HOST:PORT/NAME or sqlite:///PATH"


def database_url_parsed(url: str, **options: Any) -> dict[str, Any]:
    """``url`` as Django's database settings, or a SettingError saying why it cannot be: no
    scheme, a database openimr does not run on (whose driver failed only at the first
    query), or a URL the parser refuses (a port that is not a number). The URL itself is
    never repeated: it may hold a password."""
    scheme, sep, _ = url.partition("://")
    if not sep or not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme):
        why = "it has no scheme"
    elif scheme not in DATABASE_SCHEMES:
        why = f"openimr runs on PostgreSQL or SQLite, not {scheme}"
    else:
        try:
            return dict(dj_database_url.parse(url, **options))
        except Exception:  # any way the parser refuses it; its message may quote the URL
            why = "it cannot be read"
    raise SettingError(
        f"DATABASE_URL: not a database URL openimr reads ({why}): give {DATABASE_URL_FORMS}"
    )


def folder_made(name: str, path: Path) -> Path:
    """The folder a setting names, made if missing. One that cannot be made (a read-only
    disk, a parent without permission) is a SettingError naming it, as any other bad
    setting: it had been an OSError traceback from the settings module, in every command
    and at every start."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SettingError(
            f"{name}={path}: cannot make the folder ({exc.strerror}): "
            "name a folder this user may write"
        ) from None
    return path


def env_whole_number(name: str, default: int, least: int = 1, why: str = "") -> int:
    """The whole number in ``name``, at least ``least`` (``why``, said when it is less);
    ``default`` when it is not set."""
    raw = env_str(name)
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < least:
        because = f": {why}" if why else ""
        raise SettingError(f"{name}={raw!r} is not a whole number of at least {least}{because}")
    return int(raw)


def env_positive_number(name: str, default: float) -> float:
    """The number in ``name``, greater than 0; ``default`` when it is not set."""
    raw = env_str(name)
    try:
        value = float(raw) if raw else default
    except ValueError:
        raise SettingError(f"{name}={raw!r} is not a number") from None
    if value <= 0:
        raise SettingError(f"{name}={raw!r} must be greater than 0")
    return value
