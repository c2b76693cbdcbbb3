"""The letter as content: sections, paragraphs and fields, with no layout.

One builder feeds the text, HTML and PDF renderers, so the three always say the same thing.
Headings and their order follow the published Final Determination Letters (the seed); the
organization's wording comes from a LetterTemplate.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    label: str
    value: str


@dataclass(frozen=True)
class Paragraph:
    """Body text, optionally opened by a bold label ("Decision rationale:")."""

    text: str
    label: str | None = None
    role: str = "body"  # body | item | note
    cites: bool = False  # carries reference numbers ("[1, 2]") the HTML letter links
    # Text a person typed, printed line by line as written (a list staff numbered by hand);
    # in any other paragraph a line break is white space like any other.
    as_written: bool = False

    @property
    def lines(self) -> list[str]:
        """The paragraph's lines: as written, or the whole text as one line to be filled."""
        return self.text.split("\n") if self.as_written else [self.text]


@dataclass(frozen=True)
class BulletList:
    entries: tuple[str, ...]
    ordered: bool = False
    anchor: str = ""  # the HTML letter gives entry n the id "<anchor>-<n>"


Block = Paragraph | BulletList


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Letter:
    organization: str
    title: str
    case_number: str
    header: tuple[Field, ...]
    sections: tuple[Section, ...]
    # Not issued: the case as it stands. The PDF says so on every page, since a printed
    # page is otherwise indistinguishable from the determination.
    draft: bool = False

    def section(self, heading: str) -> Section:
        return next(s for s in self.sections if s.heading == heading)


HOW_MADE = "HOW THE IMR FINAL DETERMINATION WAS MADE"
SUMMARY = "CLINICAL CASE SUMMARY"
ISSUES = "IMR ISSUES, DECISIONS AND RATIONALES"
DOCUMENTS = "DOCUMENTS REVIEWED"
APPEAL = "YOUR RIGHT TO APPEAL"
SERVED = "PARTIES SERVED"
HEADINGS = (HOW_MADE, SUMMARY, ISSUES, DOCUMENTS, APPEAL, SERVED)
