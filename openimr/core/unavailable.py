"""The answer to a request the database could not serve: 503 in words, not a 500 page.

A PostgreSQL server restarting, unreachable, refusing connections (``max_connections``
reached) or cancelling a statement past ``OPENIMR_STATEMENT_TIMEOUT_SECONDS``
(openimr.core.statement_limit) raised a database error out of whatever view was running,
and the visitor saw "Server Error (500)", as for a bug. These pass, the request can be sent
again, and RFC 9110 15.6.4 gives them 503 with Retry-After. Django still logs the error
with its trace (django.request), as for any 5xx.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.views.defaults import server_error as django_server_error

from openimr.core.schema import schema_behind_error

RETRY_AFTER_SECONDS = 30
# The code was upgraded and `migrate` not run: SQLite's "no such column" had been told as a
# database out of reach ("try again in 30 seconds", which never helps) and PostgreSQL's as
# a bug (500). It lasts until an operator migrates, so no Retry-After.
SCHEMA_BEHIND = (
    "This server's version of openimr needs changes to its database that have not been made "
    "yet, so this request could not be answered. The operator must run "
    "`python manage.py migrate`."
)


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's handler500: called inside the ``except`` that caught the view's error."""
    error = sys.exc_info()[1]
    if error is not None and schema_behind_error(error):
        return HttpResponse(SCHEMA_BEHIND, status=503, content_type="text/plain; charset=utf-8")
    if not isinstance(error, OperationalError | InterfaceError):
        return django_server_error(request)
    answer = HttpResponse(_why(error), status=503, content_type="text/plain; charset=utf-8")
    answer["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return answer


def _why(error: Exception) -> str:
    # psycopg's QueryCanceled, which Django wraps: the statement timeout fired.
    if type(error.__cause__).__name__ == "QueryCanceled":
        seconds = f"{settings.OPENIMR_STATEMENT_TIMEOUT_SECONDS:g}"
        return (
            f"This request took the database longer than {seconds} seconds and was stopped. "
            "Try a narrower search, or again later."
        )
    return (
        "The database cannot be reached just now, so this request could not be answered. "
        f"Try again in {RETRY_AFTER_SECONDS} seconds."
    )
