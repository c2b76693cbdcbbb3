"""The answer to a HEAD request for a PDF: the headers a GET would send, without its body,
so that a HEAD costs no copy of the record (openimr.records.copies)."""

from django.http import HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.utils.http import content_disposition_header


def pdf_headers(name: str, size: int | None, *, as_attachment: bool) -> HttpResponseBase:
    """Its type, the name it is saved under, and its length when known. Unknown (a copy not
    made yet), the answer streams nothing, so that no Content-Length of 0 is added to it
    (CommonMiddleware does so for a plain response): a client would take the PDF as empty."""
    response: HttpResponseBase
    if size is None:
        response = StreamingHttpResponse(iter(()), content_type="application/pdf")
    else:
        response = HttpResponse(content_type="application/pdf")
        response["Content-Length"] = str(size)
    if disposition := content_disposition_header(as_attachment, name):  # None without a name
        response["Content-Disposition"] = disposition
    return response
