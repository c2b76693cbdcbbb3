"""How a typed case number is read: the one reading the public and staff sides share."""

import re
from itertools import product

# What a case number can be: the letter parser's (openimr.letters.parsing.header) one word of
# letters, digits and hyphens, with a digit.
_CASE_NUMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{2,39}")
# What a number pasted from a citation or a sentence brings along: spaces, quotes, brackets
# and a stop ("(CM16-0400101).").
_AROUND = re.compile(r"^[\W_]+|[\W_]+$")


def case_number_spellings(text: str) -> tuple[str, ...]:
    """The spellings to look ``text`` up by, in order: as typed, then in capitals (as letters
    and the intake counter write them), with spaces, quotes, brackets or a stop around
    dropped ("(cm16-0400101)." reads CM16-0400101). Empty for text that cannot be a case
    number, so nothing is looked up for it."""
    wanted = _AROUND.sub("", text)
    if not _CASE_NUMBER.fullmatch(wanted) or not any(c.isdigit() for c in wanted):
        return ()
    return tuple(dict.fromkeys((wanted, wanted.upper())))


def letter_case_spellings(number: str) -> tuple[str, ...]:
    """Every way ``number`` can be written in upper and lower case letters ("CM26-1": CM26-1,
    Cm26-1, cM26-1, cm26-1), which the pages read as one case (`case_number_spellings`)."""
    choices = [(c.upper(), c.lower()) if c.isalpha() else (c,) for c in number]
    return tuple(dict.fromkeys("".join(spelt) for spelt in product(*choices)))
