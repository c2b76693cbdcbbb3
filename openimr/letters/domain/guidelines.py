"""The guideline lines of an item, as published letters print them.

Each side's line first says whether it relied on the MTUS, because the MTUS comes first in
the evidence hierarchy (LC 4610.5(c)(2)(A); 8 CCR 9792.21.1) and a reader checks that
before anything else.
"""

from collections.abc import Sequence

from openimr.core.case import Citation

CLAIMS_ADMINISTRATOR = "The Claims Administrator"
EXPERT_REVIEWER = "The Expert Reviewer"


def _join(citations: Sequence[Citation]) -> str:
    # A semicolon, not the ", and" some published letters use: citations contain commas,
    # and a parser must be able to split our letters back into the citations they list.
    text = "; ".join(c.citation.strip() for c in citations)
    return text if text.endswith(".") else text + "."


def guideline_line(basis: Sequence[Citation], party: str) -> str:
    """``Decision based on MTUS ...`` and/or ``Decision based on Non-MTUS Citation ...``;
    with no MTUS source, the line states that first, as the seed letter does; with no source
    at all, "did not cite any medical evidence for its decision", as published letters do."""
    if not basis:
        # The published letters' own words (104 of the 182 corpus letters print them), which
        # readers of the corpus and our parser recognize as "cited nothing".
        return f"{party} did not cite any medical evidence for its decision."
    mtus = [c for c in basis if c.mtus]
    other = [c for c in basis if not c.mtus]
    parts = [
        f"Decision based on MTUS {_join(mtus)}"
        if mtus
        else f"{party} did not base their decision on the MTUS."
    ]
    if other:
        parts.append(f"Decision based on Non-MTUS Citation {_join(other)}")
    return " ".join(parts)
