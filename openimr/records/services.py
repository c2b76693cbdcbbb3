"""Writes to the case file: receiving a record, correcting what was inferred about it, and
the background task that reads its text. Each write keeps its audit row in its transaction.

A record is refused at the door (empty, not a PDF, too large, encrypted, unreadable,
unpacking past the page or text limit, or past the time or memory limit of the child process
that reads it: openimr.core.sandbox) with nothing stored, since the sender must hear of it
at once. A record that passes is stored with its checksum and sender, and its pages and
inferred facts come from a task that the worker (`python manage.py db_worker`) runs. The
task's row is written in the record's own transaction: a crash leaves both or neither.
"""

import logging
from datetime import date

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import IntegrityError, transaction
from django_tasks import task

from openimr.audit.services import Actor, actor_label, audit_record
from openimr.cases import selectors as cases
from openimr.core.case import DocumentKind
from openimr.core.clock import local_date, now
from openimr.core.errors import Conflict, InvalidInput, NotFound, Problem
from openimr.core.text import has_control_character, unprintable
from openimr.records import selectors
from openimr.records.domain.base64_text import decode_base64
from openimr.records.domain.inference import infer_record
from openimr.records.domain.pages import RecordFacts
from openimr.records.domain.receipt import receipt_refusal, receipt_warning
from openimr.records.models import Record, RecordPage
from openimr.records.pdf import (
    MAX_CHARACTERS,
    MAX_PAGES,
    ReadPdf,
    file_read,
    file_remove_unnamed,
    file_store,
    files_discarded_on_error,
    files_held,
    pdf_read,
    size_check,
)
from openimr.records.selectors import case_file_stage
from openimr.records.vocabulary import CaseRow, Party, Status, Via

__all__ = [
    "MAX_CHARACTERS",
    "MAX_PAGES",
    "Party",
    "ReadPdf",
    "Status",
    "Via",
    "case_file_open",
    "case_file_receipt",
    "case_file_stage",
    "decode_base64",
    "file_remove_unnamed",
    "file_store",
    "files_discarded_on_error",
    "files_held",
    "pdf_read",
    "record_edit",
    "record_extract",
    "record_extract_again",
    "record_receive",
    "size_check",
]

log = logging.getLogger(__name__)
FOLDER = "records"
CONTENT, FILENAME, SUBMITTED_BY = "$.content_base64", "$.filename", "$.submitted_by"
TEXT_LIMIT = 300


def case_file_open(
    *,
    user: AbstractBaseUser | AnonymousUser,
    case_number: str,
    action: str,
    record_id: int | None = None,
    audited: bool = True,
    detail: dict[str, object] | None = None,
) -> tuple[CaseRow, Record | None]:
    """The case, and one record of it when ``record_id`` is given, for ``user`` through the
    access helpers; the look audited as ``action`` (a write is audited by its own service:
    ``audited=False``). NotFound alike for a case the user may not see, one that does not
    exist and a record of another case, after the refusal is audited as ``action``.refused
    outside the failed block, so that it is kept."""
    kind, target = ("case", case_number) if record_id is None else ("record", str(record_id))
    noted = {"case_number": case_number, **(detail or {})}
    try:
        with transaction.atomic():
            row = cases.case_get_for_user(user, case_number)
            record = None if record_id is None else selectors.record_get(record_id, row)
            if audited:
                audit_record(
                    actor=user, action=action, object_type=kind, object_id=target, detail=noted
                )
    except NotFound:
        audit_record(
            actor=user, action=f"{action}.refused", object_type=kind, object_id=target, detail=noted
        )
        raise
    return row, record


def record_receive(
    *, case: CaseRow, data: bytes, filename: str, submitted_by: Party | str, via: Via, actor: Actor
) -> Record:
    """Store a record in the case file and queue its text extraction. The same bytes twice
    return the first record, with ``replayed`` set. InvalidInput, naming the field, for a
    bad file name, sender or file; Conflict for a new record once the case's letter has
    issued (domain/receipt.py); then nothing is stored. A record accepted while the
    determination is in quality assurance carries a ``warning`` for staff."""
    party, name = _party(submitted_by), _filename(filename)
    pdf = pdf_read(data, path=CONTENT)
    earlier = Record.objects.filter(case_id=case.pk, sha256=pdf.sha256).first()
    if earlier is not None:
        return _replayed(earlier, party, via, actor)
    stage = case_file_stage(case)
    refusal = receipt_refusal(stage)
    if refusal:
        raise Conflict(refusal)
    record = _stored(case, pdf, name=name, party=party, via=via, actor=actor)
    record.warning = receipt_warning(stage) or ""
    return record


def case_file_receipt(case: CaseRow) -> tuple[str | None, str | None]:
    """(refusal, warning): what a new record sent to the case now would meet."""
    stage = case_file_stage(case)
    return receipt_refusal(stage), receipt_warning(stage)


def _stored(
    case: CaseRow, pdf: ReadPdf, *, name: str, party: Party, via: Via, actor: Actor
) -> Record:
    data = pdf.data
    try:
        # The file is written inside the transaction, and removed with it if it fails
        # (unless an earlier record holds it): a failed upload leaves no file behind.
        with transaction.atomic(), files_discarded_on_error():
            path, digest = file_store(data, folder=FOLDER, suffix=".pdf")
            record = Record.objects.create(
                case_id=case.pk,
                filename=name,
                file_path=path,
                sha256=digest,
                size=len(data),
                received_at=now(),
                submitted_by=party.value,
                via=via.value,
                received_by=actor_label(actor),
                active_content=pdf.active.as_dict(),
            )
            # The count goes into the trail too: what arrived, not only that it did.
            found = {"active_content": pdf.active.as_dict()} if pdf.active.active else {}
            _audit(
                record,
                actor,
                "record.received",
                filename=name,
                sha256=digest,
                size=len(data),
                **found,
            )
            record_extract.enqueue(record.pk)
    except IntegrityError:
        # The same file sent twice at once: the other request stored it first.
        return _replayed(Record.objects.get(case_id=case.pk, sha256=pdf.sha256), party, via, actor)
    # A backend that ran the task at once changed the row behind this instance.
    record.refresh_from_db()
    return record


def _replayed(record: Record, party: Party, via: Via, actor: Actor) -> Record:
    with transaction.atomic():
        _audit(record, actor, "record.received_again", submitted_by=party.value, via=via.value)
    record.replayed = True
    return record


def _party(value: Party | str) -> Party:
    try:
        return Party(value)
    except ValueError:
        allowed = ", ".join(p.value for p in Party)
        raise InvalidInput([Problem(SUBMITTED_BY, f"must be one of {allowed}")]) from None


MAX_FILENAME = 255  # what file systems and Django's upload handling hold


def _too_long(name: str) -> str:
    shown = f"{name[:40]}…{name[-12:]}"
    return (
        f"the file name {shown!r} is {len(name):,} characters long; the limit is "
        f"{MAX_FILENAME} characters: rename the file and send it again"
    )


def _filename(value: str) -> str:
    # Only the last part of a path a browser or client sends is the file's name.
    name = value.replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not name:
        raise InvalidInput([Problem(FILENAME, "must not be empty")])
    # "." and ".." name folders, not a file: the web form's parser drops such a part as no
    # file at all, so the API refuses them too rather than list a record called "..".
    if not name.strip("."):
        raise InvalidInput([Problem(FILENAME, f"must name a file, not the folder {name!r}")])
    # DEL and the C1 controls garble a listing as C0 ones do; a text-direction control
    # spells the name another way where the file is saved ("scan\u202efdp.exe" reads
    # "scanexe.pdf"), as the application's text refuses them (openimr.core.text).
    if len(name) > MAX_FILENAME:
        raise InvalidInput([Problem(FILENAME, _too_long(name))])
    if has_control_character(name):
        raise InvalidInput([Problem(FILENAME, "must be at most 255 printable characters")])
    direction = unprintable(name)
    if direction:
        raise InvalidInput([Problem(FILENAME, direction)])
    return name


def record_edit(
    *,
    record: Record,
    kind: DocumentKind | str,
    author: str | None,
    date_of_service: date | None,
    title: str,
    actor: Actor,
) -> Record:
    """A person's correction of the inferred kind, author, date of service and title. The
    audit row keeps the values before and after; a later extraction leaves them alone."""
    facts = _edited(kind, author, date_of_service, title)
    before = _facts_detail(record)
    with transaction.atomic():
        record.kind, record.author = facts.kind.value, facts.author
        record.date_of_service, record.title = facts.date_of_service, facts.title
        record.edited_by, record.edited_at = actor_label(actor), now()
        record.save(
            update_fields=["kind", "author", "date_of_service", "title", "edited_by", "edited_at"]
        )
        _audit(record, actor, "record.edited", before=before, after=_facts_detail(record))
    return record


EARLIEST_SERVICE = date(1900, 1, 1)


def _edited(
    kind: DocumentKind | str, author: str | None, day: date | None, title: str
) -> RecordFacts:
    problems = []
    if kind not in {k.value for k in DocumentKind}:
        problems.append(Problem("$.kind", "is not a known kind of document"))
    for path, text in (("$.author", author or ""), ("$.title", title)):
        if len(text.strip()) > TEXT_LIMIT:
            problems.append(Problem(path, f"must be at most {TEXT_LIMIT} characters"))
    if day is not None and day > local_date(now()):
        problems.append(Problem("$.date_of_service", "is in the future"))
    elif day is not None and day < EARLIEST_SERVICE:
        # A typo ("0001-01-01", "1016"): no record of a workers' compensation claim is that old.
        problems.append(Problem("$.date_of_service", f"is before {EARLIEST_SERVICE.isoformat()}"))
    if problems:
        raise InvalidInput(problems)
    return RecordFacts(DocumentKind(kind), (author or "").strip() or None, day, title.strip())


def record_extract_again(*, record: Record, actor: Actor) -> Record:
    """Queue a record's extraction once more, e.g. after a failure that has been fixed."""
    with transaction.atomic():
        record.status, record.error = Status.PENDING.value, ""
        record.save(update_fields=["status", "error"])
        _audit(record, actor, "record.extraction_queued")
        record_extract.enqueue(record.pk)
    record.refresh_from_db()
    return record


@task()
def record_extract(record_id: int) -> str:
    """The background task: read the stored file's text page by page, infer the record's
    kind, author, date of service and title, and mark it extracted. Any failure marks it
    failed with the reason; the record itself is never lost. Returns the status."""
    record = Record.objects.select_related("case").filter(pk=record_id).first()
    if record is None:
        return "gone"
    try:
        pdf = pdf_read(file_read(record.file_path), path="file", max_bytes=max(record.size, 1))
        facts = infer_record(pdf.pages)
    except Exception as exc:  # Any failure at all is kept on the record, where staff see it.
        _extraction_failed(record, exc)
        return Status.FAILED.value
    _extracted(record, pdf, facts)
    return Status.EXTRACTED.value


def _extracted(record: Record, pdf: ReadPdf, facts: RecordFacts) -> None:
    pages = pdf.pages
    with transaction.atomic():
        RecordPage.objects.filter(record=record).delete()
        RecordPage.objects.bulk_create(
            RecordPage(record=record, number=number, text=_clean(text))
            for number, text in enumerate(pages, 1)
        )
        # Counted again: a record received before the count existed gets it here.
        record.active_content = pdf.active.as_dict()
        fields = ["status", "error", "page_count", "active_content"]
        if record.edited_at is None:
            record.kind, record.author = facts.kind.value, _clip(facts.author)
            record.date_of_service, record.title = facts.date_of_service, _clip(facts.title) or ""
            fields += ["kind", "author", "date_of_service", "title"]
        record.status, record.error, record.page_count = Status.EXTRACTED.value, "", len(pages)
        record.save(update_fields=fields)
        _audit(record, "worker", "record.extracted", pages=len(pages), **_facts_detail(record))


def _extraction_failed(record: Record, exc: Exception) -> None:
    if isinstance(exc, InvalidInput):
        reason = "; ".join(p.message for p in exc.problems)
    elif isinstance(exc, OSError):
        reason = f"the stored file cannot be read: {exc.strerror or exc}"
    else:
        log.exception("extraction of record %s failed", record.pk)
        reason = f"{type(exc).__name__}: {exc}"
    with transaction.atomic():
        record.status, record.error = Status.FAILED.value, reason
        record.save(update_fields=["status", "error"])
        _audit(record, "worker", "record.extraction_failed", error=reason)


def _clean(text: str) -> str:
    # pdfium ends lines with CR LF; PostgreSQL cannot store NUL in text.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def _clip(text: str | None) -> str | None:
    return text[:TEXT_LIMIT] if text else text


def _facts_detail(record: Record) -> dict[str, str | None]:
    day = record.date_of_service
    return {
        "kind": record.kind,
        "author": record.author,
        "date_of_service": day.isoformat() if day else None,
        "title": record.title,
    }


def _audit(record: Record, actor: Actor, action: str, **detail: object) -> None:
    audit_record(
        actor=actor,
        action=action,
        object_type="record",
        object_id=str(record.pk),
        detail={"case_number": record.case.case_number, **detail},
    )
