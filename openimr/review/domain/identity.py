"""Finding the reviewer's identity in text meant for the parties. The IMRO must keep the
reviewer's name confidential in every communication outside it (LC 4610.6(f); Zuniga v. WCAB,
2018), and a summary or rationale written by the reviewer is where it slips in: a signature,
"in my opinion as Dr. Roe", a license number copied from a form."""

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from openimr.core.text import without_invisible

Found = Literal["name", "identifier"]

_TITLES = r"(?:Dr|Doctor|Prof|Professor)\.?"
_CREDENTIALS = frozenset(
    {"md", "do", "phd", "dc", "dpm", "dds", "pa", "np", "rn", "jr", "sr", "ii", "iii", "iv"}
)
MIN_SURNAME = 4  # shorter surnames ("Roe", "Lee") are ordinary words or other people's names
MIN_IDENTIFIER = 4  # a shorter "identifier" would match any small number in a rationale
MIN_DIGITS = 5  # a license's digits alone identify it; fewer could be a dose or a count
# Letters Unicode does not decompose into a base letter and an accent ("Łukasiewicz").
_LETTERS = str.maketrans(
    {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ı": "i", "ß": "ss"}
    | {"æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe"}
)


@dataclass(frozen=True)
class ReviewerIdentity:
    """What identifies the reviewer: ``names`` as staff know them ("Jane Q. Roe", "Dr. Roe")
    and ``identifiers`` (license number, NPI, e-mail)."""

    names: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()


def _name_words(name: str) -> list[str]:
    words = re.sub(rf"^\s*{_TITLES}\s+", "", name, flags=re.IGNORECASE).split(",")[0].split()
    return [w for w in words if w.replace(".", "").lower() not in _CREDENTIALS]


def _phrase(words: list[str]) -> str:
    # Initials may be written with or without their period: "Jane Q. Roe", "Jane Q Roe".
    return r"\s+".join(re.escape(w.rstrip(".")) + r"\.?" for w in words)


def _name_patterns(name: str) -> Iterator[re.Pattern[str]]:
    words = _name_words(name)
    if not words:
        return
    first, surname = words[0], words[-1].rstrip(".")
    if len(words) > 1:
        yield re.compile(rf"(?<!\w){_phrase(words)}(?!\w)", re.IGNORECASE)
        yield re.compile(rf"(?<!\w){_phrase([first, surname])}(?!\w)", re.IGNORECASE)
        yield re.compile(rf"(?<!\w){re.escape(surname)},\s*{re.escape(first)}(?!\w)", re.IGNORECASE)
    yield re.compile(rf"(?<!\w){_TITLES}\s+{re.escape(surname)}(?!\w)", re.IGNORECASE)
    if sum(c.isalpha() for c in surname) >= MIN_SURNAME:
        # Alone, the surname must be capitalized: a reviewer named Page or Long is not found
        # in "page 99" or "long-term".
        head, rest = re.escape(surname[0].upper()), re.escape(surname[1:])
        yield re.compile(rf"(?<!\w){head}(?i:{rest})(?!\w)")


def _identifier_pattern(identifier: str) -> re.Pattern[str] | None:
    chars = [c for c in identifier if c.isalnum()]
    if len(chars) < MIN_IDENTIFIER:
        return None
    # Spacing and punctuation vary between a form and prose: "A 12345", "A-12345", "a12345".
    body = r"[\W_]*".join(re.escape(c) for c in chars)
    return re.compile(rf"(?<![^\W_]){body}(?![^\W_])", re.IGNORECASE)


def _identifier_patterns(identifier: str) -> Iterator[re.Pattern[str]]:
    if (whole := _identifier_pattern(identifier)) is not None:
        yield whole
    # The number of "CA A 123456" is the license even without its state and letter prefix.
    for run in re.findall(rf"\d{{{MIN_DIGITS},}}", identifier):
        yield re.compile(rf"(?<!\d){run}(?!\d)")


def _plain(text: str) -> str:
    """The text as it reads with its accents and invisible characters taken out, case kept:
    a reviewer recorded as "Núñez" who signs "Nunez" on a keyboard without accents, or a
    soft hyphen pasted inside "Lind\u00adqvist" from a PDF, still names the reviewer."""
    decomposed = unicodedata.normalize("NFKD", without_invisible(text).translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def identity_found(text: str, identity: ReviewerIdentity) -> tuple[Found, ...]:
    """What of the reviewer's identity ``text`` reveals: ``"name"``, ``"identifier"``, both or
    neither (LC 4610.6(f)). Names match case-insensitively as written, as first and last name,
    as "Last, First" and as the surname after a title ("Dr. Roe"); a surname of at least
    ``MIN_SURNAME`` letters also matches alone when capitalized. Identifiers match ignoring
    case, spaces and punctuation, and by any run of ``MIN_DIGITS`` or more of their digits.
    Accents and invisible characters make no difference, in the text or in the name."""
    found: list[Found] = []
    text, names = _plain(text), [_plain(name) for name in identity.names]
    if any(p.search(text) for name in names for p in _name_patterns(name)):
        found.append("name")
    if any(p.search(text) for i in identity.identifiers for p in _identifier_patterns(i)):
        found.append("identifier")
    return tuple(found)
