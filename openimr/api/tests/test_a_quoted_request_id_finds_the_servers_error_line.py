"""A client told to quote a 500's ``X-Request-ID`` (docs/api.md) gives an id the server's
log holds: the error line Django writes for the failed request starts with it. Lines logged
outside a request (the CLI, the ingest) are written as before."""

import io
import logging

import pytest

from openimr.api.tests.server_error import PATH, answer_of_a_bug
from openimr.audit.request_log import RequestIdFormatter

pytestmark = pytest.mark.django_db


@pytest.fixture
def server_log():
    """What the configured console handler would write, caught in a string."""
    configured = [h.formatter for h in logging.getLogger().handlers if h.formatter]
    assert any(isinstance(f, RequestIdFormatter) for f in configured)
    written = io.StringIO()
    handler = logging.StreamHandler(written)
    handler.setFormatter(RequestIdFormatter())
    logging.getLogger().addHandler(handler)
    yield written
    logging.getLogger().removeHandler(handler)


def test_the_error_line_of_a_500_names_the_id_the_client_was_given(monkeypatch, server_log):
    response = answer_of_a_bug(monkeypatch)
    assert response.status_code == 500
    quoted = response["X-Request-ID"]
    error_lines = [line for line in server_log.getvalue().splitlines() if PATH in line]
    assert error_lines and error_lines[0].startswith(f"[request {quoted}] ")


def test_a_line_logged_outside_a_request_is_written_as_before(server_log):
    logging.getLogger("openimr.test").warning("ingest finished")
    assert server_log.getvalue() == "ingest finished\n"
