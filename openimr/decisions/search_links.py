"""The query strings a search links to: the same search with a filter set or cleared, and
its other pages. One writer for the search page and the API, so that both carry every
filter (and the page size) from one page to the next."""

from typing import Any
from urllib.parse import urlencode

from django.http import QueryDict


def query_with(params: QueryDict, **changes: Any) -> str:
    """The current query string with some parameters set (or removed, given None), in
    QueryDict.urlencode's order: the others as they came, then the changed ones; the page
    left out unless set, as a changed search starts again at its first. Written out
    directly: a page has some fifty of these links, and copying the QueryDict for each was
    a sixth of the page's time."""
    pairs = [(k, v) for k, values in params.lists() if k != "page" and k not in changes
             for v in values]  # fmt: skip
    pairs += [(k, str(v)) for k, v in changes.items() if v is not None]
    return "?" + urlencode(pairs)


def pager(params: QueryDict, page: int, pages: int) -> dict[str, str | None]:
    """The query strings of the first, previous, next and last pages of the search
    ``params`` ask for, on its ``page`` of ``pages``; None where there is none (no previous
    to the first page, no next to the last). Past the last page, the previous is the last."""
    return {
        "first": query_with(params, page=1),
        "previous": query_with(params, page=min(page - 1, pages)) if page > 1 else None,
        "next": query_with(params, page=page + 1) if page < pages else None,
        "last": query_with(params, page=pages),
    }
