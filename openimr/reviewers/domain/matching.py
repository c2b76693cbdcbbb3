"""Choosing the reviewer of a case: qualified, available, free of conflicts, in a fitting
specialty, and the least loaded (LC 139.5; 8 CCR 9792.10.6; domain.md §1 step 7, §4).

Reviewers whose certifications fit no item are not looked at further (``not_considered``
counts them). The others are taken in order of load (largest share of weekly capacity
free, then fewest open cases, then reviewer id, so the answer never depends on the panel's
order) until ``limit`` eligible ones covering every item are found; whoever is excluded on
the way is listed with the reasons, and so is every conflicted reviewer of a fitting
specialty. When nobody eligible covers every item, several reviewers are proposed, one
item set each (greedy set cover), which needs the Administrative Director's approval.
"""

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol, runtime_checkable

from openimr.core.case import Category
from openimr.core.dates import in_sentence
from openimr.reviewers.domain.conflicts import DEFAULT_THRESHOLD, NameMatcher, panel_conflicts
from openimr.reviewers.domain.credentials import (
    QUALIFICATIONS,
    Reason,
    availability_problems,
    credential_problems,
)
from openimr.reviewers.domain.panel import CaseParties, Reviewer
from openimr.reviewers.domain.specialties import (
    SpecialtyTable,
    canonical_specialty,
    specialties_for,
)

LIMIT = 10


@dataclass(frozen=True)
class MatchItem:
    treatment: str
    category: Category
    icd10: tuple[str, ...] = ()


@dataclass(frozen=True)
class MatchCase:
    """``records_by`` is the day the case's records are complete, or the last day they are
    due: a reviewer chosen before they arrive can only start then, so the expected decision
    (and the leave it must not fall into) counts from it. None: they are in hand."""

    parties: CaseParties
    items: tuple[MatchItem, ...]
    expedited: bool = False
    records_by: date | None = None


@dataclass(frozen=True)
class Ranked:
    """An eligible reviewer: ``score`` is the share of weekly capacity free (0–1), ``covers``
    the positions of the items the reviewer's specialties fit."""

    reviewer_id: str
    score: float
    covers: tuple[int, ...]
    expected_decision: date
    why: str


@dataclass(frozen=True)
class Exclusion:
    reviewer_id: str
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class MatchResult:
    """``coverage`` pairs each item's position with its reviewer; ``uncovered`` lists items
    no eligible reviewer fits; ``not_considered`` counts reviewers of other specialties."""

    chosen: tuple[str, ...]
    ranked: tuple[Ranked, ...]
    excluded: tuple[Exclusion, ...]
    multi_reviewer: bool
    coverage: tuple[tuple[int, str], ...]
    uncovered: tuple[int, ...] = ()
    not_considered: int = 0


@runtime_checkable
class SpecialtyLookup(Protocol):
    """A matcher that also knows who is certified in a specialty (any certification, in
    force or not), so that matching need not read the whole panel."""

    def with_any_specialty(self, keys: frozenset[str]) -> AbstractSet[str]:
        """Ids of reviewers certified in any of the specialties (``specialty_key`` form)."""
        ...


@runtime_checkable
class LoadOrdered(Protocol):
    """A panel that keeps its reviewer ids sorted by ``load_key``, so that matching need not
    sort them. Only the panel itself can promise this about its own reviewers."""

    def in_load_order(self) -> Sequence[str]: ...

    def load_positions(self) -> Mapping[str, int]:
        """Each id's place in ``in_load_order``."""
        ...


def load_key(reviewer: Reviewer) -> tuple[float, int, str]:
    """Ranking order: most of the weekly capacity free, fewest open cases, reviewer id."""
    used = (
        reviewer.open_cases / reviewer.capacity_per_week
        if reviewer.capacity_per_week > 0
        else math.inf
    )
    return used, reviewer.open_cases, reviewer.reviewer_id


def business_days_after(day: date, count: int) -> date:
    """``count`` weekdays after ``day``. An estimate for ranking, not a legal deadline, so
    holidays are not counted (the clocks in cases.domain.deadlines are)."""
    while count > 0:
        day += timedelta(days=1)
        count -= day.weekday() < 5
    return day


def expected_decision(
    reviewer: Reviewer, today: date, expedited: bool, records_by: date | None = None
) -> date:
    """When the reviewer would likely decide: behind the open cases at the weekly capacity,
    five working days a week; an expedited case goes first, next working day (the law
    allows 3 days, LC 4610.6(d)). The count starts when the records are in (``records_by``,
    if later than today): the determination is made on them (LC 4610.6(d), 30 days from
    their receipt), so a reviewer on leave by then cannot meet it."""
    start = max(today, records_by or today)
    if expedited or reviewer.capacity_per_week <= 0:
        return business_days_after(start, 1)
    days = math.ceil(5 * (reviewer.open_cases + 1) / reviewer.capacity_per_week)
    return business_days_after(start, max(1, days))


def _current_specialties(table: SpecialtyTable, reviewer: Reviewer, today: date) -> set[str]:
    return {
        canonical_specialty(table, c.specialty)
        for c in reviewer.certifications
        if c.expires is None or c.expires >= today
    }


def _all_specialties(table: SpecialtyTable, reviewer: Reviewer) -> set[str]:
    return {canonical_specialty(table, c.specialty) for c in reviewer.certifications}


@dataclass
class _Assessment:
    reviewer: Reviewer
    covers: tuple[int, ...]  # items fitted by certifications in force
    lapsed: tuple[int, ...]  # items fitted only by certifications that have lapsed
    specialties: tuple[str, ...]
    due: date
    reasons: list[Reason]


class _Matching:
    """One run of ``match``: what is known about the case, and each reviewer looked at."""

    def __init__(
        self,
        case: MatchCase,
        panel: Mapping[str, Reviewer],
        table: SpecialtyTable,
        today: date,
        conflicts: dict[str, list[Reason]],
    ) -> None:
        self.case, self.panel, self.table, self.today = case, panel, table, today
        self.conflicts = conflicts
        self.needs = [specialties_for(table, i.treatment, i.category, i.icd10) for i in case.items]
        self.wanted: frozenset[str] = frozenset().union(*self.needs)
        self.seen: dict[str, _Assessment] = {}

    def fitting(self, matcher: NameMatcher) -> tuple[list[AbstractSet[str]], AbstractSet[str]]:
        """Per item, and for any item, the reviewers holding a certification (in force or
        lapsed) that fits."""
        if isinstance(matcher, SpecialtyLookup):
            return [self._looked_up(matcher, n) for n in self.needs], self._looked_up(
                matcher, self.wanted
            )
        per_item: list[set[str]] = [set() for _ in self.needs]
        for rid, reviewer in self.panel.items():
            held = _all_specialties(self.table, reviewer)
            for i, need in enumerate(self.needs):
                if held & need:
                    per_item[i].add(rid)
        return list(per_item), set().union(*per_item)

    def _looked_up(self, matcher: SpecialtyLookup, need: frozenset[str]) -> AbstractSet[str]:
        keys = frozenset(s for name in need for s in self.table.spellings.get(name, {name}))
        found = matcher.with_any_specialty(keys)
        # A matcher built for a larger panel (say, before some reviewers were set aside)
        # may name reviewers this panel does not have.
        return found if matcher is self.panel else self.panel.keys() & found

    def ordered(
        self, ids: AbstractSet[str], every: Sequence[AbstractSet[str]] = ()
    ) -> Iterator[str]:
        """Those of ``ids`` also in ``every`` set, in load order, lazily: callers usually
        stop after the first few, so a large set is walked rather than sorted."""
        kept = (rid for rid in ids if all(rid in s for s in every))
        if not isinstance(self.panel, LoadOrdered):
            return iter(sorted(kept, key=lambda rid: load_key(self.panel[rid])))
        if len(ids) * 8 < len(self.panel):
            return iter(sorted(kept, key=self.panel.load_positions().__getitem__))
        order = self.panel.in_load_order()
        return (rid for rid in order if rid in ids and all(rid in s for s in every))

    def _covers(self, held: set[str]) -> tuple[int, ...]:
        return tuple(i for i, need in enumerate(self.needs) if held & need)

    def assess(self, rid: str) -> _Assessment:
        if rid not in self.seen:
            reviewer = self.panel[rid]
            held = _current_specialties(self.table, reviewer, self.today)
            covers = self._covers(held)
            lapsed = tuple(
                i for i in self._covers(_all_specialties(self.table, reviewer)) if i not in covers
            )
            due = expected_decision(reviewer, self.today, self.case.expedited, self.case.records_by)
            reasons = credential_problems(reviewer, self.today)
            reasons += availability_problems(reviewer, self.today, due)
            reasons += self.conflicts.get(rid, [])
            fits = tuple(sorted(held & self.wanted))
            self.seen[rid] = _Assessment(reviewer, covers, lapsed, fits, due, reasons)
        return self.seen[rid]

    def exclusion(self, rid: str) -> Exclusion:
        found = self.assess(rid)
        if not found.lapsed:
            return Exclusion(rid, tuple(found.reasons))
        lapse = Reason(
            "no_current_specialty",
            "No board certification in force in a specialty that fits item(s) "
            f"{_items(found.lapsed, self.case)}.",
            QUALIFICATIONS,
        )
        return Exclusion(rid, (*found.reasons, lapse))

    def ranked(self, found: _Assessment) -> Ranked:
        r = found.reviewer
        share = 0.0 if r.capacity_per_week <= 0 else 1 - r.open_cases / r.capacity_per_week
        every = len(found.covers) == len(self.needs)
        fits = "every item" if every else f"item(s) {_items(found.covers, self.case)}"
        why = (
            f"Board-certified in {', '.join(found.specialties)}, which fits {fits}; "
            f"{r.open_cases} of {r.capacity_per_week} weekly cases open; "
            f"expected decision by {in_sentence(found.due)}."
        )
        return Ranked(r.reviewer_id, round(share, 3), found.covers, found.due, why)


def _single(
    run: _Matching, per_item: list[AbstractSet[str]], limit: int
) -> tuple[list[_Assessment], list[str]]:
    """Eligible reviewers who cover every item with certifications in force, in load order,
    and the ids passed over before the last of them."""
    eligible, passed = [], []
    smallest = min(per_item, key=len, default=frozenset())
    for rid in run.ordered(smallest, [s for s in per_item if s is not smallest]):
        found = run.assess(rid)
        if found.reasons or found.lapsed:
            passed.append(rid)
            continue
        eligible.append(found)
        if len(eligible) >= limit:
            break
    return eligible, passed


def _pool(
    run: _Matching, fitting: AbstractSet[str], limit: int
) -> tuple[list[_Assessment], list[str]]:
    """Eligible reviewers covering some items, in load order, until each item has ``limit``
    of them (or nobody is left); and the ids passed over."""
    pool, passed, counts = [], [], [0] * len(run.needs)
    for rid in run.ordered(fitting):
        found = run.assess(rid)
        if found.reasons or not found.covers:
            passed.append(rid)
            continue
        pool.append(found)
        for i in found.covers:
            counts[i] += 1
        if min(counts) >= limit:
            break
    return pool, passed


def _set_cover(
    pool: list[_Assessment], count: int
) -> tuple[list[tuple[_Assessment, list[int]]], set[int]]:
    """Greedy set cover: each round the reviewer fitting most items still uncovered, the
    better-ranked one on a tie (``pool`` is in rank order)."""
    uncovered, picks = set(range(count)), []
    while uncovered and pool:
        best = max(pool, key=lambda f: (len(uncovered.intersection(f.covers)), -pool.index(f)))
        gain = sorted(uncovered.intersection(best.covers))
        if not gain:
            break
        picks.append((best, gain))
        uncovered -= set(gain)
    return picks, uncovered


def _excluded(
    run: _Matching, passed: list[str], fitting: AbstractSet[str]
) -> tuple[Exclusion, ...]:
    """Everyone passed over on the way, with every reason; then the other conflicted
    reviewers of a fitting specialty, with the conflicts (reason enough, so the rest of
    their record is not read)."""
    listed = set(passed)
    conflicted = run.ordered({rid for rid in run.conflicts if rid in fitting} - listed)
    return (
        *(run.exclusion(rid) for rid in passed),
        *(Exclusion(rid, tuple(run.conflicts[rid])) for rid in conflicted),
    )


def match(
    case: MatchCase,
    panel: Mapping[str, Reviewer],
    matcher: NameMatcher,
    table: SpecialtyTable,
    today: date,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = LIMIT,
) -> MatchResult:
    """The reviewer for the case, or the reviewers for its items (LC 139.5(c), (d);
    8 CCR 9792.10.6; LC 4610.6(h), (i); several reviewers with the Administrative
    Director's approval, domain.md §1 step 7). Every reviewer passed over, and every
    conflicted one of a fitting specialty, is in ``excluded`` with the reasons."""
    conflicts = panel_conflicts(case.parties, panel, matcher, today, threshold)
    run = _Matching(case, panel, table, today, conflicts)
    per_item, fitting = run.fitting(matcher)
    eligible, passed = _single(run, per_item, limit)
    others = len(panel) - len(fitting)
    if eligible:
        top = eligible[0].reviewer.reviewer_id
        coverage = tuple((i, top) for i in range(len(case.items)))
        ranked = tuple(run.ranked(f) for f in eligible)
        return MatchResult(
            (top,), ranked, _excluded(run, passed, fitting), False, coverage, (), others
        )
    return _multi(run, fitting, passed, limit, others)


def _multi(
    run: _Matching, fitting: AbstractSet[str], passed: list[str], limit: int, others: int
) -> MatchResult:
    pool, more = _pool(run, fitting, limit)
    picks, uncovered = _set_cover(pool, len(run.needs))
    coverage = tuple(sorted((i, f.reviewer.reviewer_id) for f, items in picks for i in items))
    chosen = tuple(f.reviewer.reviewer_id for f, _ in picks)
    order = {id(f): n for n, f in enumerate(pool)}
    ranked = tuple(
        run.ranked(f) for f in sorted(pool, key=lambda f: (-len(f.covers), order[id(f)]))
    )
    excluded = _excluded(run, passed + more, fitting)
    return MatchResult(
        chosen, ranked, excluded, bool(chosen), coverage, tuple(sorted(uncovered)), others
    )


def _items(positions: Iterable[int], case: MatchCase) -> str:
    return ", ".join(f"{i + 1} ({case.items[i].treatment})" for i in positions)
