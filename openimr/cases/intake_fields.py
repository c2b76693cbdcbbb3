"""The application's fields as every way in takes them (web form, API, batch line, an
imported case's claim number): the types and their rules, each with the law it serves.
Needs no database, as `intake_schema` does not."""

import re
from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field

from openimr.cases.domain.text import is_invisible, unprintable
from openimr.core.text import (
    NAMES_NO_DIAGNOSIS,
    NAMES_NO_ONE,
    TREATMENTS_TOLD_APART,
    letter_or_digit_problem,
)

OptionalText = Annotated[str | None, Field(default=None, max_length=300)]
# An address a letter can be served to by e-mail (LC 4610.6(f)); without one, by mail.
Email = Annotated[
    str | None, Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=254)
]
# A postal address, several lines, for serving a party by mail (8 CCR 9792.10.3; LC
# 4610.6(f)): the employee's and every other party's take the one rule (printable, as all
# text, and at most 500 characters, MAX_ADDRESS in the letters' print queue).
Address = Annotated[
    str | None,
    Field(
        default=None,
        max_length=500,
        description="Postal address (lines apart by line breaks): where the party's notices "
        "and letter are mailed when it gave no e-mail, or its e-mail failed",
    ),
]


def _in_capitals(code: object) -> object:
    # Typed in small letters ("m23.91") it is the same code: CMS's ICD-10-CM basics say a
    # code's letters are not case-sensitive; it is stored in capitals, as the code set prints
    # it. ASCII only: "ı".upper() is "I", and "M23.9ı" is a typo for no code.
    return code.upper() if isinstance(code, str) and code.isascii() else code


# ICD-10-CM: a letter, a digit, a digit or a letter, then up to 4 more after a dot. Any
# letter leads: U is ICD-10-CM's chapter of codes for special purposes, in use since 2020 for
# COVID-19 (U07.1) and post-COVID-19 condition (U09.9), work injuries California law has
# presumed for many workers (LC 3212.86-3212.88).
ICD10 = Annotated[
    str,
    BeforeValidator(_in_capitals),
    Field(pattern=r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$"),
]
# No date on the form can be this old (the records' dates of service have the same floor).
EARLIEST_DATE = date(1900, 1, 1)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _written_as_a_day(value: object) -> object:
    # A date with a time, a timestamp number or a date without dashes once passed for a day.
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        return value
    raise ValueError("must be a valid date written YYYY-MM-DD")


def _not_too_early(day: date) -> date:
    if day < EARLIEST_DATE:
        raise ValueError(f"must not be before {EARLIEST_DATE.isoformat()}")
    return day


Day = Annotated[date, BeforeValidator(_written_as_a_day), AfterValidator(_not_too_early)]


def _holding_a_letter_or_digit(reason: str) -> AfterValidator:
    def check(text: str | None) -> str | None:
        if text and not unreadable(text) and (problem := letter_or_digit_problem(text, reason)):
            raise ValueError(problem)  # unreadable text: `Strict` refuses it in its own words
        return text

    return AfterValidator(check)


# Screening compares claim numbers and treatments by their letters and digits (a repeat, a
# duplicate, a prior review; 8 CCR 9792.10.3(a)(2)): "---" would be every other "...".
_A_CLAIM = _holding_a_letter_or_digit("claims are told apart by them")
A_TREATMENT = _holding_a_letter_or_digit(TREATMENTS_TOLD_APART)
# A name is who a notice is served on and whom a reviewer may have no tie to (LC 4610.6(f);
# LC 139.5(d)); a diagnosis is the condition the reviewer is chosen to know (LC 139.5), as
# DWC Form IMR asks it (8 CCR 9792.10.2): "..." or an accent alone names neither.
_A_NAME = _holding_a_letter_or_digit(NAMES_NO_ONE)
A_DIAGNOSIS = _holding_a_letter_or_digit(NAMES_NO_DIAGNOSIS)
Name = Annotated[str, Field(min_length=1, max_length=300), _A_NAME]
OptionalName = Annotated[str | None, Field(default=None, max_length=300), _A_NAME]
# The application's claim number and an imported case's (`import_claim`), one rule: one line
# (a notice prints it, /status/ takes it so), no tab or other control character.
ClaimNumber = Annotated[
    str, Field(min_length=1, max_length=60, pattern=r"^[^\x00-\x1f\x7f-\x9f]*$"), _A_CLAIM
]


def unreadable(text: str) -> str | None:
    # Text is printed on the notices served: it must read as it was meant (domain.text).
    wrong = unprintable(text)
    return wrong or ("has no visible character" if text and is_invisible(text) else None)
