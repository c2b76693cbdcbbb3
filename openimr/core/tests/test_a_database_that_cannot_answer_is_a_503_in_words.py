"""When PostgreSQL cannot answer (restarting, unreachable, out of connections, or a statement
stopped by the time limit), a page answers 503 saying so and when to try again, and the API
its one error shape with the same words: no "Server Error (500)" as for a bug, no trace.
A server restarted between two requests costs the visitor nothing: the kept connection is
found dead and replaced."""

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test import Client

from openimr.core.statement_limit import statement_limit_set
from openimr.decisions.tests.public_factories import make_decision

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL's server, connections, limit"
    ),
    pytest.mark.django_db(transaction=True),
]


def _server_call(path: str) -> tuple[str, bytes]:
    """``path`` answered as gunicorn has Django answer it: the request signals close an
    unusable or aged connection, as the test client's do not."""
    seen: dict[str, str] = {}

    def start_response(status: str, headers: list[Any], *_: Any) -> None:
        seen["status"] = status

    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query,
        "SERVER_NAME": "testserver", "SERVER_PORT": "80", "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(), "wsgi.errors": io.StringIO(),
    }  # fmt: skip
    body = b"".join(WSGIHandler()(environ, start_response))
    return seen["status"], body


def _ended_from_outside(pid: int) -> None:
    """The server side of ``pid`` ends, as a PostgreSQL restart ends every connection."""
    params = connection.get_connection_params()
    with psycopg.connect(**params, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_a_request_after_the_server_ended_the_kept_connection_is_answered():
    make_decision(summary="Knee pain after a fall.")
    assert _server_call("/decisions/?q=knee")[0] == "200 OK"
    assert connection.connection is not None, "the connection is kept between requests"
    _ended_from_outside(connection.connection.info.backend_pid)

    status, body = _server_call("/decisions/?q=knee")

    assert status == "200 OK", body[:300]
    assert b"after a fall" in body


@pytest.fixture
def unreachable() -> Iterator[None]:
    """PostgreSQL stops answering on its port, as while it restarts."""
    port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"
    yield
    connection.close()
    connection.settings_dict["PORT"] = port


def test_a_page_with_the_database_unreachable_says_so_with_503(unreachable):
    response = Client(raise_request_exception=False).get("/decisions/", {"q": "knee"})

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.content.decode() == (
        "The database cannot be reached just now, so this request could not be answered. "
        "Try again in 30 seconds."
    )


def test_the_api_with_the_database_unreachable_answers_its_error_shape(unreachable):
    response = Client(raise_request_exception=False).get("/api/v1/decisions", {"q": "knee"})

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {
        "error": {
            "code": "unavailable",
            "message": "The database cannot be reached just now, so this request could not "
            "be answered. Try again in 30 seconds.",
            "fields": [],
        }
    }


def test_a_search_past_the_statement_limit_is_stopped_and_said(settings, monkeypatch):
    """A runaway query (here one that sleeps a minute) is cancelled by PostgreSQL at the
    limit, and the request answers why, rather than holding its thread until it ends."""
    settings.OPENIMR_STATEMENT_TIMEOUT_SECONDS = 0.2
    statement_limit_set(sender=None, connection=connection)

    def runaway(*args: Any, **kwargs: Any) -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(60)")

    monkeypatch.setattr("openimr.decisions.selectors.decision_search", runaway)
    response = Client(raise_request_exception=False).get("/decisions/", {"q": "knee"})

    assert response.status_code == 503
    assert response.content.decode() == (
        "This request took the database longer than 0.2 seconds and was stopped. "
        "Try a narrower search, or again later."
    )
    connection.close()  # its statement limit goes with it


_SHOW_LIMIT = (
    "{load}\n"
    "from django.db import connection\n"
    "with connection.cursor() as cursor:\n"
    "    cursor.execute('SHOW statement_timeout')\n"
    "    print(cursor.fetchone()[0])\n"
)


@pytest.mark.parametrize(
    ("load", "limit"),
    [("import config.wsgi", "2500ms"), ("import django; django.setup()", "0")],
    ids=["the web server", "a command"],
)
def test_only_the_web_servers_connections_have_the_statement_limit(load, limit):
    """gunicorn loads config.wsgi; `openimr migrate`, `backup` and the worker do not, and
    their bulk statements may rightly run long."""
    env = {**os.environ, "OPENIMR_STATEMENT_TIMEOUT_SECONDS": "2.5"}
    done = subprocess.run(
        [sys.executable, "-c", _SHOW_LIMIT.format(load=load)],
        cwd=Path(__file__).resolve().parents[3],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == limit
