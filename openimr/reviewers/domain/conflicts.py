"""Conflicts of interest: who may not review a case (LC 139.5(d); 8 CCR 9792.10.6; compare
8 CCR 41.5 for medical evaluators).

A reviewer is excluded when a current tie (an affiliation that has not ended) or the
reviewer's own name matches a party of the case, and when the reviewer decided an earlier
review of the same dispute that was sent back on appeal. Names compare after
``normalise_name``: equal, or alike above a threshold (0–100) by a similarity function the
caller supplies, so this module needs no third-party scorer; a party who is a person also
matches the same first and last names (``names.same_person``: "John Albert Smith" is
"John Smith").

Codes are stable: ``affiliated_<role>`` (a tie to the party), ``reviewer_is_<role>`` (the
reviewer is the party), ``remand_same_reviewer``; roles are those of ``PartyRole``.
"""

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from typing import Protocol, runtime_checkable

from openimr.reviewers.domain.credentials import Reason
from openimr.reviewers.domain.names import is_organisation, normalise_name, same_person
from openimr.reviewers.domain.panel import (
    Affiliation,
    AffiliationKind,
    CaseParties,
    PartyRole,
    Reviewer,
)

Similarity = Callable[[str, str], float]
DEFAULT_THRESHOLD = 90.0
SOURCE = "LC 139.5(d); 8 CCR 9792.10.6"
REMAND_SOURCE = "LC 4610.6(h), (i)"

ROLE_WORDS: dict[PartyRole, str] = {
    PartyRole.EMPLOYEE: "the injured employee",
    PartyRole.EMPLOYER: "the employer",
    PartyRole.CLAIMS_ADMINISTRATOR: "the claims administrator or insurer",
    PartyRole.REQUESTING_PHYSICIAN: "the requesting physician",
    PartyRole.MEDICAL_GROUP: "the requesting physician's medical group",
    PartyRole.FACILITY: "the facility where the treatment would be given",
    PartyRole.MANUFACTURER: "the maker of the disputed drug, device or procedure",
    PartyRole.UR_ORGANIZATION: "the utilization review organization",
    PartyRole.UR_REVIEWER: "the utilization review physician",
    PartyRole.TREATING_PROVIDER: "a provider who treated the employee (author of a record)",
}
PEOPLE = frozenset(
    {
        PartyRole.EMPLOYEE,
        PartyRole.REQUESTING_PHYSICIAN,
        PartyRole.UR_REVIEWER,
        PartyRole.TREATING_PROVIDER,
    }
)
KIND_WORDS: dict[AffiliationKind, str] = {
    AffiliationKind.EMPLOYED_BY: "works for",
    AffiliationKind.OWNS_PART_OF: "owns part of",
    AffiliationKind.PAID_BY: "is paid by",
    AffiliationKind.RELATED_TO: "is related to",
    AffiliationKind.PRACTICES_WITH: "practices with",
}


class NameMatcher(Protocol):
    """Finds, for a party's normalised name, the panel's names that may be the same."""

    def candidates(self, party_normalised: str) -> Iterable[tuple[str, str, float]]:
        """``(reviewer_id, name as the reviewer disclosed it, score 0–100)`` over the whole
        panel; the names are affiliations' names and reviewers' own names."""
        ...


@runtime_checkable
class DecidedLookup(Protocol):
    """A matcher that can also say who decided a case, without reading every reviewer."""

    def decided_by(self, case_number: str) -> Iterable[str]: ...


def ratio_similarity(a: str, b: str) -> float:
    """Word order does not matter, then the share of characters in common (0–100): the
    standard library's stand-in for rapidfuzz's ``token_sort_ratio``."""
    left, right = " ".join(sorted(a.split())), " ".join(sorted(b.split()))
    return 100.0 * SequenceMatcher(None, left, right, autojunk=False).ratio()


def _current(affiliation: Affiliation, today: date) -> bool:
    # A tie that ended before today no longer conflicts; one ending today still does.
    return affiliation.until is None or affiliation.until >= today


def _who(role: PartyRole) -> str:
    return "who is" if role in PEOPLE else "which is"


def _alike(score: float, person: bool) -> str:
    if person:
        return f" (the same first and last names; the names are {score:.0f}% alike)"
    return "" if score >= 100 else f" (the names are {score:.0f}% alike)"


def _tie(role: PartyRole, party: str, tie: Affiliation, score: float, person: bool) -> Reason:
    return Reason(
        f"affiliated_{role.value}",
        f"The reviewer {KIND_WORDS[tie.kind]} “{tie.name}”, {_who(role)} {ROLE_WORDS[role]}, "
        f"“{party}”{_alike(score, person)}.",
        SOURCE,
        (party, tie.name),
    )


def _self(role: PartyRole, party: str, name: str, score: float, person: bool) -> Reason:
    return Reason(
        f"reviewer_is_{role.value}",
        f"The reviewer is {ROLE_WORDS[role]}, “{party}”{_alike(score, person)}.",
        SOURCE,
        (party, name),
    )


def name_reasons(
    reviewer: Reviewer,
    role: PartyRole,
    party: str,
    name: str,
    *,
    score: float,
    today: date,
    person: bool = False,
) -> Iterator[Reason]:
    """The reasons a match of ``party`` with ``name`` (an affiliation's or the reviewer's own
    name, as disclosed) gives against ``reviewer`` today (LC 139.5(d)); ``person``: matched
    as ``same_person`` below the threshold, and said so."""
    if name == reviewer.name:
        yield _self(role, party, name, score, person)
    for tie in reviewer.affiliations:
        if tie.name == name and _current(tie, today):
            yield _tie(role, party, tie, score, person)


def _matched(
    role: PartyRole, wanted: str, name: str, score: float, threshold: float
) -> tuple[bool, bool]:
    """Whether a name matches a party, and whether only as the same person: alike above the
    threshold, or, for a party who is a person and two names that are no organisation's,
    the same first and last names (``same_person``; LC 139.5(d); 8 CCR 9792.10.6)."""
    if score >= threshold:
        return True, False
    person = (
        role in PEOPLE
        and not is_organisation(wanted)
        and same_person(wanted, normalise_name(name))
        and not is_organisation(name)
    )
    return person, person


def _case_key(number: str) -> str:
    return "".join(c for c in number.casefold() if c.isalnum())


def remand_same_reviewer(reviewer: Reviewer, parties: CaseParties) -> Iterator[Reason]:
    """A dispute sent back on appeal is reviewed again by a different reviewer
    (LC 4610.6(h), (i)): whoever decided the earlier review is excluded."""
    earlier = {_case_key(n): n for n in parties.appealed_from}
    for number in reviewer.prior_case_numbers:
        if _case_key(number) in earlier:
            yield Reason(
                "remand_same_reviewer",
                f"The reviewer decided the earlier review {number} of this dispute, which was "
                "sent back on appeal; the new review needs a different reviewer.",
                REMAND_SOURCE,
                (earlier[_case_key(number)], number),
            )


def _ordered(reasons: Iterable[Reason]) -> list[Reason]:
    return sorted(set(reasons), key=lambda r: (r.code, r.matched, r.text))


def _targets(reviewer: Reviewer) -> set[str]:
    return {reviewer.name} | {tie.name for tie in reviewer.affiliations}


def reviewer_conflicts(
    reviewer: Reviewer,
    parties: CaseParties,
    today: date,
    similarity: Similarity,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[Reason]:
    """Every conflict of one reviewer with the parties (LC 139.5(d); 8 CCR 9792.10.6;
    LC 4610.6(h), (i)), as re-checked when the reviewer attests to having none."""
    found: list[Reason] = list(remand_same_reviewer(reviewer, parties))
    targets = [(name, normalise_name(name)) for name in _targets(reviewer)]
    for role, party in parties.names:
        wanted = normalise_name(party)
        for name, normalised in targets if wanted else ():
            score = 100.0 if normalised == wanted else similarity(wanted, normalised)
            hit, person = _matched(role, wanted, normalised, score, threshold)
            if hit:
                found += name_reasons(
                    reviewer, role, party, name, score=score, today=today, person=person
                )
    return _ordered(found)


def _remands(
    parties: CaseParties, panel: Mapping[str, Reviewer], matcher: NameMatcher
) -> Iterator[tuple[str, Reason]]:
    if not parties.appealed_from:
        return
    if isinstance(matcher, DecidedLookup):
        ids = {rid for number in parties.appealed_from for rid in matcher.decided_by(number)}
        reviewers: Iterable[Reviewer] = [panel[rid] for rid in sorted(ids) if rid in panel]
    else:
        reviewers = panel.values()
    for reviewer in reviewers:
        for reason in remand_same_reviewer(reviewer, parties):
            yield reviewer.reviewer_id, reason


def panel_conflicts(
    parties: CaseParties,
    panel: Mapping[str, Reviewer],
    matcher: NameMatcher,
    today: date,
    threshold: float = DEFAULT_THRESHOLD,
) -> dict[str, list[Reason]]:
    """The conflicted reviewers of the whole panel and their reasons, found through the
    matcher's index rather than by reading every affiliation (LC 139.5(d);
    8 CCR 9792.10.6; LC 4610.6(h), (i)). The panel is the truth: a candidate counts only if
    that reviewer's current affiliation (or own name) carries the matched name."""
    found: dict[str, list[Reason]] = {}
    for role, party in parties.names:
        wanted = normalise_name(party)
        for rid, name, score in matcher.candidates(wanted) if wanted else ():
            reviewer = panel.get(rid)
            hit, person = _matched(role, wanted, name, score, threshold)
            if reviewer is not None and hit:
                found.setdefault(rid, []).extend(
                    name_reasons(
                        reviewer, role, party, name, score=score, today=today, person=person
                    )
                )
    for rid, reason in _remands(parties, panel, matcher):
        found.setdefault(rid, []).append(reason)
    return {rid: _ordered(reasons) for rid, reasons in sorted(found.items()) if reasons}


@dataclass(frozen=True)
class ScanMatcher:
    """A ``NameMatcher`` that compares a name with every name on the panel: the plain way,
    right for a handful of reviewers and for checking a faster index against."""

    panel: Mapping[str, Reviewer]
    similarity: Similarity = ratio_similarity

    def candidates(self, party_normalised: str) -> Iterator[tuple[str, str, float]]:
        for rid, reviewer in self.panel.items():
            for name in sorted(_targets(reviewer)):
                normalised = normalise_name(name)
                exact = normalised == party_normalised
                yield rid, name, 100.0 if exact else self.similarity(party_normalised, normalised)
