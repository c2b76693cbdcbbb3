"""What a sandbox reader of `openimr corpus ingest` does with one published letter's file:
parse it and de-identify it there, so that only the de-identified document comes back, and
say whether de-identification changed it. Needs no Django (the readers have none).

A letter de-identification changed is published without its PDF: the file still prints
what was removed from the text (a telephone number, a date of birth, a claim number, a
name after "Patient:" or "represented by", in parentheses after "the physician", the company
after "the adjuster, ... of"), and no one can take a name out of a PDF it does not know is
there. Every real published letter tried (182 of them) comes through unchanged and keeps its
PDF. A letter that lists the parties it was served on (our own) gives them to
``deidentify_document`` as the case's known names, misspellings included.
"""

import dataclasses

from openimr.decisions.deidentify import deidentified_in_place
from openimr.letters.parsing import ParsedLetter
from openimr.letters.parsing.sandboxed import parse_letter


@dataclasses.dataclass(frozen=True)
class ReadLetter:
    letter: ParsedLetter  # its case de-identified
    changed: bool  # de-identification removed or replaced something the letter printed


def read_published(data: bytes) -> ReadLetter:
    """A published letter's file (PDF or text) parsed and de-identified, and whether that
    changed it: the parse is this function's own, so it is de-identified in place, with no
    copy to compare (``deidentified_in_place``; the parser hands out no object it keeps)."""
    letter = parse_letter(data)
    return ReadLetter(letter, changed=deidentified_in_place(letter.case))
