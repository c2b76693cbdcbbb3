"""Requests refused before any view runs."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest

from openimr.core.text import has_control_character


class ControlCharacterPathMiddleware:
    """An address holding a control character ("/decisions/CM%00/") is refused with 400 and
    a reason. No case number, record id or page holds one, and PostgreSQL cannot compare text
    holding a NUL byte: the view's lookup (and the audit row of its refusal) failed on the
    database, a server error. The API refuses them itself, in its error shape
    (``openimr.api.params``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith("/api/") and has_control_character(request.path):
            return HttpResponseBadRequest(
                "This address holds a control character, which no page of openimr has.",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
