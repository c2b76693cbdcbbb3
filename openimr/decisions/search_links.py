"""The query strings a search links to: the same search with a filter set or cleared, and
its other pages. One writer for the search page and the API, so that both carry every
filter (and the page size) from one page to the next; the query strings themselves are
`openimr.core.paging.query_with`'s, as the staff lists' are."""

from django.http import QueryDict

from openimr.core.paging import query_with


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
