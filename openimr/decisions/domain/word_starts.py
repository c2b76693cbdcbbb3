"""Where a word starts a word of a text, found once per text for every rule that asks.

The de-identification rules each look for their role words and labels ("attorney",
"claim", "adjust") in the lowercased text. One ``str.find`` scan a word costs about a
microsecond a letter, and the rules ask for some sixty words: a regular expression
alternating them, or a split of the text into words, measured slower still. A ``scanner``
that finds all the words in one pass (``openimr.decisions.deidentify`` gives one, built on
an Aho-Corasick automaton, which domain/ may not import) answers instead; a word it does not
look for is found by ``str.find``. No rule is decided here: the places found are those each
rule found by its own scans before, in the same order.
"""

import functools
from collections.abc import Callable
from typing import ClassVar


class WordStarts:
    """A text lowercased (``lower``) and, for each word asked for, the places it starts a
    word there: at the text's start or after a character that is no letter or digit."""

    # The lowercased text → the places of each word it looks for that it found, in ascending
    # order; ``scanned`` holds every word it looks for (one it did not find is in no place).
    scanner: ClassVar[Callable[[str], dict[str, list[int]]] | None] = None
    scanned: ClassVar[frozenset[str]] = frozenset()

    __slots__ = ("_found", "_scanned", "lower")

    def __init__(self, text: str) -> None:
        self.lower = text.lower()
        scanner = WordStarts.scanner
        self._found = scanner(self.lower) if scanner else {}
        self._scanned = WordStarts.scanned if scanner else frozenset()

    def holding(self, words: frozenset[str]) -> frozenset[str]:
        """The ``words`` that start a word of the text: those the scanner looks for by one
        set intersection (a rule asking ``of`` for a score of absent words pays a call
        each), the others by ``of``."""
        found = self._found  # the scanner's words, and those ``of`` found (or not) since
        held = frozenset(word for word in words & found.keys() if found[word])
        rest = words - self._scanned
        return held | {word for word in rest if self.of(word)} if rest else held

    def places(self, words: frozenset[str]) -> list[int]:
        """Where any of ``words`` starts a word of the text, in no order: for words the
        scanner looks for, one intersection with the words it found (``holding`` and ``of``
        for a score of words cost a rule 2.5 µs a letter, this 1 µs); others by ``of``."""
        if not words <= self._scanned:
            return [at for word in words for at in self.of(word)]
        found = self._found
        return [at for word in found.keys() & words for at in found[word]]

    def of(self, word: str) -> list[int]:
        found = self._found.get(word)
        if found is not None:
            return found
        if word in self._scanned:
            return []
        lower, found = self.lower, []
        at = lower.find(word)
        while at >= 0:
            if at == 0 or not lower[at - 1].isalnum():
                found.append(at)
            at = lower.find(word, at + 1)
        self._found[word] = found
        return found


@functools.lru_cache(maxsize=2)
def word_starts(text: str) -> WordStarts:
    """The ``WordStarts`` of ``text``, shared by the rules that read the same text in turn
    (a rule that changes nothing hands the next one the same text)."""
    return WordStarts(text)
