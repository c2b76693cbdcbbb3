"""The proxies in front of the app servers, named once for gunicorn and Django alike.

gunicorn believes a proxy's X-Forwarded-Proto (`forwarded_allow_ips`) and Django believes
its X-Forwarded-For (`OPENIMR_TRUSTED_PROXIES`, read by `openimr.core.client_address`): the
same proxy, so the same addresses. Either setting is enough, the other takes its value; both
set to different addresses stop start-up naming the two, since one of them is wrong and
nothing here can tell which (docs/settings.md, docs/deploy.md)."""

from config.env import Network, SettingError, env_networks, env_str

TRUSTED = "OPENIMR_TRUSTED_PROXIES"
FORWARDED = "OPENIMR_FORWARDED_ALLOW_IPS"
# gunicorn's scheme header from nginx on the same machine when neither is set; the counts by
# address then take the connection's own address (no proxy named for X-Forwarded-For).
GUNICORN_DEFAULT = "127.0.0.1"


def _named(name: str) -> tuple[Network, ...] | None:
    raw = env_str(name)
    return env_networks(name) if raw is not None and raw.strip() else None


def trusted_proxies() -> tuple[Network, ...]:
    """The proxies whose X-Forwarded-For names the client: `OPENIMR_TRUSTED_PROXIES`, or
    `OPENIMR_FORWARDED_ALLOW_IPS` when it alone is set; none when neither is. A SettingError
    names both when they are set to different addresses (the order they are listed in and
    how a range is written, "10.0.0.0/8" or "10.1.2.3/8", do not count)."""
    trusted, forwarded = _named(TRUSTED), _named(FORWARDED)
    if trusted is not None and forwarded is not None and set(trusted) != set(forwarded):
        raise SettingError(
            f"{TRUSTED}={env_str(TRUSTED)!r} and {FORWARDED}={env_str(FORWARDED)!r} name "
            "different proxies: they are the same proxy's addresses (the one gunicorn "
            "believes for the scheme, Django for the client's address); set one of them, "
            "the other takes its value"
        )
    return trusted if trusted is not None else (forwarded or ())


def forwarded_allow_ips() -> str:
    """gunicorn's `forwarded_allow_ips` (a comma list): `trusted_proxies`, or 127.0.0.1 when
    none is named."""
    return ",".join(str(network) for network in trusted_proxies()) or GUNICORN_DEFAULT
