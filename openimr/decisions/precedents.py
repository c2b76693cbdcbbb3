"""Precedents for the case under review: for each disputed item, the published decisions on
the same treatment for the same body part (same category, the treatment's key words and
the body regions it names in the item's name: a knee's arthroplasty is no precedent for a
hip's) for the same condition first, then the rest of that cohort (newest first), then other letters
naming the treatment's words, or, failing those, the published items of its category most like
it (precedents_similar: the words of its treatment, then its condition). With them, the
cohort's size and its overturn rate, shown only from MIN_COHORT decided items up: a rate
over a handful of letters says more about chance than about the treatment."""

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.db import connection

from openimr.core.rounding import half_up
from openimr.decisions import precedents_sql as sql
from openimr.decisions.corpus import StampedCache
from openimr.decisions.corpus_shelf import Shelf, data_folder, decode_object, encode_object
from openimr.decisions.domain.cohort import MIN_COHORT
from openimr.decisions.domain.item_regions import item_diagnoses, item_regions, letter_diagnoses
from openimr.decisions.domain.key_spellings import abbreviations_for, brands_for, synonyms
from openimr.decisions.domain.precedent_words import CONDITION as _CONDITION
from openimr.decisions.domain.precedent_words import NOISE as _NOISE
from openimr.decisions.domain.precedent_words import words_of
from openimr.decisions.domain.treatment_words import (
    PERCENT,
    body_words,
    key_words,
    kinds_of,
    regions,
)
from openimr.decisions.precedents_similar import similar_items
from openimr.decisions.precedents_sql import Treatment

UNNUMBERED = "UNNUMBERED-"
# The cohort is drawn from the newest letters naming the treatment, at most this many.
WINDOW = 5_000
# An item's panel depends only on its words, its category, the case it leaves out and the
# corpus: kept until the corpus changes (a reviewer opens the same case many times).
# Shared by the server's processes through files (openimr.decisions.corpus_shelf).
_PANELS = StampedCache(
    "precedents", 4096, Shelf(data_folder("precedents"), 8192, encode_object, decode_object)
)


@dataclass(frozen=True)
class Precedent:
    case_number: str
    decision_date: Any
    treatment: str
    outcome: str
    match: str  # "treatment and condition" | "treatment" | "similar text"

    @property
    def label(self) -> str:
        """What the panel names the letter by: its case number, or "Unnumbered letter" for
        one published without (the parser's "UNNUMBERED-" and a hash, docs/parser.md)."""
        return "Unnumbered letter" if self.case_number.startswith(UNNUMBERED) else self.case_number


@dataclass(frozen=True)
class ItemPrecedents:
    treatment: str
    category: str
    cohort_size: int
    overturned: int
    decisions: tuple[Precedent, ...]
    window_full: bool = False  # the cohort covers only the WINDOW newest letters
    regions: tuple[str, ...] = ()  # the body regions the cohort's items are for
    # The item named none: they are the ones the case's diagnoses name.
    regions_diagnosed: bool = False

    @property
    def rate(self) -> float | None:
        """The cohort's overturn rate; None below MIN_COHORT decided items."""
        if self.cohort_size < MIN_COHORT:
            return None
        return self.overturned / self.cohort_size

    @property
    def percent(self) -> int | None:
        """The rate as a whole percent, a half rounded up as people read a percentage (12.5%
        reads 13%; Python's and ``widthratio``'s round-half-even read 12%). Counted in
        integers, so no binary fraction tips a half either way."""
        if self.rate is None:
            return None
        return int(half_up(self.overturned * 100, self.cohort_size))


def _field(source: Any, name: str, default: Any) -> Any:
    if isinstance(source, Mapping):
        return source.get(name, default)
    return getattr(source, name, default)


def precedents_for_case(
    case: Any, *, limit: int = 5, positions: Collection[int] | None = None
) -> list[ItemPrecedents]:
    """For each item of ``case`` (an ``openimr.core.case.Case`` or an ``openimr.case/1``
    document), its cohort and at most ``limit`` published decisions to read; only the items
    at ``positions`` (from 0) when given: a reviewer of a split case is shown their own."""
    diagnoses = [str(d) for d in _field(case, "diagnoses", ()) or ()]
    summary = str(_field(case, "clinical_summary", "") or "")
    own = str(_field(case, "case_number", "") or "")
    found = []
    for n, item in enumerate(_field(case, "items", ()) or ()):
        if positions is not None and n not in positions:
            continue
        treatment = str(_field(item, "treatment", "") or "")
        category = str(_field(item, "category", "") or "")
        codes = _field(item, "icd10", ()) or ()
        diagnosed = item_diagnoses(diagnoses, codes)
        condition_words = _condition_words(" ".join(diagnosed), treatment)
        # As the letters' items were read when stored (their ``regions`` column).
        for_regions = item_regions(treatment, category, letter_diagnoses(diagnoses, summary), codes)
        key = (treatment, category, condition_words, own, limit, for_regions)
        asked = _Asked(treatment, category, for_regions, condition_words, own, limit)
        found.append(_PANELS.get_or_compute(key, partial(_for_item, asked)))
    return found


@dataclass(frozen=True)
class _Asked:
    """An item of the case as its panel is asked for."""

    treatment: str
    category: str
    regions: tuple[str, ...]  # as the letters' items were read when stored
    condition_words: tuple[str, ...]
    exclude: str  # the case's number: its own letter is no precedent
    limit: int


def _condition_words(condition: str, treatment: str) -> tuple[str, ...]:
    """The words of the item's diagnoses, then of the body part its treatment names: the
    part is the condition's, not the treatment's key (domain/treatment_words.py), so "PT to
    the low back" lists the letters on the low back first."""
    diagnosed = words_of(condition, drop=_CONDITION, limit=6)
    part = words_of(" ".join(body_words(treatment)), drop=_CONDITION, limit=4)
    return tuple(dict.fromkeys([*diagnosed, *part]))


@dataclass(frozen=True)
class _Cohort:
    """What an item's panel reads of its treatment's cohort, whatever the case."""

    ids: tuple[int, ...]  # the window's letters with cohort items, oldest decision first
    size: int
    overturned: int
    others: tuple[int, ...]  # the window's newest letters without cohort items
    window_full: bool


# The cohort depends only on the treatment's key words, body regions and category: many
# cases share it (physical therapy to the low back, an MRI of the knee, a common drug), so it
# is kept apart from the panels, which also depend on the case's condition. At most 512, each
# some tens of kilobytes. Exact only: a panel computed again when its lease ends must count
# the letters published meanwhile.
_COHORTS = StampedCache("cohorts", 512, lags=False)


def _cohort_of(treatment: Treatment, others: int) -> _Cohort:
    vendor = connection.vendor
    with connection.cursor() as cursor:
        naming = sql.newest_requesting(cursor, vendor, treatment, WINDOW) if treatment.key else []
        # And the letters whose item takes the region from their diagnoses, which no word
        # of the item names: the window's two halves, each of the WINDOW newest.
        diagnosed = sql.diagnosed_letters(cursor, treatment, WINDOW) if treatment.key else []
        window = sorted({*naming, *diagnosed}) if diagnosed else naming
        letters = sql.cohort_letters(cursor, vendor, window, treatment)
        dated = sql.by_decision_date(cursor, vendor, list(letters))
    return _Cohort(
        ids=tuple(dated),
        size=sum(count for count, _ in letters.values()),
        overturned=sum(count for _, count in letters.values()),
        others=tuple([n for n in naming if n not in letters][:others]),
        window_full=len(naming) >= WINDOW or len(diagnosed) >= WINDOW,
    )


def treatment_of(
    treatment: str, category: str, for_regions: Sequence[str] | None = None
) -> Treatment:
    """The cohort an item's ``treatment`` belongs to (domain/treatment_words.py), for the
    body regions it names or, given, ``for_regions``. A drug's brands are its words too
    ("norco" for hydrocodone and acetaminophen), and a brand of one form is of that kind
    ("lidoderm" a lidocaine patch), no other."""
    key = tuple(key_words(treatment, category, drop=_NOISE, limit=2))
    named = regions(treatment) if for_regions is None else for_regions
    kinds = kinds_of(treatment, category)
    brands = brands_for(key, category)
    active = [words for words, of_kind in kinds if of_kind]
    parts = [(*words, *(brand for brand, form in brands if form == words)) for words in active]
    unless = [word for words, of_kind in kinds if not of_kind for word in words]
    # A strength in percent sets a drug taken apart from the topicals, not a patch from them.
    unless = [word for word in unless if word != PERCENT or not active]
    unless += [brand for brand, form in brands if form is not None and form not in active]
    # "eval" anywhere is also "evaluation": the shortest stands for both.
    unless = [word for word in unless if not any(o != word and o in word for o in unless)]
    also = tuple(brand for brand, _ in brands)
    return Treatment(category, key, tuple(parts), tuple(unless), tuple(named), also)


def _for_item(asked: _Asked) -> ItemPrecedents:
    treatment, category, for_regions = asked.treatment, asked.category, asked.regions
    condition_words, exclude, limit = asked.condition_words, asked.exclude, asked.limit
    cohort = treatment_of(treatment, category, for_regions)
    key = list(cohort.key)
    vendor = connection.vendor
    found = _COHORTS.get_or_compute((cohort, limit), partial(_cohort_of, cohort, limit * 3))
    with connection.cursor() as cursor:
        with_condition = sql.naming_any(
            cursor,
            vendor,
            condition_words,
            found.ids,
            naming_all=key,
            naming_also=[*abbreviations_for(key, category), *cohort.also],
            naming_each=synonyms(key, category),
        )
        picked = _cohort_shown(cursor, (found.ids, cohort), with_condition, exclude, limit)
        if len(picked) < limit:
            more = _similar(cursor, found, asked)
            picked = _distinct([*picked, *more], exclude, limit)
        size, overturned = _without_own(cursor, found, cohort, exclude)
    return ItemPrecedents(
        treatment,
        category,
        size,
        overturned,
        picked,
        window_full=found.window_full,
        regions=for_regions,
        regions_diagnosed=bool(for_regions) and not regions(treatment),
    )


def _similar(cursor: Any, found: _Cohort, asked: _Asked) -> list[Precedent]:
    """What follows a short cohort: the window's letters whose items' text names the
    treatment, newest first, each by its item of the category; or, with none, the items of
    the category most like it, most similar first (``similar_items``)."""
    named = sql.first_items(cursor, list(found.others), asked.category)
    if named:
        return sorted((_precedent(c, "similar text") for c in named), key=_newest_first)
    alike = similar_items(
        cursor,
        connection.vendor,
        asked.treatment,
        category=asked.category,
        for_regions=asked.regions,
        condition_words=asked.condition_words,
        exclude=asked.exclude,
        cohort=set(found.ids),
        limit=asked.limit * 3,
    )
    return [_precedent(c, "similar text") for c in alike]


def _without_own(cursor: Any, found: _Cohort, cohort: Treatment, own: str) -> tuple[int, int]:
    """The cohort's counts less the items of the case's own letter, when it is published
    (a case reopened, or viewed after issue): the panel never lists it, and its outcome is
    no precedent for itself. The cohort is shared by every case, so it is taken off here."""
    own_id = sql.letter_id(cursor, own) if own else None
    if own_id is None or own_id not in found.ids:
        return found.size, found.overturned
    decided, overturned = sql.cohort_letters(cursor, connection.vendor, [own_id], cohort).get(
        own_id, (0, 0)
    )
    return found.size - decided, found.overturned - overturned


def _cohort_shown(
    cursor: Any,
    cohort: tuple[Sequence[int], Treatment],
    with_condition: set[int],
    exclude: str,
    limit: int,
) -> tuple[Precedent, ...]:
    """The first ``limit`` distinct letters of the cohort, the condition's first. Only as
    many rows as the panel shows are read; more only when one letter fills several. Each of
    ``ids`` has a cohort item, so the first ``wanted`` rows are among the ``wanted`` newest
    letters naming the condition and the ``wanted`` newest others: only those are asked
    (testing every cohort letter's items again to sort them took a third of the panel)."""
    ids, treatment = cohort
    first = [n for n in ids if n in with_condition]
    rest = [n for n in ids if n not in with_condition]
    wanted = limit * 2 + 2
    while True:
        asked = sorted({*first[-wanted:], *rest[-wanted:]})
        rows = sql.cohort_top(
            cursor, connection.vendor, asked, treatment, first=first[-wanted:], limit=wanted
        )
        picked = [
            _precedent(row, "treatment and condition" if preferred else "treatment")
            for row, preferred in rows
        ]
        shown = _distinct(picked, exclude, limit)
        if len(shown) >= limit or len(rows) < wanted:
            return shown
        wanted *= 4


def _newest_first(precedent: Precedent) -> tuple[bool, int]:
    """Newest decision date first, a letter without one last."""
    decided = precedent.decision_date
    return (decided is None, -decided.toordinal() if decided else 0)


def _precedent(item: Any, match: str) -> Precedent:
    _, number, decided, treatment, outcome = item
    return Precedent(number, decided, treatment, outcome, match)


def _distinct(picked: Sequence[Precedent], exclude: str, limit: int) -> tuple[Precedent, ...]:
    seen = {exclude}
    kept = []
    for precedent in picked:
        if precedent.case_number not in seen:
            seen.add(precedent.case_number)
            kept.append(precedent)
    return tuple(kept[:limit])
