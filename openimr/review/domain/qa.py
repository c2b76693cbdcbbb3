"""The QA physician's checklist: what must hold before a Final Determination Letter issues.
Each check names its source; ``qa_ready`` says whether every blocking one passed. The evidence
hierarchy is judged by the guidelines app (``basis_problems``); the caller passes its result."""

import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from openimr.core.case import Item
from openimr.core.errors import InvalidInput, Problem
from openimr.review.domain.identity import Found, ReviewerIdentity, identity_found
from openimr.review.domain.provenance import split_sentences, unsupported_figures
from openimr.review.domain.rationale import Part, missing_parts

DECIDED = "LC 4610.6(d); 8 CCR 9792.10.6"
HIERARCHY = "LC 4610.5(c)(2); 8 CCR 9792.21.1"
CONTENTS = "LC 4610.6(e)"
CONFIDENTIAL = "LC 4610.6(f)"
ON_TIME = "LC 4610.6(d)"
WARN_WITHIN = timedelta(hours=24)  # a day's notice leaves time to finish QA and serve
MIN_SUMMARY_CHARS = 150  # the seed's summary runs to about 900; two short sentences pass
MIN_SUMMARY_SENTENCES = 2
_PLACEHOLDERS = ("tbd", "todo", "to follow", "see records", "see attached", "lorem", "xxx")
_PART_WORDS: dict[Part, str] = {
    "condition": "the employee's medical condition",
    "records": "the records relied on",
    "standard": "the standard applied (the MTUS, a guideline or the evidence)",
}


@dataclass(frozen=True)
class Determination:
    """What QA sees of a determination ready for sign-off. ``due`` and ``now`` are aware
    instants; a due date counted in days is due at the end of its local day."""

    items: tuple[Item, ...]
    clinical_summary: str | None
    documents_reviewed: tuple[str, ...]
    identity: ReviewerIdentity
    due: datetime
    now: datetime

    def __post_init__(self) -> None:
        naive = [name for name in ("due", "now") if getattr(self, name).utcoffset() is None]
        if naive:
            raise InvalidInput([Problem(f"$.{name}", "must be timezone-aware") for name in naive])


@dataclass(frozen=True)
class Check:
    """One line of the checklist. ``where`` is a JSON path into the case (``$.items[1]``);
    a non-blocking check informs without holding the letter back; ``warning`` marks a passed
    check that still needs attention (due within a day)."""

    code: str
    passed: bool
    text: str
    source: str
    where: str = "$"
    blocking: bool = True
    warning: bool = False


_ITEM_AT = re.compile(r"^\$\.items\[(\d+)\]")


def _label(index: int, item: Item) -> str:
    return f"item {index + 1} ({item.treatment})"


def decision_checks(items: Sequence[Item]) -> Iterator[Check]:
    """Every disputed item is upheld or overturned: the determination decides each one
    (LC 4610.6(d); 8 CCR 9792.10.6)."""
    if not items:
        yield Check("items_present", False, "the determination has no disputed items", DECIDED)
    for i, item in enumerate(items):
        state = item.decision.label if item.decision is not None else "not decided"
        text = f"{_label(i, item)} is {state}"
        yield Check(
            "item_decided", item.decision is not None, text, DECIDED, f"$.items[{i}].decision"
        )


def hierarchy_checks(problems: Sequence[Problem], items: Sequence[Item]) -> Iterator[Check]:
    """The reviewer's basis keeps the evidence hierarchy (LC 4610.5(c)(2); 8 CCR 9792.21.1):
    one failed check per problem the guidelines app found, else one passed check. Each
    names its item as the other lines do: the page shows the text, not the path, and "a
    decided item needs the standard" alone left QA to guess which."""
    if not problems:
        yield Check("basis_hierarchy", True, "every basis keeps the evidence hierarchy", HIERARCHY)
    for problem in problems:
        found = _ITEM_AT.match(problem.path)
        i = int(found[1]) if found else -1
        text = f"{_label(i, items[i])}: {problem.message}" if 0 <= i < len(items) else None
        yield Check("basis_hierarchy", False, text or problem.message, HIERARCHY, problem.path)


def rationale_checks(items: Sequence[Item], conditions: Collection[str]) -> Iterator[Check]:
    """Each rationale states the medical condition, the records relied on and the standard
    applied (LC 4610.6(e)); each missing part is its own failed check."""
    for i, item in enumerate(items):
        where, label = f"$.items[{i}].rationale", _label(i, item)
        if not (item.rationale or "").strip():
            yield Check("rationale_present", False, f"{label} has no rationale", CONTENTS, where)
            continue
        missing = missing_parts(item.rationale or "", conditions)
        for part, words in _PART_WORDS.items():
            ok = part not in missing
            text = f"the rationale of {label} {'states' if ok else 'does not state'} {words}"
            yield Check(f"rationale_{part}", ok, text, CONTENTS, where)


def _letter_texts(
    clinical_summary: str | None, items: Sequence[Item], reason: str = ""
) -> Iterator[tuple[str, str, str]]:
    if reason:  # an amended letter prints why it was amended
        yield "$.reason", "the reason for the amendment", reason
    yield "$.clinical_summary", "the clinical summary", clinical_summary or ""
    for i, item in enumerate(items):
        yield f"$.items[{i}].rationale", f"the rationale of item {i + 1}", item.rationale or ""
        yield f"$.items[{i}].why_not_mtus", f"the basis of item {i + 1}", item.why_not_mtus or ""


_REVEALED: dict[Found, str] = {
    "name": "the reviewer's name",
    "identifier": "an identifier of the reviewer (license number)",
}


def identity_checks(d: Determination) -> Iterator[Check]:
    """No part of the letter the reviewer wrote reveals who the reviewer is (LC 4610.6(f)).
    The check says where, never what: its text is shown to staff and logged."""
    clean = True
    for where, place, text in _letter_texts(d.clinical_summary, d.items):
        for found in identity_found(text, d.identity):
            clean = False
            said = f"{_REVEALED[found]} appears in {place}"
            yield Check("identity_hidden", False, said, CONFIDENTIAL, where)
    if clean:
        yield Check(
            "identity_hidden", True, "the reviewer's identity appears nowhere", CONFIDENTIAL
        )


def identity_problems(
    clinical_summary: str | None,
    items: Sequence[Item],
    identity: ReviewerIdentity,
    *,
    reason: str = "",
) -> list[Problem]:
    """Where a letter's text reveals the reviewer (LC 4610.6(f)), as problems that say where,
    never what: a correction is served like the first letter and held to the same rule, and
    so is the ``reason`` an amended letter prints."""
    return [
        Problem(where, f"{_REVEALED[found]} appears in {place}")
        for where, place, text in _letter_texts(clinical_summary, items, reason)
        for found in identity_found(text, identity)
    ]


def _when(moment: datetime) -> str:
    return f"{moment:%B} {moment.day}, {moment.year} {moment:%H:%M %Z}".strip()


def deadline_check(due: datetime, now: datetime) -> Check:
    """The determination is not overdue (LC 4610.6(d)); due within ``WARN_WITHIN`` it passes
    with a warning, so QA takes it first. Overdue, the check fails but does not hold the
    letter back: LC 4610.6(d) sets the time to decide and nothing in it ends a review whose
    time has passed, so the determination still binds and must reach the parties (LC
    4610.6(g)); holding it would only make it later. The lateness is counted where it
    belongs, in the timeliness report (``cases.timeliness``)."""
    left = due - now
    if left < timedelta(0):
        text = f"the determination was due {_when(due)}: it is late, so issue it without delay"
        return Check("on_time", False, text, ON_TIME, blocking=False)
    hours = int(left.total_seconds() // 3600)
    if left <= WARN_WITHIN:
        text = f"the determination is due within {hours} hours, {_when(due)}"
        return Check("on_time", True, text, ON_TIME, warning=True)
    return Check("on_time", True, f"the determination is due {_when(due)}", ON_TIME)


def summary_check(summary: str | None) -> Check:
    """The clinical case summary is written: at least ``MIN_SUMMARY_CHARS`` characters in
    ``MIN_SUMMARY_SENTENCES`` sentences, and no placeholder. It is where the letter states the
    condition and the records reviewed (LC 4610.6(e); the seed's CLINICAL CASE SUMMARY)."""
    text = " ".join((summary or "").split())
    where = "$.clinical_summary"
    if not text:
        return Check("summary_present", False, "the clinical summary is empty", CONTENTS, where)
    placeholder = next((p for p in _PLACEHOLDERS if p in text.lower()), None)
    if placeholder:
        why = f'the clinical summary holds the placeholder "{placeholder}"'
        return Check("summary_present", False, why, CONTENTS, where)
    if len(text) < MIN_SUMMARY_CHARS or len(split_sentences(text)) < MIN_SUMMARY_SENTENCES:
        why = f"the clinical summary is too short ({len(text)} characters)"
        return Check("summary_present", False, why, CONTENTS, where)
    return Check("summary_present", True, "the clinical summary is written", CONTENTS, where)


def documents_check(documents: Sequence[str]) -> Check:
    """The letter lists the records reviewed (LC 4610.6(e): "the relevant documents in the
    record"; parties asked for each record by author and date, domain.md §6)."""
    count = len(documents)
    if count == 1:
        text = "1 document reviewed is listed"
    else:
        text = (
            f"{count} documents reviewed are listed" if count else "no document reviewed is listed"
        )
    return Check("documents_listed", bool(count), text, CONTENTS, "$.documents")


def figure_checks(
    d: Determination, pages: Sequence[str], allowed: Collection[str]
) -> Iterator[Check]:
    """Dates and numbers of the summary and rationales that no record supports (issue 5;
    LC 4610.6(e)). Non-blocking: a figure may come from a guideline the heuristics missed."""
    for where, place, text in _letter_texts(d.clinical_summary, d.items):
        for flag in unsupported_figures(text, pages, allowed):
            if identity_found(flag.figure, d.identity):
                continue  # a license number is no record's figure; never repeat it here
            why = f'"{flag.figure}" in {place}: {flag.reason}'
            yield Check("figures_supported", False, why, CONTENTS, where, blocking=False)


def qa_checks(
    d: Determination,
    *,
    basis_problems: Sequence[Problem] = (),
    conditions: Collection[str] = (),
    record_pages: Sequence[str] | None = None,
    allowed_figures: Collection[str] = (),
) -> tuple[Check, ...]:
    """The whole checklist, in the order QA reads a letter. ``basis_problems``: what
    ``openimr.guidelines.domain.hierarchy.basis_problems`` found in the items; ``conditions``:
    the case's diagnoses and ICD-10 descriptions; ``record_pages``: the text of every record
    page, to check the figures (skipped when None); ``allowed_figures``: figures known from
    the case (age, dates of injury and UR decision)."""
    checks: list[Check] = [summary_check(d.clinical_summary), documents_check(d.documents_reviewed)]
    checks += decision_checks(d.items)
    checks += hierarchy_checks(basis_problems, d.items)
    checks += rationale_checks(d.items, conditions)
    checks += identity_checks(d)
    if record_pages is not None:
        checks += figure_checks(d, record_pages, allowed_figures)
    checks.append(deadline_check(d.due, d.now))
    return tuple(checks)


def qa_ready(checks: Iterable[Check]) -> bool:
    """True when every blocking check passed: the letter may be signed off and issued."""
    return all(check.passed for check in checks if check.blocking)
