"""What the search page says in words where the API and the CLI give names and flags: the
order its results come in."""

from openimr.decisions.search import Results
from openimr.decisions.search_sql import RANK_WINDOW


def order_text(results: Results) -> str:
    """The order of the results, as `search.search` chose it: by relevance only its ranked
    window (the RANK_WINDOW most recently added matches), the rest newest decision first."""
    if not results.ranked:
        return "newest decision first"
    if results.total > RANK_WINDOW:
        return f"most relevant first (past the first {RANK_WINDOW:,}, newest decision first)"
    return "most relevant first"
