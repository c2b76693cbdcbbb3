"""The numbers of a text as whole tokens, in the order it writes them: what SQLite's search
asks when a number is typed (`openimr.decisions.search_numbers`).

FTS5's tokenizer cuts "12.5" into "12" and "5", so its index cannot tell "5%" from "0.5%"
nor "12.5" from "12-5"; PostgreSQL's parser reads a decimal whole. This reading keeps each
number whole, as PostgreSQL does:

- a decimal is one token ("12.5", "0.5"; "12.50" is not "12.5");
- a whole number stands alone ("5" of "5%", "5 mg", "5mg", "5th", "12-5"), never as the
  half of a decimal nor the end of a mixed word ("1x6" holds no number here); an underscore
  parts words, as PostgreSQL's parser and the index (migration 0020) read it: "5_3" is 5
  and 3, "a_5" is 5;
- a number glued after letters is the letters and the number, folded as both indexes fold
  a word ("Norco10/325" gives "norco10", "Lidocaína5%" "lidocaina5", "L5" "l5"): the form
  a drug typed before its dose is also asked in (`search_match.with_glued`);
- a unit glued after a number or written apart is left out ("325mg" is "325"): the search
  asks the unit of its index;
- two tokens the text writes with only punctuation or spaces between them ("10/325",
  "10-325", "10, 325", "325mg #60") are adjacent; any word between them ("10 mg 325") is
  one gap, ``_``.

The tokens are kept as one string with a space on each side of each (`runs`), so "the
number 5" is ``instr(runs, ' 5 ')`` and "10/325" ``instr(runs, ' 10 325 ')``. A text reads
in about 25 microseconds a letter of 1,600 characters (it visits each number, not each
word)."""

import re
import unicodedata

GAP = "_"
# First of a text's runs when it writes a digit, a dot and a digit anywhere (a decimal, or
# one inside a mixed word, "12.5x6"): only there can FTS5's runs of digits differ from
# these whole numbers (`search_numbers.sqlite_condition`).
DECIMALS = "."
_DECIMAL = re.compile(r"[0-9]\.[0-9]")


def writes_a_decimal(text: str) -> bool:
    """Whether ``text`` writes a digit, a dot and a digit (3 microseconds a letter)."""
    return _DECIMAL.search(text) is not None


# A number from its first digit (a pattern starting with one digit is looked for by that
# digit alone, twice as fast as one starting with a repeat): its digits, each decimal point
# between digits, and what follows to the end of the word: a unit ("mg", "th") or the rest
# of a mixed word ("1x6"), told apart by `_SHAPE`.
_NUMBER = re.compile(r"[0-9](?:[0-9]|\.(?=[0-9]))*[^\W_]*")
_SHAPE = re.compile(r"([0-9.]+)[^\W\d_]*")
# Between two tokens: any word character means a word stood there ("_" parts words).
_WORD = re.compile(r"[^\W_]")
_MARK = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _letter(c: str) -> bool:
    return c.isalpha() or _MARK.match(c) is not None


def _word_character(c: str) -> bool:
    return c.isalnum() or _letter(c)


def fold(word: str) -> str:
    """`glued_sql.fold`: lower case, accents dropped (a pure copy: domain/ reads no SQL)."""
    return unicodedata.normalize("NFC", _MARK.sub("", unicodedata.normalize("NFD", word.lower())))


def tokens(text: str) -> list[str]:
    """The numbers of ``text`` and the letters glued before them, a gap between two that a
    word parts (see the module)."""
    return _read(text)[0]


def _read(text: str) -> tuple[list[str], bool]:
    """`tokens`, and whether the text writes a digit, a dot and a digit anywhere."""
    out: list[str] = []
    decimal = False
    last_end = 0
    between = _WORD.search
    for m in _NUMBER.finditer(text):
        number = m.group()
        start, end = m.span()
        decimal = decimal or "." in number
        if not number.isdigit():
            shape = _SHAPE.fullmatch(number)
            if shape is None:
                continue  # a mixed word ("1x6", "12.5x6")
            number = shape.group(1)
        if start and _word_character(text[start - 1]):
            i = start
            while i and _letter(text[i - 1]):
                i -= 1
            if i == start or (i and _word_character(text[i - 1])):
                continue  # the digits end a mixed word ("x1y2")
            number, start = fold(text[i:start]) + number, i
        if out and out[-1] != GAP and between(text, last_end, start):
            out.append(GAP)
        out.append(number)
        last_end = end
    return out, decimal


def runs(*texts: str) -> str:
    """The `tokens` of each text, a gap between two texts, as one string: a space before and
    after each token, `DECIMALS` first when a text writes a decimal. Empty when no text
    holds a number."""
    read = [_read(text) for text in texts]
    parts = [" ".join(found) for found, _ in read if found]
    joined = f" {f' {GAP} '.join(parts)} " if parts else ""
    if any(decimal for _, decimal in read):
        return f" {DECIMALS}{joined or ' '}"
    return joined
