"""The typed words and the filters as each engine's match expression: FTS5's MATCH text on
SQLite, a tsquery on PostgreSQL, with the forms letters glue to a number (`glued_sql`) and
the words left out. `search_sql` puts them into its statements; the index's filter plan
(`search_index`) reads them too. Values travel as parameters wherever PostgreSQL takes them;
FTS5's text quotes each token."""

import re
import string
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from openimr.decisions.domain.compound_spellings import other_spellings
from openimr.decisions.glued_sql import (
    LETTERS,
    fold,
    fts5_either,
    fts5_glued,
    pg_continued,
    pg_kept,
    pg_prefixes,
    pg_units,
)
from openimr.decisions.search_doses_pg import pg_number, pg_phrase_with_dose
from openimr.decisions.search_numbers import pg_number_forms, phrases_left_out, unit_forms
from openimr.decisions.search_tags import filter_tags, pg_filter_tags
from openimr.decisions.search_terms import SearchQuery, cut


def fts5_query(
    words: Sequence[Sequence[str]], glued: Mapping[str, Sequence[str]] | None = None
) -> str:
    """Every word a quoted FTS5 phrase, all of them required, a word of one run also found
    in its ``glued`` tokens ("norco10"), a dose in its glued forms (`_dose_phrases`):
    nothing the visitor typed is read as FTS5 syntax (the words hold only letters, digits
    and underscores, the tokens are the index's own)."""
    glued = glued or {}
    out = []
    for n, parts in enumerate(words):
        if _dose(parts):
            base, *more = _dose_phrases(parts, words[n - 1] if n else (), glued)
            out.append(fts5_either(base, more))
        elif (split := dosed(parts)) is not None:
            prefix, drug, dose = split
            plain, runs = _dose_forms(dose, (drug,), glued)
            out.append(
                fts5_either(
                    " ".join(parts),
                    [" ".join([*prefix, drug, p]) for p in plain[1:]]
                    + [" ".join([*prefix, r]) for r in runs],
                )
            )
        else:
            out.append(fts5_either(" ".join(parts), _fts5_more(parts, glued)))
        if units := unit_forms(parts, words[n - 1] if n else ()):
            out[-1] = "(" + " OR ".join([out[-1], *(f'"{" ".join(u)}"' for u in units)]) + ")"
    return " AND ".join(out)


def _fts5_more(parts: Sequence[str], glued: Mapping[str, Sequence[str]]) -> list[str]:
    """A word's other forms for FTS5: a word of one run run into a number (its ``glued``
    tokens, "norco10"), and a compound's other spelling ("x ray" of "xray": `other_spellings`)."""
    tokens = list(glued.get(fold(parts[0]), ())) if len(parts) == 1 else []
    return tokens + [" ".join(spelling) for spelling in other_spellings(parts)]


def fts5_excluded(
    words: Sequence[Sequence[str]], glued: Mapping[str, Sequence[str]] | None = None
) -> str:
    """Any of the excluded words, each a quoted FTS5 phrase, a word of one run also in its
    ``glued`` tokens ("-norco" leaves out "Norco10/325"). A dose is its phrase alone."""
    glued = glued or {}
    return " OR ".join(fts5_either(" ".join(parts), _fts5_more(parts, glued)) for parts in words)


def _fts5_left_out(query: SearchQuery) -> list[Sequence[str]]:
    """The words left out that FTS5 asks: not numbers, which `search_numbers` checks in
    each letter's row of numbers (the index's "5" is also the half of "0.5"), nor phrases
    holding one, which `search_left_out` leaves out as they are searched."""
    phrases = {parts for parts, _ in phrases_left_out(query)}
    return [parts for parts in query.excluded if not _dose(parts) and parts not in phrases]


def _dose(parts: Sequence[str]) -> bool:
    """A word of numbers alone: a dose ("10/325", "50")."""
    return all(part.isascii() and part.isdecimal() for part in parts)


def dosed(parts: Sequence[str]) -> tuple[tuple[str, ...], str, tuple[str, ...]] | None:
    """A quoted phrase ending in a drug and its dose (`"Norco 10/325"`, `"take Tramadol
    50"`): the words before the drug, the drug `fold`ed, and the dose's numbers; else None.
    Its dose is then found as letters print it (`_dose_forms`), as outside quotes."""
    if len(parts) < 2 or _dose(parts):
        return None
    start = len(parts)
    while _dose(parts[start - 1 :]):
        start -= 1
    drug = fold(parts[start - 1])
    if start == len(parts) or not (drug.isascii() and drug.isalpha()):
        return None
    return tuple(parts[: start - 1]), drug, tuple(parts[start:])


def _dose_phrases(
    parts: Sequence[str], before: Sequence[str], glued: Mapping[str, Sequence[str]]
) -> list[str]:
    """`_dose_forms`, as one list."""
    plain, runs = _dose_forms(parts, before, glued)
    return plain + runs


def _dose_forms(
    parts: Sequence[str], before: Sequence[str], glued: Mapping[str, Sequence[str]]
) -> tuple[list[str], list[str]]:
    """A dose as letters print it, the typed phrase first: its last number also run into
    its unit ("10/325mg": '10' '325mg'), and then, apart, its first run into the drug typed
    before it ("Norco10/325" for "Norco 10/325": 'norco10' '325'; "Tramadol50mg" for
    "Tramadol 50")."""
    last = parts[-1]
    ends = [last, *(t for t in glued.get(last, ()) if t[len(last) :].isalpha())]
    phrases, runs_in = [" ".join([*parts[:-1], end]) for end in ends], []
    if len(before) == 1:
        drug = fold(before[0])
        start = drug + parts[0]
        runs = [
            t
            for t in glued.get(drug, ())
            if t == start or (len(parts) == 1 and t.startswith(start) and t[len(start) :].isalpha())
        ]
        if len(parts) == 1:
            runs_in += runs
        else:
            runs_in += [" ".join([run, *parts[1:-1], end]) for run in runs for end in ends]
    return phrases, runs_in


def with_glued(cursor: Any, vendor: str, query: SearchQuery) -> SearchQuery:
    """``query`` with the words of letters alone that letters also write run into a number
    ("Norco10/325", "Tramadol50mg": one token each to both indexes, "norco10", which the
    word alone did not find), and the last number of each dose with the units letters
    write it with ("325mg"), keyed by the word `fold`ed. The precedent panel's lookup
    (`glued_sql`): on SQLite the index's own tokens; on PostgreSQL the prefixes its GIN
    index holds (`pg_continued`: "norco1" and "norco7" for "norco"; asked for a drug's
    dose too, "norco10m"), for the words its english configuration keeps ("over" asks
    nothing, not "over1")."""
    words = [
        fold(parts[0])
        for parts in (*query.words, *query.excluded)
        if len(parts) == 1 and fold(parts[0]).isascii() and fold(parts[0]).isalpha()
    ]
    numbers = [parts[-1] for parts in (*query.words, *query.excluded) if _dose(parts)]
    for _, drug, dose in filter(None, map(dosed, query.words)):
        words.append(drug)
        numbers.append(dose[-1])
    if not words and not numbers:
        return query
    if vendor == "postgresql":
        found = {**pg_continued(cursor, pg_kept(cursor, words)), **_pg_numbers(cursor, query)}
    else:
        found = {**fts5_glued(cursor, words), **fts5_glued(cursor, numbers, LETTERS)}
    glued = tuple((w, tuple(tokens)) for w, tokens in found.items() if tokens)
    return replace(query, glued=glued)


def _pg_numbers(cursor: Any, query: SearchQuery) -> dict[str, list[str]]:
    """PostgreSQL: the prefixes of each dose's last number run into its unit ("325m"), and
    of its first run into the drug typed before it ("norco10m"; "norco10" itself is a
    lexeme, asked as it is), when the drug is glued to numbers at all."""
    stems, words = [], query.words
    for n, parts in enumerate(words):
        if (split := dosed(parts)) is not None:
            stems += [split[2][-1], split[1] + split[2][0]]
        if not _dose(parts):
            continue
        stems.append(parts[-1])
        before = words[n - 1] if n else ()
        if len(before) == 1 and fold(before[0]).isascii() and fold(before[0]).isalpha():
            stems.append(fold(before[0]) + parts[0])
    stems += [parts[-1] for parts in query.excluded if _dose(parts)]  # "-5": not "5mg" either
    return pg_units(cursor, stems)


def fts5_match(
    query: SearchQuery, *, with_filters: bool = True, tags: Sequence[str] | None = None
) -> str:
    """The words, searched in the text columns only, and the filters' tags (or ``tags``)."""
    parts = []
    glued, excluded = dict(query.glued), _fts5_left_out(query)
    if query.words:
        text = fts5_query(query.words, glued)
        if excluded:
            # FTS5's NOT is binary: what is searched, less the letters holding any excluded.
            text = f"({text}) NOT ({fts5_excluded(excluded, glued)})"
        parts.append("{summary items} : (" + text + ")")
    if tags is None:
        tags = filter_tags(query.filters) if with_filters else []
    if tags:
        quoted = ['"' + t.replace('"', '""') + '"' for t in tags]
        parts.append("tags : (" + " ".join(quoted) + ")")
    matched = " AND ".join(parts)
    if matched and excluded and not query.words:
        # Words only left out, with filters (`search_terms.parse` refuses them without):
        # the filtered letters less those holding any of them.
        left_out = fts5_excluded(excluded, glued)
        return f"({matched}) NOT {{summary items}} : ({left_out})"
    return matched


_PUNCTUATION = frozenset(string.punctuation)


def pg_phrases(query: SearchQuery) -> list[str]:
    """Each searched word as typed from its first to its last letter or digit, its ASCII
    punctuation kept (anything else a space), for phraseto_tsquery: PostgreSQL's parser
    then cuts it as it cut the letters ("L4-5" into 'l4' <-> '-5', "12.5" one number),
    where its runs alone ('l4' & '5') matched other letters and missed these."""
    return _pg_typed(query.text, query.words)


def pg_excluded_phrases(query: SearchQuery) -> list[str]:
    """`pg_phrases` of the words left out."""
    return _pg_typed(query.text, query.excluded, excluded=True)


def _pg_typed(text: str, words: Sequence[Sequence[str]], *, excluded: bool = False) -> list[str]:
    """`pg_phrases` of the searched words (or with ``excluded``, of the excluded ones)."""
    wanted, phrases = list(words), []
    for parts, typed in cut(text, excluded=excluded):
        if not wanted or parts != tuple(wanted[0]):
            continue
        # A slash splits words, as the documents were split (migration 0009); accents are
        # dropped, as they were from the documents (migration 0014); any dash is a hyphen.
        kept = (_pg_kept_character(c) for c in fold(typed))
        phrases.append("".join(kept))
        wanted.pop(0)
    return phrases


def _pg_kept_character(c: str) -> str:
    if unicodedata.category(c) == "Pd":
        return "-"
    return c if (c.isalnum() or c in _PUNCTUATION) and c != "/" else " "


def pg_words(query: SearchQuery) -> tuple[str, list[str]]:
    """The tsquery of the words, all required, each a phrase (`pg_phrases`), a word with
    glued forms (`with_glued`) also found in them: its text, and its parameters."""
    glued, parts, params = dict(query.glued), [], []
    either = "(phraseto_tsquery('english', %s) || to_tsquery('english', %s))"
    # The phrases are in the words' order (a word not found as typed has none, at the end).
    typed = pg_phrases(query)
    for n, (word, phrase) in enumerate(zip(query.words, typed, strict=False)):
        if number := pg_number(word, phrase, query.words[n - 1] if n else (), glued):
            parts.append(number[0])
            params += number[1]
        elif len(word) == 1 and not _dose(word) and fold(word[0]) in glued:
            parts.append(either)
            params += [phrase, pg_prefixes(glued[fold(word[0])])]
        elif (split := dosed(word)) is not None:
            part, more = pg_phrase_with_dose(phrase, *split, glued)
            parts.append(part)
            params += more
        else:
            part, more = _pg_spellings(word, phrase)
            parts.append(part)
            params += more
        before = (query.words[n - 1], typed[n - 1]) if n else ((), "")
        for form in pg_number_forms(word, phrase, *before):
            parts[-1] = f"({parts[-1]} || phraseto_tsquery('english', %s))"
            params.append(form)
    return " && ".join(parts), params


def _pg_spellings(word: Sequence[str], phrase: str) -> tuple[str, list[str]]:
    """`_pg_phrase`, or a compound's other spelling ("x ray" of "xray": `other_spellings`)."""
    part, params = _pg_phrase(phrase)
    for spelling in other_spellings(word):
        part = f"({part} || phraseto_tsquery('english', %s))"
        params.append(" ".join(spelling))
    return part, params


def _pg_phrase(phrase: str) -> tuple[str, list[str]]:
    """A phrase with a dash inside ("L4-5", "C5–C6", pasted with an en dash) both as typed
    with a hyphen and with spaces: PostgreSQL's parser reads "L4-5" as 'l4' '-5' (a
    negative number) but "L4–5" as 'l4' '5', so either spelling had missed the letters
    writing the other (FTS5 splits at both, and finds both)."""
    if "-" not in phrase:
        return "phraseto_tsquery('english', %s)", [phrase]
    return "(phraseto_tsquery('english', %s) || phraseto_tsquery('english', %s))", [
        phrase,
        phrase.replace("-", " "),
    ]


def pg_excluded(query: SearchQuery) -> tuple[str, list[str]]:
    """The tsquery of any of the excluded words, each a phrase as typed (`pg_phrases`), a
    word of letters alone also in its glued forms ("-norco": 'norco1':* ...): its text and
    its parameters. A word the english configuration drops ("-not") asks nothing, and the
    page says it was left out as too common."""
    glued, parts, params = dict(query.glued), [], []
    typed = pg_excluded_phrases(query)
    for word, phrase in zip(query.excluded, typed, strict=False):
        if number := pg_number(word, phrase, (), glued):
            parts.append(number[0])
            params += number[1]
        elif len(word) == 1 and not _dose(word) and fold(word[0]) in glued:
            parts.append("(phraseto_tsquery('english', %s) || to_tsquery('english', %s))")
            params += [phrase, pg_prefixes(glued[fold(word[0])])]
        else:
            part, more = _pg_spellings(word, phrase)
            parts.append(part)
            params += more
    return " || ".join(parts), params


_LEXEME = re.compile(r"[a-z0-9_]+")


def pg_tsquery(query: SearchQuery) -> tuple[str, list[Any]]:
    """The words (each through phraseto_tsquery: `pg_words`) and the filters' lexemes
    (quoted into a tsquery: `pg_filter_tags` gives only letters, digits and "_"), all
    required."""
    parts, params = [], []
    tags = [t for t in pg_filter_tags(query.filters) if _LEXEME.fullmatch(t)]
    if query.words:
        words, phrases = pg_words(query)
        parts.append(words)
        params += phrases
    if query.excluded and (query.words or tags):
        excluded, more = pg_excluded(query)
        if tags:
            parts.append(f"!! ({excluded})")
            params += more
        else:
            # Words the configuration drops ("the -knee") ask nothing, and NOT alone would
            # answer every letter without "knee": they find nothing, as "the" alone does.
            parts[-1] = (
                f"CASE WHEN numnode({words}) = 0 THEN {words} ELSE ({words}) && !! ({excluded}) END"
            )
            params += [*phrases, *phrases, *more]
    if tags:
        parts.append("%s::tsquery")
        params.append(" & ".join(f"'{t}'" for t in tags))
    return " && ".join(parts) or "''::tsquery", params
