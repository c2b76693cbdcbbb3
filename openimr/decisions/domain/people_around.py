"""The names of the people around the worker a summary names ("her husband, Carlos
Mendez,", "the interpreter, Lucia Ferreira,", "Carlos Mendez, her husband,", "Jane Smith,
the claims adjuster,", "her daughter's name is Maria"), and of whom a letter is copied or
addressed to and who signed it ("cc:", "Attn:", "Sincerely,", "Submitted by:").

Why they go: the names of the worker's relatives, employers and household members are
identifiers under HIPAA's Safe Harbor (45 CFR 164.514(b)(2)(i)(A)), and a letter's signer may
be its reviewer, whom no published decision names (LC 4610.6(f)). A name is read word by word
as ``name_reading`` reads it, and ends at a word of a letter's ordinary vocabulary.
Pure functions over text; ``openimr.decisions.deidentify.scrub`` runs them."""

import re
from collections.abc import Container

from openimr.decisions.domain.family_history import (
    BLOOD_RELATIVES,
    one_name_acting,
    relative_named,
    small_names_acting,
)
from openimr.decisions.domain.identifiers import all_known, redact_spans
from openimr.decisions.domain.name_reading import (
    capitals_name,
    is_opening,
    is_ordinary,
    leading_name,
    name_words,
    trailing_name,
)
from openimr.decisions.domain.names_after_verbs import listed_names
from openimr.decisions.domain.role_names import INITIAL, NAME_WORD
from openimr.decisions.domain.unlabelled_names import TITLE, VERB_ROLES, WORKER_ROLES
from openimr.decisions.domain.word_starts import word_starts

# The people around the worker a summary names: "her husband, Carlos Mendez,", "her
# daughter Maria Chen translated", "Dr. Lee's partner, Sam Ortiz,", "the interpreter, Lucia
# Ferreira,". A relative only after a possessive ("her", "his", "'s"), as a family history
# lists diseases after a bare relative ("mother Diabetes"); the others after "the" or "a" too.
_RELATIVE_WORDS = """
    husband wife spouse son daughter mother father sister brother cousin aunt uncle niece
    nephew grandson granddaughter grandmother grandfather stepson stepdaughter boyfriend
    girlfriend fiance fiancé fiancee fiancée mother-in-law father-in-law sister-in-law
    brother-in-law son-in-law daughter-in-law stepmother stepfather stepsister stepbrother
"""
_COMPANION_WORDS = """
    partner supervisor coworker co-worker interpreter friend translator neighbor neighbour
    roommate caregiver landlord manager boss foreman assistant
"""
_RELATIVES = frozenset(_RELATIVE_WORDS.split())
_COMPANIONS = frozenset(_COMPANION_WORDS.split())
# Whose name a colon labels without a possessive ("Husband: John Smith", "Interpreter: Lucia
# Ferreira"): a spouse or a partner and the companions. A blood relative's colon heads a
# family history too ("Mother: Diabetes", "Father: Coronary Artery Disease"): its name is
# read by ``family_history.relative_named``, which tells the two apart.
_LABELLED = _COMPANIONS | frozenset(
    ["husband", "wife", "spouse", "boyfriend", "girlfriend", "fiance", "fiancé"]
)
_POSSESSIVE_BEFORE = re.compile(r"(?i:\b(?:her|his|their|my|our)|['\u2019]s)\s+$")
_ARTICLE_BEFORE = re.compile(r"(?i:\b(?:the|an?))\s+$")
# A title after the role is left to the titled-name rule: "Dr. Lee's partner, Dr. Aisha Bello".
_AFTER_COMPANION = re.compile(
    rf"\s*,?\s*[\"\u201c']?(?!{TITLE})((?:{INITIAL})*{NAME_WORD}(?:\s+(?:{INITIAL})*{NAME_WORD}){{0,3}})"
)
# Whom a letter is copied or addressed to, and who signed it: "cc: Ana Ruiz, Tom Reyes",
# "Attn: Wendy Liang", "Sincerely, Hana Sato". Two name tokens each, as "Attn: Claims" names
# a department.
RECIPIENT_LABELS = frozenset(("cc:", "attn:", "attention:", "sincerely,", "respectfully,"))
# "Submitted by: Jane Smith", "Electronically signed by: ...": a name after "by:" as after "cc:".
RECIPIENT_LABELS |= frozenset(("by:", "regards,"))
# A letter's subject line and salutation: "RE: Maria Garcia", "Dear Maria," (one word
# too, set off by the comma or colon a salutation ends with; "Dear Sir or Madam:" stays).
RECIPIENT_LABELS |= frozenset(("re:", "dear", "c/o", "attn", "from:"))
# The words above as the text's words split at white space show them (a comma after a role,
# a label in any case): one split and a set look-up cost a third of a str.find a word.
# A relative written with a capital ("Her Husband, John Smith") is read as in lower case.
_CLUES = {
    form: w
    for w in _RELATIVES | _COMPANIONS
    for form in (w, w + ",", w + ":", w.title(), w.title() + ",", w.title() + ":", w.upper() + ":")
}
_CLUES |= {form: label for label in RECIPIENT_LABELS for form in (label, label.title())}
_CLUES |= {label.upper(): label for label in RECIPIENT_LABELS}
_CLUES["name"] = _CLUES["name:"] = "name"
# Roles a letter sets after a name, between commas or in parentheses: "Jane Smith, the claims
# adjuster, ...", "Tom Reyes, her attorney, ...", "Carlos Mendez, her husband, ...", "Jane
# Smith (adjuster)": as the text's words show them when the apposition closes after them
# ("adjuster,", "(adjuster)"), looked up with the words above.
_APPOSED_ROLE_WORDS = """
    adjuster adjustor attorney physician therapist nurse examiner manager counsel doctor
    surgeon chiropractor representative paralegal psychologist psychiatrist acupuncturist
    specialist consultant evaluator practitioner clinician reviewer ptp qme
"""
_APPOSED = "apposed:"
_APPOSED_ROLES = frozenset(_APPOSED_ROLE_WORDS.split()) | _RELATIVES | _COMPANIONS
for _role in _APPOSED_ROLES:
    _title = (
        _role.title()
    )  # "Jane Smith, Claims Adjuster," and a signature's "..., Claims Examiner"
    for _form in (_role + ",", _role + ")", "(" + _role + ")", _title, _title + ",", _title + ")"):
        _CLUES.setdefault(_form, _APPOSED + _role)


def replace_people_around_names(text: str, known: Container[str] = ()) -> str:
    """A name after a relative, a co-worker, a supervisor, an interpreter ("her husband,
    Carlos Mendez, drives her", "her son, John, drove her", "the interpreter, Lucia
    Ferreira,"), names of the household and the workplace (45 CFR 164.514(b)(2)(i)(A)), and
    after "cc:", "Attn:", "Attention:", "Sincerely," or "Respectfully," (a letter's signer
    may be its reviewer: LC 4610.6(f)), each name listed → ``[redacted]``. The role is read
    in lower case, as a possessive or an article before it writes it. The name ends at an
    ordinary word ("her son, Spanish-speaking,"); one whose every word is ``known`` is left
    to the known-name rule: run before it. And a name stated as one ("her daughter's name is
    Maria"), and one set off before such a role or a professional's ("Jane Smith, the claims
    adjuster, denied", "Tom Reyes, her attorney,", "Jane Smith (adjuster)")."""
    present = {_CLUES[word] for word in _CLUES.keys() & text.split()}
    if not present:
        return text
    spans = []
    for word in present:
        if word == "name":
            spans += _stated_names(text, known)
        elif word == "dear":
            spans += _salutations(text, known)
        elif word in RECIPIENT_LABELS:
            spans += _recipients(text, word, known)
        elif word.startswith(_APPOSED):
            spans += _apposed_names(text, word.removeprefix(_APPOSED), known)
        else:
            spans += _companions(text, word, known) + _apposed_names(text, word, known)
    return redact_spans(text, spans)


def _companions(text: str, word: str, known: Container[str]) -> list[tuple[int, int]]:
    spans = []
    before = (_POSSESSIVE_BEFORE, _ARTICLE_BEFORE) if word in _COMPANIONS else (_POSSESSIVE_BEFORE,)
    for at in word_starts(text).of(word):
        end = at + len(word)
        if not _whole_word(text, at, end):
            continue
        # One word of a name, before what the person does: "her husband Jose helps".
        if any(p.search(text, max(0, at - 12), at) for p in before):
            span = _companion_name(text, end) or one_name_acting(text, end)
            span = span or small_names_acting(text, end)  # "her friend maria lopez drove"
        elif word in _LABELLED and text.startswith(":", end):
            # Two name tokens, no comma after a colon; or in capitals ("HUSBAND: JOSE TRAN").
            span = _companion_name(text, end + 1) or relative_named(text, end + 1)
            span = span or one_name_acting(text, end + 1)
        elif word in BLOOD_RELATIVES and text.startswith(":", end):
            # "Daughter: Maria Chen", "Daughter: Maria drives", not "Mother: Diabetes".
            span = relative_named(text, end + 1) or one_name_acting(text, end + 1)
        else:
            continue
        if span and not all_known(text, span, known):
            spans.append(span)
    return spans


def _companion_name(text: str, at: int) -> tuple[int, int] | None:
    """The name after the role word ending at ``at``: set off by a comma ("her son, John,"),
    or two name tokens at least, as "her mother Alzheimer dementia" names a disease."""
    found = _AFTER_COMPANION.match(text, at)
    span = found and leading_name(text, *found.span(1))
    if not span and text.startswith(",", at):
        return capitals_name(text, at + 1)  # "her husband, CARLOS MENDEZ, drives"
    if not span:
        return None
    if "," in text[at : span[0]] or len(name_words(text, *span)) >= 2:
        return span
    return None


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1 : start] if start else " "
    after = text[end : end + 1] or " "
    return not (before.isalnum() or before == "-" or after.isalnum() or after == "-")


def _recipients(text: str, label: str, known: Container[str]) -> list[tuple[int, int]]:
    spans = []
    for at in word_starts(text).of(label):
        if label == "re:" and _inside_sentence(text, at):
            continue
        start = at + len(label)
        while text[start : start + 1].isspace():
            start += 1
        capitals = [s for s in _capitals_listed(text, start) if not all_known(text, s, known)]
        spans += listed_names(text, start, known) or capitals or _signer(text, label, start, known)
    return spans


def _inside_sentence(text: str, at: int) -> bool:
    """Whether a word in lower case stands right before ``at`` on its line: "the adjuster RE:
    ACME" writes what a note is about, where a subject line "RE: Maria Garcia" opens its line
    or follows a date or a comma."""
    before = text[max(0, at - 40) : at].rstrip(" \t")
    return before[-1:].islower()


# A sign-off's one word, where the letter ends it (the line, the text or a period after it):
# "Regards, Jane", "Sincerely, Smith." A word a letter signs with for a department stays
# ("Regards, Claims", an ordinary word); "Regards, Jane Smith" is read as a list above.
_SIGN_OFFS = frozenset(("regards,", "sincerely,", "respectfully,"))
# Or the signer with the team they sign for: "Regards, Jane and the team", "Sincerely, Smith
# & the Claims Unit".
_ONE_SIGNER = re.compile(
    rf"({NAME_WORD})(?:,?[ \t]+(?:and|&)[ \t]+the(?:[ \t]+[\w'\u2019-]+){{1,3}})?"
    r"[ \t]*(?:[.!\n\x00]|$)"
)


def _signer(text: str, label: str, at: int, known: Container[str]) -> list[tuple[int, int]]:
    found = _ONE_SIGNER.match(text, at) if label in _SIGN_OFFS else None
    if not found or is_ordinary(found.group(1)) or all_known(text, found.span(1), known):
        return []
    return [found.span(1)]


_SALUTATION = re.compile(
    rf"[ \t]+(?!{TITLE})((?:{INITIAL})*{NAME_WORD}(?:\s+(?:{INITIAL})*{NAME_WORD}){{0,3}})[,:]"
)
# Whom a letter addresses by a role ("Dear Applicant:", "Dear Reviewer,"), not by a name.
_NOT_ADDRESSEES = frozenset(("sir", "madam", "colleague", "colleagues", "team", "all", "friend"))
_NOT_ADDRESSEES |= frozenset([*VERB_ROLES.split(), *WORKER_ROLES.split("|"), "insured"])


def _salutations(text: str, known: Container[str]) -> list[tuple[int, int]]:
    spans = []
    for at in word_starts(text).of("dear"):
        found = _SALUTATION.match(text, at + 4) if text[at] == "D" else None
        words = found.group(1).lower().split() if found else []
        if not found or any(w in _NOT_ADDRESSEES or is_ordinary(w) for w in words):
            continue
        if not all_known(text, found.span(1), known):
            spans.append(found.span(1))
    return spans


def _capitals_listed(text: str, at: int) -> list[tuple[int, int]]:
    """The names in capitals listed from ``at`` ("cc: JANE SMITH, TOM REYES"), each read as
    after a title in capitals (``capitals_name``), parted by commas."""
    spans = []
    while (span := capitals_name(text, at - 1 if at else at)) is not None:
        spans.append(span)
        if not text.startswith(", ", span[1]):
            break
        at = span[1] + 2
    return spans


# A name stated as one, of a person of the case: "her daughter's name is Maria", "the
# patient's husband's name is Carlos Mendez", "his supervisor's name was Dale".
_NAME_OWNERS = _RELATIVES | _COMPANIONS | frozenset(WORKER_ROLES.split("|"))
_NAME_OWNERS |= frozenset(VERB_ROLES.split())
_OWNER_BEFORE = re.compile(
    r"(?i:\b(?:her|his|their|my|our)|\b([\w-]+)['\u2019]s)\s+(?i:(?:first|last|full|given)\s+)?$"
)
# "is", "was" or a colon: "Spouse's name: Jose Tran".
_STATED_NAME = re.compile(
    rf"(?:\s+(?:is|was)|:)\s+(?!{TITLE})((?:{INITIAL})*{NAME_WORD}(?:\s+(?:{INITIAL})*{NAME_WORD}){{0,3}})"
)


def _stated_names(text: str, known: Container[str]) -> list[tuple[int, int]]:
    spans = []
    for at in word_starts(text).of("name"):
        owner = _OWNER_BEFORE.search(text, max(0, at - 30), at)
        if owner is None or (owner.group(1) and owner.group(1).lower() not in _NAME_OWNERS):
            continue
        found = _STATED_NAME.match(text, at + 4)
        span = found and leading_name(text, *found.span(1))
        if span and not all_known(text, span, known):
            spans.append(span)
    return spans


# What stands between a name and the role after it: a comma or a parenthesis, then an
# article or a possessive and up to two words ("the claims", "her treating").
_BEFORE_ROLE = re.compile(
    r"([,(])\s*(?:(?:the|her|his|their|my|our|a|an)\s+)?(?:[\w'\u2019-]+\s+){0,2}$",
    re.IGNORECASE,
)
# What closes an apposition after its role: a comma, a parenthesis, the end of a line or
# of a text ("Signed: Jane Smith, Claims Examiner").
_CLOSING = frozenset((",", ")", "\n", "\x00", ""))
_NAME_BEFORE = re.compile(rf"(?:(?:{INITIAL})*{NAME_WORD}\s+){{0,3}}(?:{INITIAL})*{NAME_WORD}\s*$")


def _apposed_names(text: str, role: str, known: Container[str]) -> list[tuple[int, int]]:
    """The names of two name tokens at least set off before ``role``, which closes the
    apposition (a comma or the parenthesis after it): "In Summary, the physician noted" and
    "the physician, MRI" set off no name."""
    spans = []
    for at in word_starts(text).of(role):
        after = text[at + len(role) : at + len(role) + 1]
        before = _BEFORE_ROLE.search(text, max(0, at - 40), at) if after in _CLOSING else None
        if before is None or (after == ")") != (before.group(1) == "("):
            continue
        name = _NAME_BEFORE.search(text, max(0, before.start() - 100), before.start())
        span = name and trailing_name(text, name.start(), name.end())
        one = span is not None and after == ")" and len(name_words(text, *span)) == 1
        span = _surname_first(text, span) if one and span else span
        if span and (one or len(name_words(text, *span)) >= 2) and not all_known(text, span, known):
            spans.append(span)
    return spans


# A name as a list writes it, its surname first: "Smith, Jane (adjuster)". Only one given
# name before a role in parentheses: "In Fresno, Jane Smith, the adjuster" is a place then
# a name, and "Jane (adjuster)" alone is not read.
_SURNAME_FIRST = re.compile(r"([\w'\u2019-]+),[ \t]+$")


def _surname_first(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The surname written first before the one given name at ``span`` ("Smith, Jane
    (adjuster)"), or the given name alone after a sentence's opening word ("Summary, Jane
    (adjuster)", "In summary, Jane (adjuster)"): that word stays."""
    found = _SURNAME_FIRST.search(text, max(0, span[0] - 40), span[0])
    if found is None:
        return None
    word = found.group(1)
    if is_opening(word.lower()):
        return span
    if is_ordinary(word) or not re.fullmatch(NAME_WORD, word):
        return None
    return found.start(1), span[1]
