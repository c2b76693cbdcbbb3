"""Numbers searched as the letters write them.

PostgreSQL's parser reads a decimal as one number ("12.5" is '12.5', "0.5%" is '0.5') and a
number after a dash as a negative one ("C5-6" is 'c5' '-6', "10-325" is '10' '-325').
SQLite's tokenizer (unicode61) splits at every dot and dash: "12.5" is "12" and "5", so "5%"
found "0.5%" and "12.5 mg" there, and "12.5" found "12-5", where PostgreSQL found neither;
PostgreSQL's "10/325" missed "10-325", which SQLite found. PostgreSQL now reads a dash
between numbers as a separator like a slash (`signed`: each whole number is also asked as
its negative, '5' | '-5'), and a number glued to its unit or apart is one form on both
(`unit_forms`). SQLite keeps each letter's numbers whole in a row of their own (migration
0019, `domain.number_runs`) and asks it beside its index (`sqlite_condition`): "5%" finds
"5% cream", not "0.5%", on both. A number left out is left out as typed on both."""

import re
from collections.abc import Sequence

from openimr.decisions.domain import number_phrases, number_runs
from openimr.decisions.number_runs_sql import DOUBT_FUNCTION, PHRASE_FUNCTION
from openimr.decisions.search_terms import RUN, STOPWORDS, SearchQuery, cut

_WORD = RUN  # search_terms' own cut of a word into its runs
_DIGITS = re.compile(r"\d+")
# A word's last run, a number glued to its unit ("5mg" of "12.5mg").
_GLUED_UNIT = re.compile(r"(\d+)([^\W\d_]+)")


def is_number(parts: Sequence[str]) -> bool:
    """A word of ASCII digits alone ("5" of "5%", "10/325", "12.5")."""
    return all(part.isascii() and part.isdecimal() for part in parts)


def is_decimal(typed: str) -> bool:
    """A number typed with a decimal point between its digits ("12.5", "0.5")."""
    return re.fullmatch(r"\d+(?:\.\d+)+", typed, re.ASCII) is not None


def signed(number: str) -> str:
    """to_tsquery text of a whole number or the same after a dash ("C5-6" is 'c5' '-6')."""
    return f"({number} | -{number})"


def _typed(text: str, *, excluded: bool = False) -> dict[tuple[str, ...], str]:
    """Each searched word (or with ``excluded``, each left out) as typed, from its first to
    its last run, by its runs casefolded."""
    found: dict[tuple[str, ...], str] = {}
    for parts, typed in cut(text, excluded=excluded):
        found.setdefault(tuple(p.casefold() for p in parts), typed)
    return found


# Migration 0019: each decision's numbers as whole tokens (`domain.number_runs`).
RUNS_TABLE = "decisions_search_numbers"


def sqlite_condition(query: SearchQuery, table: str = "decisions_search") -> tuple[str, list[str]]:
    """SQL to add to a statement matching SQLite's index (`` AND ...``), and its parameters:
    the letter's numbers (migration 0019's row of it, read by its id) hold each number
    searched and none of those left out, as whole tokens (`domain.number_runs`). Empty when
    no number is typed.

    FTS5's index answers a number by its runs of digits ("5" is also the half of "0.5");
    its match still finds the candidates, and this keeps those writing the number as
    typed: "5%" not "0.5%", "12.5" not "12-5". Reading each candidate's text instead (a
    regular expression over the index's summary and items) took the page's p95 at
    1,000,000 letters past its 50 ms target (docs/benchmarks.md, "Numbers at a million");
    a letter's numbers are a short row under its id, kept only for a letter writing a
    decimal (a fiftieth of the generated corpus), where FTS5's runs of digits can differ
    from them."""
    searched = [either for either in map(_runs_asked, _number_words(query)) if either]
    left_out = [
        either for either in map(_runs_asked, _number_words(query, excluded=True)) if either
    ]
    row = _row(table)
    sql, params = _written(searched, _phrase_patterns(query), table)
    if left_out:
        sql += f" AND NOT EXISTS ({row} AND (" + " OR ".join(_any(e) for e in left_out) + "))"
        params += [form for either in left_out for form in either]
    if fts5 := _left_out_fts5(query):
        # A letter without a row holding a whole number left out: FTS5's runs of digits.
        sql += (
            f" AND (EXISTS ({row}) OR {table}.rowid NOT IN (SELECT rowid FROM "
            f"decisions_search WHERE decisions_search MATCH %s))"
        )
        params.append(fts5)
    return sql, params


def _row(table: str) -> str:
    return f"SELECT 1 FROM {RUNS_TABLE} r WHERE r.decision_id = {table}.rowid"


def _written(
    searched: Sequence[Sequence[str]], patterns: Sequence[tuple[str, str]], table: str
) -> tuple[str, list[str]]:
    """SQL (`` AND ...``) of a letter writing each number ``searched`` (its forms, as
    `_runs_asked` gives them) whole, and each phrase of ``patterns`` (`_phrase_patterns`)
    with its number beside its words, and its parameters."""
    sql, params = "", []
    row = _row(table)
    decimals = [e for e in searched if any("." in form for form in e)]
    whole = [e for e in searched if e not in decimals]
    if decimals:
        # A letter without a row writes no decimal.
        sql += f" AND EXISTS ({row} AND " + " AND ".join(_any(e) for e in decimals) + ")"
        params += [form for either in decimals for form in either]
    if whole:
        # A letter writing no decimal has no row, and FTS5's runs of digits are its whole
        # numbers: the match is exact there. A row (one letter in fifty) must hold each.
        sql += f" AND NOT EXISTS ({row} AND NOT ("
        sql += " AND ".join(_any(e) for e in whole) + "))"
        params += [form for either in whole for form in either]
    for expression, phrase_numbers in patterns:
        # The row says the number is written somewhere; its place beside the phrase's words
        # is read in the letter's text when the row leaves it in doubt (`in_doubt`): the
        # items first, where a dose is written, the summary only when they lack it (FTS5
        # reads a column when asked, about 4 microseconds a letter).
        sql += (
            f" AND CASE WHEN NOT EXISTS ({row} AND {DOUBT_FUNCTION}(r.runs, %s)) THEN 1 "
            f"WHEN {PHRASE_FUNCTION}(%s, {table}.items) THEN 1 "
            f"ELSE {PHRASE_FUNCTION}(%s, {table}.summary) END"
        )
        params += [phrase_numbers, expression, expression]
    return sql, params


def phrase_written(typed: str, table: str = "decisions_search") -> tuple[str, list[str]]:
    """SQL (`` AND ...``) of a letter FTS5's phrase of ``typed`` matched (`"Tramadol 37.5
    mg"`, one `phrases_left_out`) writing it as typed: its numbers whole, beside its
    words; and its parameters. The phrase's search without its other forms (a unit run
    into its number, a dose into its drug): a word left out is left out as typed."""
    expression = number_phrases.pattern(typed) or ""
    asked = [either for either in [_runs_asked([typed])] if either]
    return _written(asked, [(expression, number_phrases.numbers(typed))], table)


def _phrase_patterns(query: SearchQuery) -> list[tuple[str, str]]:
    """`number_phrases.pattern` of each searched word of several runs holding a number and a
    word, as typed (`"Tramadol 37.5 mg"`, `"5% patch"`), with its `numbers`: FTS5's phrase
    of runs of digits matched "Tramadol 37-5 mg" and "0.5% patch", and the row held the
    number elsewhere; so had a number glued to its unit ("5mg" of "12.5 mg": `_unit_glued`).
    Another word of one run ("T12") is one token to FTS5, and a word of numbers alone
    ("L4-5", "10/325") is a run of the row, its check its own."""
    found = []
    for _, text in _phrases(query.words, _typed(query.text)):
        expression = number_phrases.pattern(text) or ""
        found.append((expression, number_phrases.numbers(text)))
    return list(dict.fromkeys(found))


def phrases_left_out(query: SearchQuery) -> list[tuple[tuple[str, ...], str]]:
    """Each word left out of several runs holding a number and a word, with its text as
    typed (`-"Tramadol 37.5 mg"`): FTS5's NOT of its phrase of runs of digits ("37" "5")
    also left out "Tramadol 37-5 mg", which PostgreSQL keeps. Such a word leaves out the
    letters its own search finds instead (`search_left_out`), and FTS5's NOT skips it."""
    return _phrases(query.excluded, _typed(query.text, excluded=True))


def _phrases(
    words: Sequence[Sequence[str]], typed: dict[tuple[str, ...], str]
) -> list[tuple[tuple[str, ...], str]]:
    """The ``words`` of several runs whose ``typed`` text has a `number_phrases.pattern`."""
    found = []
    for parts in words:
        if (len(parts) > 1 and any(part.isalpha() for part in parts)) or _unit_glued(parts):
            text = typed.get(tuple(p.casefold() for p in parts), "")
            if number_phrases.pattern(text):
                found.append((tuple(parts), text))
    return found


def _unit_glued(parts: Sequence[str]) -> bool:
    """A word ending in a number glued to its unit ("5mg", "12.5mg"), which FTS5 is also
    asked apart (`unit_forms`: "5" "mg"); its phrase of runs of digits matched "12.5 mg",
    the row holding a 5 elsewhere ("12.5 mg ... 5 refills"), where PostgreSQL's '5' <-> 'mg'
    did not. A unit PostgreSQL's index leaves out ("10am") is not asked apart."""
    split = _GLUED_UNIT.fullmatch(parts[-1]) if parts else None
    return split is not None and split.group(2).lower() not in STOPWORDS


def _left_out_fts5(query: SearchQuery) -> str:
    """FTS5's match of the whole numbers left out ("-5": "5", or run into a unit, "5mg"),
    as `search_match` asks a number (its ``glued`` units), or empty."""
    glued = dict(query.glued)
    phrases = []
    for parts in query.excluded:
        if not is_number(parts) or "." in (_typed(query.text, excluded=True).get(parts) or "."):
            continue
        ends = [parts[-1], *(t for t in glued.get(parts[-1], ()) if t[len(parts[-1]) :].isalpha())]
        phrases += ['"' + " ".join([*parts[:-1], end]) + '"' for end in ends]
    return "{summary items} : (" + " OR ".join(phrases) + ")" if phrases else ""


def _any(either: Sequence[str]) -> str:
    return "(" + " OR ".join("instr(r.runs, %s) > 0" for _ in either) + ")"


def _runs_asked(typed: Sequence[str]) -> list[str]:
    """The token strings ``instr`` asks for (" 10 325 "), one for each form of a word."""
    asked = []
    for text in typed:
        found = number_runs.tokens(text)
        while found and found[0] == number_runs.GAP:
            found.pop(0)
        while found and found[-1] == number_runs.GAP:
            found.pop()
        if found:
            asked.append(f" {' '.join(found)} ")
    return list(dict.fromkeys(asked))


def _number_words(query: SearchQuery, *, excluded: bool = False) -> list[list[str]]:
    """Each searched word (or with ``excluded``, each number left out) holding a number (a
    run starting with a digit), as the texts it may be written as: as typed, and a dose
    after a drug typed before it also run into the drug ("Norco 10/325": "norco10/325"; a
    quoted `"Tramadol 50"`: "Tramadol50"), as `search_match.with_glued` asks FTS5. A word
    left out is a number alone ("-5"), as typed: FTS5 is asked the others."""
    typed = _typed(query.text, excluded=excluded)
    words = query.excluded if excluded else query.words
    found = []
    for n, parts in enumerate(words):
        text = typed.get(tuple(p.casefold() for p in parts))
        if not text or not any(p[:1].isascii() and p[:1].isdigit() for p in parts):
            continue
        if excluded and not is_number(parts):
            continue
        forms = [text]
        before = words[n - 1] if n else ()
        if not excluded and is_number(parts) and len(before) == 1 and before[0].isalpha():
            forms.append(before[0] + text)
        elif not excluded and (glued := _drug_run_into_dose(parts, text)) is not None:
            forms.append(glued)
        found.append(forms)
    return found


def _drug_run_into_dose(parts: Sequence[str], typed: str) -> str | None:
    """A phrase ending in a drug and its dose (`"continue Tramadol 50"`) with the dose run
    into the drug ("continue Tramadol50"), as letters print it; None for other words."""
    start = len(parts)
    while start > 1 and is_number(parts[start - 1 :]):
        start -= 1
    drug = parts[start - 1]
    if start == len(parts) or len(parts) < 2 or is_number(parts) or not drug.isalpha():
        return None
    runs = list(_WORD.finditer(typed))
    return typed[: runs[start - 1].end()] + typed[runs[start].start() :]


def unit_forms(parts: Sequence[str], before: Sequence[str] = ()) -> list[tuple[str, ...]]:
    """A word's runs with a number and its unit written the other way, as letters print
    either: "12.5mg" as "12.5 mg", `"12.5 mg"` as "12.5mg", and a unit typed after a
    number (the word ``before``: "mg" of "12.5 mg") as run into it ("5mg"). To SQLite's
    tokenizer "5mg" is one token and "5 mg" two; PostgreSQL's parser splits "12.5mg" but
    not "5mg" (`pg_number_forms`)."""
    forms = []
    split = _GLUED_UNIT.fullmatch(parts[-1])
    # A unit PostgreSQL's index leaves out ("am" of "10am") is not asked apart, as
    # `pg_number_forms` does not: "10am" had found "10 am" on SQLite only, and PostgreSQL,
    # whose index holds "10 am" as '10' alone, cannot tell it from any other 10.
    if split is not None and split.group(2).lower() not in STOPWORDS:
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
    unit = _GLUED_UNIT.fullmatch(word[-1])
    # A unit PostgreSQL's index leaves out ("am" of "10am") is no unit apart: '10' alone
    # had found every letter writing 10.
    if unit is not None and not word[-1].isdecimal() and unit.group(2).lower() not in STOPWORDS:
        forms.append(re.sub(r"(\d)([^\W\d_]+)$", r"\1 \2", phrase))
        if len(word) == 1:
            # After a dash the parser reads the number negative: "300-600mg" holds '-600'
            # 'mg', which "600mg" had missed on PostgreSQL only ("600 mg" found it).
            forms.append("-" + forms[-1])
    glued = re.sub(r"(\d)\s+(?=[^\W\d_])", r"\1", phrase)
    if glued != phrase:
        forms.append(glued)
    if len(word) == 1 and word[0].isalpha() and before and is_number(before) and typed:
        forms.append(typed + phrase)
    return forms
