"""What the search page says in words where the API and the CLI give names and flags: the
order its results come in, each filter's title, and where a refused search went wrong."""

from django.utils.text import capfirst

from openimr.core.errors import Problem
from openimr.decisions.search import Results
from openimr.decisions.search_sql import RANK_WINDOW
from openimr.decisions.search_terms import FILTER_NAMES, ONLY_LEFT_OUT

FACET_TITLES = {
    "outcome": "Decision",
    "category": "Treatment category",
    "specialty": "Reviewer specialty",
    "family": "Guideline family",
    "mtus_based": "MTUS-based",
    "year": "Year",
    "priority": "Priority",
}
# What a visitor of the page typed or clicked; the API and the CLI name the same problems
# by their paths and options ("$.q", "--q"): one message, each audience its own name for
# where it is.
_FIELDS = {
    "q": "the search box",
    "page": "the page number",
    "per_page": "the number of results per page",
}


def search_named(q: str) -> str:
    """The search as the page's title and count name it: in curly quotes, unless it holds
    quotes of its own (a phrase), which mark it already (“"lumbar spine"” said them twice)."""
    return q if any(mark in q for mark in '"“”') else f"“{q}”"


def order_text(results: Results) -> str:
    """The order of the results, as `search.search` chose it: by relevance only its ranked
    window (the RANK_WINDOW most recently added matches), the rest newest decision first."""
    if not results.ranked:
        return "newest decision first"
    if results.total > RANK_WINDOW:
        return f"most relevant first (past the first {RANK_WINDOW:,}, newest decision first)"
    return "most relevant first"


def problem_place(problem: Problem) -> str:
    """Where a refused search went wrong, in the page's words: "The search box", "The page
    number", "The Year filter", or the address's own name for a parameter the page never
    sets ("The address’s “categroy”")."""
    name = problem.path.removeprefix("$.")
    if name in _FIELDS:
        return capfirst(_FIELDS[name])
    if name in FACET_TITLES:
        return f"The {FACET_TITLES[name]} filter"
    return f"The address’s “{name}”"


def problem_text(problem: Problem) -> str:
    """What went wrong, in the page's words: a refusal naming the filters names them by the
    titles the page shows above them ("Treatment category", "MTUS-based"), not by the
    parameters the API and the CLI take ("category", "mtus_based"), which the page never
    shows."""
    if problem.message == ONLY_LEFT_OUT:
        titles = ", ".join(FACET_TITLES[name] for name in FILTER_NAMES)
        return ONLY_LEFT_OUT.replace(", ".join(FILTER_NAMES), titles)
    return problem.message
