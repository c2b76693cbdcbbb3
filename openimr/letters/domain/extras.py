"""What an issued letter adds to the case's own content: the record pages each sentence rests
on (issue 5, provenance; LC 4610.6(e): "the relevant documents in the record"), the dates
an overturned item must be implemented by (8 CCR 9792.10.7(a)), and, for a correction, the
letter it amends."""

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
        """The paragraph with each cited sentence followed by its numbers: "... L3-S1. [1, 2]"."""
        if not self.numbers:
            return paragraph
        out = []
        for sentence in split_sentences(paragraph):
            found = self.numbers.get(_key(sentence))
            out.append(f"{sentence} [{', '.join(map(str, found))}]" if found else sentence)
        return " ".join(out)


def citations(provenance: Provenance) -> Citations:
    """Numbered in order of first citation (``references``); InvalidInput when a cited
    document has no title."""
    sentences = provenance.sentences
    numbers = reference_numbers(sentences)
    by_text = {_key(s.text): n for s, n in zip(sentences, numbers, strict=True) if n}
    listed = references(sentences, provenance.titles) if by_text else ()
    return Citations(by_text, listed)
