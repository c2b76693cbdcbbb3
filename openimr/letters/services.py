"""Issuing a Final Determination Letter: render once, store, freeze."""

from django.db import transaction

from openimr.audit.services import Actor, actor_label, audit_record
from openimr.cases.selectors import case_by_number, case_id_for
from openimr.cases.services import case_mark_issued
from openimr.core.case import Case
from openimr.core.case_format import case_to_dict
from openimr.core.clock import now
from openimr.core.errors import Conflict, InvalidInput, Problem
from openimr.letters.models import IssuedLetter
from openimr.letters.render.html import render_fragment
from openimr.letters.render.text import render_text
from openimr.letters.rendering import letter_for, render_pdf_bytes
from openimr.letters.selectors import configured_template
from openimr.records.services import file_store


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


def letter_issue(*, case_number: str, actor: Actor) -> IssuedLetter:
    """Render the letter in all three formats, store the PDF and freeze the result."""
    case = case_by_number(case_number)
    problems = issue_problems(case)
    if problems:
        raise InvalidInput(problems, f"case {case_number} cannot be issued yet")
    if IssuedLetter.objects.filter(case__case_number=case_number).exists():
        raise Conflict(f"the letter for case {case_number} was already issued")
    letter = letter_for(case, configured_template())
    pdf_path, digest = file_store(
        render_pdf_bytes(letter), folder=f"letters/{case_number}", suffix=".pdf"
    )
    at = now()
    with transaction.atomic():
        case_mark_issued(case_number=case_number, actor=actor, at=at)
        issued = IssuedLetter.objects.create(
            case_id=case_id_for(case_number),
            issued_at=at,
            issued_by=actor_label(actor),
            text=render_text(letter),
            html=render_fragment(letter),
            pdf_path=pdf_path,
            pdf_sha256=digest,
            case_document=case_to_dict(case),
        )
        audit_record(
            actor=actor,
            action="letter.issued",
            object_type="case",
            object_id=case_number,
            detail={"pdf_sha256": digest},
        )
    return issued
