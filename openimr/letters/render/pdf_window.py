"""The recipient's address block of a mailed copy, placed to show through the window of a
standard #10 envelope, so that staff fold the page in three and mail it without addressing
the envelope by hand.

The envelope (9 1/2 x 4 1/8 in) has its window 4 1/2 x 1 1/8 in, 7/8 in from its left edge
and 1/2 in from its bottom: the common US business single window (California State
University mail services, "Normal window placement is 1/2 in from the bottom and 7/8 in from
the left. Window size is 1 1/8 x 4 1/2 in", quoted in Google Answers 712795). A US Letter
page folded in three puts its top panel (11/3 in) behind the face: resting at the
envelope's bottom, the window shows the page from 2.042 in to 3.167 in below its top
(PostalMethods' developer guide places the address 2.042 in from the top for the same
reason); sideways the page has 1 in of play, so only 7/8 in to 4 3/8 in from its left
always shows. The block keeps 1/8 in inside both (the space the same answer asks between
an address and the window's edges): a rectangle 1 to 4 1/4 in from the left, 2 1/6 to
3 1/24 in from the top. The first page leaves the band the window may show, however the
page slides, free of the letter's own text (``BAND``).
"""

from collections.abc import Sequence

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch

from openimr.core.errors import InvalidInput, Problem
from openimr.letters.render.pdf_layout import Line, Placed, Row, Span, wrap
from openimr.letters.render.pdf_tags import Element

PAGE_HEIGHT = LETTER[1]
PANEL = 11 / 3 * inch  # a third of the page: the panel behind the envelope's face
WINDOW_BOTTOM, WINDOW_HEIGHT = 0.5 * inch, 1.125 * inch
CLEARANCE = inch / 8
# The window's reach on the page, the page resting at the envelope's bottom, from its top.
SHOWN_TOP = PANEL - WINDOW_BOTTOM - WINDOW_HEIGHT  # 2.042 in
SHOWN_BOTTOM = PANEL - WINDOW_BOTTOM  # 3.167 in
LEFT, RIGHT = 7 / 8 * inch + CLEARANCE, 4.375 * inch - CLEARANCE
TOP = PAGE_HEIGHT - SHOWN_TOP - CLEARANCE
BOTTOM = PAGE_HEIGHT - SHOWN_BOTTOM + CLEARANCE
WIDTH, HEIGHT = RIGHT - LEFT, TOP - BOTTOM
# The page may rest up to 1/2 in higher (4 1/8 - 11/3 in): the window can show from 1.58 in
# down; the letter's first page sets none of its text from there to 3.3 in below its top.
BAND = (PAGE_HEIGHT - (SHOWN_TOP - (4.125 * inch - PANEL)), PAGE_HEIGHT - 3.3 * inch)
SIZES = (10.0, 9.0, 8.0)  # the largest that fits; below 8 pt mail scanners misread
LEADING = 1.2


def address_block(lines: Sequence[str], font: str, tag: Element) -> list[Placed]:
    """The recipient's name and postal address (``lines``, as on file), each line wrapped
    to the window's width, set at the largest size that fits the window, top down, as one
    paragraph (``tag``). An address that fits at no size is refused, naming how many
    lines it takes: printed smaller or outside the window it would not be delivered."""
    for size in SIZES:
        leading = round(LEADING * size, 2)
        wrapped = [runs for line in lines if line.strip() for runs in _wrapped(line, font, size)]
        if len(wrapped) * leading <= HEIGHT:
            return [
                Placed(Row((Line(LEFT, runs, tag),), size, leading), TOP - size - n * leading)
                for n, runs in enumerate(wrapped)
            ]
    fits = int(HEIGHT // round(LEADING * SIZES[-1], 2))
    message = (
        f"the name and address take {len(wrapped)} lines of the envelope window's {fits} "
        f"at {SIZES[-1]:g} pt: shorten the address on file"
    )
    raise InvalidInput([Problem("$.postal_address", message)])


def _wrapped(line: str, font: str, size: float) -> list[tuple[tuple[str, str], ...]]:
    return wrap([Span(font, line)], size, WIDTH)
