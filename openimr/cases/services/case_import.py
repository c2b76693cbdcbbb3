"""Writes to cases. Keyword-only, one transaction each, audit row inside it."""

from datetime import datetime

from django.db import transaction

from openimr.audit.services import Actor, audit_record
from openimr.cases import models
from openimr.cases.contacts import Contacts, contacts_problems
from openimr.cases.domain.administrators import administrator_key
from openimr.cases.domain.claims import normalise_claim
from openimr.cases.domain.lifecycle import CLOSED, State, state_word
from openimr.cases.domain.rules import case_problems
from openimr.cases.import_claim import claim_number_parse
from openimr.cases.mapping import case_row_fields, document_rows, item_rows
from openimr.cases.services.administrators import administrator_named
from openimr.cases.services.lifecycle import CLOCK_FIELDS, case_transition, clock_refresh
from openimr.core.case import Case, ReviewerQualifications
from openimr.core.errors import Conflict, InvalidInput


@transaction.atomic
def case_import(
    *,
    case: Case,
    actor: Actor,
    replace: bool = False,
    contacts: Contacts | None = None,
    claim_number: str = "",
) -> models.Case:
    """Store a case from an `openimr.case/1` document, with the document's staff-only parts:
    how to reach its parties (`openimr.cases.contacts`) and its claim number, which its
    parties give on /status/ (`openimr.cases.import_claim`) and screening compares a new
    application's with (kept in that comparable form too, `services.screening`). The rules
    run again here so that no door (CLI, web, API) can store what `openimr case validate`
    refuses. An existing case number is a Conflict unless ``replace`` (the new document's
    contacts and claim number then replace the old ones: it is the whole case); a case with
    an issued letter is frozen."""
    contacts = contacts or {}
    claim_number = claim_number_parse(claim_number or None)
    problems = case_problems(case) + contacts_problems(contacts, case)
    if problems:
        raise InvalidInput(problems)
    _refuse_other_letters(case.case_number)
    row = models.Case.objects.filter(case_number=case.case_number).first()
    if row and not replace:
        raise Conflict(f"case {case.case_number} already exists (use --replace to overwrite it)")
    if row and hasattr(row, "letter"):
        raise Conflict(
            f"case {case.case_number} has an issued letter and cannot be changed "
            "(its claim number can still be recorded, on its case page)"
        )
    if row:
        _refuse_replacing(row)
    action = "case.replaced" if row else "case.imported"
    # A case arriving whole (from another system, or a published letter) skips intake: a
    # decided one waits for issuance in QA, an undecided one is in review.
    state = State.QA if case.is_decided else State.IN_REVIEW
    # No account filed an imported case: it is linked by the administrator it names.
    link = _kept_administrator(row, case) or administrator_named(case.claims_administrator.name)
    row, _ = models.Case.objects.update_or_create(
        case_number=case.case_number,
        defaults={
            **case_row_fields(case),
            "state": state.value,
            "claims_administrator_id": link,
            "contacts": contacts,
            "claim_number": claim_number,
            "claim_key": normalise_claim(claim_number),
        },
    )
    row.items.all().delete()
    row.documents.all().delete()
    models.DisputedItem.objects.bulk_create(item_rows(row, case))
    models.CaseDocument.objects.bulk_create(document_rows(row, case))
    # The queue sorts by the stored next due instant: the determination clock runs from the
    # document's records-complete day (`clocks.records_complete`), so it is due from now.
    clock_refresh(row)
    row.save(update_fields=CLOCK_FIELDS)
    audit_record(
        actor=actor,
        action=action,
        object_type="case",
        object_id=case.case_number,
        # Which parties came with contacts and whether a claim number came, never the
        # addresses or the number: the audit trail is read more widely than the case.
        detail={
            "items": len(case.items),
            "documents": len(case.documents),
            "contacts": sorted(contacts),
            "claim_number": bool(claim_number),
        },
    )
    return row


def _refuse_replacing(row: models.Case) -> None:
    """A file sets a case's state from its decisions alone (in review, or QA), without the
    lifecycle's transitions: a withdrawn or terminated case came back open with its closing
    kept, and a filed case skipped its Notice of Assignment and records to sit in review
    with no reviewer. Only an open case imported whole is replaced."""
    if hasattr(row, "application"):
        raise Conflict(
            f"case {row.case_number} was filed through intake and runs from its "
            "application: a file replaces only a case imported whole"
        )
    if State(row.state) in CLOSED:
        raise Conflict(
            f"case {row.case_number} is {state_word(State(row.state))}: closing a case "
            "cannot be undone, so a file does not replace it"
        )


def _refuse_other_letters(number: str) -> None:
    """Every page and command reads a case number in any letter case (`cm26-0000001` opens
    CM26-0000001), so a second case whose number differs only so would be reached by one
    spelling and hidden by the other: the file is refused, naming the case it would shadow."""
    other = (
        models.Case.objects.filter(case_number__iexact=number)
        .exclude(case_number=number)
        .values_list("case_number", flat=True)
        .first()
    )
    if other is not None:
        raise Conflict(
            f"case {number} is case {other} written in other letters (case numbers are "
            f"read in any letter case): to replace that case, import it as {other}"
        )


def _kept_administrator(row: models.Case | None, case: Case) -> int | None:
    """A replaced case keeps its administrator while it names the same one; a case that
    now names another is linked afresh, so the first one's tokens lose it."""
    if row is None or row.claims_administrator_id is None:
        return None
    same = administrator_key(row.claims_administrator_name) == administrator_key(
        case.claims_administrator.name
    )
    return row.claims_administrator_id if same else None


@transaction.atomic
def case_import_many(
    *,
    cases: list[Case],
    actor: Actor,
    replace: bool = False,
    contacts: list[Contacts] | None = None,
    claim_numbers: list[str] | None = None,
) -> list[models.Case]:
    """Import a batch all or nothing: one bad case leaves the database as it was.
    ``contacts`` and ``claim_numbers``, when given, hold each case's in the same order."""
    reach = contacts if contacts is not None else [{} for _ in cases]
    claims = claim_numbers if claim_numbers is not None else ["" for _ in cases]
    return [
        case_import(case=case, actor=actor, replace=replace, contacts=c, claim_number=n)
        for case, c, n in zip(cases, reach, claims, strict=True)
    ]


@transaction.atomic
def case_claim_number_set(*, case_number: str, claim_number: str, actor: Actor) -> None:
    """Record the claim number of a case imported whole after its import, issued or not:
    without it its parties cannot find it on /status/ and screening cannot compare a new
    application's claim with it (`openimr.cases.import_claim`). Only the number and its
    comparable key change; an issued letter never printed it and is left as it issued
    (LC 4610.6(g)). A filed case's number is its application's, kept as the application
    stated it: Conflict. InvalidInput at ``$.claim_number`` for a number refused."""
    number = claim_number_parse(claim_number)  # "" is refused too: it must not be empty
    row = models.Case.objects.select_for_update().get(case_number=case_number)
    if models.Application.objects.filter(case=row).exists():
        raise Conflict(
            f"case {case_number} was filed with its application's claim number, "
            "which stays as the application stated it"
        )
    had_one = bool(row.claim_number)
    row.claim_number, row.claim_key = number, normalise_claim(number)
    row.save(update_fields=["claim_number", "claim_key", "updated_at"])
    # Whether one was replaced, never the number: the trail is read more widely than the case.
    detail = {"replaced": had_one}
    audit_record(
        actor=actor,
        action="case.claim_number_set",
        object_type="case",
        object_id=case_number,
        detail=detail,
    )


def case_mark_issued(*, case_number: str, actor: Actor, at: datetime) -> None:
    """The determination letter was issued: the case closes (LC 4610.6(g))."""
    row = models.Case.objects.select_for_update().get(case_number=case_number)
    case_transition(row=row, target=State.ISSUED, actor=actor, at=at)
    clock_refresh(row)
    row.save()


def _least(current: float | None, new: float | None) -> float | None:
    return new if current is None else current if new is None else min(current, new)


def case_add_reviewer_qualifications(
    *, case_number: str, qualifications: ReviewerQualifications
) -> None:
    """Record an attested reviewer's qualifications: the facts the letter states about the
    reviewer, never the name (LC 4610.6(f)). With several reviewers the letter states every
    specialty and state, and the least years and hours among them."""
    row = models.Case.objects.select_for_update().get(case_number=case_number)
    first = not row.reviewer_specialties
    row.reviewer_specialties = list(
        dict.fromkeys([*row.reviewer_specialties, *qualifications.specialties])
    )
    row.reviewer_licensed_in = sorted({*row.reviewer_licensed_in, *qualifications.licensed_in})
    row.reviewer_board_certified = bool(qualifications.board_certified) and (
        first or bool(row.reviewer_board_certified)
    )
    years = _least(
        None if first else row.reviewer_years_in_practice, qualifications.years_in_practice
    )
    row.reviewer_years_in_practice = int(years) if years is not None else None
    row.reviewer_weekly_hours = _least(
        None if first else row.reviewer_weekly_hours, qualifications.weekly_hours
    )
    row.save()
