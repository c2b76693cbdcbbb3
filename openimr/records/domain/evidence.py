"""A document read for the summary, and a finding that remembers the pages it came from.

Every sentence of the draft must be checkable against the record (the reviewer signs the
summary as theirs), so each rule returns what it found together with its pages."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from openimr.core.case import DocumentKind
from openimr.records.domain.pages import RecordFacts
from openimr.records.domain.sections import Section, SectionName, split_sections
from openimr.records.domain.text import Line, Passage, document_lines, passages


@dataclass(frozen=True)
class SourceRef:
    document_id: str
    page: int


@dataclass(frozen=True)
class Found:
    """``value`` is the fact as measured; ``text`` the record's words or, where a rule
    writes it whole, the sentence of the draft."""

    value: str
    text: str
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class Record:
    document_id: str
    facts: RecordFacts
    lines: tuple[Line, ...]

    @classmethod
    def read(cls, document_id: str, facts: RecordFacts, pages: Sequence[str]) -> "Record":
        return cls(document_id, facts, document_lines(pages))

    @cached_property
    def sections(self) -> tuple[Section, ...]:
        return split_sections(self.lines)

    @cached_property
    def passages(self) -> tuple[Passage, ...]:
        """The sentences of every section, headings left out ("History: An MRI ..." is
        the sentence "An MRI ...")."""
        return tuple(p for section in self.sections for p in passages(section.lines))

    def section_passages(self, *names: SectionName) -> tuple[Passage, ...]:
        """The sentences of the named sections, in the order of ``names``."""
        return tuple(
            passage
            for name in names
            for section in self.sections
            if section.name is name
            for passage in passages(section.lines)
        )

    def refs(self, pages: Iterable[int]) -> tuple[SourceRef, ...]:
        return tuple(SourceRef(self.document_id, page) for page in sorted(set(pages)))

    @property
    def kind(self) -> DocumentKind:
        return self.facts.kind

    @property
    def date(self) -> date | None:
        return self.facts.date_of_service


def newest_first(records: Sequence[Record], *kinds: DocumentKind) -> list[Record]:
    """Records of ``kinds`` (all when none given), the latest date of service first; undated
    ones last, a later position in the file first among equals."""
    chosen = [(i, r) for i, r in enumerate(records) if not kinds or r.kind in kinds]
    chosen.sort(key=lambda pair: (pair[1].date or date.min, pair[0]), reverse=True)
    return [record for _, record in chosen]


def merge(*sources: tuple[SourceRef, ...]) -> tuple[SourceRef, ...]:
    seen: dict[SourceRef, None] = {}
    for group in sources:
        seen.update(dict.fromkeys(group))
    return tuple(seen)
