"""Numbers searched as the letters write them.

PostgreSQL's parser reads a decimal as one number ("12.5" is '12.5', "0.5%" is '0.5') and a
number after a dash as a negative one ("C5-6" is 'c5' '-6', "10-325" is '10' '-325').
SQLite's tokenizer (unicode61) splits at every dot and dash: "12.5" is "12" and "5", so "5%"
found "0.5%" and "12.5 mg" there, and "12.5" found "12-5", where PostgreSQL found neither;
PostgreSQL's "10/325" missed "10-325", which SQLite found. PostgreSQL now reads a dash
between numbers as a separator like a slash (`signed`: each whole number is also asked as
its negative, '5' | '-5'), and a number glued to its unit or apart is one form on both
(`unit_forms`). SQLite still answers a number by its runs of digits, for speed
(`sqlite_condition` says what that costs and what it leaves: "5%" also finds "0.5%"); a
number left out is left out as typed on both."""

import itertools
import re
from collections.abc import Sequence

from openimr.decisions.search_terms import RUN, SearchQuery, chunks, excludes

_WORD = RUN  # search_terms' own cut of a word into its runs
_DIGITS = re.compile(r"\d+")
# A word's last run, a number glued to its unit ("5mg" of "12.5mg").
_GLUED_UNIT = re.compile(r"(\d+)([^\W\d_]+)")
# Before a number: not the end of a word or of a decimal ("L5", "0.5"), said after its first
# digits (a pattern starting with them is searched for them first: 1 microsecond a letter,
# where one starting with the lookbehind tried every character, 90); after it: no more
# digits, nor a decimal's dot and digits ("5.5"). A unit may follow ("5mg", "12.5mg"), as
# both indexes find a number glued to its unit (`search_match.with_glued`).
_BEFORE = r"(?<!\w{0})(?<!\d\.{0})"
_AFTER = r"(?!\d)(?!\.\d)"
# Between two numbers a dot is a decimal point; any other run of non-word characters (a
# slash, a dash, a comma, spaces) separates them, but not one that would begin a decimal.
_SEPARATOR = r"(?!\.\d)\W+"


def is_number(parts: Sequence[str]) -> bool:
    """A word of ASCII digits alone ("5" of "5%", "10/325", "12.5")."""
    return all(part.isascii() and part.isdecimal() for part in parts)


def is_decimal(typed: str) -> bool:
    """A number typed with a decimal point between its digits ("12.5", "0.5")."""
    return re.fullmatch(r"\d+(?:\.\d+)+", typed, re.ASCII) is not None


def signed(number: str) -> str:
    """to_tsquery text of a whole number or the same after a dash ("C5-6" is 'c5' '-6')."""
    return f"({number} | -{number})"


def number_pattern(typed: str, after_word: str | None = None) -> str:
    """A regular expression finding the number ``typed`` ("10/325", "12.5") as the letters
    write it: its digits in order, a dot between two of them a decimal point, any other
    separator any run of non-word characters; not part of a longer number. With
    ``after_word`` (the drug typed before the dose: "Norco 10/325"), also right after it
    ("Norco10/325", one token to both indexes, which the search asks as such)."""
    runs = list(_DIGITS.finditer(typed))
    first = runs[0].group()
    start = _BEFORE.format(first)
    if after_word:
        start = f"(?:{start}|(?<=(?i:{re.escape(after_word)}){first}))"
    body = first + start
    for before, run in itertools.pairwise(runs):
        between = typed[before.end() : run.start()]
        body += (r"\." if between == "." else _SEPARATOR) + run.group()
    return body + _AFTER


def _typed(text: str, *, excluded: bool = False) -> dict[tuple[str, ...], str]:
    """Each searched word (or with ``excluded``, each left out) as typed, from its first to
    its last run, by its runs casefolded."""
    found: dict[tuple[str, ...], str] = {}
    for chunk in chunks(text):
        if excludes(chunk) is not excluded:
            continue
        runs = list(_WORD.finditer(chunk))
        if runs:
            key = tuple(m.group().casefold() for m in runs)
            found.setdefault(key, chunk[runs[0].start() : runs[-1].end()])
    return found


def sqlite_condition(query: SearchQuery, table: str = "decisions_search") -> tuple[str, list[str]]:
    """SQL to add to a statement matching SQLite's index (`` AND ...``), and its parameters:
    the letter's text (the index's own summary and items columns) holds none of the numbers
    left out as typed (`sqlite_left_out`). Empty when none is left out.

    A number searched for is not checked in the text, so SQLite's index answers it by its
    runs of digits: "5%" also finds "0.5%", and "12.5" also "12-5" (PostgreSQL's parser
    reads a decimal as one number and finds neither). Checking each candidate's text made
    it exact but read every candidate: at 1,000,000 letters "Norco 10/325mg" took 97 ms
    instead of 29 and "5%" 56 instead of 15, and the page's p95 over `bench/search.py`'s
    mix rose from 41-45 to 50-89 ms, past its 50 ms target, with decimals alone checked
    still 50-62 ms (docs/benchmarks.md, "Numbers at a million"). A letter's text is read
    only for a number left out, which FTS5 is not asked."""
    left_out = sqlite_left_out(query)
    text = f"(coalesce({table}.summary, '') || ' ' || coalesce({table}.items, ''))"
    return "".join(f" AND NOT {text} REGEXP %s" for _ in left_out), left_out


def sqlite_left_out(query: SearchQuery) -> list[str]:
    """The patterns of the numbers left out ("-5"), which FTS5 does not ask
    (`search_match.fts5_match`): a letter holding one, as a search of it finds it, is
    left out; one holding "0.5" is not."""
    typed = _typed(query.text, excluded=True)
    numbers = (typed.get(tuple(parts)) for parts in query.excluded if is_number(parts))
    return list(dict.fromkeys(number_pattern(w) for w in numbers if w))


def unit_forms(parts: Sequence[str], before: Sequence[str] = ()) -> list[tuple[str, ...]]:
    """A word's runs with a number and its unit written the other way, as letters print
    either: "12.5mg" as "12.5 mg", `"12.5 mg"` as "12.5mg", and a unit typed after a
    number (the word ``before``: "mg" of "12.5 mg") as run into it ("5mg"). To SQLite's
    tokenizer "5mg" is one token and "5 mg" two; PostgreSQL's parser splits "12.5mg" but
    not "5mg" (`pg_number_forms`)."""
    forms = []
    split = _GLUED_UNIT.fullmatch(parts[-1])
    if split is not None:
        forms.append((*parts[:-1], split.group(1), split.group(2)))
    glued: list[str] = []
    for part in parts:
        if glued and _DIGITS.fullmatch(glued[-1]) and part.isalpha():
            glued[-1] += part
        else:
            glued.append(part)
    if len(glued) < len(parts):
        forms.append(tuple(glued))
    if len(parts) == 1 and parts[0].isalpha() and before and is_number(before):
        forms.append((*before[:-1], before[-1] + parts[0]))
    return forms


def pg_number_forms(
    word: Sequence[str], phrase: str, before: Sequence[str], typed: str
) -> list[str]:
    """`unit_forms` as phraseto_tsquery text: the typed ``phrase`` (and ``typed``, that of
    the word ``before``) with the number and its unit apart or together, so that a decimal
    keeps its point ("12.5mg" is '12.5' <-> 'mg' to the parser; "5mg" is '5mg'); and a
    phrase holding a decimal with it after a dash ("10-12.5 mg" is '10' '-12.5' 'mg')."""
    forms = []
    signed = re.sub(r"(?<![\w.-])(\d+\.\d+)", r"-\1", phrase)
    if signed != phrase and not is_decimal(phrase):
        forms.append(signed)
    if _GLUED_UNIT.fullmatch(word[-1]) and not word[-1].isdecimal():
        forms.append(re.sub(r"(\d)([^\W\d_]+)$", r"\1 \2", phrase))
    glued = re.sub(r"(\d)\s+(?=[^\W\d_])", r"\1", phrase)
    if glued != phrase:
        forms.append(glued)
    if len(word) == 1 and word[0].isalpha() and before and is_number(before) and typed:
        forms.append(typed + phrase)
    return forms
