"""Issuing a Final Determination Letter: render once, store, freeze, serve. A correction is a
new amended letter that names the first, which stays as issued. Notices are served the same
way (`notices_serve`), and leave the print queue the same way."""

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from django.db import transaction

from openimr.audit.services import Actor, actor_label, audit_record
from openimr.cases.selectors import case_id_for
from openimr.cases.services import case_mark_issued, case_notice_mailed
from openimr.core.case import Case
from openimr.core.case_format import case_from_dict, case_to_dict
from openimr.core.clock import CALIFORNIA, local_date, now
from openimr.core.errors import Conflict, InvalidInput, NotFound, Problem
from openimr.core.text import unprintable
from openimr.letters import serving
from openimr.letters.domain.builder import short_date
from openimr.letters.domain.content import Field, Letter
from openimr.letters.domain.extras import LetterExtras, Provenance
from openimr.letters.domain.stored import letter_to_dict
from openimr.letters.models import AmendedLetter, FrozenLetter, IssuedLetter, LetterService
from openimr.letters.render.html import render_fragment
from openimr.letters.render.text import render_text
from openimr.letters.rendering import letter_for, render_pdf_bytes, window_checked
from openimr.letters.selectors import case_for_letter, configured_template, deciding_reviewers
from openimr.letters.serving import letter_serve, service_method
from openimr.programs.loader import load_program
from openimr.records.services import file_store, files_discarded_on_error
from openimr.review.domain.implementation import (
    Served,
    Service,
    clocks_from,
    deadline_sentence,
    implementation_deadlines,
)

MAX_ADDRESS = 500  # a postal address, several lines
FOLDER = "letters"  # under MEDIA_ROOT: a folder per case, each PDF named by its hash


def notices_serve(*, built: Sequence[tuple[Any, Sequence[serving.Party]]]) -> list[LetterService]:
    """Serve each written notice (a `cases.Notice`) on the parties named with it, as a letter
    is served: e-mail with the PDF where there is an address, the print queue otherwise."""
    return serving.notices_serve(built=built)


def letter_service_send_again(*, service_id: int, actor: Actor) -> LetterService:
    """Send again an e-mail service that never went out (``serving.letter_service_send_again``
    says when that happens)."""
    return serving.letter_service_send_again(service_id=service_id, actor=actor)


def issue_problems(case: Case) -> list[Problem]:
    """A letter is issued only for a decided case with every item decided (LC 4610.6(c));
    the case rules have already checked rationales and dates."""
    problems = []
    if not case.is_decided:
        problems.append(Problem("$.dates.decision", "the case has no decision date"))
    problems += [
        Problem(f"$.items[{n}].decision", "not decided")
        for n, item in enumerate(case.items)
        if item.decision is None
    ]
    return problems


def deadline_sentences(case: Case, served: Served) -> tuple[str, ...]:
    """The implementation dates of an overturned item, as the letter prints them
    (8 CCR 9792.10.7(a)); none when every item is upheld."""
    program = load_program(case.program)
    found = implementation_deadlines(
        (item.decision for item in case.items),
        served,
        holidays=program.holidays,
        clocks=clocks_from(program.rules),
    )
    return tuple(deadline_sentence(d) for d in found)


def _extras(case: Case, at: datetime, provenance: Provenance | None) -> LetterExtras:
    served = Served(local_date(at), service_method(case.case_number))
    return LetterExtras(
        provenance or Provenance(),
        deadline_sentences(case, served),
        reviewers=deciding_reviewers(case.case_number),
    )


def _frozen(
    letter: Letter, case: Case, at: datetime, actor: Actor
) -> tuple[dict[str, object], bytes]:
    """The letter's fields but its PDF's path, and the PDF: rendered before the transaction
    (a render takes a while), stored inside it (`_pdf_stored`)."""
    pdf = render_pdf_bytes(letter)
    fields = {
        "issued_at": at,
        "issued_by": actor_label(actor),
        "text": render_text(letter),
        "html": render_fragment(letter),
        "pdf_sha256": hashlib.sha256(pdf).hexdigest(),
        "case_document": case_to_dict(case),
        "content": letter_to_dict(letter),
    }
    return fields, pdf


def _pdf_stored(pdf: bytes, case_number: str) -> str:
    """Store the PDF inside the transaction that writes the letter's row, first of its
    locks: `file_store` holds the file until the row commits, so `openimr files sweep`
    (which holds a file before removing it, and looks for its row once more) never takes
    the PDF of a letter being issued, even when an earlier attempt left the same bytes
    there; and `files_discarded_on_error` removes a PDF whose letter rolled back."""
    return file_store(pdf, folder=f"{FOLDER}/{case_number}", suffix=".pdf")[0]


def _issued(letter: FrozenLetter, case_number: str, actor: Actor, action: str) -> None:
    letter_serve(letter=letter, case_number=case_number, served_on=local_date(letter.issued_at))
    audit_record(
        actor=actor,
        action=action,
        object_type="case",
        object_id=case_number,
        detail={"pdf_sha256": letter.pdf_sha256},
    )


def _publish(case_number: str, actor: Actor) -> None:
    # Imported when called: the corpus brings the letter parser, which issuing never needs.
    from openimr.decisions.services import decision_publish_after_issue  # noqa: PLC0415

    decision_publish_after_issue(case_number=case_number, actor=actor)


def letter_issue(
    *, case_number: str, actor: Actor, provenance: Provenance | None = None
) -> IssuedLetter:
    """Render the letter in all three formats with the record pages its sentences cite and
    the implementation dates of an overturned item, store the PDF, freeze the result, serve
    every party and close the case (LC 4610.6(f), (g))."""
    case = case_for_letter(case_number)
    problems = issue_problems(case)
    if problems:
        raise InvalidInput(problems, f"case {case_number} cannot be issued yet")
    if IssuedLetter.objects.filter(case__case_number=case_number).exists():
        raise Conflict(f"the letter for case {case_number} was already issued")
    at = now()
    letter = letter_for(case, configured_template(), _extras(case, at, provenance))
    fields, pdf = _frozen(letter, case, at, actor)
    with transaction.atomic(), files_discarded_on_error():
        fields["pdf_path"] = _pdf_stored(pdf, case_number)
        case_mark_issued(case_number=case_number, actor=actor, at=at)
        issued = IssuedLetter.objects.create(case_id=case_id_for(case_number), **fields)
        _issued(issued, case_number, actor, "letter.issued")
        # Every issued decision is published, de-identified; after commit, so a failure to
        # publish never undoes the issue (`openimr corpus publish` catches up).
        transaction.on_commit(lambda: _publish(case_number, actor), robust=True)
    return issued


def _correction_problems(first: Case, corrected: Case) -> list[Problem]:
    if [i.treatment for i in first.items] != [i.treatment for i in corrected.items]:
        return [Problem("$.items", "a correction keeps the disputed items as issued")]
    return [
        Problem(f"$.items[{n}].decision", "a correction cannot change a decision")
        for n, (a, b) in enumerate(zip(first.items, corrected.items, strict=True))
        if a.decision != b.decision
    ]


def _amends(first: IssuedLetter, reason: str) -> tuple[Field, ...]:
    issued = f"the letter issued {short_date(local_date(first.issued_at))}"
    return (
        Field("Amends", f"{issued}, SHA-256 {first.pdf_sha256}"),
        Field("Reason for amendment", reason),
    )


def letter_amend(
    *,
    case_number: str,
    corrected: Case,
    reason: str,
    actor: Actor,
    provenance: Provenance | None = None,
) -> AmendedLetter:
    """Issue a correction: a new letter built from ``corrected`` that names, in its header,
    the letter it amends and why. The first letter stays frozen; a correction may fix the
    wording, never a decision (that takes an appeal, LC 4610.6(h))."""
    first = IssuedLetter.objects.filter(case__case_number=case_number).first()
    if first is None:
        raise NotFound(f"case {case_number} has no issued letter to amend")
    if not reason.strip():
        raise InvalidInput([Problem("$.reason", "say why the letter is amended")])
    original = case_from_dict(first.case_document)
    problems = _correction_problems(original, corrected)
    if problems:
        raise InvalidInput(problems, "the correction cannot be issued")
    at = now()
    corrected = replace(corrected, case_number=case_number)
    # The decision stands as first served, and so do the dates it must be carried out by
    # (8 CCR 9792.10.7(a)): counted from the first letter, not from the correction.
    extras = replace(
        _extras(corrected, first.issued_at, provenance), amends=_amends(first, reason.strip())
    )
    letter = letter_for(corrected, configured_template(), extras)
    fields, pdf = _frozen(letter, corrected, at, actor)
    with transaction.atomic(), files_discarded_on_error():
        fields["pdf_path"] = _pdf_stored(pdf, case_number)
        # One correction of a letter at a time: a concurrent one waits, then sees this one.
        IssuedLetter.objects.select_for_update().get(pk=first.pk)
        last = AmendedLetter.objects.filter(case_id=first.case_id).order_by("-number").first()
        _refuse_repeat(last, fields, reason.strip())
        number = (last.number if last else 0) + 1
        amended = AmendedLetter.objects.create(
            case_id=first.case_id, amends=first, number=number, reason=reason.strip(), **fields
        )
        _issued(amended, case_number, actor, "letter.amended")
        # The public corpus shows the letter as last corrected (decisions' publish replaces
        # a version whose content changed).
        transaction.on_commit(lambda: _publish(case_number, actor), robust=True)
    return amended


def _refuse_repeat(last: AmendedLetter | None, fields: dict[str, object], reason: str) -> None:
    """The same correction twice is one submission sent twice, a double click or a resent
    form: issuing it would serve every party again. Refused as input (the form shows it),
    with what to change to issue it anyway. "The same" is what the correction says: the
    corrected case document, the reason and the letter's text (its references included),
    not the PDF's bytes, which change whenever the rendering does (a tagged PDF, a font)."""
    if last is None or last.reason != reason:
        return
    if last.case_document != fields["case_document"] or last.text != fields["text"]:
        return
    issued = short_date(local_date(last.issued_at))
    message = (
        f"this correction is word for word amended letter {last.number}, issued {issued}: "
        "nothing was issued; change the wording, or give a new reason to serve it again"
    )
    raise InvalidInput([Problem("$.reason", message)])


def letter_service_mark_printed(
    *, service_id: int, actor: Actor, postal_address: str = ""
) -> LetterService:
    """Staff printed a letter (LC 4610.6(f)) or a notice for mail service: the row leaves
    the print queue, with who printed it and when. NotFound for no such row; Conflict for a
    party served by e-mail, or for a row already marked printed, which says when and by
    whom, so the same document is not mailed twice. A party with no postal address on file
    is served only once staff say where they mailed it (``postal_address``): refused at
    ``$.postal_address`` without one."""
    with transaction.atomic():
        row = LetterService.objects.select_for_update().filter(pk=service_id).first()
        if row is None:
            raise NotFound(f"no letter or notice service {service_id}")
        _refuse_print(row)
        found = _address_found(row, postal_address)
        row.printed_at, row.printed_by = now(), actor_label(actor)
        if row.notice_id is None:
            row.deadlines = _mailing_deadlines(row, local_date(row.printed_at))
        row.save(update_fields=["printed_at", "printed_by", "deadlines", "postal_address"])
        audit_record(
            actor=actor,
            action=f"{row.document}.printed",
            object_type="case",
            object_id=row.case.case_number,
            detail={
                "service": row.pk,
                "party_role": row.party_role,
                **({"notice": row.notice_id} if row.notice_id else {"pdf_sha256": row.pdf_sha256}),
                **({"deadlines": row.deadlines} if row.deadlines else {}),
                **({"address_found_by_staff": True} if found else {}),
            },
        )
        if row.notice_id:
            # A Notice of Assignment or a request for information mailed on a later day:
            # the clock its service starts counts from this mailing (8 CCR 9792.10.5(a)(1),
            # 9792.10.3(c)).
            case_notice_mailed(
                case_number=row.case.case_number,
                notice_id=row.notice_id,
                party_role=row.party_role,
                at=row.printed_at,
                actor=actor,
            )
    return row


def _address_found(row: LetterService, given: str) -> bool:
    """The address staff found for a party with none on file, kept on the row; True when one
    was needed: given here, or typed on the print queue before printing, which the form
    offers again and an empty one keeps. An address typed for a party that has one on file
    changes nothing."""
    if not (row.needs_address or row.address_entered_by):
        return False
    if given.strip() or row.needs_address:
        row.postal_address = _checked_address(row, given)
    return True


def _checked_address(row: LetterService, given: str) -> str:
    """``given`` as a postal address to keep, its lines ended as the application's: refused
    at ``$.postal_address`` when empty, longer than ``MAX_ADDRESS`` or holding a control or
    text-direction character."""
    address = given.strip()
    if not address:
        message = (
            f"no postal address is on file for the {row.party}: "
            "say where you mailed it, or find the address first"
        )
        raise InvalidInput([Problem("$.postal_address", message)])
    if len(address) > MAX_ADDRESS:
        message = f"at most {MAX_ADDRESS} characters, got {len(address)}"
        raise InvalidInput([Problem("$.postal_address", message)])
    if wrong := unprintable(address):  # as the application's addresses
        raise InvalidInput([Problem("$.postal_address", wrong)])
    return address.replace("\r\n", "\n").replace("\r", "\n")  # a browser's line ends


def letter_service_address_enter(
    *, service_id: int, actor: Actor, postal_address: str
) -> LetterService:
    """Staff type the postal address of a queued party with none on file before printing,
    so the copy they print carries it in the envelope's window (LC 4610.6(f); 8 CCR
    9792.10.3, 9792.10.4(b): served by mail at an address) and "Mark printed" offers it.
    Kept on this service row, where "Mailed to" is kept, not on the case: the case's
    parties are what the application gave, a record of the filing. NotFound for no such
    row; Conflict for a row served by e-mail, printed, or with an address on file;
    InvalidInput at ``$.postal_address`` as for "Mailed to", or for an address the window
    cannot hold. Audited ``<document>.address_entered``."""
    with transaction.atomic():
        row = LetterService.objects.select_for_update().filter(pk=service_id).first()
        if row is None:
            raise NotFound(f"no letter or notice service {service_id}")
        _refuse_print(row)
        if not (row.needs_address or row.address_entered_by):
            raise Conflict(f"the {row.party} has a postal address on file: nothing was changed")
        address = _checked_address(row, postal_address)
        window_checked((row.party_name.strip(), *address.splitlines()))
        replaced = bool(row.address_entered_by)
        row.postal_address, row.address_entered_by = address, actor_label(actor)
        row.save(update_fields=["postal_address", "address_entered_by"])
        audit_record(
            actor=actor,
            action=f"{row.document}.address_entered",
            object_type="case",
            object_id=row.case.case_number,
            detail={"service": row.pk, "party_role": row.party_role, "replaced": replaced},
        )
    return row


def _refuse_print(row: LetterService) -> None:
    party = row.party_role.replace("_", " ")
    if row.method != LetterService.MAIL:
        raise Conflict(f"the {party} is served by e-mail: there is nothing to print")
    if row.printed_at is not None:
        when = row.printed_at.astimezone(CALIFORNIA).strftime("%m/%d/%Y %H:%M")
        raise Conflict(
            f"the {row.document} for the {party} was already marked printed on {when} "
            f"by {row.printed_by or 'someone'}: nothing was changed"
        )


def _mailing_deadlines(row: LetterService, mailed_on: date) -> str:
    """The claims administrator's implementation clocks start at its receipt of the letter
    (8 CCR 9792.10.7(a)), five days after mailing when mailed (CCP 1013(a); ``received_on``).
    The letter prints the dates of the service planned when it was issued: e-mail (the row
    keeps the address it had), or mail on the day of issue. Mailed instead, because the
    e-mail failed, or mailed on a later day, the letter's dates are too early: the dates
    counted from this mailing are returned, to be recorded with the service. "" when the
    letter's dates stand (another party, the plan kept, or nothing overturned)."""
    planned = Served(row.served_on, Service.ELECTRONIC if row.address else Service.MAIL)
    actual = Served(mailed_on, Service.MAIL)
    if row.party_role != "claims_administrator" or planned == actual:
        return ""
    # An amended letter prints the first letter's dates: its own mailing moves none of them.
    letter = IssuedLetter.objects.filter(case_id=row.case_id, pdf_sha256=row.pdf_sha256).first()
    if letter is None:
        return ""
    case = case_from_dict(letter.case_document)
    counted = deadline_sentences(case, actual)
    return " ".join(counted) if counted != deadline_sentences(case, planned) else ""
