"""What each search parameter takes (`search_terms.parse` decides), as JSON Schema for the
API's description: a client knows a 422 before sending."""

from collections.abc import Iterable
from typing import Any

from openimr.decisions.search_terms import (
    CATEGORIES,
    FAMILIES,
    MAX_OFFSET,
    MAX_PER_PAGE,
    MAX_QUERY,
    OUTCOMES,
    PER_PAGE,
    PRIORITIES,
    TRUE,
)


def parameter_values() -> dict[str, dict[str, Any]]:
    """What each parameter takes, as JSON Schema for text (every value arrives as a query
    string's text; ``parse`` decides): an API description says it so a client knows a 422
    before sending. Choices are taken in any letter case; written here in lower case. An
    empty value filters nothing (a form sends its unchosen filters so). A number with a
    default says it (as text, the parameter's type): ``parse`` takes it when the parameter
    is absent or empty, and a client had read per_page's 20 in the API's docs alone."""

    def number(low: int, high: int, digits: str, default: int | None = None) -> dict[str, Any]:
        text = f"a whole number from {low} to {high}"
        said = {"pattern": f"^(?:{digits})?$", "description": text}
        if default is None:
            return said
        return {**said, "description": f"{text}; {default} when absent", "default": str(default)}

    def choice(values: Iterable[str]) -> dict[str, Any]:
        return {"enum": ["", *values]}

    return {
        # Longer is refused; of a shorter one, words past the first 16 are not searched.
        "q": {"maxLength": MAX_QUERY},
        "outcome": choice(OUTCOMES),
        "category": choice(CATEGORIES),
        "family": choice(FAMILIES),
        "priority": choice(PRIORITIES),
        "mtus_based": choice(TRUE),
        "specialty": {"maxLength": 120},
        "year": number(1990, 2100, "199[0-9]|20[0-9][0-9]|2100"),
        # A page past the first MAX_OFFSET results is refused too (page x per_page).
        "page": number(1, MAX_OFFSET, "[1-9][0-9]{0,3}|10000", default=1),
        "per_page": number(1, MAX_PER_PAGE, "[1-9][0-9]?|100", default=PER_PAGE),
    }
