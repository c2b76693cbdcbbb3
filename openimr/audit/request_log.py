"""Log lines written while a request is answered carry its id, so that the id a client
quotes from a 500's ``X-Request-ID`` header (docs/api.md) finds the server's own error line
(``django.request``'s traceback) as well as the request's audit events."""

import logging

from openimr.audit import context


class RequestIdFormatter(logging.Formatter):
    """``[request <id>] `` before each line logged within a request; lines logged outside
    one (the CLI, the ingest, start-up) are left as they were, so their output is unchanged."""

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        request = context.current()
        if request is None:
            return line
        return f"[request {request.request_id}] {line}"
