"""Doses on PostgreSQL: a word of digits alone ("10/325", "12.5") and a quoted phrase ending
in a drug and its dose (`search_match.dosed`), as to_tsquery text the parser reads as it
read the letters: a decimal one number, a number after a dash a negative one
(`search_numbers`), and the forms letters print a dose in (`search_match.with_glued`).
Only digits, folded letters, ``<->``, ``|``, ``:*`` and parentheses are written into the
to_tsquery text; the typed phrases travel as parameters."""

import re
from collections.abc import Mapping, Sequence
from typing import Any

from openimr.decisions.glued_sql import fold, pg_unit
from openimr.decisions.search_numbers import is_decimal, signed
from openimr.decisions.search_numbers import is_number as _dose


def pg_number(
    word: Sequence[str], phrase: str, before: Sequence[str], glued: Mapping[str, Any]
) -> tuple[str, list[str]] | None:
    """A word of digits alone (`search_numbers`): a decimal one number to the parser
    ('12.5'), or one after a dash ("10-12.5": '-12.5'); whole numbers as a dose
    (`_pg_dose`). None for other words, and a dose with a decimal inside ("0.5/325"),
    asked as typed."""
    if not _dose(word) or (_PG_DECIMAL.search(phrase) and not is_decimal(phrase)):
        return None
    if is_decimal(phrase):
        return "to_tsquery('english', %s)", [f"{phrase} | -{phrase}"]
    either = "(phraseto_tsquery('english', %s) || to_tsquery('english', %s))"
    return either, [phrase, _pg_dose(word, before, glued)]


# A dose typed with a decimal inside ("0.5/325") is asked as typed: the parser's own numbers.
_PG_DECIMAL = re.compile(r"\d\.\d")


def pg_phrase_with_dose(
    phrase: str, prefix: Sequence[str], drug: str, dose: Sequence[str], glued: Mapping[str, Any]
) -> tuple[str, list[str]]:
    """A quoted phrase ending in a drug and its dose (`search_match.dosed`): as typed, or
    its words up to the drug followed at once (`tsquery_phrase`) by the dose as letters
    print it (`_pg_dose_forms`), and the words before the drug by the drug run into it. A
    dose holding a decimal (`"Tramadol 37.5"`) is asked as typed, the parser's own number:
    its runs asked apart ('37' <-> '5') had found "Tramadol 37-5"."""
    if _PG_DECIMAL.search(phrase):
        return "phraseto_tsquery('english', %s)", [phrase]
    plain, *runs = _pg_dose_forms(dose, (drug,), glued)
    sql = ["phraseto_tsquery('english', %s)"]
    params = [phrase]
    for words, form in [([*prefix, drug], plain), *((prefix, run) for run in runs)]:
        sql.append("tsquery_phrase(phraseto_tsquery('english', %s), to_tsquery('english', %s))")
        params += [" ".join(words), form]
    return "(" + " || ".join(sql) + ")", params


def _pg_dose(parts: Sequence[str], before: Sequence[str], glued: Mapping[str, Any]) -> str:
    """`_pg_dose_forms`, any of them."""
    return " | ".join(f"({form})" for form in _pg_dose_forms(parts, before, glued))


def _pg_dose_forms(
    parts: Sequence[str], before: Sequence[str], glued: Mapping[str, Any]
) -> list[str]:
    """`search_match._dose_phrases` for PostgreSQL, as to_tsquery text of digits, letters, ``<->``,
    ``|``, ``:*`` and parentheses: the last number or its prefixes the index holds with a
    letter ("325m": `_pg_numbers`), and the first run into the drug typed before it, when
    the drug is written so ("norco10", or its prefixes "norco10m")."""
    # Each number also after a dash ("10-325" is '10' '-325' to the parser: `signed`).
    last = " | ".join([parts[-1], f"-{parts[-1]}", *map(pg_unit, glued.get(parts[-1], ()))])
    forms = [" <-> ".join([*map(signed, parts[:-1]), f"({last})"])]
    if len(before) == 1 and fold(before[0]) in glued:
        start = fold(before[0]) + parts[0]
        if len(parts) == 1:
            forms.append(" | ".join([start, *map(pg_unit, glued.get(start, ()))]))
        else:
            forms.append(" <-> ".join([start, *map(signed, parts[1:-1]), f"({last})"]))
    return forms
