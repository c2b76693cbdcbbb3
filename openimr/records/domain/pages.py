"""The shapes the records rules share: a page of extracted text, and what was inferred about
one document."""

from dataclasses import dataclass
from datetime import date

from openimr.core.case import DocumentKind

# pypdfium2 extracts page by page; records.services joins the pages with a form feed, the
# one character extracted text never contains.
PAGE_BREAK = "\f"


@dataclass(frozen=True)
class Page:
    """One page of one document; ``number`` counts from 1, as a reader would cite it."""

    document_id: str
    number: int
    text: str


@dataclass(frozen=True)
class RecordFacts:
    """What was inferred about one document from its text alone."""

    kind: DocumentKind
    author: str | None
    date_of_service: date | None
    title: str


def split_pages(text: str) -> tuple[str, ...]:
    """The pages of a document's extracted text. A trailing form feed makes no empty last
    page; a text without any is one page."""
    pages = text.split(PAGE_BREAK)
    if len(pages) > 1 and not pages[-1].strip():
        pages.pop()
    return tuple(pages)


def pages_of(document_id: str, text: str) -> tuple[Page, ...]:
    return tuple(
        Page(document_id, number, page) for number, page in enumerate(split_pages(text), 1)
    )
