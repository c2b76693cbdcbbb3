"""The address a request came from, as every count by address and the login lockout's
audit row take it (the API's anonymous rate limit, the status page's wrong tries, django-axes
through `AXES_CLIENT_IP_CALLABLE`). Behind a proxy the connection's address (REMOTE_ADDR) is
the proxy's: one guesser would lock every party out of /status/ and all anonymous API
callers would share one count. So when the connection comes from a proxy named in
`OPENIMR_TRUSTED_PROXIES`, the client is read from X-Forwarded-For; from anyone else the
header is ignored, since a client may write whatever it likes in it."""

import ipaddress
from collections.abc import Iterable

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _parsed(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(address: str, proxies: Iterable[Network]) -> bool:
    ip = _parsed(address)
    return ip is not None and any(ip in network for network in proxies)


def client_address(remote: str, forwarded_for: str, proxies: Iterable[Network]) -> str:
    """The client's address: ``remote`` unless it is a trusted proxy; then the right-most
    entry of ``forwarded_for`` that is not itself a trusted proxy. Right-most, because each
    proxy appends the address it was reached from (nginx's $proxy_add_x_forwarded_for):
    entries to its left came from the client and may be forged. An entry that is not an
    address (a proxy passing garbage on) is not believed: the count falls to the nearest
    trusted proxy, as it did before any was trusted."""
    proxies = tuple(proxies)
    if not _trusted(remote, proxies):
        return remote
    nearest = remote
    for raw in reversed(forwarded_for.split(",")):
        entry = raw.strip()
        if not _trusted(entry, proxies):
            return entry if _parsed(entry) is not None else nearest
        nearest = entry
    return nearest


def request_client_address(request: HttpRequest) -> str:
    """`client_address` of a request, with the proxies of `OPENIMR_TRUSTED_PROXIES`."""
    return client_address(
        request.META.get("REMOTE_ADDR", ""),
        request.META.get("HTTP_X_FORWARDED_FOR", ""),
        settings.OPENIMR_TRUSTED_PROXIES,
    )
