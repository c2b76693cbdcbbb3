"""The front door: an application becomes a case, is screened, and its clocks start.

Every door (web form, API, batch file) hands validated ApplicationIn forms to
`applications_receive`; nothing is written unless every application of the batch, uploads
included, is good, and a batch writes each table with one statement.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby

from django.db import IntegrityError, transaction
from django.db.models import prefetch_related_objects

from openimr.audit.services import Actor, PendingEvent, audit_save
from openimr.cases import models
from openimr.cases.domain.application import Application
from openimr.cases.domain.eligibility import Outcome, screen
from openimr.cases.domain.lifecycle import State
from openimr.cases.intake_schema import ApplicationIn, received_date_problems, to_domain
from openimr.cases.selectors import application_filed_with
from openimr.cases.services.administrators import (
    cases_link_administrators,
    other_administrator_problems,
)
from openimr.cases.services.intake_rows import (
    application_row,
    case_row,
    item_rows,
    treatment_rows,
)
from openimr.cases.services.lifecycle import case_event, transition_event
from openimr.cases.services.notices import notice_build, notices_save
from openimr.cases.services.screening import (
    ScreeningContexts,
    outcome_store,
    screened_events,
)
from openimr.core.case_numbers import letter_case_spellings
from openimr.core.clock import local_date, now
from openimr.core.db import held_until_commit, rows_insert
from openimr.core.errors import Conflict, InvalidInput, Problem
from openimr.programs.loader import load_program
from openimr.records.services import (
    ReadPdf,
    decode_base64,
    file_store,
    files_discarded_on_error,
    files_held,
    pdf_read,
)

UPLOAD_PATH = "$.ur_decision_document.content_base64"
UR_FOLDER = "ur-decisions"


@dataclass(frozen=True)
class Submitted:
    application: models.Application
    replayed: bool  # True when an idempotency key returned an earlier submission


@dataclass(frozen=True)
class Filing:
    """One application of a batch as it arrived; ``where`` prefixes its problems (a batch
    file names the line)."""

    form: ApplicationIn
    at: datetime
    idempotency_key: str | None = None
    where: str = ""

    @property
    def digest(self) -> str:
        """The application as the key's first use sent it: another body under the same key
        is another request. Field order and spacing of the JSON sent do not count."""
        if not self.idempotency_key:
            return ""
        return hashlib.sha256(self.form.model_dump_json().encode()).hexdigest()


def ur_decision_read(
    form: ApplicationIn, *, where: str = "", named: bool = False
) -> ReadPdf | None:
    """The attached UR decision checked and read as every intake reads it (base64, empty,
    too large, not a PDF, encrypted, damaged, too many pages: InvalidInput at its field);
    None when none is attached. ``named`` puts the document's file name before each
    problem, for a reader who sees no form (the offline ``eligibility check``)."""
    document = form.ur_decision_document
    if document is None:
        return None
    path = f"{where}{UPLOAD_PATH}"
    try:
        return pdf_read(decode_base64(document.content_base64, path), path=path)
    except InvalidInput as exc:
        if not named:
            raise
        said = [Problem(p.path, f"{document.filename}: {p.message}") for p in exc.problems]
        raise InvalidInput(said) from exc


def _uploads(filings: Sequence[Filing], problems: list[Problem]) -> list[ReadPdf | None]:
    """Every upload and every date checked before anything is written, every bad one named
    with the ``problems`` found already."""
    pdfs: list[ReadPdf | None] = []
    for filing in filings:
        problems += [
            Problem(f"{filing.where}{p.path}", p.message)
            for p in received_date_problems(filing.form, local_date(filing.at))
        ]
        try:
            pdfs.append(ur_decision_read(filing.form, where=filing.where))
        except InvalidInput as exc:
            problems += exc.problems
    if problems:
        raise InvalidInput(problems)
    return pdfs


def case_numbers_next(year: int, count: int = 1) -> list[str]:
    """CMyy-nnnnnnn, the DWC's form; the counter row is locked for the transaction. A number
    a case imported whole holds already (`openimr case import` keeps the number its file
    gives), in any letter case, is passed over: given again, it broke every filing after it
    on the unique case number, and the rolled-back counter offered the same number again."""
    counter = _counter(year)
    numbers: list[str] = []
    while len(numbers) < count:
        first, counter.last = counter.last + 1, counter.last + count - len(numbers)
        offered = [f"{counter.prefix}{n:07d}" for n in range(first, counter.last + 1)]
        taken = _numbers_taken(offered)
        numbers += [number for number in offered if number not in taken]
    counter.save(update_fields=["last"])
    return numbers


def _numbers_taken(numbers: Sequence[str]) -> set[str]:
    """Which of ``numbers`` a stored case has, written in any letter case (the pages read a
    number so: `cm26-0000001` is CM26-0000001); one indexed lookup."""
    spellings = {s: n for n in numbers for s in letter_case_spellings(n)}
    found = models.Case.objects.filter(case_number__in=spellings).values_list(
        "case_number", flat=True
    )
    return {spellings[number] for number in found}


def _counter(year: int) -> models.CaseNumberCounter:
    """The year's counter row, made when missing, locked until the transaction ends."""
    prefix = f"CM{year % 100:02d}-"
    return models.CaseNumberCounter.objects.select_for_update().get_or_create(prefix=prefix)[0]


def _counters_held(filings: Sequence[Filing]) -> None:
    """Lock the counters of every year the batch's filings fall in, oldest year first,
    before any is bumped. Bumped in filing order, a batch of December 31 then January 1
    held one year's counter and waited for the next, while a batch filed the other way
    round held the next and waited for the first: on PostgreSQL, "deadlock detected"
    ended one of them. Taken once in the years' order, the second batch waits for the
    first at its first counter. A part of the batch (``batch``) then finds its years held."""
    for year in sorted({local_date(f.at).year for f in filings}):
        _counter(year)


def _screening_held() -> None:
    """Screen one batch at a time: a duplicate is an application that one already on file
    disputes too (8 CCR 9792.10.3(a)(2)), so a batch is screened only once every batch before
    it has committed or failed. The year's case-number counter had held them one by one,
    but not across years: on PostgreSQL, the same application sent twice as New Year's Eve
    turned to New Year's Day in California took two counters, and each copy, blind to the
    other, was found eligible. Taken first, before any file or counter, so it adds no
    order in which two batches could wait for each other."""
    held_until_commit("cases.intake.screening")


def _numbers(filings: Sequence[Filing]) -> list[str]:
    """Case numbers in filing order, one counter update per year the batch spans."""
    years = [local_date(f.at).year for f in filings]
    numbers: list[str] = []
    for year, group in groupby(years):
        numbers += case_numbers_next(year, len(list(group)))
    return numbers


def applications_receive(
    *, filings: Sequence[Filing], via: str, actor: Actor, client: str, batch: int | None = None
) -> list[models.Application]:
    """Receive, store and screen a batch of applications, in order: each is screened
    against what is on file and the batch's earlier ones. No savepoint: a failure anywhere
    undoes the whole batch (the caller's transaction too), and removes the UR decision PDFs
    it wrote; a caller that holds the batch in a transaction of its own wraps it in
    `files_discarded_on_error` too, for a failure after this returns. ``batch`` writes
    that many applications a time (a file of thousands stays within the database's
    parameter limits), each part screened against the parts before it."""
    named = [(f.where, f.form.claims_administrator.name) for f in filings]
    # Refused before anything is written, every problem at once.
    pdfs = _uploads(filings, other_administrator_problems(filer=actor, named=named))
    apps = [
        to_domain(f.form, received_on=local_date(f.at), attached=pdf is not None)
        for f, pdf in zip(filings, pdfs, strict=True)
    ]
    size = batch or max(len(filings), 1)
    with transaction.atomic(savepoint=False), files_discarded_on_error():
        _screening_held()
        # Every file held before the case-number counter and before any is written: see
        # files_held for the deadlock that taking them one by one allowed.
        files_held((p.sha256 for p in pdfs if p), folder=UR_FOLDER, suffix=".pdf")
        _counters_held(filings)
        return [
            application
            for start in range(0, len(filings), size)
            for application in _store(
                filings[start : start + size],
                apps[start : start + size],
                pdfs[start : start + size],
                via=via,
                actor=actor,
                client=client,
            )
        ]


def _store(
    filings: Sequence[Filing],
    apps: list[Application],
    pdfs: list[ReadPdf | None],
    *,
    via: str,
    actor: Actor,
    client: str,
) -> list[models.Application]:
    numbers = _numbers(filings)
    contexts = ScreeningContexts(apps)
    rows, stored, events, notices = [], [], [], []
    for filing, app, pdf, number in zip(filings, apps, pdfs, numbers, strict=True):
        at, row = filing.at, case_row(app, number)
        path = file_store(pdf.data, folder=UR_FOLDER, suffix=".pdf")[0] if pdf else ""
        application = application_row(
            row,
            app,
            at=at,
            via=via,
            client=client,
            key=filing.idempotency_key,
            pdf=pdf,
            pdf_path=path,
        )
        application.idempotency_digest = filing.digest
        result = screen(app, contexts.context(app), load_program(row.program))
        contexts.add(app, number, result)
        outcome_store(application, result)
        events += [
            case_event(row=row, actor=actor, at=at, kind="received", detail={"via": via}),
            transition_event(row=row, target=State.SCREENING, actor=actor, at=at),
            *screened_events(row, result, actor=actor, at=at),
        ]
        if result.outcome is not Outcome.ELIGIBLE:
            notices.append((app, row, at))
        rows.append(row)
        stored.append(application)
    cases_link_administrators(rows, filer=actor)
    _write(rows, stored, apps)
    audit_save(events + _notices(notices, actor))
    return stored


def _write(
    rows: list[models.Case], stored: list[models.Application], apps: list[Application]
) -> None:
    rows_insert(rows, keys=True)
    rows_insert([item for row, app in zip(rows, apps, strict=True) for item in item_rows(row, app)])
    for application, row in zip(stored, rows, strict=True):
        application.case = row  # now that the case has its key
    rows_insert(stored, keys=True)
    rows_insert(
        [
            t
            for application, app in zip(stored, apps, strict=True)
            for t in treatment_rows(application, app)
        ]
    )


def _notices(
    screened_out: list[tuple[Application, models.Case, datetime]], actor: Actor
) -> list[PendingEvent]:
    """The ineligibility and deferral notices (8 CCR 9792.10.3), and their events."""
    prefetch_related_objects([row.application for _, row, _ in screened_out], "treatments")
    built = [notice_build(row=row, kind=row.state, at=at) for _, row, at in screened_out]
    notices_save(built)
    return [
        case_event(row=row, actor=actor, at=at, kind="notice", detail={"notice": row.state})
        for _, row, at in screened_out
    ]


def application_submit(
    *,
    form: ApplicationIn,
    via: str,
    actor: Actor,
    client: str,
    idempotency_key: str | None = None,
    at: datetime | None = None,
) -> Submitted:
    """Receive, store and screen one application. The same idempotency key from the same
    client returns the first submission instead of a second case, also when the two arrive
    at once; another application under a key already used is refused (`Conflict`)."""
    filing = Filing(form, at or now(), idempotency_key)
    earlier = _submitted_with(client, filing)
    if earlier:
        return Submitted(earlier, replayed=True)
    try:
        with transaction.atomic():  # a savepoint: the caller's transaction survives a replay
            stored = applications_receive(filings=[filing], via=via, actor=actor, client=client)
    except IntegrityError:
        # A request with the same key committed after the look-up above (the unique
        # application_idempotency_unique refused this copy): it is the first submission.
        earlier = _submitted_with(client, filing)
        if earlier is None:
            raise
        return Submitted(earlier, replayed=True)
    return Submitted(stored[0], replayed=False)


def _submitted_with(client: str, filing: Filing) -> models.Application | None:
    if not filing.idempotency_key:
        return None
    earlier = application_filed_with(client=client, idempotency_key=filing.idempotency_key)
    if earlier is None or earlier.idempotency_digest in ("", filing.digest):
        return earlier
    raise Conflict(
        f"Idempotency-Key {filing.idempotency_key!r} was used for another application, "
        f"received as case {earlier.case.case_number}; this one was not filed. Send it "
        "under a key of its own."
    )
