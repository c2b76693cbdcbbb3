"""Whether a text writes a quoted phrase holding a number with that number in its place, as
PostgreSQL's phrase holds it: what SQLite's search asks of a letter writing a decimal
(`openimr.decisions.search_numbers.sqlite_condition`).

FTS5's tokenizer cuts "37.5" into "37" and "5", so its phrase `"Tramadol 37.5 mg"` also
matches "Tramadol 37-5 mg", and `"5% patch"` matches "0.5% patch"; the letter's numbers
(`number_runs`) hold "37.5" or "5" anywhere, not beside the phrase's words. FTS5 still
finds the candidates (its words, stemmed); this reads a candidate's text for the phrase with
each number whole: not half of a decimal, no decimal point after it. A word is matched by
its first letters (`_stem_prefix`), since FTS5 matched it stemmed ("patch" finds "patches")
and no stemmer is at hand in pure Python; the number, which is what FTS5 cannot tell, is
matched exactly. Only letters writing a decimal are read (a fiftieth of the generated
corpus): elsewhere FTS5's runs of digits are the whole numbers."""

import re
from functools import lru_cache

from openimr.decisions.domain.number_runs import fold

# The phrase as typed, cut as PostgreSQL's parser cuts it: a decimal whole, a run of digits,
# a run of letters (and underscores, which FTS5 keeps inside a word).
_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)+|[0-9]+|[^\W\d]+")


def _stem_prefix(word: str) -> str:
    """The letters of a word FTS5's porter stemmer leaves its other forms sharing ("therap"
    of "therapy" and "therapies", "hop" of "hoping" and "hoped"): all but its last three,
    at least three (a short word whole)."""
    return word[: max(3, len(word) - 3)]


def pattern(typed: str) -> str | None:
    """The regular expression of a phrase holding a number and a word (`"Tramadol 37.5
    mg"`, `"5% patch"`), over a `fold`ed text; None for others (a number alone, "10/325",
    is answered by `number_runs`). A word and a number may be run together or apart
    ("37.5mg", "Tramadol37.5"), as FTS5 is asked both (`search_match`)."""
    tokens = _TOKEN.findall(fold(typed))
    numbers = [t[0].isdigit() for t in tokens]
    if not any(numbers) or all(numbers):
        return None
    out = []
    last = len(tokens) - 1
    for n, (token, number) in enumerate(zip(tokens, numbers, strict=True)):
        if n:
            out.append(r"\W*")  # run together or apart: "37.5mg", "x ray" of "xray"
        literal = re.escape(token if number else _stem_prefix(token))
        out.append(literal)  # first: the regular expression engine looks for it alone
        if number:
            # Neither the end of a decimal ("0.5") nor its start ("5.5"), nor in a number.
            out.append(rf"(?<![0-9]{literal})(?<![0-9]\.{literal})(?![0-9])(?!\.[0-9])")
            continue
        if not n:
            out.append(rf"(?<![^\W\d]{literal})")
        out.append(r"[^\W\d]*" + (r"(?![^\W\d])" if n == last else ""))
    return "".join(out)


@lru_cache(maxsize=256)
def _compiled(expression: str) -> re.Pattern[str]:
    return re.compile(expression)


def writes(expression: str, *texts: str | None) -> bool:
    """Whether any of ``texts`` (`fold`ed here: lower case, accents dropped) holds
    ``expression`` (a `pattern`)."""
    found = _compiled(expression).search
    return any(text and found(text.lower() if text.isascii() else fold(text)) for text in texts)


def numbers(typed: str) -> str:
    """The numbers of a phrase as `in_doubt` takes them, one string ("37.5", "5 325")."""
    return " ".join(t for t in _TOKEN.findall(fold(typed)) if t[0].isdigit())


def in_doubt(runs: str, typed_numbers: str) -> bool:
    """Whether FTS5's runs of digits of a number of the phrase (``typed_numbers``: `numbers`)
    may have matched a letter elsewhere than where it writes that number whole: its runs
    ("37" "5" of "37.5") stand in the letter's numbers (`number_runs.runs`, read by the
    search from its table) in another shape, across two numbers ("37-5" is ` 37 5 `, "3.37
    5.2") or as a part of one ("5" of "0.5"). When none does, FTS5's match is the number as
    typed and the letter's text need not be read (4 microseconds a letter; the row's runs
    are a short string read by one regular expression)."""
    for number in typed_numbers.split():
        for found in _shapes(number).finditer(runs):
            start, end = found.span()
            if found.group() != number or runs[start - 1] == "." or runs[end] == ".":
                return True
    return False


@lru_cache(maxsize=256)
def _shapes(number: str) -> re.Pattern[str]:
    """A number's runs of digits in the letter's numbers, one after another inside a number
    or across two written together, each whole; its first digits first (the regular
    expression engine looks for them alone, a tenth of the time of a lookbehind first)."""
    first, *more = map(re.escape, number.split("."))
    runs = "".join(rf"[. ]{run}" for run in more)
    return re.compile(rf"{first}(?<![0-9]{first}){runs}(?![0-9])")
