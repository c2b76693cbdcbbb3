"""A name a sentence about a role ends with, the role far before it: "The adjuster assigned
in March after the transfer of the file is Maria Lopez." The role rule with a verb
(``unlabelled_names.replace_role_verb_names``) reads a name right after "the adjuster is"
or after a phrase set off by commas; a role a phrase describes with no comma left the name.

Why it goes: a published decision names no one who handled the claim or treated the worker
(LC 4610.6(f)), and a person's name is the first identifier of HIPAA's Safe Harbor (45 CFR
164.514(b)(2)(i)(A)).

What keeps ordinary text: the sentence starts with the role ("The adjuster", "Her claims
adjuster") and the words after the role describe it ("assigned", "handling", "for the
applicant", "of record"), so "The physician noted that the diagnosis is Carpal Tunnel
Syndrome" is no such sentence; the name ends the sentence or owns what the role is ("The
examiner assigned in March is Maria Lopez's supervisor."), each of its words written as a
name and none a letter's ordinary word, a source or a health system's. Pure functions."""

import re
from collections.abc import Container

from openimr.decisions.domain.deidentify import sentence_starts_at
from openimr.decisions.domain.identifiers import all_known
from openimr.decisions.domain.name_reading import is_source, leading_name, name_words

# How a sentence opens on a role, and what may describe the role before the verb.
_OPENERS = frozenset(("The", "Her", "His", "Their"))
_DESCRIBING_WORDS = """
    assigned reassigned handling managing responsible listed named designated appointed
    involved working currently now newly new original current in on for of at from with to
"""
_DESCRIBING = frozenset(_DESCRIBING_WORDS.split())
_SENTENCE_ENDS = ".!?;:\n\x00"
_MOST_CHARACTERS = 120
# After the name: the sentence's end, or a possessive before what the role is to the person
# ("is Maria Lopez's supervisor", "is Tom Reyes' assistant"), not another word.
_NAME_ENDS = re.compile(r"\s*(?:[.!?;\x00]|$)|['\u2019]s?[ \t]+[a-z]")


def far_role_name(
    text: str, verb: int, start: int, roles: Container[str], known: Container[str]
) -> list[tuple[int, int]]:
    """The span of the name at ``start`` (after the verb "is" or "was" at ``verb``) when the
    sentence opens on one of ``roles`` described by the words before the verb (LC
    4610.6(f); 45 CFR 164.514(b)(2)(i)(A)), as a list of none or one; a name whose every
    word is ``known`` is left to the known-name rule."""
    if not text.startswith(("is ", "was "), verb):
        return []
    begin = max(text.rfind(end, max(0, verb - _MOST_CHARACTERS), verb) for end in _SENTENCE_ENDS)
    begin = begin + 1 if begin >= 0 else max(0, verb - _MOST_CHARACTERS)
    words = text[begin:verb].split()
    if len(words) < 3 or words[0] not in _OPENERS or "," in text[begin:verb]:
        return []
    role = next((n for n in (1, 2) if words[n].lower() in roles), None)
    if role is None or role + 1 >= len(words) or words[role + 1] not in _DESCRIBING:
        return []
    if not sentence_starts_at(text, text.index(words[0], begin)):
        return []
    span = leading_name(text, start, min(len(text), start + 80))
    if span and text[span[1] - 1] in "'\u2019":  # a bare possessive: "Tom Reyes' assistant"
        span = span[0], span[1] - 1
    if span is None or not _NAME_ENDS.match(text, span[1]) or all_known(text, span, known):
        return []
    tokens = [word for _, _, word in name_words(text, *span)]
    return [] if any(is_source(word.lower()) for word in tokens) else [span]
