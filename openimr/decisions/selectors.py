"""Reads of the public corpus for the search page, the letter page, the API and the exports.
Only the de-identified Decision row is ever read here: what a visitor sees is a subset of
that row, chosen field by field (never the whole stored document)."""

from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from django.conf import settings

from openimr.core.case_numbers import case_number_spellings
from openimr.core.errors import InvalidInput, NotFound
from openimr.decisions import analytics, export, search
from openimr.decisions.export import Tally as ExportTally
from openimr.decisions.ingest_selectors import pointed_paths
from openimr.decisions.models import PDF_WITHHELD, Decision, Source
from openimr.decisions.precedents import MIN_COHORT, ItemPrecedents, precedents_for_case
from openimr.decisions.precedents import WINDOW as PRECEDENT_WINDOW
from openimr.decisions.search_links import pager as search_pager
from openimr.decisions.search_parameters import parameter_values as search_parameter_values
from openimr.decisions.search_terms import Filters, SearchQuery, parse, typed_words

# The reviewer workspace reads precedents through this module (apps meet at selectors), and
# the API what the search's parameters take and its links to the search's other pages.
__all__ = [
    "MIN_COHORT",
    "PRECEDENT_WINDOW",
    "ExportTally",
    "ItemPrecedents",
    "corpus_export",
    "corpus_files_named",
    "decision_get",
    "decision_number",
    "decision_opened",
    "decision_search",
    "decision_view",
    "items_left_out",
    "letter_file",
    "overturn_by",
    "precedents_for_case",
    "search_pager",
    "search_parameter_values",
    "search_query",
    "searched_words",
    "specialty_unknown",
]


def search_query(params: Mapping[str, Any], *, paged: bool = True) -> SearchQuery:
    """The search request parameters ask for (InvalidInput when one is bad), read here once
    for the search page, the API and every export, so that all of them answer the same
    parameters with the same decisions. Words that are a published decision's case number
    (the index cuts "CM16-0400101" into two words no letter's text holds) ask for that
    decision, the filters still applied. An export is not ``paged``."""
    query = parse(params, paged=paged)
    number = decision_number(query.text)
    return query if number is None else replace(query, case_number=number)


def decision_search(params: Mapping[str, Any], *, facets: bool = True) -> search.Results:
    """The search a visitor asked for in query parameters (InvalidInput when one is bad)."""
    return search.search(search_query(params), facets=facets)


def decision_opened(params: Mapping[str, Any]) -> str | None:
    """The case number of the letter a search opens at once: its words name a published
    decision that its filters keep. None otherwise, and when a parameter is bad (the page
    then says which)."""
    try:
        query = search_query(params)
    except InvalidInput:
        return None
    if query.case_number is None or query.page != 1:
        return None
    return query.case_number if search.search(query, facets=False).total else None


def common_words_only(text: str) -> bool:
    return search.common_words_only(text)


def specialty_unknown(query: SearchQuery) -> bool:
    """Whether ``query`` filters by a reviewer specialty no published letter names (a
    misspelling reads, without this, as "no such reviewer decided such a case")."""
    if query.filters.specialty is None:
        return False
    alone = SearchQuery(filters=Filters(specialty=query.filters.specialty))
    return search.search(alone, facets=False).total == 0


def searched_words(query: SearchQuery) -> tuple[list[str], list[str], list[str]]:
    """The words ``query`` searched, as typed, every one required; those it left out as
    too common (its own list, and the words the database's index leaves out); and those
    typed with a leading "-", which no letter found holds ("knee" of "-knee")."""
    if query.case_number is not None:
        return [], [], []
    typed, common = typed_words(query.text)
    excluded, common_excluded = typed_words(query.text, excluded=True)
    ignored = search.left_out_by_the_index((*typed, *excluded))
    return (
        [w for w in typed if w not in ignored],
        [*common, *common_excluded, *(w for w in (*typed, *excluded) if w in ignored)],
        [w for w in excluded if w not in ignored],
    )


def corpus_export(
    fmt: str, params: Mapping[str, Any], tally: export.Tally | None = None
) -> Iterator[bytes]:
    """The de-identified corpus (or the search ``params`` ask for) as ``fmt`` bytes, a chunk
    at a time, the decisions written counted in ``tally``. The parameters are checked
    before the first chunk."""
    return export.WRITERS[fmt].stream(search_query(params, paged=False), tally)


def overturn_by(field: str) -> list[analytics.Row]:
    return analytics.overturn_by(field)


def items_left_out(field: str) -> int:
    return analytics.items_left_out(field)


def decision_get(case_number: str) -> Decision:
    found = (
        Decision.objects.filter(case_number=case_number)
        .prefetch_related("items", "specialties")
        .first()
    )
    if found is None:
        raise NotFound(f"no published decision {case_number}")
    return found


def decision_number(text: str) -> str | None:
    """The case number of the published decision ``text`` names, written in any case with
    spaces, quotes, brackets or a stop around ("(cm16-0400101)." for CM16-0400101), or
    None. Each spelling (`case_number_spellings`) is an indexed read, so a search or an
    address that names no decision costs two at most."""
    for candidate in case_number_spellings(text):
        found = Decision.objects.filter(case_number=candidate).values_list("case_number")
        if row := found.first():
            return str(row[0])
    return None


def _citations(entries: Any) -> list[dict[str, Any]]:
    if not isinstance(entries, list):
        return []
    return [
        {"mtus": bool(c.get("mtus")), "citation": str(c.get("citation") or "")}
        for c in entries
        if isinstance(c, dict)
    ]


def _document_items(decision: Decision) -> list[dict[str, Any]]:
    items = decision.document.get("items") if isinstance(decision.document, dict) else None
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def decision_view(decision: Decision) -> dict[str, Any]:
    """The public letter: dates, priority, reviewer qualifications (specialty and licensure,
    never a name), the summary, and each item with its decision, citations and rationale."""
    stored = _document_items(decision)
    items = []
    for n, row in enumerate(decision.items.all()):
        doc = stored[n] if n < len(stored) else {}
        items.append(
            {
                "position": row.position + 1,
                "treatment": row.treatment,
                "category": row.category,
                "outcome": row.outcome,
                "mtus_based": row.mtus_based,
                "families": [
                    f for f in ("mtus", "acoem", "odg", "other") if getattr(row, f"cites_{f}")
                ],
                "claims_administrator_basis": _citations(doc.get("claims_administrator_basis")),
                "reviewer_basis": _citations(doc.get("reviewer_basis")),
                "why_not_mtus": str(doc.get("why_not_mtus") or ""),
                "rationale": row.rationale,
            }
        )
    return {
        "case_number": decision.case_number,
        "source": decision.source,
        "decision_date": decision.decision_date,
        "year": decision.year,
        "assigned_date": decision.assigned_date,
        "injury_date": decision.injury_date,
        "ur_decision_date": decision.ur_decision_date,
        "application_received_date": decision.application_received_date,
        "priority": decision.priority,
        "employee_age": decision.employee_age,
        "employee_sex": decision.employee_sex,
        "specialties": [s.specialty for s in decision.specialties.all()],
        "licensed_in": list(decision.licensed_in or []),
        "clinical_summary": decision.clinical_summary,
        "items": items,
        "has_letter": letter_file(decision) is not None,
        "no_letter_why": no_letter_why(decision),
    }


def no_letter_why(decision: Decision) -> str:
    """Why the public may not read this letter's PDF, for its page; "" when it may."""
    if PDF_WITHHELD in decision.warnings:
        return (
            "The PDF is not published: de-identification removed identifiers from this "
            "letter's text, which the PDF still prints. The text below is the de-identified "
            "letter."
        )
    if not decision.letter_path and decision.source == Source.PUBLISHED:
        return "No PDF: this letter was read from a text copy."
    if not decision.letter_path:
        return "No PDF of this letter is published."
    if letter_file(decision) is None:
        return "The PDF of this letter is not available."
    return ""


def letter_file(decision: Decision) -> Path | None:
    """The letter's PDF under MEDIA_ROOT, or None (no path, missing file, a path that would
    leave MEDIA_ROOT, or a PDF withheld). Withheld is read from the warning, not only from
    an emptied path: a row edited by hand, or one stored before ingest emptied the path,
    would otherwise publish a PDF that still prints the identifiers de-identification
    removed from its text (45 CFR 164.514(b)(2))."""
    if not decision.letter_path or not settings.MEDIA_ROOT or PDF_WITHHELD in decision.warnings:
        return None
    root = Path(settings.MEDIA_ROOT).resolve()
    path = (root / decision.letter_path).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        return None
    return path


def corpus_files_named(paths: list[str]) -> set[str]:
    """Which of these stored PDFs (paths under MEDIA_ROOT) a published decision names, as
    its letter's PDF: for `openimr files sweep`."""
    return pointed_paths(paths)
