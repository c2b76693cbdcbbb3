"""The case file as the workspace and QA read it, through the records app's selectors.

INTEGRATION POINT: the records layer (``openimr.records.selectors``: ``case_file``,
``record_pages``, ``case_search``, ``summary_draft``, ``documents_reviewed``) is built beside
this app. Until it is there every read here answers "no records", so the workspace, QA and
the letter work on the case's own document list; once it is, the shapes are read by the
attribute names of ``openimr.records.models`` (``Record``, ``RecordPage``) and of the
drafter's ``Draft``. A name the records layer spells differently changes only this module."""

import importlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from types import ModuleType
from typing import Any

from openimr.core.case import DocumentKind
from openimr.core.errors import NotFound
from openimr.review.domain.provenance import Linked, SourceRef

RECORDS = "openimr.records.selectors"


def _selectors() -> ModuleType | None:
    try:
        return importlib.import_module(RECORDS)
    except ModuleNotFoundError as exc:
        if exc.name != RECORDS:
            raise  # the records layer is there but broken: a 500, not "no records"
        return None


def _call(name: str, *args: Any) -> Any:
    module = _selectors()
    function = getattr(module, name, None) if module else None
    return function(*args) if function else None


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    for name in names:
        value = obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)
        if value is not None:
            return value
    return default


@dataclass(frozen=True)
class RecordLine:
    """One record of the case file as the workspace lists it."""

    id: str
    title: str
    author: str | None
    date: date | None
    kind: str
    pages: int
    kind_label: str = ""  # the kind in words, as the staff pages say it
    active_content: str = ""  # "this PDF contains JavaScript (1 script)", or empty

    @property
    def reference(self) -> str:
        """The record as the letter's reference list names it: title, author and date."""
        when = f"{self.date:%B} {self.date.day}, {self.date.year}" if self.date else None
        return ", ".join(part for part in (self.title, self.author, when) if part)


@dataclass(frozen=True)
class Hit:
    record_id: str
    page: int
    text: str


def _record(raw: Any) -> RecordLine:
    return RecordLine(
        id=str(_get(raw, "pk", "id", "document_id")),
        title=str(_get(raw, "display_title", "title", "filename", default="Record")),
        author=_get(raw, "author"),
        date=_get(raw, "date_of_service", "date"),
        kind=str(_get(raw, "kind", default="other")),
        pages=int(_get(raw, "page_count", "pages", default=0) or 0),
        kind_label=_kind_words(str(_get(raw, "kind", default="other"))),
        active_content=str(_get(raw, "active_content_words", default="")),
    )


def _kind_words(kind: str) -> str:
    """The kind as every staff page says it (one table: openimr.core.case)."""
    try:
        return DocumentKind(kind).label
    except ValueError:
        return kind.replace("_", " ").capitalize()


def records(case_row: Any) -> list[RecordLine]:
    return [_record(r) for r in _call("case_file", case_row) or ()]


def received_after(case_row: Any, moment: datetime | None) -> list[RecordLine]:
    """The records received after ``moment`` (the reviewer's decision): never before the
    reviewer, and not in the letter unless the case goes back to review."""
    if moment is None:
        return []
    raws = _call("case_file", case_row) or ()
    return [_record(r) for r in raws if (_get(r, "received_at") or moment) > moment]


def record_file(record_id: str, case_row: Any) -> tuple[Any, str] | None:
    """The record's PDF as a reader gets it (without active content, when it has any: the
    records layer's ``record_file_served``), opened, with its file name; None when the
    record is not in this case's file. NotFound when its stored file is gone (said, not a
    server error); Unavailable when the copy cannot be made."""
    found = _record_named(record_id, case_row)
    return None if found is None else (_call("record_file_served", found[0]), found[1])


def record_file_size(record_id: str, case_row: Any) -> tuple[int | None, str] | None:
    """What a HEAD of the record's PDF answers, without making its copy: the size of the
    copy if one is kept (else None), with its file name; None when the record is not in
    this case's file. NotFound when its stored file is gone."""
    found = _record_named(record_id, case_row)
    return None if found is None else (_call("record_file_size", found[0]), found[1])


def _record_named(record_id: str, case_row: Any) -> tuple[Any, str] | None:
    for raw in _call("case_file", case_row) or ():
        if str(_get(raw, "pk", "id", "document_id")) == record_id:
            name = str(_get(raw, "filename", default=f"record-{record_id}.pdf"))
            return raw, _call("served_filename", name) or name
    return None


def record_pages(record_id: str, case_row: Any) -> list[tuple[int, str]]:
    """The record's pages as (number, text); empty when the record is not in this case."""
    try:
        raw = _call("record_pages", record_id, case_row) or ()
    except NotFound:
        return []
    return [
        (int(_get(p, "number", "page", default=n)), str(_get(p, "text", default=p)))
        for n, p in enumerate(raw, 1)
    ]


def search(case_row: Any, query: str) -> list[Hit]:
    if not query.strip():
        return []
    found = _call("case_search", case_row, query) or ()
    return [
        Hit(
            str(_get(h, "record_id", "document_id", "record", default="")),
            int(_get(h, "page", "number", default=1)),
            str(_get(h, "snippet", "text", default="")),
        )
        for h in found
    ]


def _sources(raw: Iterable[Any]) -> tuple[SourceRef, ...]:
    return tuple(
        SourceRef(str(_get(r, "document_id", "record_id")), int(_get(r, "page"))) for r in raw
    )


def summary_draft(case_row: Any) -> tuple[Linked, ...]:
    """The drafted clinical summary, each sentence with the pages it came from."""
    draft = _call("summary_draft", case_row)
    sentences = _get(draft, "sentences", default=()) if draft is not None else ()
    return tuple(
        Linked(str(_get(s, "text")), _sources(_get(s, "sources", default=()))) for s in sentences
    )


def titles(case_row: Any) -> dict[str, str]:
    """Each record's id and its line in the reference list."""
    return {r.id: r.reference for r in records(case_row)}


def documents_reviewed(case_row: Any) -> tuple[str, ...] | None:
    """The letter's list of records reviewed (title, author, date), or None without the
    records layer."""
    found = _call("documents_reviewed", case_row)
    if found is None:
        return None
    return tuple(d if isinstance(d, str) else _record(d).reference for d in found)


def page_texts(case_row: Any) -> list[str] | None:
    """Every page of every record, for the check of figures; None without records."""
    if _selectors() is None:
        return None
    return list(_call("case_page_texts", case_row) or ())
