"""Numbers searched as the letters write them, the same on both indexes.

PostgreSQL's parser reads a decimal as one number ("12.5" is '12.5', "0.5%" is '0.5') and a
number after a dash as a negative one ("C5-6" is 'c5' '-6', "10-325" is '10' '-325').
SQLite's tokenizer (unicode61) splits at every dot and dash: "12.5" is "12" and "5", so "5%"
found "0.5%" and "12.5 mg" there, and "12.5" found "12-5", where PostgreSQL found neither;
PostgreSQL's "10/325" missed "10-325", which SQLite found. Both now answer as a reader
would: a decimal is one number, a whole number is never the half of a decimal, and a dash
between numbers is a separator like a slash. SQLite's index still finds the candidates (its
tokens cannot tell "12.5" from "12 5"); each candidate's text is then checked against the
number as typed (`sqlite_checks`, Django's REGEXP on SQLite), only when numbers were typed:
a search of words alone runs as before. PostgreSQL also asks each whole number as its
negative ('5' | '-5': `signed`)."""

import itertools
import re
from collections.abc import Iterator, Sequence

from openimr.decisions.glued_sql import fold
from openimr.decisions.search_terms import RUN, SearchQuery, chunks, excludes

_WORD = RUN  # search_terms' own cut of a word into its runs
_DIGITS = re.compile(r"\d+")
# A number typed as a word or at the start of one: its digits, and more digits after a
# dot or other separators ("12.5", "10/325"); a unit may follow ("5mg"). Not one inside a
# word ("T12", "C5-6": one token, and a phrase, to both indexes, which agree on them).
_NUMBER = re.compile(r"(?<!\S)\d+(?:(?:\.|(?!\.\d)\W+)\d+)*(?!\d)")
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


def sqlite_checks(query: SearchQuery) -> list[str]:
    """The patterns (`number_pattern`) a letter found by SQLite's index must hold, one per
    number typed ("5" of "5%", "12.5" of "12.5mg"); none for words alone."""
    return list(dict.fromkeys(_patterns(query)))


def _patterns(query: SearchQuery) -> Iterator[str]:
    typed = _typed(query.text)
    for n, parts in enumerate(query.words):
        word = typed.get(tuple(p.casefold() for p in parts))
        if word is None:
            continue
        for number in _NUMBER.finditer(word):
            if not is_number(parts) and not _split_apart(word, number):
                continue
            # The drug right before the dose, in the word or as the word before it.
            runs = _WORD.findall(word[: number.start()])
            before = runs[-1:] if runs else query.words[n - 1] if n else ()
            drug = fold(before[0]) if len(before) == 1 else ""
            usable = drug.isascii() and drug.isalpha()
            yield number_pattern(number.group(), drug if usable else None)


def _split_apart(word: str, number: re.Match[str]) -> bool:
    """Whether the number in a longer word can match in SQLite's index where PostgreSQL's
    parser reads another number: a decimal ("12.5" of "12.5mg", also "12 5" there); a
    number glued to its unit, also asked apart (`unit_forms`: "5 mg" is in "0.5 mg"); one
    at the start or end of a quoted phrase (`"5 cream"` is in "0.5 cream"). Not one glued
    to more than letters ("1x6", one token in both): reading each letter's text for it
    had cost 2,294 letters' worth for "Electroacupuncture 1x6", twice its search."""
    after, before = word[number.end() :], word[: number.start()]
    return (
        "." in number.group()
        or (not before and (after.isalpha() or after[:1].isspace()))
        or (not after and before[-1:].isspace())
    )


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
    the letter's text (the index's own summary and items columns) holds every number typed
    as typed (`sqlite_checks`). Empty without numbers."""
    checks, left_out = sqlite_checks(query), sqlite_left_out(query)
    text = f"(coalesce({table}.summary, '') || ' ' || coalesce({table}.items, ''))"
    sql = "".join(f" AND {text} REGEXP %s" for _ in checks)
    sql += "".join(f" AND NOT {text} REGEXP %s" for _ in left_out)
    return sql, [*checks, *left_out]


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
