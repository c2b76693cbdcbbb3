"""Writes of the reviewer's workspace and of QA. Each is one transaction with its audit row;
a refused input raises InvalidInput before anything is written, so a refusal changes
nothing. Rules come from ``guidelines.domain.hierarchy`` (the evidence hierarchy) and
``review.domain`` (provenance, the QA checklist)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from django.db import transaction

from openimr.audit.services import Actor, actor_label, audit_record
from openimr.cases.selectors import case_by_number
from openimr.cases.services.review import (
    ItemDetermination,
    case_item_write,
    case_return_to_review,
    case_summary_write,
)
from openimr.core.case import Case, Citation, Decision, Item
from openimr.core.clock import now
from openimr.core.errors import Conflict, InvalidInput, NotFound, Problem
from openimr.guidelines.domain.hierarchy import basis_problems
from openimr.letters import selectors as letters
from openimr.letters.domain.extras import Provenance
from openimr.letters.services import AmendedLetter, IssuedLetter, letter_amend, letter_issue
from openimr.review import case_file
from openimr.review.domain.identity import ReviewerIdentity
from openimr.review.domain.provenance import Linked
from openimr.review.domain.qa import identity_problems
from openimr.review.held import case_held
from openimr.review.models import Determination, QAComment
from openimr.review.selectors import (
    item_for_user,
    provenance,
    reviewed_by,
    reviewer_identity_facts,
)
from openimr.review.signoff import checklist
from openimr.review.sources import (
    MARKER,
    determination_version,
    from_json,
    item_version,
    linked_sentences,
    marker,
    stray_markers,
    stray_problem,
    summary_version,
    to_json,
    without_markers,
)


@dataclass(frozen=True)
class ItemInput:
    """One item as the reviewer's form sends it; ``rationale`` as written, page markers
    (``[[12 p3]]``) included."""

    position: int
    decision: Decision | None
    basis: tuple[Citation, ...]
    why_not_mtus: str
    rationale: str
    based_on: str = ""  # the item's version the form was opened on (sources.item_version)


def _determination(row: Any) -> Determination:
    found, _ = Determination.objects.select_for_update().get_or_create(case_id=row.pk)
    return found


def _audit(actor: Actor, action: str, row: Any, detail: dict[str, Any] | None = None) -> None:
    audit_record(
        actor=actor, action=action, object_type="case", object_id=row.case_number, detail=detail
    )


def source_problems(row: Any, sentences: Iterable[Linked], where: str) -> list[Problem]:
    """A page marker must name a page of a record of this case file (LC 4610.6(e): the
    determination rests on the records in it)."""
    pages = {r.id: r.pages for r in case_file.records(row)}
    return [
        Problem(where, f"{marker(ref)} names no page of this case file")
        for s in sentences
        for ref in s.sources
        if ref.document_id not in pages or not 1 <= ref.page <= max(pages[ref.document_id], 1)
    ]


def marker_problems(text: str, where: str) -> list[Problem]:
    """A mistyped page marker is not taken out of the text, so the letter would print it as
    typed: refused, saying what a marker looks like."""
    return [Problem(where, stray_problem(stray)) for stray in stray_markers(text)]


def _why_not_mtus_problems(text: str, where: str) -> list[Problem]:
    # The reason for leaving the MTUS prints as written: no marker is read in it.
    if MARKER.search(text) or stray_markers(text):
        return [Problem(where, "page markers are not read here; cite pages in the rationale")]
    return []


def summary_save(*, row: Any, text: str, actor: Actor, based_on: str = "") -> None:
    """The reviewer's clinical case summary, its sentences keeping the record pages they
    cite or were drafted from. ``based_on``: the version of the saved summary the reviewer's
    page was opened on; a summary saved since (by the other reviewer of a split case) is
    not overwritten unseen: Conflict, and nothing changes. A reviewer withdrawn meanwhile
    saves nothing (``review.held``)."""
    with transaction.atomic():
        row = case_held(actor, row.case_number, not_done="the summary was not saved")
        stored = _determination(row)
        if based_on and based_on != summary_version(stored.summary_input):
            raise Conflict(
                "another reviewer of this case saved the summary after you opened it: "
                "nothing was changed. Your text is kept below and the saved summary is "
                "listed under its sources; save again to replace it"
            )
        if not stored.draft:
            stored.draft = to_json(case_file.summary_draft(row))
        linked = linked_sentences(text, from_json(stored.draft))
        problems = marker_problems(text, "$.clinical_summary")
        problems += source_problems(row, linked, "$.clinical_summary")
        if problems:
            raise InvalidInput(problems, "the summary was not saved: a page marker is wrong")
        case_summary_write(case_number=row.case_number, text=without_markers(text), actor=actor)
        stored.summary_input, stored.summary_sources = text.strip(), to_json(linked)
        stored.save()


def item_save(*, row: Any, entry: ItemInput, actor: Actor) -> None:
    """One item's decision, basis, reason for leaving the MTUS and rationale. Refused,
    changing nothing, when the item is another reviewer's (LC 139.5(c)), or when the basis
    breaks the evidence hierarchy (LC 4610.5(c)(2); 8 CCR 9792.21.1): a decision without a
    basis, a non-MTUS basis without the reason. Refused too (Conflict) when the item was
    saved after the form was opened (``entry.based_on``): from another tab, which this save
    would overwrite unseen. A reviewer withdrawn meanwhile saves nothing, and what the save
    decides on (whose the item is, its saved version) is read under the case's lock
    (``review.held``)."""
    position = entry.position
    with transaction.atomic():
        row = case_held(actor, row.case_number, not_done=f"item {position + 1} was not saved")
        case = case_by_number(row.case_number)
        saved = item_for_user(actor, row.case_number, case.items, position)
        determination, linked = _item_checked(row, saved, entry)
        stored = _determination(row)
        written = stored.rationale_inputs.get(str(position))
        if entry.based_on and entry.based_on != item_version(saved, written):
            raise Conflict(
                f"item {position + 1} was saved after this page was opened (in another tab "
                "or window?): nothing was changed. What you wrote is kept below; save again "
                "to replace the saved item, or reload the page to see it"
            )
        case_item_write(
            case_number=row.case_number,
            position=position,
            determination=determination,
            actor=actor,
        )
        stored.rationale_inputs[str(position)] = entry.rationale.strip()
        stored.rationale_sources[str(position)] = to_json(linked)
        stored.save()


def _item_checked(
    row: Any, saved: Item, entry: ItemInput
) -> tuple[ItemDetermination, tuple[Linked, ...]]:
    """The item as ``entry`` decides it, with its rationale's linked sentences; InvalidInput
    when the basis breaks the evidence hierarchy or a page marker is wrong."""
    position = entry.position
    candidate = replace(
        saved,
        decision=entry.decision,
        reviewer_basis=entry.basis,
        why_not_mtus=entry.why_not_mtus.strip() or None,
        rationale=without_markers(entry.rationale) or None,
    )
    linked = linked_sentences(entry.rationale)
    where = f"$.items[{position}]"
    problems = basis_problems(candidate, index=position)
    problems += marker_problems(entry.rationale, f"{where}.rationale")
    problems += _why_not_mtus_problems(entry.why_not_mtus, f"{where}.why_not_mtus")
    problems += source_problems(row, linked, f"{where}.rationale")
    if problems:
        raise InvalidInput(problems, f"item {position + 1} was not saved")
    determination = ItemDetermination(
        candidate.decision, candidate.reviewer_basis, candidate.why_not_mtus, candidate.rationale
    )
    return determination, linked


def _comment(row: Any, actor: Actor, outcome: str, text: str) -> None:
    stored = _determination(row)
    if outcome == QAComment.RETURNED:
        stored.returns += 1
        stored.save()
    QAComment.objects.create(
        determination=stored, at=now(), author=actor_label(actor), outcome=outcome, text=text
    )


def _refuse_own_determination(row: Any, actor: Actor, act: str) -> None:
    """QA is a second physician's check of the determination before it issues, and of each
    correction of its letter after (a new summary, rationale or basis): an account holding
    both roles that reviewed the case (its attested assignment) gives no check. ``act`` is
    what another QA physician must do, for the refusal to say.

    Source: the organization's own quality-assurance procedure (docs/review.md, "QA"), not a
    statute. The determination is the reviewer's (LC 4610.6(d)); neither LC 139.5 nor
    8 CCR 9792.10.1-9792.10.9 prescribes the QA step, so this separation of duties is ours."""
    if reviewed_by(actor, row.case_number):
        raise Conflict(
            f"you reviewed this case: another QA physician must {act}; nothing was changed"
        )


def qa_return(*, row: Any, actor: Actor, comments: str) -> None:
    """QA sends the determination back to the reviewer with what to change."""
    _refuse_own_determination(row, actor, "approve or return it")
    if not comments.strip():
        raise InvalidInput([Problem("$.comments", "say what the reviewer should change")])
    with transaction.atomic():
        case_return_to_review(case_number=row.case_number, actor=actor, note="returned by QA")
        _comment(row, actor, QAComment.RETURNED, comments.strip())
        _audit(actor, "review.returned", row)


def qa_approve(*, row: Any, actor: Actor, comments: str = "", based_on: str = "") -> IssuedLetter:
    """QA signs off: refused while a blocking check of the checklist fails; otherwise the
    letter is issued, frozen and served (LC 4610.6(f), (g)). ``based_on``, the determination
    the approving page showed (``qa_version``): a determination submitted again since (the
    case returned, changed and resubmitted, while an older page stayed open in another tab)
    is refused, 409, nothing issued: QA approves only what it has read."""
    _refuse_own_determination(row, actor, "approve or return it")
    if based_on and based_on != qa_version(row):
        raise Conflict(
            "the determination was submitted again after this page was opened (the case "
            "was returned and changed): read it below before approving; nothing was issued"
        )
    failed = [c for c in checklist(row) if c.blocking and not c.passed]
    if failed:
        problems = [Problem(c.where, c.text) for c in failed]
        raise InvalidInput(problems, "the checklist is not complete: nothing was issued")
    with transaction.atomic():
        issued = letter_issue(case_number=row.case_number, actor=actor, provenance=provenance(row))
        _comment(row, actor, QAComment.APPROVED, comments.strip())
        _audit(actor, "review.approved", row, {"pdf_sha256": issued.pdf_sha256})
    return issued


def qa_version(row: Any) -> str:
    """The version of the determination in QA, as its page carries it."""
    case = case_by_number(row.case_number)
    return determination_version(case.clinical_summary, case.items, row.decided_at)


@dataclass(frozen=True)
class BasisCorrection:
    """One item's corrected basis and reason for leaving the MTUS, as the amend form sends
    them; the decision itself never changes in a correction."""

    basis: tuple[Citation, ...]
    why_not_mtus: str


def _corrected_items(
    original: Case, rationales: Sequence[str], bases: Sequence[BasisCorrection | None] | None
) -> tuple[Item, ...]:
    """The issued items with their new rationales and, when given, bases (None keeps an
    item's basis as issued); refused like a decision save when a basis breaks the evidence
    hierarchy (LC 4610.5(c)(2); 8 CCR 9792.21.1)."""
    items = tuple(
        replace(item, rationale=without_markers(text) or item.rationale)
        for item, text in zip(original.items, rationales, strict=True)
    )
    if bases is None:
        return items
    if len(bases) != len(items):
        raise InvalidInput([Problem("$.items", "give a basis for every item")])
    items = tuple(
        item
        if b is None
        else replace(item, reviewer_basis=b.basis, why_not_mtus=b.why_not_mtus.strip() or None)
        for item, b in zip(items, bases, strict=True)
    )
    marked = [
        p
        for i, b in enumerate(bases)
        if b is not None
        for p in _why_not_mtus_problems(b.why_not_mtus, f"$.items[{i}].why_not_mtus")
    ]
    if marked:
        raise InvalidInput(marked, "the correction was not issued")
    problems = [p for i, item in enumerate(items) for p in basis_problems(item, index=i)]
    if problems:
        raise InvalidInput(problems, "the correction breaks the evidence hierarchy")
    return items


def letter_correct(
    *,
    row: Any,
    actor: Actor,
    reason: str,
    summary: str,
    rationales: Sequence[str],
    bases: Sequence[BasisCorrection | None] | None = None,
) -> AmendedLetter:
    """A corrected letter: the case as its latest letter states it (a second correction
    starts from the first) with a new summary and rationales (page markers included) and,
    when ``bases`` is given, each item's basis and reason for leaving the MTUS, held to the
    evidence hierarchy as at decision save; issued as an amended letter that names the
    first. Nothing is issued when any of it is refused; Conflict for the case's own
    reviewer, as at approval."""
    _refuse_own_determination(row, actor, "amend its letter")
    # The letter as last corrected: starting from the first letter would undo a correction.
    original = letters.current_case(row.case_number)
    if original is None:
        raise NotFound(f"case {row.case_number} has no issued letter")
    if len(rationales) != len(original.items):
        raise InvalidInput([Problem("$.items", "give a rationale for every item")])
    summary_linked = linked_sentences(summary)
    linked = [linked_sentences(r) for r in rationales]
    problems = marker_problems(summary, "$.clinical_summary")
    problems += [p for i, r in enumerate(rationales) for p in marker_problems(r, f"$.items[{i}]")]
    problems += source_problems(row, summary_linked, "$.clinical_summary")
    problems += [p for i, s in enumerate(linked) for p in source_problems(row, s, f"$.items[{i}]")]
    if problems:
        raise InvalidInput(problems, "the correction was not issued: a page marker is wrong")
    items = _corrected_items(original, rationales, bases)
    corrected = replace(original, clinical_summary=without_markers(summary) or None, items=items)
    names, numbers = reviewer_identity_facts(row)
    revealed = identity_problems(
        corrected.clinical_summary,
        corrected.items,
        ReviewerIdentity(names, numbers),
        reason=reason,
    )
    if revealed:
        raise InvalidInput(revealed, "the correction reveals the reviewer")
    sources = Provenance(summary_linked, tuple(linked), case_file.titles(row))
    return letter_amend(
        case_number=row.case_number,
        corrected=corrected,
        reason=reason,
        actor=actor,
        provenance=sources,
    )
