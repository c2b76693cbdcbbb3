"""gunicorn's access log with the client's address, not the proxy's: behind nginx every
connection comes from nginx, and a log line naming 127.0.0.1 for every request cannot tell
one client from another (a guesser at /status/, a caller past the API's limit). The address
is the one the counts by address take (`openimr.core.client_address`): X-Forwarded-For is
believed only from the trusted proxies (`config.proxies`), since a client writes what it
likes in it."""

from datetime import timedelta
from typing import Any

from gunicorn.glogging import Logger

from config.proxies import trusted_proxies
from openimr.core.client_address import client_address


class ClientAddressLogger(Logger):
    """gunicorn's logger, its ``%(h)s`` the client's address."""

    # Read once, when gunicorn loads its configuration: a request's line costs no parsing.
    proxies = trusted_proxies()

    def atoms(
        self, resp: Any, req: Any, environ: dict[str, Any], request_time: timedelta
    ) -> dict[str, Any]:
        found = super().atoms(resp, req, environ, request_time)
        remote = environ.get("REMOTE_ADDR") or ""
        forwarded = environ.get("HTTP_X_FORWARDED_FOR", "")
        found["h"] = client_address(remote, forwarded, self.proxies) or "-"
        return found
