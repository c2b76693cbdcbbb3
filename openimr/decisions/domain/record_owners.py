"""A person's name written as the owner of a record, with nothing else to mark it: "Sam
Ortiz's note of 3/3/2016 was reviewed", "Jane Smith's report". A record of the case is
written by someone who treated the worker or handled the claim, and a published decision
names neither (LC 4610.6(f); 45 CFR 164.514(b)(2)(i)(A)).

What stays: an organization's or a place's record ("Kaiser Permanente's records", "Los
Angeles County's report", "Pain Management's note"), read by its words: a health system's,
a place's or a business's first word (``clinic_names.place_word``), an ordinary word of a
letter, an organization's head word; a party's role as the last word ("Exhibit A.
Applicant's deposition"); one word ("Smith's note") is read only when the case states it.
Pure functions over text; ``openimr.decisions.deidentify.scrub`` runs them."""

import re
from collections.abc import Container

from openimr.decisions.domain.clinic_names import place_word
from openimr.decisions.domain.deidentify import looks_like_organization
from openimr.decisions.domain.identifiers import all_known, redact_spans
from openimr.decisions.domain.name_reading import CALENDAR, is_opening, is_ordinary, name_words
from openimr.decisions.domain.names_after_verbs import ORGANIZATION_HEADS, SYSTEM_WORDS
from openimr.decisions.domain.role_names import INITIAL, NAME_WORD
from openimr.decisions.domain.unlabelled_names import PARTY_ROLES

# The possessive and the record after it: "'s note", "'s progress report", "'s records".
# The apostrophe as a literal, which the pattern's scan finds in C (a class of the two
# apostrophes cost ten times as much); the typographic one only in a text that holds it.
_OWNED_RECORD = re.compile(
    r"'s (?:(?:progress|office|initial|follow-up|consultation|clinic|visit|"
    r"medical|treatment|final|latest|last|prior|recent)\s+)?"
    r"(?:notes?|reports?|letters?|records|evaluations?|consultations?|chart|deposition|"
    r"declaration|testimony|opinion|findings|recommendations?|assessment|request|RFA)\b"
)
_TYPOGRAPHIC = re.compile(_OWNED_RECORD.pattern.replace("'", "\u2019", 1))
# Two to four name tokens right before the possessive, or initials and one ("J. Smith's").
_OWNER = re.compile(
    rf"(?<![\w'\u2019.-])((?:{INITIAL})*{NAME_WORD}(?:\s+(?:{INITIAL})*{NAME_WORD}){{1,3}}"
    rf"|(?:{INITIAL})+{NAME_WORD})$"
)


def replace_record_owners(text: str, known: Container[str] = ()) -> str:
    """A name of two to four words, or initials and a surname, written as a record's owner
    ("Sam Ortiz's note", "Jane Q. Smith's report", "J. Smith's note") → ``[redacted]``, the
    possessive kept. Not an organization's or a place's record; a name whose every word is
    ``known`` is left to the known-name rule: run before it."""
    found_all = list(_OWNED_RECORD.finditer(text))
    if "\u2019" in text:
        found_all += _TYPOGRAPHIC.finditer(text)
    spans = []
    for found in found_all:
        # The word before the possessive written with a capital, checked before the pattern
        # is searched back ("the patient's note", most of them, costs a slice).
        word = found.start()
        while word > 0 and (text[word - 1].isalpha() or text[word - 1] == "-"):
            word -= 1
        if not text[word : word + 1].isupper():
            continue
        owner = _OWNER.search(text, max(0, found.start() - 60), found.start())
        span = owner and _owner(text, owner.span(1))
        if span and not all_known(text, span, known):
            spans.append(span)
    return redact_spans(text, spans)


def _owner(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The span of the person's name that ends ``span``: its words after the last one a
    sentence opens with ("Yesterday", "In"), two tokens at least, none an ordinary word, a
    place's or a system's word, or an organization's head word."""
    words = _after_exhibit(name_words(text, *span))
    while words and (is_opening(words[0][2].lower()) or words[0][2].lower() in CALENDAR):
        words.pop(0)
    lower = [word.lower().rstrip(".") for _, _, word in words]
    # Two words, or initials before one ("J. Smith's note"): a word alone is read only when
    # the case states it.
    full = len([word for word in lower if len(word) > 1])
    if full < 2 and not (full == 1 and len(lower) >= 2 and len(lower[-1]) > 1):
        return None
    # A party's role as the owner names no one, whatever stands before it: "Exhibit A.
    # Applicant's deposition", "Part B Employee's report".
    if lower[-1] in PARTY_ROLES:
        return None
    if looks_like_organization(" ".join(lower)) or any(map(_not_a_persons, lower)):
        return None
    return words[0][0], span[1]


# A record's place in the file, with its letter after it ("Exhibit A. Jane Smith's
# deposition"): the letter is the exhibit's, not the owner's initial.
_EXHIBIT_WORDS = frozenset(("exhibit", "attachment", "appendix", "enclosure", "tab", "part"))


def _after_exhibit(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``words`` without an exhibit's word and its letter before the name."""
    for n, (_, _, word) in enumerate(words[:-1]):
        if word.lower() in _EXHIBIT_WORDS and len(words[n + 1][2].strip().rstrip(".")) == 1:
            return words[n + 2 :]
    return words


# A public body's or a system's words, beside an organization's (``looks_like_organization``):
# "Social Security's letter", "the State Compensation Insurance Fund's letter", "Cedars
# Sinai's records".
_BODY_WORDS = """
    security fund board agency commission division office bureau county city college school
    bank cedars sinai administration court
"""
_BODIES = frozenset(_BODY_WORDS.split())


def _not_a_persons(word: str) -> bool:
    return (
        is_ordinary(word)
        or place_word(word)
        or word in SYSTEM_WORDS
        or word in ORGANIZATION_HEADS
        or word in _BODIES
    )
