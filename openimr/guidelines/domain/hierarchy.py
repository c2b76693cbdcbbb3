"""The evidence hierarchy, per disputed item (LC 4610.5(c)(2); 8 CCR 9792.21.1;
8 CCR 9792.25.1): the MTUS first, a lower source only with the reason a higher one does not
serve. docs/guidelines.md explains each rule."""

from collections.abc import Iterable, Sequence

from openimr.core.case import Citation, Item
from openimr.core.errors import Problem
from openimr.guidelines.domain.catalog import OTHER, Catalog, family_of

# LC 4610.5(c)(2) orders the standards A-F; 8 CCR 9792.21.1 orders the search inside "B"
# (ACOEM or ODG, then other guidelines, then studies). Lower rank is higher in the order;
# ACOEM and ODG share a rank because the regulation names them as equals.
_RANKS = {
    "mtus": 0,  # A
    "acoem": 1,  # B, 8 CCR 9792.21.1: ACOEM or ODG first
    "odg": 1,
    "other_guideline": 2,  # B/C: other nationally recognized guidelines
    "peer_reviewed": 3,  # B: peer-reviewed studies
    "expert_opinion": 4,  # D
    "standard_practice": 5,  # E
    OTHER: 6,  # unplaced: after everything the law names
}
MIN_WHY_NOT_MTUS = 20


def hierarchy_rank(family: str) -> int:
    """The family's place in the order of LC 4610.5(c)(2) and 8 CCR 9792.21.1 (0 = MTUS);
    an unknown family ranks last."""
    return _RANKS.get(family, _RANKS[OTHER])


def order_citations(
    basis: Iterable[Citation], catalog: Catalog | None = None
) -> tuple[Citation, ...]:
    """The basis highest source first (LC 4610.5(c)(2)), keeping the given order among equals.
    Without a catalog only the ``mtus`` flag is known, so MTUS citations lead."""

    def rank(citation: Citation) -> int:
        if catalog is None:
            return 0 if citation.mtus else 1
        return hierarchy_rank(family_of(citation, catalog))

    return tuple(sorted(basis, key=rank))


def basis_problems(item: Item, *, index: int) -> list[Problem]:
    """What breaks the evidence hierarchy in one item's reviewer basis, located by JSON path
    (``$.items[0].reviewer_basis``). Rules, each from LC 4610.5(c)(2) and 8 CCR 9792.21.1:

    - a decided item names the standard it was decided on, and each citation names a
      source: "-", "." or "n/a" cites nothing, yet would print as the basis of a binding
      decision ("Decision based on Non-MTUS Citation n/a");
    - a basis without an MTUS citation says why the MTUS does not address the condition or
      why its presumption of correctness (LC 4604.5(a)) is rebutted, in at least
      ``MIN_WHY_NOT_MTUS`` characters that mention the MTUS;
    - a basis made only of MTUS citations has no ``why_not_mtus``: the letter would say both
      "based on the MTUS" and why it was not, so the record contradicts itself;
    - no citation repeats another (``citation_repeats``): the letter prints each citation
      of the basis, and one entered twice would print twice as the standard relied on.
    """
    where = f"$.items[{index}]"
    if not item.reviewer_basis:
        return _missing_basis(item, where)
    nameless = _nameless_citations(item.reviewer_basis, where)
    if nameless:
        return nameless
    repeated = _repeated_citations(item.reviewer_basis, where)
    if repeated:
        return repeated
    has_mtus = any(c.mtus for c in item.reviewer_basis)
    why = (item.why_not_mtus or "").strip()
    if not has_mtus:
        return _why_not_mtus_problems(why, where)
    if why and all(c.mtus for c in item.reviewer_basis):
        return [
            Problem(
                f"{where}.why_not_mtus",
                "the basis is entirely MTUS: remove this reason or cite the non-MTUS source "
                "it explains (8 CCR 9792.21.1)",
            )
        ]
    return []


# What a citation says when it names no source; compared folded (lower case, letters and
# digits only, spaces between words).
_NO_SOURCE = frozenset({"na", "n a", "none", "nil", "not applicable", "unknown", "tbd"})


def _nameless_citations(basis: Iterable[Citation], where: str) -> list[Problem]:
    """Each citation that names no guideline, study or standard (LC 4610.5(c)(2): the
    decision rests on a named standard), by its number in the basis."""
    return [
        Problem(
            f"{where}.reviewer_basis",
            f"citation {n} ({citation.citation!r}) names no guideline, study or standard: "
            "cite the source the decision rests on (LC 4610.5(c)(2))",
        )
        for n, citation in enumerate(basis, 1)
        if _names_nothing(citation.citation)
    ]


def _names_nothing(text: str) -> bool:
    folded = " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())
    return not folded or folded in _NO_SOURCE


def citation_repeats(citations: Sequence[str]) -> list[tuple[int, int]]:
    """Each citation that repeats an earlier one, as (its index, the earlier one's index).
    Compared case and spacing aside, and a closing full stop aside: "ODG  Low back."
    repeats "odg low back", a slip of typing, not another source (the letter ends the
    citations with a full stop of its own). LC 4610.5(c)(2) and LC 4610.6(e): the
    determination names the standards it rests on, each once; the one place this
    comparison is made."""
    first: dict[str, int] = {}
    found = []
    for index, text in enumerate(citations):
        folded = " ".join(text.casefold().split()).rstrip(". ")
        earlier = first.setdefault(folded, index)
        if earlier != index:
            found.append((index, earlier))
    return found


def _repeated_citations(basis: Sequence[Citation], where: str) -> list[Problem]:
    """Each citation of the basis that repeats an earlier one, by their numbers in it."""
    return [
        Problem(
            f"{where}.reviewer_basis",
            f"citation {index + 1} ({basis[index].citation!r}) repeats citation {earlier + 1}: "
            "the letter would print it twice; cite each source once (LC 4610.6(e))",
        )
        for index, earlier in citation_repeats([c.citation for c in basis])
    ]


def _missing_basis(item: Item, where: str) -> list[Problem]:
    if item.decision is None:
        return []
    return [
        Problem(
            f"{where}.reviewer_basis",
            "a decided item needs the standard it was decided on (LC 4610.5(c)(2))",
        )
    ]


def _why_not_mtus_problems(why: str, where: str) -> list[Problem]:
    if not why:
        message = (
            "a basis without an MTUS citation needs why the MTUS does not address the "
            "condition or why its presumption of correctness is rebutted (8 CCR 9792.21.1)"
        )
    elif len(why) < MIN_WHY_NOT_MTUS or "mtus" not in why.lower():
        message = (
            f"must say, in at least {MIN_WHY_NOT_MTUS} characters that mention the MTUS, "
            "why the MTUS does not apply (8 CCR 9792.21.1)"
        )
    else:
        return []
    return [Problem(f"{where}.why_not_mtus", message)]
