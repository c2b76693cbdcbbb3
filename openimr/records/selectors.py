"""Reads of the case file for the staff pages, the reviewer's workspace and the letter.

Each takes the case row its caller already obtained through an access helper
(`openimr.cases.selectors.case_get_for_user`), and refuses a record of another case with
NotFound, the same answer as for a record that does not exist.
"""

import hashlib
import io
import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.db.models import F, QuerySet

from openimr.cases import selectors as cases
from openimr.cases.domain.lifecycle import State
from openimr.core.case import Document, DocumentKind, Sex, UROutcome
from openimr.core.errors import InvalidInput, NotFound, Unavailable
from openimr.records.copies import FOLDER as COPIES_FOLDER
from openimr.records.copies import copy_cached, copy_cached_size, copy_keep, record_copy_current
from openimr.records.domain.pages import RecordFacts
from openimr.records.domain.receipt import CaseFileStage, received_after_screening
from openimr.records.domain.summary import CaseFacts, Draft, DraftInput, draft_summary
from openimr.records.models import Record, RecordPage
from openimr.records.pdf import pdf_copy_without_active_content
from openimr.records.vocabulary import KIND_LABELS, PARTY_LABELS, CaseRow, Party, Status

__all__ = [
    "COPIES_FOLDER",
    "KIND_LABELS",
    "PARTY_LABELS",
    "CaseRow",
    "Hit",
    "Party",
    "Status",
    "case_file",
    "case_file_stage",
    "case_search",
    "documents_reviewed",
    "record_file_open",
    "record_file_served",
    "record_file_size",
    "record_get",
    "record_pages",
    "served_filename",
    "summary_draft",
]

logger = logging.getLogger(__name__)
SNIPPET = 80
SEARCH_LIMIT = 200
_SPACE = re.compile(r"\s+")


def _records(case_row: CaseRow) -> QuerySet[Record]:
    # Undated records last on SQLite and PostgreSQL alike (their defaults differ).
    return Record.objects.filter(case_id=case_row.pk).order_by(
        F("date_of_service").asc(nulls_last=True), "received_at", "id"
    )


def case_file(case_row: CaseRow) -> list[Record]:
    """Every record of the case with its facts and page count, by date of service (undated
    last), then by when it was received; each received while screening had left the case
    ineligible or deferred says so (``received_after``, domain/receipt.py)."""
    records = list(_records(case_row))
    stage = case_file_stage(case_row)
    for record in records:
        record.received_after = received_after_screening(stage, record.received_at)
    return records


_ENDED_UNREVIEWED = {State.WITHDRAWN.value, State.TERMINATED.value}
_SCREENED_OUT = {State.INELIGIBLE.value, State.DEFERRED.value}


def case_file_stage(case: CaseRow) -> CaseFileStage:
    """Where the case stands, as the receipt rules read it."""
    screened_out = case.state if case.state in _SCREENED_OUT else None
    return CaseFileStage(
        case_number=case.case_number,
        issued=case.state == State.ISSUED.value,
        in_qa=case.state == State.QA.value,
        decided_on=case.date_decision,
        ended_unreviewed=case.state if case.state in _ENDED_UNREVIEWED else None,
        screened_out=screened_out,
        screened_out_at=cases.screening_notice_at(case.case_number) if screened_out else None,
    )


def record_get(record_id: int | str, case_row: CaseRow) -> Record:
    try:
        key = int(record_id)
    except (TypeError, ValueError):
        key = 0
    record = Record.objects.filter(case_id=case_row.pk, pk=key).select_related("case").first()
    if record is None:
        raise NotFound(f"no record {record_id} in case {case_row.case_number}")
    return record


def case_page_texts(case_row: CaseRow) -> list[str]:
    """The text of every page of every record of the case, records in the case file's order,
    each one's pages in order: two queries however many records (QA's checklist read each
    record and its pages apart, 400 queries on every look at a 200-record case file)."""
    place = {pk: n for n, pk in enumerate(_records(case_row).values_list("pk", flat=True))}
    pages = RecordPage.objects.filter(record_id__in=place).values_list(
        "record_id", "number", "text"
    )
    return [text for _, _, text in sorted(pages, key=lambda p: (place[p[0]], p[1]))]


def record_pages(record_id: int | str, case_row: CaseRow) -> list[RecordPage]:
    """The pages of one record of this case, in order; NotFound for another case's."""
    return list(record_get(record_id, case_row).pages.order_by("number"))


@dataclass(frozen=True)
class Hit:
    """One page where the query occurs: ``match`` is the first occurrence as the page writes
    it, between ``before`` and ``after``. All three are plain text, for the template to
    escape and to mark."""

    record_id: int
    record_title: str
    page: int
    before: str
    match: str
    after: str
    matches: int

    @property
    def anchor(self) -> str:
        return f"page-{self.page}"

    @property
    def snippet(self) -> str:
        return self.before + self.match + self.after


def case_search(case_row: CaseRow, query: str, *, limit: int = SEARCH_LIMIT) -> list[Hit]:
    """The pages of the case file where ``query`` occurs, ignoring case and line breaks,
    in case-file order; at most ``limit``."""
    words = query.split()
    if not words or len("".join(words)) < 2:
        return []
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    order = {record.pk: (position, record) for position, record in enumerate(case_file(case_row))}
    # The longest word narrows the pages in SQL; the pattern then decides.
    pages = RecordPage.objects.filter(
        record__case_id=case_row.pk, text__icontains=max(words, key=len)
    ).only("record_id", "number", "text")
    hits = [
        _hit(order[page.record_id][1], page, found)
        for page in sorted(pages, key=lambda p: (order[p.record_id][0], p.number))
        if (found := list(pattern.finditer(page.text)))
    ]
    return hits[:limit]


def _hit(record: Record, page: RecordPage, found: list[re.Match[str]]) -> Hit:
    text, start, end = page.text, found[0].start(), found[0].end()
    before = _SPACE.sub(" ", text[max(0, start - SNIPPET) : start]).lstrip()
    after = _SPACE.sub(" ", text[end : end + SNIPPET]).rstrip()
    return Hit(
        record_id=record.pk,
        record_title=record.display_title,
        page=page.number,
        before=("… " if start > SNIPPET else "") + before,
        match=_SPACE.sub(" ", found[0].group()),
        after=after + (" …" if end + SNIPPET < len(text) else ""),
        matches=len(found),
    )


def summary_draft(case_row: CaseRow) -> Draft:
    """The clinical case summary drafted from the extracted records and what the case row
    knows (age, sex, date of injury, the disputed treatments, the UR decision)."""
    records = [r for r in case_file(case_row) if r.status == Status.EXTRACTED]
    texts: dict[int, list[str]] = defaultdict(list)
    for page in RecordPage.objects.filter(record__in=records).order_by("record_id", "number"):
        texts[page.record_id].append(page.text)
    documents = [
        DraftInput(str(r.pk), _facts(r), tuple(texts[r.pk])) for r in records if texts[r.pk]
    ]
    return draft_summary(documents, _case_facts(case_row))


def _facts(record: Record) -> RecordFacts:
    return RecordFacts(
        kind=DocumentKind(record.kind),
        author=record.author,
        date_of_service=record.date_of_service,
        title=record.display_title,
    )


def _case_facts(row: CaseRow) -> CaseFacts:
    items = list(row.items.order_by("position"))
    outcomes = {item.ur_outcome for item in items}
    return CaseFacts(
        age=row.employee_age,
        sex=Sex(row.employee_sex) if row.employee_sex else None,
        date_of_injury=row.date_injury,
        treatments=tuple(item.treatment for item in items),
        ur_decision_date=row.date_ur_decision,
        ur_outcome=UROutcome(outcomes.pop()) if len(outcomes) == 1 else None,
    )


def documents_reviewed(case_row: CaseRow) -> tuple[Document, ...]:
    """Every record of the case file for the letter's list of documents reviewed: each by
    title, author, date of service and kind, never folded into a date range. Once the
    reviewer has decided, only the records received by then: one that arrives while the
    determination is in QA, or after it is issued, was never before the reviewer, and the
    letter says the reviewer considered every document it lists."""
    decided = case_row.decided_at
    return tuple(
        Document(
            title=r.display_title,
            author=r.author,
            date=r.date_of_service,
            kind=DocumentKind(r.kind),
        )
        for r in case_file(case_row)
        if decided is None or r.received_at <= decided
    )


def record_file_open(record: Record) -> BinaryIO:
    """The stored PDF as received, opened for reading. NotFound when the stored file is
    gone (a restore without the files, a disk fault): said, not a server error."""
    try:
        return (Path(settings.MEDIA_ROOT) / record.file_path).open("rb")
    except FileNotFoundError as exc:
        raise NotFound(
            f"the stored file of record {record.pk} ({record.filename}) is missing from the "
            "media folder: restore it from a backup"
        ) from exc


def record_file_served(record: Record, original: bool = False) -> BinaryIO:
    """The PDF a reader's machine gets: a copy made from the pages alone, without any
    script, action, annotation, form field or attached file the file may carry (its web
    links written anew), whatever the count found (a count can miss a kind nobody listed);
    the file exactly as received only when staff ask for it by name (``original``; their
    view audits it apart). Why: the HIPAA Security Rule's protection from malicious software
    (45 CFR 164.308(a)(5)(ii)(B)) on the reviewer's workstation, and its integrity standard
    (45 CFR 164.312(c)(1)) for the evidence, which the copy leaves unchanged. The copy is
    made once and kept (`copies.py`). NotFound when the stored file is gone; Unavailable
    when the copy cannot be made."""
    stored = record_file_open(record)
    if original:
        return stored
    with stored:
        if (kept := copy_cached(record.sha256)) is not None:
            return io.BytesIO(kept)
        data = stored.read()
    copy = _copy_made(record, data)
    # Kept under the hash recorded at receipt only if the bytes still have it.
    if hashlib.sha256(data).hexdigest() == record.sha256:
        copy_keep(record.sha256, copy)
    else:
        logger.warning("record %s no longer matches its SHA-256; its copy is not kept", record.pk)
    return io.BytesIO(copy)


def _copy_made(record: Record, data: bytes) -> bytes:
    try:
        return pdf_copy_without_active_content(data, path="file")
    except InvalidInput as exc:
        reason = "; ".join(problem.message for problem in exc.problems)
        raise Unavailable(
            f"a copy of record {record.pk} without its active content could not be made "
            f"({reason}); staff can download the original from the case file"
        ) from exc


def record_file_size(record: Record, original: bool = False) -> int | None:
    """The size of what ``record_file_served`` would send, without making a copy (a HEAD
    request): the stored file's, or the kept copy's; None when no copy is kept yet.
    NotFound when the stored file is gone, as for the file itself."""
    record_file_open(record).close()
    return record.size if original else copy_cached_size(record.sha256)


def served_filename(name: str) -> str:
    """The name a PDF is saved under on a reader's machine: the sender's, ending in .pdf.
    A PDF sent as "notes.html" saved under that name opens in a browser as a web page, and
    a file can be both (a polyglot), so its name is made to say what it was taken for."""
    return name if name.lower().endswith(".pdf") else f"{name}.pdf"


def record_files_named(paths: list[str]) -> set[str]:
    """Which of these stored files (paths under MEDIA_ROOT) a record names."""
    return set(Record.objects.filter(file_path__in=paths).values_list("file_path", flat=True))


def record_copies_named(paths: list[str]) -> set[str]:
    """Which of these kept copies (paths under MEDIA_ROOT/record-copies) are the current
    version's copy of a record's bytes; the rest are a gone record's or an old version's."""
    shas = {Path(p).parts[1] for p in paths if len(Path(p).parts) == 3}
    existing = set(Record.objects.filter(sha256__in=shas).values_list("sha256", flat=True))
    return {p for p in paths if record_copy_current(p, existing)}
