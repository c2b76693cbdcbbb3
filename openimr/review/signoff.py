"""What the QA physician reads before sign-off: the checklist of ``review.domain.qa`` built
from the stored case, its reviewers, its clocks and its records; and the provenance the
issued letter prints."""

from dataclasses import replace
from datetime import datetime
from typing import Any

from openimr.cases.selectors import case_by_number, decided_in_document
from openimr.core.case import Case
from openimr.core.clock import now
from openimr.guidelines.domain.hierarchy import basis_problems
from openimr.letters.selectors import letter_html_for
from openimr.review import case_file
from openimr.review.domain.identity import ReviewerIdentity
from openimr.review.domain.qa import Check, Determination, qa_checks
from openimr.review.reassign import lapse_problems
from openimr.review.selectors import (
    determination_due,
    due_instant,
    provenance,
    reviewer_identity_facts,
)
from openimr.reviewers.domain.reassignment import SOURCE


def hierarchy_problems(case: Case) -> list[Any]:
    """Every item's evidence-hierarchy problems (LC 4610.5(c)(2); 8 CCR 9792.21.1)."""
    return [p for i, item in enumerate(case.items) for p in basis_problems(item, index=i)]


def documents_reviewed(row: Any, case: Case) -> tuple[str, ...]:
    """The records the letter lists: the records layer's list when it has any, else the
    case's own document index."""
    found = case_file.documents_reviewed(row)
    return found or tuple(d.title for d in case.documents)


def allowed_figures(case: Case) -> tuple[str, ...]:
    """Figures the case itself supplies, which no record needs to repeat: its dates, the
    employee's age and the requests as the application names them ("2 times a week for 6
    weeks")."""
    dates = [case.dates.injury, case.dates.ur_decision, case.dates.application_received]
    found = [d.isoformat() for d in dates if d] + [item.treatment for item in case.items]
    return (*found, str(case.employee.age)) if case.employee.age else tuple(found)


def checklist(row: Any) -> tuple[Check, ...]:
    """The QA checklist of the case as stored now."""
    case = case_by_number(row.case_number)
    names, numbers = reviewer_identity_facts(row)
    due = determination_due(row)
    moment = now()
    determination = Determination(
        items=case.items,
        clinical_summary=case.clinical_summary,
        documents_reviewed=documents_reviewed(row, case),
        identity=ReviewerIdentity(names, numbers),
        due=due_instant(due) if due else moment,
        now=_judged_at(row, moment),
    )
    checks = qa_checks(
        determination,
        basis_problems=hierarchy_problems(case),
        conditions=case.diagnoses,
        record_pages=case_file.page_texts(row),
        allowed_figures=allowed_figures(case),
    )
    late = _late_records(row)
    checks = (*_qualified(row), *checks)
    return (*(checks if due else tuple(_no_clock(c) for c in checks)), *late)


def _qualified(row: Any) -> tuple[Check, ...]:
    """Each reviewer still qualifies on the day of approval: a license or certification
    that lapsed since the attestation holds the letter back (LC 139.5(c)). Said as to staff
    (the reviewer's panel id), never with a name."""
    lapsed = lapse_problems(row, None)
    if not lapsed:
        text = "Each reviewer still holds a license and a board certification in force."
        return (Check("reviewers_qualified", True, text, SOURCE, "$.reviewer"),)
    return tuple(Check("reviewers_qualified", False, p.message, SOURCE, p.path) for p in lapsed)


def _late_records(row: Any) -> tuple[Check, ...]:
    """A warning, not a refusal: records that arrived in QA were never before the reviewer,
    and only QA can return the case for the reviewer to consider them (LC 4610.6(e))."""
    late = case_file.received_after(row, row.decided_at)
    if not late:
        return ()
    names = "; ".join(r.reference for r in late)
    text = (
        f"{len(late)} record(s) arrived after the reviewer decided and are not in the "
        f"letter: {names}. Return the case for the reviewer to consider them."
    )
    return (Check("late_records", True, text, "LC 4610.6(e)", blocking=False, warning=True),)


def _judged_at(row: Any, moment: datetime) -> datetime:
    """When the determination's timeliness is judged (LC 4610.6(d)): now, for one made
    here. A case imported whole, its clock and its decision both from its document (no
    records-complete instant recorded here, no decision made here), was determined on the
    document's decision date: the end of that day met or missed the clock, and issuing its
    letter now does not make it late."""
    return decided_in_document(row) or moment


def _no_clock(check: Check) -> Check:
    # Neither intake nor the imported document gave a complete-records date: no clock.
    if check.code != "on_time":
        return check
    text = "the case records no date of complete records, so no determination due date"
    return replace(check, passed=True, text=text, warning=True)


def draft_letter_html(row: Any) -> str:
    """The letter as it would issue now, with its references, for QA to read."""
    _, html = letter_html_for(row.case_number, provenance(row))
    return html
