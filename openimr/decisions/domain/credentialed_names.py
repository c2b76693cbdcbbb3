"""Names written with a credential after them ("seen by Amanda Choi, PA-C", "signed by J.
Patel MD", "Okafor, M.D."), or a professional title before them ("Nurse Practitioner Kim
Lee", "CLAIMS ADJUSTER MARIA LOPEZ"): the name goes, the credential and the title stay.

Why they go: a published decision names no one who treated the worker, handled the claim or
reviewed it (LC 4610.6(f)), and the names of the people around the worker are identifiers
under HIPAA's Safe Harbor (45 CFR 164.514(b)(2)(i)(A)). A name is read word by word as
`name_reading` reads it, and ends at a word of a letter's ordinary vocabulary.
Pure functions over text; ``openimr.decisions.deidentify.scrub`` runs them."""

import re
from collections.abc import Container

from openimr.decisions.domain.deidentify import UPPER
from openimr.decisions.domain.identifiers import all_known, redact_spans
from openimr.decisions.domain.name_reading import (
    CALENDAR,
    CREDENTIAL_SET,
    CREDENTIALS,
    SURNAME_WORDS,
    capitals_name,
    is_ordinary,
    leading_name,
    name_words,
    surname_word_name,
    trailing_name,
    word_before_act,
)
from openimr.decisions.domain.names_after_verbs import SYSTEM_WORDS
from openimr.decisions.domain.role_names import INITIAL, NAME_WORD
from openimr.decisions.domain.unlabelled_names import PARTY_ROLES
from openimr.decisions.domain.word_starts import word_starts

# Credentials written after a name (``CREDENTIALS``), as a letter signs or cites a
# clinician, and titles written before one ("Nurse Practitioner Kim Lee").
# Credentials that are also words of a letter ("Lyrica, PA pending": prior authorization;
# "Norco, DC'd": discontinued; "DO NOT"; "Norco, PT and OT"): two name tokens before them,
# no capital after.
_AMBIGUOUS = frozenset(("PA", "DC", "DO", "PT", "OT"))
_AMBIGUOUS_DOTTED = ("P.T.", "O.T.", "P.A.")
_TITLES: tuple[str, ...] = ("Nurse Practitioner", "Physician Assistant", "Physician's Assistant")
_TITLES += ("Nurse Case Manager", "Case Manager", "Claims Adjuster", "Claims Examiner")
_TITLES += ("Nurse", "Attorney", "Adjuster", "Therapist", "Chiropractor", "Counselor")
# A title in capitals, as a form or a heading writes it ("CLAIMS ADJUSTER MARIA LOPEZ").
_TITLES += tuple(title.upper() for title in _TITLES if title.isascii() and "'" not in title)
# And as a sentence starts with one ("Case manager Jane Smith's note", "Claims adjuster ...").
_TITLES += tuple(t[0] + t[1:].lower() for t in _TITLES if " " in t and not t.isupper())
_TITLE_SET = frozenset(_TITLES)
# Clinicians' roles a letter writes as abbreviations, which no credential rule reads ("the
# PT", "the PTP"), and the credentials that also stand for a role after "the" ("the NP").
_ROLE_ABBREVIATIONS = ("PTP", "QME", "AME", "NCM")
_ABBREVIATED_ROLES = frozenset((*_ROLE_ABBREVIATIONS, "PT", "OT", "NP", "FNP", "PA", "PA-C", "RN"))
_ABBREVIATED_ROLES |= frozenset(("LVN", "DC", "MD", "DO", "DPT", "LCSW", "MFT"))
_ABBREVIATED_ROLES |= frozenset(("N.P.", "P.A.", "P.T.", "O.T.", "R.N.", "M.D.", "D.C."))


def _first_letter_alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    """The words as one pattern of plain strings grouped by first letter, longest first
    ("M(?:\\.D\\.|FT|D)|..."): such a pattern is scanned by its first letters in C and tries
    one group where one matches, a fifth of the cost of the words alternated one by one."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return re.compile("|".join(f"{re.escape(k)}(?:{'|'.join(v)})" for k, v in groups.items()))


# Both in one scan; a boundary around a match is checked after.
_MARKS = _first_letter_alternation(CREDENTIALS + _TITLES + _ROLE_ABBREVIATIONS)
# Up to four name tokens (and a comma) right before a credential, read in a window of text.
_BEFORE_CREDENTIAL = re.compile(
    rf"((?:(?:{INITIAL})*{NAME_WORD}\s+){{0,3}}(?:{INITIAL})*{NAME_WORD})(,?)\s+$"
)
_WINDOW = 100
_AFTER_TITLE = re.compile(rf"\s+((?:{INITIAL})*{NAME_WORD}(?:\s+(?:{INITIAL})*{NAME_WORD}){{0,2}})")


def replace_credentialed_names(text: str, known: Container[str] = ()) -> str:
    """A name written with a credential after it ("Amanda Choi, PA-C", "J. Patel MD",
    "Okafor, M.D.") or a professional title before it ("Nurse Practitioner Kim Lee",
    "Case Manager Wendy Liang") → ``[redacted]``; the credential and the title stay (LC
    4610.6(f); 45 CFR 164.514(b)(2)(i)(A)). Without a comma, a credential needs two name
    tokens before it ("Daily RN" is a service); a nurse's or a physician assistant's
    credential may stand before two ("PA-C Amanda Choi"). A name whose every word is
    ``known`` is left to the known-name rule ("the treating physician, MD"): run before it,
    so a name the case states in part goes whole."""
    spans = []
    for mark in _MARKS.finditer(text):
        start, end = mark.span()
        after = text[end : end + 1]
        if (start and text[start - 1].isalnum()) or after.isalnum() or after == "-":
            continue  # part of a word: "DOB" holds no "DO", "PA-X" no "PA"
        word = mark.group(0)
        if word in _TITLE_SET:
            found = _AFTER_TITLE.match(text, end)
            span = (found and leading_name(text, *found.span(1))) or capitals_name(text, end)
            span = span or surname_word_name(text, end)  # "ATTORNEY CALL denied"
        elif word in _ABBREVIATED_ROLES and text.startswith(":", end):
            span = _labelled_name(text, end + 1)
        elif word in _ABBREVIATED_ROLES and _DETERMINER_BEFORE.search(
            text, max(0, start - 8), start
        ):
            span = _abbreviated_role_name(text, end)
        elif word in _ROLE_ABBREVIATIONS:
            span = _name_after_abbreviation(text, end)  # "the panel QME Hana Sato found"
        else:
            span = _credentialed(text, start) or _credential_before(text, word, end)
        if span and not all_known(text, span, known):
            spans.append(span)
    spans += [span for span in _names_before_acts(text) if not all_known(text, span, known)]
    return redact_spans(text, spans)


# Roles a text writes in lower case before one word of a name and what the person did: "per
# adjuster BROWN called", "the attorney Call objected", "the case manager Day phoned"; the
# roles the automaton of ``word_starts`` finds already ("manage" of "manager").
_LOWER_ROLES: tuple[str, ...] = (
    "adjuster",
    "adjustor",
    "attorney",
    "examiner",
    "nurse",
    "therapist",
    "counsel",
)
_LOWER_ROLES += ("paralegal", "chiropractor", "physician", "surgeon", "manage")
# Each with the length of the role it stands for ("manage" for "manager").
_LOWER_ROLE_SIZES = tuple((role, len(role) + (role == "manage")) for role in _LOWER_ROLES)
# Capitals a letter writes before a verb or a comma that name no one ("the attorney QME
# requested", "per physician RFA, 12 visits"): its roles, tests, guidelines and benefits.
ACRONYMS = frozenset(("QME", "AME", "PTP", "MRI", "EMG", "NCV", "CT", "UR", "IMR", "ER", "ESI"))
ACRONYMS |= frozenset(("MTUS", "ODG", "ACOEM", "RFA", "DWC", "WCAB", "TENS", "DME", "MMI"))
ACRONYMS |= frozenset(("NSAID", "NSAIDS", "TTD", "TPD", "PR-2", "DFR", "HEP", "ROM", "NCS"))
ACRONYMS |= frozenset(("CBT", "FRP", "PRP", "IME", "MPN", "WPI", "ADL", "ADLS", "NCM", "PT"))
ACRONYMS |= frozenset(("HR", "PD", "TBD", "UNK", "NA"))


def _names_before_acts(text: str) -> list[tuple[int, int]]:
    """The one word of a name between a role in lower case and the person's act ("per
    adjuster BROWN called", "the attorney White objected"): not an ordinary word but one that
    is also a surname (``SURNAME_WORDS``), a credential, an acronym or a day."""
    of = word_starts(text).of
    # One comprehension over the roles' places, a capital after the role first: "the
    # physician noted" (nearly every place) costs a slice and a test.
    places = [
        (at, at + size)
        for role, size in _LOWER_ROLE_SIZES
        for at in of(role)
        if text[at + size + 1 : at + size + 2].isupper()
    ]
    spans = []
    for at, end in places:
        manager = text[end - 1] == "r" or not text.startswith("manage", at)  # "managed" no
        if text[at].islower() and manager:
            found = word_before_act(text, end) or _set_off_word(text, at, end)
            if found is not None and _names_one(found.group(1)):
                spans.append(found.span(1))
    return spans


# One word after a role in lower case, set off by a comma, a semicolon, a parenthesis or a
# sentence's end ("per adjuster BROWN, the claim was accepted", "the adjuster Brown; the
# claim ..."): an apposition that names the person of the role.
_CLAIMS_ROLES = ("adjust", "examiner", "attorney", "counsel", "paralegal", "manage")
_TITLE_ABBREVIATIONS = frozenset(("dr", "mr", "ms", "mx", "prof", "sr", "sra", "st"))
_SET_OFF = re.compile(rf"\s+([{UPPER}][\w'\u2019-]+)(?=[,;)]|\.(?:\s|$))")


def _set_off_word(text: str, role: int, at: int) -> re.Match[str] | None:
    """The word set off after the role (``role`` to ``at``), on no list ("the physician
    Norco, Soma and Lyrica", "the physician MRI, EMG" list drugs and tests): written as a
    name ("Brown,"), or in capitals ("BROWN,") after a claims role only, as a clinician's
    role stands before a procedure's capitals ("per the surgeon TKA, the knee ...")."""
    found = _SET_OFF.match(text, at)
    if found is None or found.group(1).lower().rstrip("s") in _TITLE_ABBREVIATIONS:
        return None  # "the physician Dr. Smith": the titled-name rule reads the name
    if _LIST_GOES_ON.match(text, found.end()):
        return None
    if found.group(1).isupper():
        return found if text.startswith(_CLAIMS_ROLES, role) else None
    return found if any(c.islower() for c in found.group(1)) else None


def _names_one(word: str) -> bool:
    lower, upper = word.lower(), word.upper()
    if lower in CALENDAR or upper in CREDENTIAL_SET or upper in ACRONYMS or lower in PARTY_ROLES:
        return False  # a party's role: "the attorney APPLICANT'S ATTORNEY objected"
    return lower in SURNAME_WORDS or not is_ordinary(word)


def _credentialed(text: str, at: int) -> tuple[int, int] | None:
    """The name before the credential at ``at``, after white space: with a comma, or two
    name tokens ("J. Patel MD", "Jane Doe (PA-C)": the credential may stand in parentheses)."""
    ambiguous = text[at : at + 2] in _AMBIGUOUS and text[at + 2 : at + 3] != "."
    ambiguous = ambiguous or text.startswith(_AMBIGUOUS_DOTTED, at)  # "Norco, P.T. and O.T."
    start = at - 1 if text[at - 2 : at] in (" (", "\n(") else at
    if not text[start - 1 : start].isspace() or (ambiguous and _word_after(text, at + 2)):
        return None
    if not _capital_before(text, start):
        return None  # "for PT", "of MD": no name ends before it (checked before the pattern)
    found = _BEFORE_CREDENTIAL.search(text, max(0, start - _WINDOW), start)
    if not found:
        return None
    span = trailing_name(text, *found.span(1))
    if span is None or ((ambiguous or not found.group(2)) and len(name_words(text, *span)) < 2):
        return None
    return span


def _capital_before(text: str, at: int) -> bool:
    """Whether the word before ``at`` (white space and a comma between) starts with a
    capital, as a name's last word or initial does."""
    end = at
    while end > 0 and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".'\u2019-"):
        start -= 1
    return text[start : start + 1].isupper()


# "The", a possessive pronoun or a possessive before a role's abbreviation: "The PT", "her
# NP", "the patient's PA-C" stand for a person, where a list writes "PT, OT, Norco".
_DETERMINER_BEFORE = re.compile(r"(?i:\b(?:the|her|his|their|my|our)|['\u2019]s)\s+$")
_AFTER_ABBREVIATION = re.compile(
    rf"(,?)\s+((?:{INITIAL})*{NAME_WORD}(?:\s+(?:{INITIAL})*{NAME_WORD}){{0,2}})"
)
# What goes on a list after an item set off by a comma: "and", "or", another item.
_LIST_GOES_ON = re.compile(rf",\s*(?:(?:and|or|&)\b|[{UPPER}\d])")


def _abbreviated_role_name(text: str, end: int) -> tuple[int, int] | None:
    """The name after a role's abbreviation ending at ``end`` ("The PT, Jane Smith,
    documented"): two name tokens, or one set off by commas ("The PT, Smith, noted"); not an
    item of a list ("the PT, Norco, and Lyrica", "the PT, Terocin Lotion, Norco")."""
    found = _AFTER_ABBREVIATION.match(text, end)
    span = leading_name(text, *found.span(2)) if found else None
    if not found or not span or _LIST_GOES_ON.match(text, span[1]):
        return None
    if len(name_words(text, *span)) >= 2:
        return span
    return span if found.group(1) and text.startswith(",", span[1]) else None


def _name_after_abbreviation(text: str, at: int) -> tuple[int, int] | None:
    """The name right after a role's abbreviation ending at ``at`` with no determiner
    before it ("the panel QME Hana Sato found", "NCM Wendy Liang called"): two name tokens
    at least, and the capitalized words after it all of the name, as "QME Panel Request"
    and "PTP Progress Report" name a record."""
    found = _AFTER_TITLE.match(text, at)
    span = leading_name(text, *found.span(1)) if found else None
    if not found or not span or span[1] != found.end(1) or _CAPITAL_AFTER.match(text, span[1]):
        return None
    if text[span[0] : span[1]].split(None, 1)[0].lower() in SYSTEM_WORDS:
        return None  # "Per PTP Kaiser Permanente, ..." names a health system
    return span if len(name_words(text, *span)) >= 2 else None


_CAPITAL_AFTER = re.compile(rf"\s+[{UPPER}]")


def _labelled_name(text: str, at: int) -> tuple[int, int] | None:
    """The name after a role's abbreviation and its colon ending at ``at`` ("PT: Jane Smith",
    "NP: JANE SMITH"): two name tokens at least, and the capitalized words after the colon
    all of the name, as "PT: Aquatic Therapy" and "PT: Home Exercise Program" head a
    treatment."""
    found = _AFTER_TITLE.match(text, at)
    span = leading_name(text, *found.span(1)) if found else None
    if found and span and span[1] == found.end(1) and len(name_words(text, *span)) >= 2:
        return span
    capitals = capitals_name(text, at)
    return capitals if capitals and len(text[capitals[0] : capitals[1]].split()) >= 2 else None


# Credentials a record also writes before a name ("PA-C Amanda Choi", "RN Jane Doe"); not
# MD, which starts a hospital's name ("MD Anderson").
_BEFORE_NAME = frozenset(("PA-C", "PA", "FNP", "FNP-C", "NP", "RN", "LVN", "LCSW", "DPT"))


def _credential_before(text: str, credential: str, end: int) -> tuple[int, int] | None:
    """The name after a credential written before it: two name tokens at least, as "RN
    Case Manager" and "LVN Wound Care" name a service."""
    if credential not in _BEFORE_NAME:
        return None
    found = _AFTER_TITLE.match(text, end)
    span = found and leading_name(text, *found.span(1))
    return span if span and len(name_words(text, *span)) >= 2 else None


def _word_after(text: str, at: int) -> bool:
    """Whether ``at`` is followed by an apostrophe ("DC'd") or a space and a capital ("DO
    NOT", "PA REQUIRED"), as a name's credential is not."""
    after = text[at : at + 2]
    return after[:1] in ("'", "\u2019") or (after[:1] == " " and after[1:].isupper())
