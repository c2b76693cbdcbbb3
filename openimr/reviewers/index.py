"""An index of the panel for matching: names for conflict checks, certifications by
specialty, who decided which case, and the reviewers in load order. It is an immutable
snapshot and is itself the panel (a read-only mapping), so that ``match(case, index, index,
...)`` reads names, specialties and loads from one consistent source. Building it costs
about a second for 10,000 reviewers; ``refreshed(reviewers)`` makes a copy with fresh
open-case counts (or a subset of the reviewers) in milliseconds, reusing the name tables
when no reviewer's names, certifications or decided cases changed.

Names. An exact dictionary of normalised names, and for near spellings a block index: every
word of every name, plus each word with one letter deleted (so "jon"/"john" and
"smith"/"smyth" share a key). A party's name looks up only its three rarest words, so a
common word ("insurance", "medical", "of") does not pull in half the panel, yet a name one
typo away still shares a key (``_block``). The candidates are then scored, in C.

A rare word is not enough when its typo lands on a common word: "William Hall" written for
a tie to "William Hill" looks up "hall" (rare enough) but never "hill" (a common surname,
whose deletion key "hll" is skipped as too common), and "william" is too common to look up
at all: a missed conflict of interest (LC 139.5(d)). So the index also keeps, for the names
of people (first names and surnames come from small pools, so each word may be common), **pairs** of
words (each two neighbours, and the first with the last): the pair, and the pair with one
letter deleted from either word, whatever the words' length ("hll william", "im thomas").
Two words together are rare even when each is common, and a name one typo away keeps a
pair within one deletion; a pair commoner than the common cut ("group medical") is skipped.
Neighbours written together ("AmandaTaylor", "Amanda t Taylor" typed as one word) meet
under the two words **joined**, a word key of its own.

Scorer: rapidfuzz ``token_sort_ratio``. Word order does not matter ("Ortega, Ramon" is
"Ramon Ortega"), the score is symmetric and bounded by the whole of both names, so
"Acme Insurance" and "Apex Insurance" (86) stay apart at 90. ``WRatio`` was rejected:
its partial and token-set parts score a name contained in a longer one near 100, so
"Smith" would conflict with "Smith Barney Medical Group" and every subsidiary with its
parent, and its result is harder to explain to the reviewer who is excluded.
"""

import copy
from collections.abc import Iterable, Iterator, KeysView, Mapping, Sequence, ValuesView
from collections.abc import Set as AbstractSet
from itertools import pairwise

from rapidfuzz import fuzz, process

from openimr.reviewers.domain.matching import load_key
from openimr.reviewers.domain.names import (
    first_and_last,
    name_tokens,
    normalise_name,
    organisation_words,
)
from openimr.reviewers.domain.panel import Reviewer
from openimr.reviewers.domain.specialties import specialty_key

MIN_WORD_FOR_DELETES = 4  # deleting a letter of a shorter word matches too much
BLOCK_WORDS = 3
EMPTY: frozenset[str] = frozenset()
Pair = tuple[str, str]  # two words of a name, in sorted order as a key


def rapidfuzz_similarity(a: str, b: str) -> float:
    """0–100, word order ignored: rapidfuzz's ``token_sort_ratio`` of two normalised names."""
    return float(fuzz.token_sort_ratio(a, b))


def _word_keys(word: str) -> set[str]:
    if len(word) < MIN_WORD_FOR_DELETES:
        return {word}
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _keys(normalised: str) -> set[str]:
    return {key for word in name_tokens(normalised) for key in _word_keys(word)}


def _pairs(normalised: str) -> list[Pair]:
    """A person's pairs of words; none for an organisation's name, whose words are many and
    seldom all common, and whose pairs ("medical group") would pull in half the panel."""
    words = name_tokens(normalised)
    if organisation_words(words):
        return []
    pairs = list(pairwise(words))
    return [*pairs, (words[0], words[-1])] if len(words) > 2 else pairs


def _pair_keys(pairs: list[Pair]) -> set[Pair]:
    """Each pair of ``_pairs``, as is and with one letter deleted from either word, its
    words in sorted order so that "hill william" and "william hill" meet."""
    keys: set[Pair] = set()
    for first, second in pairs:
        keys.update(_ordered(one, second) for one in _deletions(first))
        keys.update(_ordered(first, two) for two in _deletions(second))
        keys.add(_ordered(first, second))
    return keys


def _ordered(a: str, b: str) -> Pair:
    return (a, b) if a <= b else (b, a)


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))] if len(word) > 1 else []


def _joined(pairs: list[Pair]) -> set[str]:
    return {first + second for first, second in pairs}


def _sorted_words(normalised: str) -> str:
    return " ".join(sorted(name_tokens(normalised)))


class PanelIndex(Mapping[str, Reviewer]):
    """The panel as a read-only mapping, plus ``candidates`` (a ``NameMatcher``),
    ``with_any_specialty``, ``decided_by`` and ``in_load_order``. ``floor`` is the lowest
    fuzzy score returned: nothing below it can reach a sensible threshold."""

    def __init__(
        self, reviewers: Iterable[Reviewer], *, floor: float = 80.0, common_share: float = 0.01
    ) -> None:
        self._reviewers: dict[str, Reviewer] = {r.reviewer_id: r for r in reviewers}
        self.floor = floor
        self._holders: dict[str, list[tuple[str, str]]] = {}  # normalised -> (id, as written)
        self._people: dict[str, list[str]] = {}  # first and last words -> normalised names
        self._specialties: dict[str, set[str]] = {}
        self._decided: dict[str, set[str]] = {}
        for reviewer in self._reviewers.values():
            self._add(reviewer)
        self._names = sorted(self._holders)
        for name in self._names:
            if key := first_and_last(name):
                self._people.setdefault(key, []).append(name)
        self._sorted = [_sorted_words(n) for n in self._names]
        self._blocks, self._pair_blocks = self._block_index()
        self._common = max(50, int(common_share * len(self._names)))
        self._order, self._positions = _load_order(self._reviewers)
        self._fitting: dict[frozenset[str], frozenset[str]] = {}

    def _add(self, reviewer: Reviewer) -> None:
        rid = reviewer.reviewer_id
        for written in {reviewer.name} | {a.name for a in reviewer.affiliations}:
            normalised = normalise_name(written)
            if normalised:
                self._holders.setdefault(normalised, []).append((rid, written))
        for cert in reviewer.certifications:
            self._specialties.setdefault(specialty_key(cert.specialty), set()).add(rid)
        for number in reviewer.prior_case_numbers:
            self._decided.setdefault(_case_key(number), set()).add(rid)

    def _block_index(self) -> tuple[dict[str, list[int]], dict[Pair, list[int]]]:
        blocks: dict[str, list[int]] = {}
        pairs: dict[Pair, list[int]] = {}
        for position, name in enumerate(self._names):
            paired = _pairs(name)
            for key in _keys(name) | _joined(paired):
                blocks.setdefault(key, []).append(position)
            for pair in _pair_keys(paired):
                pairs.setdefault(pair, []).append(position)
        return blocks, pairs

    def _block(self, party_normalised: str) -> set[int]:
        """Names sharing a key with the party's rarer words: up to three of them, each in
        at most ``common_share`` of the names (the two rarest when every word is common).
        A name one typo away keeps all but one word intact, and has that one within an
        edit (a shared deletion key); a typo that joins two words still leaves a third
        rare word, if the party has one. A deletion key far commoner than its word
        ("medica" → "medic") is skipped. Then the names sharing a pair key or a joined
        key with the party (module docstring), each key held by at most ``common_share``."""
        words = sorted(set(name_tokens(party_normalised)), key=lambda w: (self._count(w), w))
        rare = [w for w in words[:BLOCK_WORDS] if self._count(w) <= self._common]
        found: set[int] = set()
        for word in rare or words[:2]:
            found.update(self._blocks.get(word, ()))
            limit = max(self._common, 2 * self._count(word))
            for key in _word_keys(word) - {word}:
                posting = self._blocks.get(key, ())
                if len(posting) <= limit:
                    found.update(posting)
        paired = _pairs(party_normalised)
        for key in _joined(paired):
            found.update(self._blocks.get(key, ()))
        for pair in _pair_keys(paired):
            held = self._pair_blocks.get(pair, ())
            if len(held) <= self._common:
                found.update(held)
        return found

    def _count(self, key: str) -> int:
        return len(self._blocks.get(key, ()))

    def candidates(self, party_normalised: str) -> Iterator[tuple[str, str, float]]:
        """Every (reviewer id, name as written, score) whose name scores at least ``floor``
        against the party's normalised name, the exact name first, at 100; then, below the
        floor, the names with the same first and last words, which ``same_person`` may match
        ("John Albert Smith" and "John Smith" score 74)."""
        for rid, written in self._holders.get(party_normalised, ()):
            yield rid, written, 100.0
        positions = list(self._block(party_normalised))
        choices = [self._sorted[p] for p in positions]
        wanted, cutoff = _sorted_words(party_normalised), self.floor
        seen = {party_normalised}
        # rapidfuzz scores the whole block in C; token_sort_ratio is ratio of sorted words.
        for _, score, at in process.extract(
            wanted, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        ):
            name = self._names[positions[at]]
            seen.add(name)
            if name != party_normalised:
                yield from ((rid, written, score) for rid, written in self._holders[name])
        for name in self._people.get(first_and_last(party_normalised), ()):
            if name not in seen:
                score = rapidfuzz_similarity(party_normalised, name)
                yield from ((rid, written, score) for rid, written in self._holders[name])

    def with_any_specialty(self, keys: frozenset[str]) -> AbstractSet[str]:
        """Ids of reviewers with any certification (in force or not) in one of the
        specialties, by ``specialty_key``. Cached: cases ask the same few questions."""
        found = self._fitting.get(keys)
        if found is None:
            found = frozenset().union(*(self._specialties.get(k, EMPTY) for k in keys))
            self._fitting[keys] = found
        return found

    def decided_by(self, case_number: str) -> AbstractSet[str]:
        return self._decided.get(_case_key(case_number), EMPTY)

    def in_load_order(self) -> Sequence[str]:
        return self._order

    def load_positions(self) -> Mapping[str, int]:
        return self._positions

    def refreshed(self, reviewers: Mapping[str, Reviewer]) -> "PanelIndex":
        """This index over ``reviewers``: the same people with fresh open cases, leave and
        credentials, or some of them left out. The name and specialty tables are reused
        when every reviewer is known here with the same name, ties, certifications and
        decided cases; otherwise the index is built afresh."""
        if not all(_same_tables(self._reviewers.get(rid), r) for rid, r in reviewers.items()):
            return PanelIndex(reviewers.values(), floor=self.floor)
        clone = copy.copy(self)
        clone._reviewers = dict(reviewers)
        clone._order, clone._positions = _load_order(clone._reviewers)
        kept = clone._reviewers.keys()
        if len(kept) < len(self._reviewers):
            clone._specialties = {k: set(kept & v) for k, v in self._specialties.items()}
        clone._fitting = {}
        return clone

    def __getitem__(self, reviewer_id: str) -> Reviewer:
        return self._reviewers[reviewer_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._reviewers)

    def __len__(self) -> int:
        return len(self._reviewers)

    # The dictionary's own (C) methods: Mapping's generic ones are many times slower.
    def __contains__(self, reviewer_id: object) -> bool:
        return reviewer_id in self._reviewers

    def keys(self) -> KeysView[str]:
        return self._reviewers.keys()

    def values(self) -> ValuesView[Reviewer]:
        return self._reviewers.values()

    def get(self, reviewer_id: str, default: Reviewer | None = None) -> Reviewer | None:  # type: ignore[override]
        return self._reviewers.get(reviewer_id, default)


def _load_order(reviewers: dict[str, Reviewer]) -> tuple[list[str], dict[str, int]]:
    order = sorted(reviewers, key=lambda rid: load_key(reviewers[rid]))
    return order, {rid: n for n, rid in enumerate(order)}


def _same_tables(old: Reviewer | None, new: Reviewer) -> bool:
    return old is not None and (
        old is new
        or (old.name, old.affiliations, old.certifications, old.prior_case_numbers)
        == (new.name, new.affiliations, new.certifications, new.prior_case_numbers)
    )


def _case_key(number: str) -> str:
    return "".join(c for c in number.casefold() if c.isalnum())
