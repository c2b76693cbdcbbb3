"""Reads of the review, and the access helpers that raise instead of leaking.

Roles are Django groups (``intake``, ``reviewer``, ``qa``; created by this app's data
migration) and checked by ``openimr.core.access``. A reviewer opens only a case their own
reviewer record is attested on; QA opens only cases in QA. Anyone else gets 404, the same
answer as for a case that does not exist, and the refusal is written to the audit trail;
every view that is allowed is audited too."""

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any, NoReturn

from django.http import Http404

from openimr.audit.services import audit_record
from openimr.cases import selectors as cases
from openimr.cases.domain.deadline_status import due_instant as deadline_due_instant
from openimr.cases.domain.deadlines import Deadline
from openimr.cases.domain.lifecycle import State
from openimr.core.access import INTAKE, QA, REVIEWER, ROLES, user_has_role  # noqa: F401
from openimr.core.case import Item
from openimr.core.clock import CALIFORNIA
from openimr.core.errors import InvalidInput, NotFound, Problem
from openimr.core.paging import Page, page_of
from openimr.guidelines.domain.catalog import GuidelineEntry
from openimr.letters import selectors as letters
from openimr.letters.domain.extras import Provenance
from openimr.review import case_file
from openimr.review.domain.assignment import assigned_positions, item_assignment_problems
from openimr.review.models import Determination, QAComment
from openimr.review.sources import from_json
from openimr.reviewers import selectors as reviewers
from openimr.reviewers import services as reviewer_services


def _audited(user: Any, action: str, case_number: str) -> None:
    audit_record(actor=user, action=action, object_type="case", object_id=case_number)


def _refuse(user: Any, action: str, case_number: str) -> NoReturn:
    _audited(user, f"{action}.refused", case_number)
    raise Http404("No such case")


def case_for_reviewer(user: Any, case_number: str, *, action: str = "review.viewed") -> Any:
    """The case row, for the reviewer whose account holds the attested assignment to it
    (LC 139.5: the file opens after the attestation of no conflict); Http404 for anyone
    else, audited either way."""
    assignment = reviewers.attested_assignment(user, case_number)
    # A reviewer suspended from the panel (Active unticked) no longer opens the file.
    if assignment is None or not assignment.reviewer.active or not user_has_role(user, REVIEWER):
        _refuse(user, action, case_number)
    _audited(user, action, case_number)
    return assignment.case


def reviewed_by(user: Any, case_number: str) -> bool:
    """Whether ``user`` is a reviewer of the case (an attested assignment on it)."""
    return reviewers.attested_assignment(user, case_number) is not None


def _assigned_items(user: Any, case_number: str) -> list[int] | None:
    """The item positions on ``user``'s attested assignment to the case (empty: the whole
    case), or None when ``user`` holds none: staff, QA or a service, not a reviewer of it."""
    assignment = reviewers.attested_assignment(user, case_number)
    return None if assignment is None else list(assignment.items)


def items_for_user(user: Any, case_number: str, count: int) -> frozenset[int]:
    """The positions of the case's items that ``user`` may decide: their own, when they are
    one of its reviewers (LC 139.5(c)); every item otherwise."""
    listed = _assigned_items(user, case_number)
    return frozenset(range(count)) if listed is None else assigned_positions(listed, count)


def item_for_user(user: Any, case_number: str, items: Sequence[Item], position: int) -> Item:
    """The item at ``position`` for ``user`` to decide. InvalidInput when the case has no
    such item, or when ``user`` is one of its reviewers and the item is another's
    (LC 139.5(c)); staff, QA and services are not asked whose the item is."""
    if not 0 <= position < len(items):
        raise InvalidInput([Problem(f"$.items[{position}]", "the case has no such item")])
    listed = _assigned_items(user, case_number)
    problems = [] if listed is None else item_assignment_problems(listed, position, len(items))
    if problems:
        raise InvalidInput(problems, f"item {position + 1} is assigned to another reviewer")
    return items[position]


def case_for_qa(
    user: Any,
    case_number: str,
    *,
    action: str = "review.qa_viewed",
    states: Iterable[State] = (State.QA,),
) -> Any:
    """The case row, for a QA physician when the case is in one of ``states`` (in QA unless
    said otherwise); Http404 for anyone else, audited either way."""
    row = _qa_row(user, case_number, states)
    if row is None:
        _refuse(user, action, case_number)
    _audited(user, action, case_number)
    return row


def _qa_row(user: Any, case_number: str, states: Iterable[State]) -> Any | None:
    """The case row when ``user`` is QA and the case is in one of ``states``; nothing
    audited."""
    try:
        row = cases.case_row(case_number)
    except NotFound:
        return None
    if not user_has_role(user, QA) or State(row.state) not in set(states):
        return None
    return row


def amended_for_qa(user: Any, case_number: str, number: int) -> tuple[Any, Any]:
    """The case row and its amended letter ``number``, for QA once the letter is issued.
    The download is audited with the letter it gives (number and PDF hash); a case the user
    may not open, or a number with no letter, is a 404 audited as refused, never as a
    download."""
    row = _qa_row(user, case_number, (State.ISSUED,))
    found = letters.amended_letter(case_number, number) if row is not None else None
    amended_download_audit(user, case_number, number, found)
    if found is None:
        raise Http404("No such amended letter")
    return row, found


def amended_download_audit(user: Any, case_number: str, number: int, found: Any) -> None:
    """``letter.downloaded`` naming the amended letter given, or ``letter.downloaded.refused``
    naming the number asked for."""
    detail: dict[str, Any] = {"amended": number}
    if found is not None:
        detail["pdf_sha256"] = found.pdf_sha256
    action = "letter.downloaded" if found is not None else "letter.downloaded.refused"
    audit_record(
        actor=user, action=action, object_type="case", object_id=case_number, detail=detail
    )


def _reading(user: Any, case_number: str) -> tuple[Any, str] | None:
    """The case row and how ``user`` reads its file: ``"reviewer"`` (its attested reviewer)
    or ``"qa"`` (QA while it is in QA or issued); None when the user may not; nothing
    audited."""
    assignment = reviewers.attested_assignment(user, case_number)
    if assignment is not None and assignment.reviewer.active and user_has_role(user, REVIEWER):
        return assignment.case, "reviewer"
    row = _qa_row(user, case_number, (State.QA, State.ISSUED))
    return (row, "qa") if row is not None else None


def record_for_reader(
    user: Any, case_number: str, record_id: str, *, action: str = "record.viewed"
) -> tuple[Any, Any, str]:
    """The case row, one record of its file and how the user reads it (``"reviewer"`` or
    ``"qa"``: the record page leads back to that one's page of the case), for whoever may
    read the file; the look is audited on the record (``action``: ``record.viewed``, or
    ``record.downloaded`` for its PDF, with the case number, as the staff's case file audits
    it), and Http404 for a case the user may not read or a record not in its file, audited
    as ``<action>.refused``."""
    reading = _reading(user, case_number)
    found = None
    if reading is not None:
        found = next((r for r in case_file.records(reading[0]) if r.id == record_id), None)
    audit_record(
        actor=user,
        action=action if found is not None else f"{action}.refused",
        object_type="record",
        object_id=record_id,
        detail={"case_number": case_number},
    )
    if reading is None or found is None:
        raise Http404("No such record")
    return reading[0], found, reading[1]


def determination_due(row: Any) -> date | datetime | None:
    """When the determination is due (LC 4610.6(d)): the cases' one reading of it
    (`openimr.cases.clocks.determination_due`), which the work queue and timeline share."""
    return cases.determination_due(row)


def due_instant(due: date | datetime) -> datetime:
    """A due day ends at the end of that California day: the clocks' one rule
    (`deadline_status.due_instant`, CCP 12), which the work queue and QA read alike."""
    return deadline_due_instant(Deadline("determination_due", due, "", ""), CALIFORNIA.key)


def _by_due(rows: Iterable[Any]) -> list[dict[str, Any]]:
    """Each case with its determination due date, soonest first, undated last."""
    listed = [{"row": row, "due": determination_due(row)} for row in rows]
    latest = datetime.max.replace(tzinfo=UTC)
    return sorted(listed, key=lambda c: due_instant(c["due"]) if c["due"] else latest)


def reviewer_cases(user: Any) -> list[dict[str, Any]]:
    """The reviewer's assigned cases, soonest due first."""
    if not user_has_role(user, REVIEWER):
        return []
    return _by_due(a.case for a in reviewers.attested_assignments_for_user(user))


def reviewer_attestations(user: Any) -> list[dict[str, Any]]:
    """The reviewer's assignments awaiting the attestation of no conflict, each with the
    parties of the case to check it against (LC 139.5(d)); showing a case's parties is
    audited (``review.parties_viewed``)."""
    if not user_has_role(user, REVIEWER):
        return []
    waiting = []
    for assignment in reviewers.proposed_assignments_for_user(user):
        number = assignment.case.case_number
        names = reviewer_services.match_case(number).parties.names
        _audited(user, "review.parties_viewed", number)
        parties = [(role.value.replace("_", " ").capitalize(), name) for role, name in names]
        waiting.append({"assignment": assignment, "parties": parties})
    return waiting


def qa_cases(user: Any, page: Page | None = None) -> list[dict[str, Any]]:
    """The determinations waiting for QA, soonest due first: the ``page`` of them (the first
    500 without one). A case in QA is next due at its determination, so the work queue's
    order is the determinations' and each page carries on from the one before."""
    if not user_has_role(user, QA):
        return []
    if page is None:
        return _by_due(cases.work_queue(state=State.QA.value))
    return _by_due(cases.work_queue(state=State.QA.value, limit=page.size, offset=page.offset))


def qa_page(asked: int) -> Page:
    """The page ``asked`` of the QA queue (the last when it has shrunk below it)."""
    return page_of(asked, cases.work_queue_count(state=State.QA.value))


def entry_citation(entry: GuidelineEntry) -> str:
    """A catalog entry as the letter cites it: title, part, edition, adopting section."""
    parts = [entry.title, entry.part, entry.edition]
    text = ", ".join(p for p in parts if p)
    return f"{text} ({entry.section})" if entry.section else text


def provenance(row: Any) -> Provenance:
    """The sentences of the summary and of each rationale with the record pages they cite:
    the letter's references, in every copy of it (draft, QA, issued)."""
    stored = determination_of(row)
    count = row.items.count()
    rationales = tuple(from_json(stored.rationale_sources.get(str(n), [])) for n in range(count))
    return Provenance(from_json(stored.summary_sources), rationales, case_file.titles(row))


def determination_of(row: Any) -> Determination:
    """The case's provenance record, unsaved and empty when the review has not begun."""
    found = Determination.objects.filter(case_id=row.pk).first()
    return found or Determination(case_id=row.pk)


def comments_of(row: Any) -> list[QAComment]:
    return list(QAComment.objects.filter(determination__case_id=row.pk))


def reviewer_identity_facts(row: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The names and license numbers of the case's reviewers, for the QA identity check."""
    found = reviewers.reviewer_identities(row.pk)
    names = tuple(name for name, _ in found)
    return names, tuple(number for _, numbers in found for number in numbers)


def determination_view(row: Any) -> dict[str, Any]:
    """The determination as it stands, for the reviewer's API: the summary and each item's
    decision, basis, reason for leaving the MTUS and rationale."""
    case = cases.case_by_number(row.case_number)
    return {
        "case_number": row.case_number,
        "state": row.state,
        "determination_due": determination_due(row),
        "clinical_summary": case.clinical_summary,
        "items": [
            {
                "treatment": item.treatment,
                "decision": item.decision.value if item.decision else None,
                "reviewer_basis": [
                    {"mtus": c.mtus, "citation": c.citation} for c in item.reviewer_basis
                ],
                "why_not_mtus": item.why_not_mtus,
                "rationale": item.rationale,
            }
            for item in case.items
        ],
    }


def _served_letters(case_number: str) -> dict[str, tuple[str, str]]:
    """Each letter of the case by its PDF's SHA-256: its label and stored PDF path."""
    found: dict[str, tuple[str, str]] = {}
    issued = letters.letter_for_case_number(case_number)
    if issued:
        found[issued.pdf_sha256] = ("Final Determination Letter", issued.pdf_path)
    for amended in letters.amended_letters_for(case_number):
        found[amended.pdf_sha256] = (f"Amended letter {amended.number}", amended.pdf_path)
    return found


def print_queue(asked: int = 1) -> tuple[list[dict[str, Any]], Page]:
    """A page of the letters and notices to print and mail, oldest first, each with the
    letter it serves (the first letter or an amendment, told apart by the PDF's hash) or its
    notice. A page's queries are the same few however many rows and cases it holds: read a
    case at a time, a year's queue took 8,000 queries and 18 s."""
    rows, page = letters.print_queue_page(asked)
    by_case = letters.letters_of_cases({row.case_id for row in rows})
    listed = [
        {
            "service": row,
            "party": row.party_role.replace("_", " ").capitalize(),
            "letter": by_case[row.case_id].get(row.pdf_sha256),
            "notice": row.notice,  # a notice opens from its own page (cases:notice_pdf)
        }
        for row in rows
    ]
    return listed, page


def queued_letter_mailed(service_id: int) -> tuple[str, str, bytes]:
    """The case number, file name and PDF of the copy of a queued letter to mail: the party's
    address on its first page (``letters.mailed_letter_pdf``). NotFound as for
    ``queued_letter_pdf``."""
    number, name, path = queued_letter_pdf(service_id)
    return number, name, letters.mailed_letter_pdf(service_id, path)


def queued_letter_pdf(service_id: int) -> tuple[str, str, str]:
    """The case number, file name and stored path of the letter a queued mail service
    serves; NotFound once it has left the queue, for a notice's row (it opens from its own
    page) or when there is no such row. Reads that row and its case's letters only: the
    queue's length costs nothing."""
    service = letters.queued_service(service_id)
    served = _served_letters(service.case.case_number) if service else {}
    letter = served.get(service.pdf_sha256) if service else None
    if service is None or letter is None:
        raise NotFound(f"no letter to print for service {service_id}")
    number = service.case.case_number
    return number, f"{number}-{service.party_role}-{service.pdf_sha256[:8]}.pdf", letter[1]
