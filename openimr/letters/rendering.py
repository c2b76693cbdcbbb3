"""Render a case's letter in one of three formats. Needs no database: the CLI's
`letter render` and the web views both come through here."""

from collections.abc import Sequence
from pathlib import Path

import us

from openimr.core.case import Case
from openimr.core.errors import InvalidInput, Problem
from openimr.letters.domain.builder import build_letter
from openimr.letters.domain.content import Letter
from openimr.letters.domain.extras import LetterExtras
from openimr.letters.domain.template import LetterTemplate, load_template
from openimr.letters.render.html import render_html
from openimr.letters.render.text import render_text

FORMATS = ("text", "html", "pdf")


def state_name(code: str) -> str:
    state = us.states.lookup(code)
    return state.name if state else code


def letter_for(
    case: Case, template: LetterTemplate | None = None, extras: LetterExtras | None = None
) -> Letter:
    return build_letter(case, template or load_template(), state_name, extras)


def render_pdf_bytes(letter: Letter, mailing: Sequence[str] = ()) -> bytes:
    """The PDF letter; with ``mailing`` (name and postal address lines), the copy mailed to
    that party, its address showing through a #10 envelope's window (render/pdf_window)."""
    # Imported here: reportlab and its font registration cost ~100 ms, which text and
    # HTML callers (and every CLI start) should not pay.
    from openimr.letters.render.pdf import render_pdf

    return render_pdf(letter, mailing)


def window_checked(mailing: Sequence[str]) -> None:
    """Refuse, at ``$.postal_address``, a name and address (``mailing``) that no size sets
    within a #10 envelope's window (render/pdf_window): printed smaller or outside the
    window the copy would not be delivered, so it is said before anything is printed."""
    from openimr.letters.render.pdf import FAMILY, fonts
    from openimr.letters.render.pdf_tags import Element
    from openimr.letters.render.pdf_window import address_block

    fonts()  # the window's lines are measured in the letter's own face
    address_block(mailing, FAMILY, Element("P"))


def render_letter(letter: Letter, fmt: str) -> bytes:
    """The letter as bytes: UTF-8 for text and HTML, a PDF document for pdf."""
    if fmt == "pdf":
        return render_pdf_bytes(letter)
    if fmt == "html":
        return render_html(letter).encode("utf-8")
    if fmt == "text":
        return render_text(letter).encode("utf-8")
    raise InvalidInput([Problem("format", f"{fmt!r} is not one of: {', '.join(FORMATS)}")])


def render(case: Case, fmt: str, template_path: Path | None = None) -> bytes:
    return render_letter(letter_for(case, load_template(template_path)), fmt)
