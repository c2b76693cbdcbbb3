"""Reads of letters: the issued one when there is one, else a draft from the case as it is."""

import io
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from django.conf import settings
from django.db.models import Q

from openimr.cases.selectors import case_by_number, case_row
from openimr.cases.services import notice_stored_letter
from openimr.core.case import Case
from openimr.core.case_format import case_from_dict
from openimr.core.clock import local_date
from openimr.core.errors import NotFound
from openimr.core.paging import Page, page_of
from openimr.letters.domain.content import Letter
from openimr.letters.domain.extras import LetterExtras, Provenance
from openimr.letters.domain.stored import letter_from_dict
from openimr.letters.domain.template import LetterTemplate, load_template
from openimr.letters.models import AmendedLetter, IssuedLetter, LetterService
from openimr.letters.render.html import render_fragment
from openimr.letters.rendering import letter_for, render_pdf_bytes
from openimr.programs.loader import load_program
from openimr.records.selectors import documents_reviewed
from openimr.review.domain.implementation import (
    Deadline,
    Served,
    Service,
    clocks_from,
    letter_deadlines,
)
from openimr.reviewers.selectors import reviewer_identities


def case_for_letter(case_number: str) -> Case:
    """The case as its letter states it. Its documents reviewed are the case file's records,
    each by title, author and date (parties objected to letters that folded them into a
    date range), when the file has any; else the documents the case was imported with."""
    case = case_by_number(case_number)
    records = documents_reviewed(case_row(case_number))
    return replace(case, documents=records) if records else case


def letter_for_case_number(case_number: str) -> IssuedLetter | None:
    return IssuedLetter.objects.filter(case__case_number=case_number).first()


def letter_of(case_row: Any) -> IssuedLetter | None:
    """The case's letter through the row's own relation: no query when the row was read
    with it (the case selectors read it in the case's query)."""
    try:
        letter: IssuedLetter = case_row.letter
    except IssuedLetter.DoesNotExist:
        return None
    return letter


def configured_template_path() -> Path | None:
    return Path(settings.OPENIMR_LETTER_TEMPLATE) if settings.OPENIMR_LETTER_TEMPLATE else None


def configured_template() -> LetterTemplate:
    """The organization's template (OPENIMR_LETTER_TEMPLATE), or the shipped default."""
    return load_template(configured_template_path())


def default_organization() -> str:
    return str(configured_template().get("organization.name"))


def deciding_reviewers(case_number: str) -> int:
    """How many expert reviewers decided the case: each attested reviewer of a case whose
    items were split between them (LC 139.5(c)); one when none is recorded."""
    return max(1, len(reviewer_identities(case_row(case_number).pk)))


def _draft(case_number: str, provenance: Provenance | None = None) -> Letter:
    extras = LetterExtras(provenance or Provenance(), reviewers=deciding_reviewers(case_number))
    return letter_for(case_for_letter(case_number), configured_template(), extras)


def letter_html_for(
    case_number: str, provenance: Provenance | None = None
) -> tuple[IssuedLetter | None, str]:
    """The issued letter's HTML, or a draft of the case as it stands (with the record pages
    its sentences cite, when given)."""
    issued = letter_for_case_number(case_number)
    if issued:
        return issued, issued.html
    return None, render_fragment(_draft(case_number, provenance))


def stored_pdf(pdf_path: str) -> BinaryIO:
    """A stored letter's PDF, as issued."""
    return (Path(settings.MEDIA_ROOT) / pdf_path).open("rb")


def letter_pdf_for(
    case_number: str, provenance: Provenance | None = None
) -> tuple[IssuedLetter | None, BinaryIO]:
    issued = letter_for_case_number(case_number)
    if issued:
        return issued, (Path(settings.MEDIA_ROOT) / issued.pdf_path).open("rb")
    draft = replace(_draft(case_number, provenance), draft=True)
    return None, io.BytesIO(render_pdf_bytes(draft))


def issued_case(case_number: str) -> Case | None:
    """The case as its letter was issued (frozen with it), the starting point of a
    correction; None before the letter is issued."""
    issued = letter_for_case_number(case_number)
    return case_from_dict(issued.case_document) if issued else None


def current_case(case_number: str) -> Case | None:
    """The case as its latest letter states it: the last correction's (each is built from
    the full case, LC 4610.6(g): the wording may change, never a decision), else the first
    letter's; None before the letter is issued. What is published and what the next
    correction starts from, so that a second correction does not undo the first."""
    latest = AmendedLetter.objects.filter(case__case_number=case_number).order_by("-number").first()
    if latest is not None:
        return case_from_dict(latest.case_document)
    return issued_case(case_number)


def amended_letters_for(case_number: str) -> list[AmendedLetter]:
    return list(AmendedLetter.objects.filter(case__case_number=case_number))


def amended_letter(case_number: str, number: int) -> AmendedLetter | None:
    return AmendedLetter.objects.filter(case__case_number=case_number, number=number).first()


def services_for(case_number: str) -> list[LetterService]:
    """How each party was served each letter of the case (a notice's service is the
    notice's: `Notice.services`)."""
    return list(LetterService.objects.filter(case__case_number=case_number, notice=None))


def service_of(service_id: int) -> LetterService:
    """One service row, with its case; LetterService.DoesNotExist for none."""
    return LetterService.objects.select_related("case").get(pk=service_id)


def letter_names(case_number: str) -> dict[str, str]:
    """Each letter of the case by its PDF's SHA-256 (what a service row records): "Final
    Determination Letter", or "Amended letter N"."""
    names = {row.pdf_sha256: "Final Determination Letter" for row in _first(case_number)}
    for amended in AmendedLetter.objects.filter(case__case_number=case_number):
        names[amended.pdf_sha256] = f"Amended letter {amended.number}"
    return names


def _first(case_number: str) -> list[IssuedLetter]:
    return list(IssuedLetter.objects.filter(case__case_number=case_number).only("pdf_sha256"))


def services_by_letter(case_number: str) -> list[tuple[str, LetterService]]:
    """Each service row of the case with the name of the letter it served: a correction is
    served again, so the rows of several letters stand in one table."""
    names = letter_names(case_number)
    return [(names.get(row.pdf_sha256, "Unknown letter"), row) for row in services_for(case_number)]


def _queued() -> Any:
    rows = LetterService.objects.filter(method=LetterService.MAIL, printed_at=None)
    return rows.select_related("case", "notice")


def print_queue() -> list[LetterService]:
    """Letters and notices to print and mail, oldest first."""
    return list(_queued())


def print_queue_page(asked: int) -> tuple[list[LetterService], Page]:
    """The page ``asked`` of the print queue, oldest first (served on, then row), and where
    it stands in the queue; each row's notice comes with the wording its title is read from,
    the wordings read once for the page, not once a row."""
    queued = _queued().order_by("served_on", "pk")
    page = page_of(asked, queued.count())
    rows = queued.prefetch_related("notice__wording")[page.offset : page.offset + page.size]
    return list(rows), page


def letters_of_cases(case_ids: set[int]) -> dict[int, dict[str, tuple[str, str]]]:
    """Each case's letters by their PDF's SHA-256: label and stored path, the first letter's
    and each amended one's; two queries for any number of cases."""
    found: dict[int, dict[str, tuple[str, str]]] = {case_id: {} for case_id in case_ids}
    issued = IssuedLetter.objects.filter(case_id__in=case_ids)
    for case_id, digest, path in issued.values_list("case_id", "pdf_sha256", "pdf_path"):
        found[case_id][digest] = ("Final Determination Letter", path)
    amended = AmendedLetter.objects.filter(case_id__in=case_ids).order_by("case", "number")
    for case_id, number, digest, path in amended.values_list(
        "case_id", "number", "pdf_sha256", "pdf_path"
    ):
        found[case_id][digest] = (f"Amended letter {number}", path)
    return found


def queued_service(service_id: int) -> LetterService | None:
    """One row of the print queue, or None when it is not there (printed, e-mailed, or no
    such row): one query, however long the queue."""
    return _queued().filter(pk=service_id).first()


def mailed_notice_pdf(service_id: int) -> tuple[str, str, bytes]:
    """The case number, file name and PDF of the notice a print-queue row mails: the copy
    addressed to its party, with the party's name and postal address where a #10 window
    envelope shows them (render/pdf_window), the e-mailed copy's words otherwise. NotFound
    once it has left the queue, for a letter's row, or for no such row."""
    service = queued_service(service_id)
    if service is None or service.notice is None:
        raise NotFound(f"no notice to print for service {service_id}")
    letter = notice_stored_letter(service.notice, service.party_role)
    number = service.case.case_number
    name = f"{number}-{service.notice.kind}-{service.party_role}-mail.pdf"
    return number, name, render_pdf_bytes(letter, service.mailing)


def mailed_letter_pdf(service_id: int, pdf_path: str) -> bytes:
    """The letter a print-queue row mails (its stored PDF at ``pdf_path``), set again from
    its kept content with the party's name and postal address where a #10 window envelope
    shows them (render/pdf_window); the PDF as issued for a party with no address on file
    (none typed on the print queue yet) or a letter issued before its content was kept.
    InvalidInput for an address that does not fit the window."""
    service = LetterService.objects.get(pk=service_id)
    content = None
    for model in (IssuedLetter, AmendedLetter):
        rows = model.objects.filter(case_id=service.case_id, pdf_sha256=service.pdf_sha256)
        content = content or rows.values_list("content", flat=True).first()
    if content and service.mailing:
        return render_pdf_bytes(letter_from_dict(content), service.mailing)
    return (Path(settings.MEDIA_ROOT) / pdf_path).read_bytes()


def letter_files_named(paths: list[str]) -> set[str]:
    """Which of these stored files (paths under MEDIA_ROOT) an issued or amended letter
    names: by its path, or by its content's hash, the file's name (`file_store` names a
    file by the SHA-256 of its bytes). An issued letter's PDF is a legal record (LC
    4610.6(g)): a file holding a letter's bytes is kept even when a row wrote its path
    another way (a restored backup, an older version). A notice's PDF is rendered from its
    frozen facts when asked (``serving._mail_of``), never stored."""
    by_digest: dict[str, set[str]] = {}
    for path in paths:
        by_digest.setdefault(Path(path).stem, set()).add(path)
    found: set[str] = set()
    for model in (IssuedLetter, AmendedLetter):
        rows = model.objects.filter(Q(pdf_path__in=paths) | Q(pdf_sha256__in=list(by_digest)))
        for path, digest in rows.values_list("pdf_path", "pdf_sha256"):
            found |= {path} & set(paths)
            found |= by_digest.get(digest, set())
    return found


def payer_served(case_id: int, pdf_sha256: str) -> Served | None:
    """When and how the letter reached the claims administrator, whose receipt starts the
    implementation clocks (8 CCR 9792.10.7(a)): by e-mail the day it issued, or by mail the
    day staff marked it printed; None while it waits in the print queue (or the case names
    no administrator), when nothing can yet be counted from its receipt."""
    row = LetterService.objects.filter(
        case_id=case_id, pdf_sha256=pdf_sha256, party_role="claims_administrator"
    ).first()
    if row is None:
        return None
    if row.method == LetterService.EMAIL:
        return Served(row.served_on, Service.ELECTRONIC)
    if row.printed_at is None:
        return None
    return Served(local_date(row.printed_at), Service.MAIL)


def determination_for_payer(case_number: str) -> dict[str, Any] | None:
    """The issued determination as the claims administrator must act on it: the day it
    issued, each item's outcome, how the letter was served on the administrator, and the
    dates that service starts: authorize an overturned item or pay for it (8 CCR
    9792.10.7(a)) and appeal (LC 4610.6(h)), counted as the letter counts them
    (`openimr.review.domain.implementation`). The first letter's: an amended one keeps its
    decisions and dates. None before the letter issues."""
    letter = IssuedLetter.objects.filter(case__case_number=case_number).first()
    if letter is None:
        return None
    case = case_from_dict(letter.case_document)
    served = payer_served(letter.case_id, letter.pdf_sha256)
    deadlines: tuple[Deadline, ...] = ()
    if served is not None:
        program = load_program(case.program)
        deadlines = letter_deadlines(
            (item.decision for item in case.items),
            served,
            holidays=program.holidays,
            clocks=clocks_from(program.rules),
        )
    return {
        "issued_on": local_date(letter.issued_at),
        "items": [
            {"treatment": item.treatment, "outcome": item.decision.value if item.decision else ""}
            for item in case.items
        ],
        "served": {"on": served.on, "method": served.method.value} if served else None,
        "deadlines": [
            {"name": d.name, "due": d.due, "rule": d.rule, "source": d.source} for d in deadlines
        ],
    }
