"""Names of people and organizations, normalised so that spellings of one party compare equal.

A conflict of interest must be found however the reviewer or the parties wrote a name
(LC 139.5; 8 CCR 9792.10.6): "Acme Insurance Co." and "ACME INSURANCE COMPANY" are one
insurer, "Dr. Ramón Ortega" and "Ramon Ortega MD" one physician. What normalisation cannot
settle is left to the fuzzy comparison in `conflicts`.
"""

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from openimr.core.text import without_invisible

# Letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans(
    {"ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ð": "d"}
)
# Prefix titles come before a name, post-nominals after it; elsewhere they may be names.
# "The" leads an organization's name as often as not ("The Hartford", "The Zenith").
_PREFIX_TITLES = frozenset({"dr", "doctor", "prof", "professor", "mr", "ms", "mrs", "mx", "the"})
# Physicians and the other licensed professionals who request treatment or write a record
# in a workers' compensation case sign with their degrees, fellowships and roles after the
# name ("John Smith, M.D., F.A.C.S.", "Jane Doe, D.C., QME"), and a son or father with
# Jr./Sr. is family all the same (LC 139.5: material familial affiliation).
_POST_NOMINALS = frozenset(
    {"md", "do", "phd", "esq", "dc", "dpm", "dds", "dmd", "od", "psyd", "pharmd", "dpt", "pt"}
    | {"pa", "pac", "np", "npc", "fnp", "rn", "lac", "ot", "otr", "lcsw", "mft", "lmft"}
    | {"facs", "facp", "faaos", "faapmr", "fipp", "qme", "aqme", "mph", "mba", "ms", "msc"}
    | {"jr", "sr", "ii", "iii", "iv"}
)
# Short ones that are also surnames ("Anh Do") or read as initials: dropped only when two
# words remain before them; the longer degrees above are no one's name.
_SURNAME_TOO = frozenset({"do", "dc", "od", "pa", "pt", "ot", "np", "rn", "ms", "ii", "iv"})
_LEGAL_FORMS = frozenset(
    {"inc", "incorporated", "llc", "llp", "lp", "ltd", "corp", "corporation", "co", "company"}
    | {"plc", "pc", "pllc"}
)
_ABBREVIATIONS = {
    "ins": "insurance",
    "svcs": "services",
    "svc": "services",
    "mgmt": "management",
    "assn": "association",
    "med": "medical",
    "natl": "national",
    "intl": "international",
    # Workers' compensation writing shortens these two all the time ("State Comp Ins Fund").
    "comp": "compensation",
    "hosp": "hospital",
    "ctr": "center",
}


def _plain_letters(text: str) -> str:
    # A soft hyphen or zero-width space pasted inside "Ro\u00adberts" shows nothing, so it
    # must not split the name into two words that match no one (core.text).
    visible = without_invisible(text)
    decomposed = unicodedata.normalize("NFKD", visible.casefold().translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# "PA-C", "NP-C": a hyphen before a lone final letter joins a credential, not two names.
_CREDENTIAL_HYPHEN = re.compile(r"-(?=[a-z]\b)")


def _words(text: str) -> list[str]:
    # Dots and apostrophes join ("M.D." is "md", "O'Brien" is "obrien"); other marks split.
    joined = text.replace(".", "").replace("'", "").replace("’", "").replace("&", " and ")
    joined = _CREDENTIAL_HYPHEN.sub("", joined)
    return "".join(c if c.isalnum() else " " for c in joined).split()


def _strip_titles(words: list[str]) -> list[str]:
    start, end = 0, len(words)
    while start < end - 1 and words[start] in _PREFIX_TITLES:
        start += 1
    while end - 1 > start and words[end - 1] in _POST_NOMINALS:
        if words[end - 1] in _SURNAME_TOO and end - 1 - start < 2:
            break
        end -= 1
    return words[start:end]


# A law firm is "Law Offices of Smith & Jones" on one paper and "Smith & Jones" on the next:
# the leading words name no party of their own. Only whole leading phrases ending in "of":
# "Smith Law Firm" keeps its words, or it would be the person "Smith".
_FIRM_WORDS = (("law", "offices", "of"), ("law", "office", "of"), ("law", "firm", "of"))


def _without_firm_words(words: list[str]) -> list[str]:
    start = 1 if words[:1] == ["the"] else 0
    for phrase in _FIRM_WORDS:
        end = start + len(phrase)
        if tuple(words[start:end]) == phrase and len(words) > end:
            return words[end:]
    return words


def _expand(words: list[str]) -> list[str]:
    kept = [_ABBREVIATIONS.get(w, w) for w in words if w not in _LEGAL_FORMS] or words
    if kept and kept[0] == "st":
        kept[0] = "saint"  # only first: "Main St Clinic" is a street, "St. Jude" a saint
    return kept


def _surname_first(text: str) -> list[str] | None:
    """The words of a person's name written surname first, "Smith, John Q." or "Smith Jr.,
    Dr. John, M.D.", in the order of "John Q. Smith", titles off; None for any other name.
    Commas that set off post-nominals only ("John Smith, M.D., F.A.C.S.", "John Smith,
    Jr.") leave one part, a name in its usual order; an organisation's ("Acme, Inc.",
    "Smith, Jones & Co.") is left as written."""
    # Credentials follow a name: a first part of them alone is a surname ("Do, Anh").
    first, *rest = [_words(part) for part in text.split(",")]
    named = [first, *(words for words in rest if words and not set(words) <= _POST_NOMINALS)]
    if len(named) != 2 or not first or _organisation_words(named[0] + named[1]):
        return None
    surname, given = (_strip_titles(words) for words in named)
    return given + surname


# A conflict check normalises the same panel names for party after party (LC 139.5(d)).
@lru_cache(maxsize=1 << 16)
def normalise_name(name: str) -> str:
    """The comparable form of a party's or an affiliation's name: case, accents, invisible
    format characters (a soft hyphen), punctuation, titles (Dr., MD, Esq.), legal forms
    (Inc., LLC, Co.), a law firm's leading "Law Offices of" and common abbreviations (Ins.,
    Svcs., Med.) make no difference; "&" is "and"; a person's name written surname first
    ("Smith, John Q.", as panels and rosters list people) is the name in its usual order,
    so that ``same_person`` meets "John Smith" in it. "Group" is kept: a medical group is a
    different party from its physicians (LC 139.5(d); 8 CCR 9792.10.6)."""
    plain = _plain_letters(name)
    if "," in plain and (reordered := _surname_first(plain)) is not None:
        return " ".join(_expand(reordered))
    words = _strip_titles(_without_firm_words(_words(plain)))
    return " ".join(_expand(words))


# Words no person's name holds but organisations' names do: a name with one of them, a legal
# form or an "&" is an organisation's, which ``same_person`` must not match by its first and
# last words ("Sierra Hospital" is not "Sierra Community Hospital"). Persons' roles hold them
# too: a facility writes the record of a treating provider.
_ORGANISATION_WORDS = frozenset(
    {"hospital", "hospitals", "center", "centre", "clinic", "clinics", "group", "associates"}
    | {"partners", "health", "healthcare", "medical", "pharmacy", "pharmaceuticals", "labs"}
    | {"laboratory", "laboratories", "imaging", "surgery", "surgical", "therapy", "care"}
    | {"rehabilitation", "insurance", "casualty", "mutual", "fund", "trust", "services"}
    | {"management", "administrators", "network", "systems", "solutions", "industries"}
    | {"enterprises", "holdings", "logistics", "construction", "grocers", "market", "farms"}
    | {"transport", "transportation", "manufacturing", "school", "district", "county", "city"}
    | {"department", "university", "college", "foundation", "institute", "agency", "law"}
    | {"firm", "office", "offices", "devices", "company", "corporation", "and"}
)


@lru_cache(maxsize=1 << 16)
def is_organisation(name: str) -> bool:
    """Whether a name as written is an organisation's by its words: a legal form ("Inc."),
    an "&" or "and", or a word such as "Hospital", "Insurance" or "Group". A name without
    one may still be an organisation's; this only keeps ``same_person`` to people."""
    return _organisation_words(_words(_plain_letters(name)))


def organisation_words(words: Iterable[str]) -> bool:
    """``is_organisation`` for the words of a name already normalised (plain, abbreviations
    spelled out, "&" as "and"), without reading the name again: the panel index asks it of
    every name it holds."""
    return _organisation_words(words)


def _organisation_words(words: Iterable[str]) -> bool:
    return any(w in _LEGAL_FORMS or _ABBREVIATIONS.get(w, w) in _ORGANISATION_WORDS for w in words)


def same_person(a: str, b: str) -> bool:
    """Whether two normalised names of people name one person however fully each is written:
    the first and the last words agree, and the middle names, when both give some, agree by
    their initials ("John Albert Smith", "John A Smith" and "John Smith"; not "John B Smith").
    A reviewer who practises with the requesting physician is in conflict however either
    wrote the physician's name (LC 139.5(d); 8 CCR 9792.10.6). For people only: "Valley
    Medical Group" and "Valley Ortho Group" agree first and last and are two parties."""
    left, right = name_tokens(a), name_tokens(b)
    if len(left) < 2 or len(right) < 2 or (left[0], left[-1]) != (right[0], right[-1]):
        return False
    middle_left, middle_right = left[1:-1], right[1:-1]
    initials = [w[0] for w in middle_left] == [w[0] for w in middle_right]
    return not middle_left or not middle_right or initials


def first_and_last(normalised: str) -> str:
    """The first and last words of a normalised name of two words or more, else "": the key
    under which ``same_person`` names meet."""
    words = name_tokens(normalised)
    return f"{words[0]} {words[-1]}" if len(words) >= 2 else ""


def name_tokens(normalised: str) -> tuple[str, ...]:
    """The words of a normalised name, in order."""
    return tuple(normalised.split())
