"""Reading published Final Determination Letters back into ``openimr.case/1``.

The contract the corpus relies on (the implementation lives in this package's modules):

- ``parse_text(text) -> ParsedLetter`` reads a letter's text, as PDF extraction leaves it;
- ``parse_pdf(data) -> ParsedLetter`` extracts the text with pypdfium2 and parses it;
- both raise ``LetterUnreadable`` (an ``OpenIMRError``) with the reason when the input is not
  a letter at all, or a PDF that is encrypted, damaged or has no text layer (scanned).

A letter that is a letter but incomplete (truncated, a field missing) parses what is there
and says what is missing in ``warnings``.

Two pure helpers go with it: ``treatment_category`` (the DWC's statistical category of a
treatment) and ``guideline_family`` (MTUS, ACOEM, ODG or other). See docs/parser.md.
"""

from openimr.letters.parsing.assemble import parse_text
from openimr.letters.parsing.categories import treatment_category
from openimr.letters.parsing.citations import guideline_family
from openimr.letters.parsing.contract import LAYOUTS, LetterUnreadable, ParsedLetter
from openimr.letters.parsing.pdf import parse_pdf

__all__ = [
    "LAYOUTS",
    "LetterUnreadable",
    "ParsedLetter",
    "guideline_family",
    "parse_pdf",
    "parse_text",
    "treatment_category",
]
