"""What an issued letter adds to the case's own content: the record pages each sentence rests
on (issue 5, provenance; LC 4610.6(e): "the relevant documents in the record"), the dates
an overturned item must be implemented by (8 CCR 9792.10.7(a)), and, for a correction, the
letter it amends."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from openimr.letters.domain.content import Field
from openimr.review.domain.provenance import (
    Linked,
    reference_numbers,
    references,
    split_sentences,
)

REFERENCES = "REFERENCES"
_SPACE = re.compile(r"(\s+)")


@dataclass(frozen=True)
class Provenance:
    """The summary's and each item's rationale sentences with their sources; ``titles``
    names each cited document as the list of documents reviewed does."""

    summary: tuple[Linked, ...] = ()
    rationales: tuple[tuple[Linked, ...], ...] = ()
    titles: Mapping[str, str] = field(default_factory=dict)

    @property
    def sentences(self) -> tuple[Linked, ...]:
        return (*self.summary, *(s for item in self.rationales for s in item))


@dataclass(frozen=True)
class LetterExtras:
    provenance: Provenance = field(default_factory=Provenance)
    deadlines: tuple[str, ...] = ()  # sentences, from review.domain.implementation
    amends: tuple[Field, ...] = ()  # header lines naming the letter a correction replaces
    # How many expert reviewers decided the case: more than one when its items were split
    # between reviewers of different specialties (LC 139.5(c)).
    reviewers: int = 1


def _key(sentence: str) -> str:
    return " ".join(sentence.split()).lower()


@dataclass(frozen=True)
class Citations:
    """Reference numbers by sentence, and the numbered reference list."""

    numbers: Mapping[str, tuple[int, ...]]
    listed: tuple[str, ...]

    def cite(self, paragraph: str) -> str:
        """The paragraph with each cited sentence followed by its numbers: "... L3-S1. [1, 2]".
        The white space between words stays as written, so a line break the reviewer typed
        (a list) is still there after the numbers."""
        if not self.numbers:
            return paragraph
        # Words at even places, the white space after each at odd ones: a sentence is a run
        # of whole words (split_sentences splits only at white space).
        parts = [*_SPACE.split(paragraph.strip()), ""]
        out, word = [], 0
        for sentence in split_sentences(paragraph):
            last = word + len(sentence.split()) - 1
            found = self.numbers.get(_key(sentence))
            out.append("".join(parts[2 * word : 2 * last + 1]))
            out.append(f" [{', '.join(map(str, found))}]" if found else "")
            out.append(parts[2 * last + 1])
            word = last + 1
        return "".join(out)


def citations(provenance: Provenance) -> Citations:
    """Numbered in order of first citation (``references``); InvalidInput when a cited
    document has no title."""
    sentences = provenance.sentences
    numbers = reference_numbers(sentences)
    by_text = {_key(s.text): n for s, n in zip(sentences, numbers, strict=True) if n}
    listed = references(sentences, provenance.titles) if by_text else ()
    return Citations(by_text, listed)
