"""Staff lists a page at a time (the work queue, the QA queue, the print queue). Unpaged, a
year of 2,000 applications made the print queue a 5 MB page of 8,000 rows that took 18 s,
and the work and QA queues stopped at their first 500 cases with no way to the others."""

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.http import QueryDict

from openimr.core.errors import InvalidInput, Problem

PAGE_SIZE = 100
# A page number is a count of pages: more digits than this is no page of any list, and
# Python's int() of a 100,000-digit string is refused only after it has been read.
_MAX_DIGITS = 9


@dataclass(frozen=True)
class Page:
    """Page ``number`` (from 1) of a list of ``total`` rows, ``size`` rows a page."""

    number: int
    total: int
    size: int = PAGE_SIZE

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    @property
    def first(self) -> int:
        """The 1-based place of the page's first row (0 for an empty list)."""
        return self.offset + 1 if self.total else 0

    @property
    def last(self) -> int:
        return min(self.offset + self.size, self.total)


def page_asked(raw: str | None) -> int:
    """The page number ``?page=`` asks for: none is the first; anything but a whole number
    from 1 is refused at ``?page`` (as the work queue names its filters), saying what it takes."""
    if raw is None or raw == "":
        return 1
    if not raw.isascii() or not raw.isdigit() or len(raw) > _MAX_DIGITS or int(raw) < 1:
        shown = raw if len(raw) <= 20 else f"{raw[:20]}…"
        raise InvalidInput([Problem("?page", f"{shown!r} is not a page: a whole number from 1")])
    return int(raw)


def page_of(asked: int, total: int, size: int | None = None) -> Page:
    """The page asked, or the last page when the list has shrunk below it (rows marked
    printed or issued since the link was made): a page past the end showed nothing.
    ``size``: PAGE_SIZE, read when called (tests make it small)."""
    size = size or PAGE_SIZE
    last = Page(1, total, size).pages
    return Page(min(asked, last), total, size)


def page_links(query: Any, page: Page) -> dict[str, str | None]:
    """The previous and next pages' query strings, keeping the list's other parameters
    (its filters): ``query`` is the request's GET."""
    return {
        "previous": query_with(query, page=page.number - 1) if page.number > 1 else None,
        "next": query_with(query, page=page.number + 1) if page.number < page.pages else None,
    }


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
