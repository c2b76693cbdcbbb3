"""Where each sentence of a determination comes from, and which of its figures no record
supports (issue 5: "A check flags a rationale sentence with a date or a number that appears in
no record"). The rationale must rest on the records (LC 4610.6(e): "the relevant documents in
the record"); a date or a number found in none of them is either a slip or a fact from
outside the case file, and the QA physician should see it before the letter is issued."""

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from openimr.core.errors import InvalidInput, Problem
from openimr.review.domain.figures import Figure, Kind, figures, is_year, known_keys
from openimr.review.domain.sentences import split_sentences

__all__ = [
    "Flag",
    "Linked",
    "SourceRef",
    "reference_numbers",
    "references",
    "split_sentences",
    "unsupported_figures",
]


@dataclass(frozen=True)
class SourceRef:
    """A page of a record in the case file; ``page`` counts from 1."""

    document_id: str
    page: int


@dataclass(frozen=True)
class Linked:
    """A sentence of a summary or rationale and the record pages it rests on."""

    text: str
    sources: tuple[SourceRef, ...] = ()


@dataclass(frozen=True)
class Flag:
    """A figure in ``sentence`` that no record supports, and why it was flagged."""

    sentence: str
    figure: str
    kind: Kind
    reason: str


# A number right after one of these words numbers a passage of a guideline or a law, or an
# item of the letter itself: "page 99", "8 CCR 9792.20", "section 4610.5", "item 2", "#2".
_CITING_BEFORE = re.compile(
    r"(?:\b(?:pages?|pp?|sections?|secs?|chapters?|ch|tables?|figures?|figs?|vol|volumes?"
    r"|rules?|parts?|appendix|CCR|LC|code|items?|issues?|decisions?|questions?|nos?"
    r"|editions?)\.?|§+)\s*#?\s*$",
    re.IGNORECASE,
)
_CITING_AFTER = re.compile(
    r"^(?:st|nd|rd|th)?\s*(?:editions?\b|ed\.|CCR\b|C\.C\.R\.|Cal\.\s*Code|CFR\b|U\.S\.C\.)",
    re.IGNORECASE,
)
_LIST_MARKER = re.compile(r"\(?\d{1,2}[.)](?:\s|$)")
# Who a figure belongs to: the source named nearest before it in its clause ("The MTUS allows
# 10 visits; the records show 24"); if none is named before it, the first one named after.
_GUIDELINE = re.compile(
    r"\b(?:MTUS|ODG|ACOEM|guidelines?|Official Disability|Chronic Pain Medical Treatment"
    r"|Utilization Schedule|evidence[- ]based|peer[- ]reviewed|literature|stud(?:y|ies))\b",
    re.IGNORECASE,
)
_RECORD = re.compile(
    r"\b(?:records?|notes?|reports?|documentation|documented|chart|dated|examination"
    r"|(?:the|this) (?:patient|claimant|employee|injured worker)|he|she)\b",
    re.IGNORECASE,
)
YEAR_NEAR_GUIDELINE = 40  # characters: "ODG 2015", "Official Disability Guidelines, 2013"


def unsupported_figures(
    text: str, pages: Sequence[str], allowed: Collection[str] = ()
) -> tuple[Flag, ...]:
    """Each date or number of ``text`` that appears in none of the record ``pages`` and is not
    one of the case's ``allowed`` figures (age, date of injury, UR date...), with its sentence
    and the reason (LC 4610.6(e): the determination cites the relevant documents in the
    record). Dates match in any written form; numbers match by value, whatever the unit.

    Not checked, because they are not facts about the employee: numbers that cite a passage
    ("page 99", "9792.24.2", "item 2", "11th Edition", "8 CCR"); a year next to a guideline's
    name ("ODG 2015"); figures that belong to a guideline because the source named nearest
    before them (or, when none is, first after them) is a guideline ("The MTUS supports 9-10
    visits"). Known limit: a record figure followed only by a guideline's name in its clause
    ("24 visits, beyond what the guidelines allow") is read as the guideline's."""
    known = known_keys(pages) | known_keys(allowed)
    return tuple(
        _flag(sentence, figure, known)
        for sentence in split_sentences(text)
        for figure in figures(sentence)
        if not figure.needs <= known and _is_fact(sentence, figure)
    )


def _flag(sentence: str, figure: Figure, known: frozenset[str]) -> Flag:
    missing = sorted(key[2:] for key in figure.needs - known)
    noun = "date" if figure.kind == "date" else "number"
    return Flag(
        sentence,
        figure.text,
        figure.kind,
        f"no record reviewed has the {noun} {', '.join(missing)}",
    )


def _is_fact(sentence: str, figure: Figure) -> bool:
    before, after = sentence[: figure.start], sentence[figure.end :]
    if _CITING_BEFORE.search(before) or _CITING_AFTER.search(after):
        return False
    if figure.start <= 1 and _LIST_MARKER.match(sentence):
        return False
    if is_year(figure) and _GUIDELINE.search(before[-YEAR_NEAR_GUIDELINE:]):
        return False
    return not _belongs_to_guideline(sentence, figure)


def _belongs_to_guideline(sentence: str, figure: Figure) -> bool:
    start = sentence.rfind(";", 0, figure.start) + 1
    stop = sentence.find(";", figure.end)
    clause = sentence[start : stop if stop >= 0 else len(sentence)]
    at, end = figure.start - start, figure.end - start
    named = sorted(_mentions(clause), key=lambda m: m[0])
    before = [kind for pos, kind in named if pos < at]
    after = [kind for pos, kind in named if pos >= end]
    nearest = before[-1] if before else (after[0] if after else "")
    return nearest == "guideline"


def _mentions(clause: str) -> Iterable[tuple[int, str]]:
    yield from ((m.start(), "guideline") for m in _GUIDELINE.finditer(clause))
    yield from ((m.start(), "record") for m in _RECORD.finditer(clause))


def _ordered_sources(sentences: Sequence[Linked]) -> tuple[SourceRef, ...]:
    seen: dict[SourceRef, None] = {}
    for sentence in sentences:
        seen.update(dict.fromkeys(sentence.sources))
    return tuple(seen)


def references(sentences: Sequence[Linked], titles: Mapping[str, str]) -> tuple[str, ...]:
    """The numbered list of record pages the letter prints after its rationales, numbered in
    order of first citation: ``[1] Progress note, Dr. Ann Lee, 1/9/2014, page 2``. ``titles``
    maps a document id to its line in the list of documents reviewed (LC 4610.6(e); parties
    asked for each record by author and date, domain.md §6). An id without a title is refused:
    printing an internal id would tell a party nothing."""
    order = _ordered_sources(sentences)
    unknown = sorted({ref.document_id for ref in order} - set(titles))
    if unknown:
        raise InvalidInput(
            [Problem("$.sources", f"no title for document {doc}") for doc in unknown]
        )
    return tuple(
        f"[{n}] {titles[ref.document_id]}, page {ref.page}" for n, ref in enumerate(order, 1)
    )


def reference_numbers(sentences: Sequence[Linked]) -> tuple[tuple[int, ...], ...]:
    """For each sentence, the numbers of its sources in the list of ``references``, so the
    letter can print "... not medically necessary. [1, 3]"."""
    number = {ref: n for n, ref in enumerate(_ordered_sources(sentences), 1)}
    return tuple(tuple(sorted({number[ref] for ref in s.sources})) for s in sentences)
