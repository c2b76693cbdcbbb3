"""The liveness answer a load balancer or monitor polls: "ok" from a Django view, without
a login or a database query, so it shows that a worker answers and nothing else. The load
benchmark (bench/load.py) uses it as the baseline: what the server costs before any page's
own work."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
