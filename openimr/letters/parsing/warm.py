"""Imported once by the sandbox's fork server (``sandbox_oneshot.PRELOAD``) so that each
child forked from it starts warm: the parser builds its table of state names on first use
(~50 ms, most of a letter's parsing time), and a child that built it anew for every letter
would pay that per letter."""

from openimr.letters.parsing.pdf import parse_pdf
from openimr.letters.parsing.qualifications import state_codes

state_codes("California")

__all__ = ["parse_pdf"]
