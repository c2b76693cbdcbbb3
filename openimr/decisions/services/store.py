"""Writes to the public corpus: a letter (parsed, or issued here) stored as a Decision with its
items and specialties, always de-identified first (openimr.decisions.deidentify), in batches
of one statement per table.

Two writers use this: ingest (`openimr corpus ingest`, see `ingest`), which
stores a batch of source files with one audit event for the batch, and publication of this
organization's own letters (`decisions_publish`, on issue or `openimr corpus publish`), which
writes one audit event per letter published.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction

from openimr.audit.services import Actor, audit_event, audit_save
from openimr.core.clock import now
from openimr.core.db import values_insert
from openimr.decisions.deidentify import deidentify_document
from openimr.decisions.domain.item_regions import (
    letter_diagnoses,
    reads_diagnoses,
    stored_regions,
)
from openimr.decisions.models import (
    PDF_WITHHELD,
    Decision,
    DecisionItem,
    DecisionSpecialty,
    Source,
    SourceFile,
)
from openimr.decisions.search import index_decisions, index_deferred
from openimr.letters.parsing import guideline_family, treatment_category

__all__ = [
    "DecisionRows",
    "SourceRead",
    "decision_rows",
    "decisions_store",
    "sources_store",
]

DUPLICATE = "duplicate case number {case_number}: already in the corpus from another file"
COPY = "a text copy of {case_number}, stored from its PDF: it decides the same"


@dataclass(frozen=True)
class DecisionRows:
    """A decision ready to store: its columns, its items' columns and its specialties.
    Plain data, so that ingest's worker processes can build it and send it back."""

    columns: dict[str, Any]
    items: list[dict[str, Any]]
    specialties: list[str]

    @property
    def case_number(self) -> str:
        return str(self.columns["case_number"])


def decision_rows(
    *,
    document: dict[str, Any],
    source: Source,
    layout: str,
    content_sha256: str,
    letter_path: str = "",
    warnings: Sequence[str] = (),
    confidence: dict[str, float] | None = None,
    deidentified: bool = False,
) -> DecisionRows:
    """De-identify an ``openimr.case/1`` document and lay it out as the corpus stores it.
    ``deidentified``: the document is already ``deidentify_document``'s output (ingest
    de-identifies in its readers, ``read_published``), and is laid out as it is."""
    doc = document if deidentified else deidentify_document(document)
    dates, employee = doc.get("dates") or {}, doc.get("employee") or {}
    reviewer = doc.get("reviewer") or {}
    decided = _date(dates.get("decision"))
    columns = {
        "case_number": doc["case_number"],
        "source": source.value,
        "layout": layout,
        "content_sha256": content_sha256,
        "letter_path": letter_path,
        "decision_date": decided,
        "year": decided.year if decided else None,
        "assigned_date": _date(dates.get("assigned")),
        "injury_date": _date(dates.get("injury")),
        "ur_decision_date": _date(dates.get("ur_decision")),
        "application_received_date": _date(dates.get("application_received")),
        "priority": doc.get("priority") or "",
        "employee_age": employee.get("age"),
        "employee_sex": employee.get("sex") or "",
        "licensed_in": list(reviewer.get("licensed_in") or ()),
        "clinical_summary": doc.get("clinical_summary") or "",
        "document": doc,
        "warnings": list(warnings),
        "confidence": dict(confidence or {}),
    }
    listed = doc.get("items") or ()
    # Reading the summary's sentences for its diagnoses cost 0.05 ms a letter, and few
    # letters have an item that needs them (`reads_diagnoses`).
    needed = any(reads_diagnoses(*_treatment_category(item)) for item in listed)
    summary = doc.get("clinical_summary") or ""
    diagnoses = letter_diagnoses(doc.get("diagnoses") or (), summary) if needed else []
    items = [_item(n, item, diagnoses) for n, item in enumerate(listed)]
    specialties = list(dict.fromkeys(s[:120] for s in reviewer.get("specialties") or () if s))
    return DecisionRows(columns, items, specialties)


def _treatment_category(item: dict[str, Any]) -> tuple[str, str]:
    treatment = item.get("treatment") or ""
    return treatment, item.get("category") or treatment_category(treatment)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _item(position: int, item: dict[str, Any], diagnoses: Sequence[str]) -> dict[str, Any]:
    """An item's columns; the guideline families are the reviewer's basis (8 CCR 9792.21.1
    orders them MTUS first), and "MTUS-based" means some of that basis is MTUS. Its body
    regions are read from its treatment or the letter's ``diagnoses``, as the precedent
    panel reads the case under review's."""
    treatment, category = _treatment_category(item)
    basis = item.get("reviewer_basis") or ()
    families = {guideline_family(c.get("citation") or "") for c in basis}
    codes = [str(c) for c in item.get("icd10") or ()]
    return {
        "position": position,
        "treatment": treatment[:500],
        "category": category,
        "regions": stored_regions(treatment, category, diagnoses, codes),
        "outcome": item.get("decision") or "",
        "mtus_based": any(c.get("mtus") for c in basis),
        "cites_mtus": "mtus" in families or any(c.get("mtus") for c in basis),
        "cites_acoem": "acoem" in families,
        "cites_odg": "odg" in families,
        "cites_other": bool(families - {"mtus", "acoem", "odg"}),
        "rationale": item.get("rationale") or "",
    }


def decisions_store(rows: Sequence[DecisionRows]) -> list[int]:
    """Insert decisions with their items and specialties, one statement per table, and index
    them for search with one more, once each; run inside the caller's transaction. Case
    numbers must be new (the caller checked). The decisions' keys, in the rows' order.
    (Written from their columns' values: a ``Decision`` instance per row cost more to build
    than the row's INSERT.)"""
    if not rows:
        return []
    at = now()
    items, specialties = [], []
    with transaction.atomic():  # the deferral never outlives a failed batch
        index_deferred()
        keys = values_insert(Decision, [{**r.columns, "added_at": at} for r in rows], keys=True)
        for key, r in zip(keys, rows, strict=True):
            items += [{**item, "decision_id": key} for item in r.items]
            specialties += [{"decision_id": key, "specialty": s} for s in r.specialties]
        values_insert(DecisionItem, items)
        values_insert(DecisionSpecialty, specialties)
        index_decisions(keys)
    return keys


@dataclass(frozen=True)
class SourceRead:
    """One file as a worker read it: parsed into ``rows``, or failed with ``error``."""

    name: str
    sha256: str
    size: int
    layout: str = ""
    error: str = ""
    warnings: tuple[str, ...] = ()
    rows: DecisionRows | None = None


@dataclass
class StoreOutcome:
    """What one batch stored: the files parsed, and those failed with their reasons (a
    duplicate case number among them)."""

    parsed: list[SourceRead] = field(default_factory=list)
    failed: list[SourceRead] = field(default_factory=list)
    resolved: int = 0  # earlier failures of a path that parsed in this batch
    attached: int = 0  # PDFs of letters stored from a text copy, attached to them
    # Text copies of letters stored from their PDF, with why: skipped, not failed.
    copies: list[SourceRead] = field(default_factory=list)


def sources_store(*, reads: Sequence[SourceRead], actor: Actor) -> StoreOutcome:
    """Store a batch of files read by ingest: each file's SourceFile row and, for a letter
    that parsed, its Decision, all in one transaction so that a killed ingest leaves a batch
    either whole or absent. A case number already in the corpus (or earlier in the batch)
    keeps its first letter; the later file is recorded as failed, never dropped, unless it
    is the PDF of a letter stored from its text copy (`_pdf_attach`) or a text copy of a
    letter stored from its PDF (`_text_copy_of`: kept as parsed, its row pointing to that
    letter, and counted as a copy). One audit event records the batch."""
    outcome = StoreOutcome()
    with transaction.atomic():
        kept = _first_of_each_case([r for r in reads if r.rows is not None])
        later = []
        for read in reads:
            if read.rows is None:
                outcome.failed.append(read)
            elif read.sha256 in kept:
                outcome.parsed.append(read)
            else:
                later.append(read)
        decisions = decisions_store([r.rows for r in outcome.parsed if r.rows is not None])
        copied: list[int] = []
        for read in later:  # after the batch's own decisions are stored: a copy may be one
            number = read.rows.case_number if read.rows else ""
            decision = _pdf_attach(read)
            if decision is not None:
                outcome.parsed.append(read)
                decisions.append(decision)
                outcome.attached += 1
            elif (decision := _text_copy_of(read)) is not None:
                outcome.copies.append(_copy(read, COPY.format(case_number=number)))
                copied.append(decision)
            else:
                outcome.failed.append(_failed(read, DUPLICATE.format(case_number=number)))
        _source_files(outcome, decisions, copied)
        audit_save([_batch_event(outcome, actor)])
    return outcome


def _first_of_each_case(reads: Sequence[SourceRead]) -> set[str]:
    """The hashes of the reads whose case number is not in the corpus nor earlier here."""
    numbers = [r.rows.case_number for r in reads if r.rows is not None]
    stored = set(
        Decision.objects.filter(case_number__in=numbers).values_list("case_number", flat=True)
    )
    kept: set[str] = set()
    for read in reads:
        number = read.rows.case_number if read.rows else ""
        if number not in stored:
            stored.add(number)
            kept.add(read.sha256)
    return kept


def _pdf_attach(read: SourceRead) -> int | None:
    """A PDF whose case is stored from a text copy of the letter, with no PDF: the same case
    number, decision date, priority and items (treatment and outcome, in order). The PDF is
    that decision's (the text copy was only the first to come): its path is set on the
    decision, which its page then offers, or when de-identification withheld it, the
    decision says so. The decision's key; None for another letter under the case number."""
    rows = read.rows
    if rows is None or not (rows.columns["letter_path"] or PDF_WITHHELD in read.warnings):
        return None
    decision = Decision.objects.filter(
        case_number=rows.case_number, source=Source.PUBLISHED, letter_path=""
    ).first()
    if decision is None or PDF_WITHHELD in decision.warnings or not _same_case(rows, decision):
        return None
    if rows.columns["letter_path"]:
        decision.letter_path = rows.columns["letter_path"]
    else:
        decision.warnings = [*decision.warnings, PDF_WITHHELD]
    decision.save(update_fields=["letter_path", "warnings"])
    return int(decision.pk)


def _text_copy_of(read: SourceRead) -> int | None:
    """A text letter whose case is stored from its PDF (or from a PDF withheld): the same
    case number, decision date, priority and items (`_same_case`, the rule a PDF after its
    text copy is attached by). It adds nothing to the letter; before, it failed as a
    duplicate case number and stayed on the staff list of failures. The decision's key;
    None for a PDF, or another letter under the case number."""
    rows = read.rows
    if rows is None or rows.columns["letter_path"] or PDF_WITHHELD in read.warnings:
        return None
    decision = Decision.objects.filter(
        case_number=rows.case_number, source=Source.PUBLISHED
    ).first()
    if decision is None or not (decision.letter_path or PDF_WITHHELD in decision.warnings):
        return None
    if not _same_case(rows, decision):
        return None
    return int(decision.pk)


def _same_case(rows: DecisionRows, decision: Decision) -> bool:
    stored = list(decision.items.order_by("position").values_list("treatment", "outcome"))
    read = [(item["treatment"], item["outcome"]) for item in rows.items]
    columns = (rows.columns["decision_date"], rows.columns["priority"])
    return columns == (decision.decision_date, decision.priority) and read == stored


def _failed(read: SourceRead, error: str) -> SourceRead:
    return SourceRead(read.name, read.sha256, read.size, read.layout, error, read.warnings)


def _copy(read: SourceRead, reason: str) -> SourceRead:
    """A copy of a stored letter, with why it adds nothing (its row's last warning)."""
    return SourceRead(read.name, read.sha256, read.size, read.layout, "", (*read.warnings, reason))


def _source_files(outcome: StoreOutcome, decisions: Sequence[int], copied: Sequence[int]) -> None:
    at = now()
    rows = [
        _source_row(read, at, SourceFile.Status.PARSED, decision)
        for read, decision in zip(outcome.parsed, decisions, strict=True)
    ]
    # A copy's row points to the letter it copies: its hash is known, so a rerun skips it.
    rows += [
        _source_row(read, at, SourceFile.Status.PARSED, decision)
        for read, decision in zip(outcome.copies, copied, strict=True)
    ]
    rows += [_source_row(read, at, SourceFile.Status.FAILED, None) for read in outcome.failed]
    values_insert(SourceFile, rows)
    parsed = len(outcome.parsed) + len(outcome.copies)
    outcome.resolved = _failures_resolve([row["name"] for row in rows[:parsed]], at)


def _failures_resolve(names: list[str], at: Any) -> int:
    """A path that failed and now parses (the file replaced, a PDF given its text layer)
    is no longer a failure: its failed rows are kept, marked resolved, off the staff list."""
    unresolved = SourceFile.objects.filter(
        status=SourceFile.Status.FAILED, resolved_at=None, name__in=names
    )
    return unresolved.update(resolved_at=at) if names else 0


def _source_row(read: SourceRead, at: Any, status: str, decision_id: int | None) -> dict[str, Any]:
    return {
        "sha256": read.sha256,
        "name": read.name[-500:],
        "size": read.size,
        "status": str(status),
        "layout": read.layout,
        "error": read.error,
        "warnings": list(read.warnings),
        "decision_id": decision_id,
        "seen_at": at,
    }


def _batch_event(outcome: StoreOutcome, actor: Actor) -> Any:
    files = outcome.parsed + outcome.copies + outcome.failed
    return audit_event(
        actor=actor,
        action="corpus.ingested",
        object_type="corpus",
        object_id=files[0].sha256[:16] if files else "",
        detail={
            "parsed": len(outcome.parsed),
            "failed": len(outcome.failed),
            "resolved": outcome.resolved,
            "attached": outcome.attached,
            "copies": len(outcome.copies),
            "first": files[0].name if files else "",
            "last": files[-1].name if files else "",
        },
    )
