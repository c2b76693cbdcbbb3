"""Names a text marks without a label or a title the other rules read: after a role and a
verb ("her case manager is Dana Whitfield", "the adjuster, who is Maria Lopez, ..."), after
"seen by" and the like ("seen by Ana Ruiz and Tom Reyes"), after a relative's or a
co-worker's role ("her husband, Carlos Mendez,"), after a letter's "cc:", "Attn:" or
"Sincerely,". Names before a credential or after a professional title are
`credentialed_names`', which reads a name with this module's word functions.

Why they go: a published decision names no one who treated the worker, handled the claim or
reviewed it (LC 4610.6(f) for the reviewer; Civil Code 56.10 for the worker's medical
information), and the names of the people around the worker are identifiers under HIPAA's
Safe Harbor (45 CFR 164.514(b)(2)(i)(A)), which also asks that nothing left is known to
identify the worker ((b)(2)(ii)).

What keeps ordinary text as it is: a name word is written as one (a capital, then a lower-case
letter: "MTUS" is none), a word of a letter's ordinary vocabulary (a specialty, a guideline,
a record's kind, a clinical or descriptive word: ``NOT_A_NAME``) ends the name, and each
rule starts only at its marker (a role word, a credential, a title), found by str.find.
Pure functions over text; ``openimr.decisions.deidentify.scrub`` runs them."""

import re
from collections.abc import Container, Iterator

from openimr.decisions.domain.deidentify import UPPER
from openimr.decisions.domain.identifiers import all_known, redact_spans
from openimr.decisions.domain.role_names import INITIAL, NAME_WORD, ORDINARY
from openimr.decisions.domain.word_starts import word_starts

_TOKEN = re.compile(rf"{INITIAL}|{NAME_WORD}")
_TITLE = r"(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof)\b"
# Capitalized words after a role, before a credential or after a title that start or end
# no name: how a letter describes a person ("is Board Certified", "was Hispanic"), the words
# that start a sentence ("Per", "Given"), services ("Daily RN", "Home Health").
_NOT_A_NAME_WORDS = """
    board certified licensed fellowship trained fee schedule case manager claims daily home
    visit visits hours per given seen signed reviewed dear attn by from to the and also not
    no yes status post right left bilateral hispanic latino latina caucasian white black
    asian african american spanish english chinese korean vietnamese armenian filipino
    mexican russian male female married single retired employed unemployed currently still
    now able unable positive negative official disability mtus odg acoem american college
    california state workers compensation appeals administrator unknown pending none
    requesting treating primary same new other previous prior former current triage aide
    urgent care emergency room medi medicare medicaid outpatient inpatient rehab ear nose
    throat ur imr decision
    letter service services staff line call patch responsible terminated injured released
    discharged referred scheduled treated evaluated approved denied modified authorized
    last first next year month week day
"""
NOT_A_NAME = ORDINARY | frozenset(_NOT_A_NAME_WORDS.split())


def name_words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The name tokens (initials and name words) of ``text[start:end]``, with their spans."""
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, start, end)]


# Endings of a service's or a specialty's word that end no one's name: "Neuroradiology",
# "Pediatrics", "Functional Restoration", "Interventional", "Psychiatric" ("-ic" alone is
# a name's too: Dominic, Cedric).
_ORDINARY_ENDINGS = ("ology", "ologist", "ological", "ics", "ation", "ations", "ional", "iatric")


def is_ordinary(word: str) -> bool:
    # A compound reads by its first part: "Spanish-speaking", "Board-certified".
    lower = word.lower().rstrip(".,").split("-", 1)[0]
    if lower in NOT_A_NAME or lower.removesuffix("s") in NOT_A_NAME:
        return True
    return lower.endswith(_ORDINARY_ENDINGS)


def leading_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the name tokens of ``text[start:end]`` before its first ordinary word, a
    possessive left out ("Dana Whitfield's note" keeps "'s note"); None if no name word."""
    kept = []
    for token in name_words(text, start, end):
        if is_ordinary(token[2]):
            break
        kept.append(token)
    return _span(kept)


def trailing_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the name tokens of ``text[start:end]`` after its last ordinary word."""
    kept: list[tuple[int, int, str]] = []
    for token in name_words(text, start, end):
        kept = [] if is_ordinary(token[2]) else [*kept, token]
    return _span(kept)


def _span(tokens: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    if not any(len(word) > 1 and word[1] != "." for _, _, word in tokens):
        return None  # initials alone are no name
    start, end, last = tokens[0][0], tokens[-1][1], tokens[-1][2]
    if last.endswith(("'s", "\u2019s")):
        end -= 2
    return start, end


# Roles a name may follow with a verb between; the worker's roles (patient, applicant, ...)
# only with two name words at least, as "The patient is Hispanic" describes the worker.
_VERB_ROLES = """
    physician doctor surgeon provider therapist chiropractor practitioner nurse adjuster
    adjustor examiner attorney counsel lawyer manager representative paralegal reviewer ptp
    qme ame evaluator specialist consultant psychologist psychiatrist employer
"""
_WORKER_ROLES = "patient|applicant|claimant|employee|worker"
# The role, and what may stand between it and the verb ("the adjuster, who is", "the case
# manager has been", "a case manager named"), read back from the verb.
_ROLE_BEFORE_VERB = re.compile(
    rf"(?i:\b(?:({'|'.join(_VERB_ROLES.split())})|({_WORKER_ROLES})))"
    r"(?:\s*,?\s+who)?(?:\s+(?:has|had|is|was))?\s+$"
)
_VERBS = ("is", "was", "been", "named", "called")
_AFTER_VERB = re.compile(
    rf"(?!{_TITLE})((?:{INITIAL})*{NAME_WORD}(?:\s+(?:{INITIAL})*{NAME_WORD}){{0,3}})"
)


def replace_role_verb_names(text: str, known: Container[str] = ()) -> str:
    """A name written after a role and a verb: "her case manager is Dana Whitfield", "the
    adjuster, who is Maria Lopez, ...", "the PTP was Hana Sato", "a case manager named ..."
    → ``[redacted]`` (LC 4610.6(f); 45 CFR 164.514(b)(2)(i)(A)). The name ends at an
    ordinary word ("is Board Certified" names no one); a title after the verb is left to the
    titled-name rule, a name whose every word is ``known`` (the case's name words, lower
    case) to the known-name rule, which writes its role word: run before both."""
    spans = []
    for verb, start in _verbs_before_capitals(text):
        role = _ROLE_BEFORE_VERB.search(text, max(0, verb - 60), verb)
        found = role and _AFTER_VERB.match(text, start)
        span = found and leading_name(text, *found.span(1))
        least = 1 if role and role.group(1) else 2
        if span and len(name_words(text, *span)) >= least and not all_known(text, span, known):
            spans.append(span)
    return redact_spans(text, spans)


def _verbs_before_capitals(text: str) -> Iterator[tuple[int, int]]:
    """(where the verb starts, where the capital after it is) of each verb of ``_VERBS``
    after white space and before white space and a capital: a few scans by str.find, as a
    verb followed by a capital is rare in a letter (a pattern would try every position)."""
    for space in " \n" if "\n" in text else " ":
        for verb in _VERBS:
            needle = space + verb
            at = text.find(needle)
            while at >= 0:
                end = at + len(needle)
                start = end
                while text[start : start + 1].isspace():
                    start += 1
                if start > end and text[start : start + 1].isupper():
                    yield at + 1, start
                at = text.find(needle, end)


# Who saw, treated or signed for the worker, after "by": "She was seen by Ana Ruiz and Tom
# Reyes", "evaluated by Karen Liu, and then by Paul Novak" ("then by" goes on a list that
# words between left: "seen by Urgent Care on 2/2/2016 and then by Ana Ruiz"). Two name
# tokens at least, as "seen by Orthopedics" names a service; a list goes on after "and", a
# comma, "then by".
_BY_VERB_WORDS = """
    seen evaluated examined treated signed prepared dictated performed interpreted then
    submitted authored written completed reviewed approved denied modified ordered requested
    report note notes evaluation letter consultation examination
"""
BY_VERBS = frozenset(_BY_VERB_WORDS.split())
# The last word of an organization's name: what a person's name never ends with.
_HEAD_WORDS = """
    associates group clinic clinics center centre centers institute hospital program
    programme lab labs laboratory laboratories team staff department network partners
    foundation practice services inc llc
"""
ORGANIZATION_HEADS = frozenset(_HEAD_WORDS.split())
# Capitalized words and initials, parted by spaces only (a line break ends a name).
CAPITALIZED_RUN = re.compile(
    rf"(?:[{UPPER}]\.|[{UPPER}][\w'\u2019&-]*)(?: +(?:[{UPPER}]\.|[{UPPER}][\w'\u2019&-]*))*"
)
_NEXT_IN_LIST = re.compile(
    r"(?:\s*,)?\s+and\s+(?:then\s+)?(?:by\s+)?|\s*,\s+(?:then\s+)?(?:by\s+)?"
)


def replace_names_after_by(text: str, known: Container[str] = ()) -> str:
    """The names after "seen by", "evaluated by", "examined by", "treated by", "signed by",
    "prepared by", "dictated by", "performed by", "interpreted by", "submitted by",
    "reviewed by", "denied by" and the like, and after "referred to", each name and those
    listed after it → ``[redacted]`` (LC 4610.6(f); 45 CFR 164.514(b)(2)(i)(A)). A name
    ends at an ordinary word ("seen by Pain Management" names no one); one whose every word
    is ``known`` is left to the known-name rule: run before it."""
    spans = []
    at = text.find(" by ")
    while at >= 0:
        before = text[max(0, at - 12) : at].rsplit(None, 1)[-1:]
        if before and before[0].lower() in BY_VERBS and text[at + 4 : at + 5].isupper():
            spans += _listed_names(text, at + 4, known)
        at = text.find(" by ", at + 4)
    # "referred to John Smith": "referred" is found in the pass that finds the rules' words.
    for at in word_starts(text).of("referred"):
        if text.startswith(" to ", at + 8) and text[at + 12 : at + 13].isupper():
            spans += _listed_names(text, at + 12, known)
    return redact_spans(text, spans)


def _listed_names(text: str, at: int, known: Container[str]) -> list[tuple[int, int]]:
    """The spans of the names listed from ``at``, two name tokens each at least. Words that
    run on in capitals to an organization's head word ("Kaiser Permanente Medical Group",
    "Neurodiagnostic Associates", "Walk In Clinic") name a service, not a person: they stay,
    and the list goes on after them ("by Sports Chiropractic Group and by Tom Reyes"). A
    name before a service's words ("Ana Ruiz Physical Therapy") still goes."""
    spans = []
    while item := CAPITALIZED_RUN.match(text, at):
        span = leading_name(text, *item.span())
        service = item.group(0).rsplit(None, 1)[-1].lower() in ORGANIZATION_HEADS
        if span and len(name_words(text, *span)) >= 2 and not service:
            if not all_known(text, span, known):
                spans.append(span)
            end = span[1]
        elif span is None or service:
            end = item.end()  # a service, or words no name starts with
        else:
            break  # one name word: "seen by Orthopedics Today"
        gap = _NEXT_IN_LIST.match(text, end)
        if gap is None:
            break
        at = gap.end()
    return spans


# The people around the worker a summary names: "her husband, Carlos Mendez,", "her
# daughter Maria Chen translated", "Dr. Lee's partner, Sam Ortiz,", "the interpreter, Lucia
# Ferreira,". A relative only after a possessive ("her", "his", "'s"), as a family history
# lists diseases after a bare relative ("mother Diabetes"); the others after "the" or "a" too.
_RELATIVE_WORDS = """
    husband wife spouse son daughter mother father sister brother cousin aunt uncle niece
    nephew grandson granddaughter grandmother grandfather stepson stepdaughter boyfriend
    girlfriend fiance fiancé fiancee fiancée
"""
_COMPANION_WORDS = """
    partner supervisor coworker co-worker interpreter friend translator neighbor neighbour
    roommate caregiver landlord
"""
_RELATIVES = frozenset(_RELATIVE_WORDS.split())
_COMPANIONS = frozenset(_COMPANION_WORDS.split())
_POSSESSIVE_BEFORE = re.compile(r"(?i:\b(?:her|his|their|my|our)|['\u2019]s)\s+$")
_ARTICLE_BEFORE = re.compile(r"(?i:\b(?:the|an?))\s+$")
# A title after the role is left to the titled-name rule: "Dr. Lee's partner, Dr. Aisha Bello".
_AFTER_COMPANION = re.compile(
    rf"\s*,?\s*[\"\u201c']?(?!{_TITLE})((?:{INITIAL})*{NAME_WORD}(?:\s+(?:{INITIAL})*{NAME_WORD}){{0,3}})"
)
# Whom a letter is copied or addressed to, and who signed it: "cc: Ana Ruiz, Tom Reyes",
# "Attn: Wendy Liang", "Sincerely, Hana Sato". Two name tokens each, as "Attn: Claims" names
# a department.
_RECIPIENT_LABELS = frozenset(("cc:", "attn:", "attention:", "sincerely,", "respectfully,"))
# "Submitted by: Jane Smith", "Electronically signed by: ...": a name after "by:" as after "cc:".
_RECIPIENT_LABELS |= frozenset(("by:", "regards,"))
# The words above as the text's words split at white space show them (a comma after a role,
# a label in any case): one split and a set look-up cost a third of a str.find a word.
_CLUES = {w: w for w in _RELATIVES | _COMPANIONS} | {w + ",": w for w in _RELATIVES | _COMPANIONS}
_CLUES |= {form: label for label in _RECIPIENT_LABELS for form in (label, label.title())}
_CLUES |= {label.upper(): label for label in _RECIPIENT_LABELS}
_CLUES["name"] = "name"
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
        elif word in _RECIPIENT_LABELS:
            spans += _recipients(text, word, known)
        elif word.startswith(_APPOSED):
            spans += _apposed_names(text, word.removeprefix(_APPOSED), known)
        else:
            spans += _companions(text, word, known) + _apposed_names(text, word, known)
    return redact_spans(text, spans)


def _companions(text: str, word: str, known: Container[str]) -> list[tuple[int, int]]:
    spans = []
    before = (_POSSESSIVE_BEFORE, _ARTICLE_BEFORE) if word in _COMPANIONS else (_POSSESSIVE_BEFORE,)
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if _whole_word(text, at, end) and any(p.search(text, max(0, at - 12), at) for p in before):
            span = _companion_name(text, end)
            if span and not all_known(text, span, known):
                spans.append(span)
        at = text.find(word, end)
    return spans


def _companion_name(text: str, at: int) -> tuple[int, int] | None:
    """The name after the role word ending at ``at``: set off by a comma ("her son, John,"),
    or two name tokens at least, as "her mother Alzheimer dementia" names a disease."""
    found = _AFTER_COMPANION.match(text, at)
    span = found and leading_name(text, *found.span(1))
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
        start = at + len(label)
        while text[start : start + 1].isspace():
            start += 1
        spans += _listed_names(text, start, known)
    return spans


# A name stated as one, of a person of the case: "her daughter's name is Maria", "the
# patient's husband's name is Carlos Mendez", "his supervisor's name was Dale".
_NAME_OWNERS = _RELATIVES | _COMPANIONS | frozenset(_WORKER_ROLES.split("|"))
_NAME_OWNERS |= frozenset(_VERB_ROLES.split())
_OWNER_BEFORE = re.compile(
    r"(?i:\b(?:her|his|their|my|our)|\b([\w-]+)['\u2019]s)\s+(?i:(?:first|last|full|given)\s+)?$"
)
_STATED_NAME = re.compile(
    rf"\s+(?:is|was)\s+(?!{_TITLE})((?:{INITIAL})*{NAME_WORD}(?:\s+(?:{INITIAL})*{NAME_WORD}){{0,3}})"
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
        if span and len(name_words(text, *span)) >= 2 and not all_known(text, span, known):
            spans.append(span)
    return spans
