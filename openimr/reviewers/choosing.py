"""Choosing the reviewer of a stored case: the case as matching reads it, the panel with its
loads, and the hold on the chosen reviewers that keeps two assignments at once from giving
one reviewer more cases than their week holds (LC 4610.6(d)). Used by ``services``."""

from dataclasses import replace
from datetime import date

from openimr.cases import selectors as case_selectors
from openimr.core.case_format import case_to_dict
from openimr.records.selectors import documents_reviewed
from openimr.reviewers import models, selectors
from openimr.reviewers.domain.matching import MatchCase, MatchResult, match
from openimr.reviewers.domain.panel import Reviewer
from openimr.reviewers.match_input import case_parties_from_document, match_items_from_document

# Each try that finds a chosen reviewer filled meanwhile reads the panel again; a handful of
# clerks assigning at once fill one reviewer each, so a few tries settle it.
TRIES = 5


def match_case(case_number: str) -> MatchCase:
    """The case as the matcher sees it: its parties and its items, from openimr.case/1, and
    when its records are in or due (the reviewer decides on them)."""
    case = case_selectors.case_by_number(case_number)
    # The records received so far, whose authors treated the employee (LC 139.5(d)).
    received = documents_reviewed(case_selectors.case_row(case_number))
    doc = case_to_dict(replace(case, documents=case.documents + received))
    return MatchCase(
        parties=case_parties_from_document(doc),
        items=match_items_from_document(doc),
        expedited=doc["priority"] == "expedited",
        records_by=case_selectors.records_expected_on(case_number),
    )


def _match_once(
    case: MatchCase, today: date, exclude: set[str]
) -> tuple[MatchResult, dict[str, Reviewer]]:
    reviewers, index = selectors.panel_with_index()
    available = {k: v for k, v in reviewers.items() if k not in exclude}
    if case.parties.appealed_from:  # a remand: who decided the earlier review here counts too
        available = selectors.with_cases_decided_here(available, case.parties.appealed_from)
        index = index.refreshed(available)
    return match(case, available, index, selectors.specialty_table(), today), available


def _filled_meanwhile(result: MatchResult, read: dict[str, Reviewer]) -> bool:
    """Holds the chosen reviewers' rows until the caller's transaction ends (in id order, so
    two holders never wait on each other) and counts their open cases again: True when one
    took more cases since the panel was read and has no room left now (LC 4610.6(d))."""
    chosen = sorted(result.chosen)
    list(models.Reviewer.objects.select_for_update().filter(reviewer_id__in=chosen))
    now_open = selectors.open_case_counts(chosen)
    return any(
        now_open.get(rid, 0) > read[rid].open_cases
        and now_open.get(rid, 0) >= read[rid].capacity_per_week
        for rid in chosen
    )


def match_for(
    case_number: str, today: date, exclude: set[str]
) -> tuple[MatchResult, dict[str, Reviewer]]:
    """The match for the case among the panel less ``exclude``, its chosen reviewers held:
    a reviewer another assignment filled between the reading and the hold is not given
    the case too; the panel is read again and the next reviewer chosen."""
    case = match_case(case_number)
    for _ in range(TRIES):
        result, available = _match_once(case, today, exclude)
        if not _filled_meanwhile(result, available):
            break
    return result, available
