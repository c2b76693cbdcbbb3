"""How a name is read word by word, in mixed case ("Dana Whitfield") or in capitals ("JANE
SMITH"), for every rule that finds a name by what marks it (a role, a verb, a credential, a
title, a label): the name's words, where an ordinary word of a letter ends it, and a name in
capitals told from a heading ("ATTORNEY FEES") or a credential ("RN").

Why here: the rules that read names after "seen by" (``names_after_verbs``) and those that
read them after a credential or a title (``credentialed_names``) both need the capitals
reader, and the latter reads names with the former's word functions; kept in either module,
one would import the other both ways. Pure functions over text."""

import re

from openimr.decisions.domain.deidentify import LOWER, UPPER
from openimr.decisions.domain.role_names import INITIAL, NAME_WORD, ORDINARY

# Credentials written after a name, as a letter signs or cites a clinician: no word of a name
# in capitals ("CASE MANAGER RN").
CREDENTIALS: tuple[str, ...] = ("MD", "M.D.", "DO", "D.O.", "DC", "D.C.", "PA-C", "PA")
CREDENTIALS += ("NP", "FNP", "FNP-C", "RN", "LVN", "PhD", "Ph.D.", "PsyD", "Psy.D.", "DPM")
CREDENTIALS += ("Esq.", "Esq", "LCSW", "MFT", "DPT", "DDS", "OTR", "LAc", "L.Ac.", "PT", "OT")
CREDENTIALS += ("N.P.", "P.A.", "P.T.", "O.T.", "R.N.")
CREDENTIAL_SET = frozenset(c.upper().rstrip(".") for c in CREDENTIALS)

_TOKEN = re.compile(rf"{INITIAL}|{NAME_WORD}")
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
    labor code reported paid session survey satisfaction sponsored plan network portal
    industrial injury injuries illness necessity disability impairment permanent stationary
    temporary total partial improvement progress treatment restrictions work safety training
"""
NOT_A_NAME = ORDINARY | frozenset(_NOT_A_NAME_WORDS.split())


# What a letter cites after "Per" as one capitalized word ("Per UpToDate,", "Per Medicare,",
# "Per Guidelines,"), beside its ordinary words: no person's name. A title's abbreviation
# ("Per Dr. Lee") is the titled-name rule's.
_SOURCE_WORDS = """
    uptodate medscape lexicomp lexi-comp micromedex epocrates wikipedia webmd pubmed
    cochrane hayes milliman interqual mcg aetna cigna anthem humana kaiser blue shield
    guidelines guideline records record chart file documentation literature policy
    protocol references reference studies research evidence history exam examination
    request rfa dr mr mrs ms mx prof doctor law regulation regulations rules rule
    ortho neuro psych derm cardio rheum pulm onc uro ophtho gyn peds pharmacy
    telephone phone fax email e-mail mail voicemail text memo call conversation discussion
    agreement stipulation statute award order orders instructions instruction directive
    contract schedule formulary label labeling manufacturer insert package diem se annum
    husband wife spouse son daughter mother father brother sister family caregiver
    supervisor employer coworker
"""
# The days a letter names ("per adjuster Monday called" names no one, "Per Monday's note").
_CALENDAR_WORDS = """
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today yesterday
"""
CALENDAR = frozenset(_CALENDAR_WORDS.split())
_SOURCES = frozenset(_SOURCE_WORDS.split()) | CALENDAR


# Words a sentence opens with, before a comma or a name, which no name is: "Summary, Jane
# (adjuster)", "Yesterday Sam Ortiz's note", "In Sam Ortiz's report".
_OPENING_WORDS = """
    summary conclusion however therefore finally additionally furthermore moreover again
    overall currently today yesterday recently also thus hence meanwhile otherwise later
    subsequently previously notably specifically unfortunately fortunately briefly
    regardless initially lastly first second third next then yes no okay ok well please
    thanks note update background history impression assessment plan discussion rationale
    addendum in on at per from by to of for with after before during since as the a an and
    or but when while if see
"""
_OPENINGS = frozenset(_OPENING_WORDS.split())


def is_opening(word: str) -> bool:
    """Whether ``word`` (lower case) is one a sentence opens with (``_OPENING_WORDS``)."""
    return word in _OPENINGS


# Endings of nouns of a letter's vocabulary that no surname has ("Per Authorization,",
# "Per Necessity,", "Per Findings,"): "-ence", "-ance" and "-ment" are left out, as
# Lawrence, Constance and Clement end so.
_SOURCE_ENDINGS = ("tion", "sion", "ity", "ness", "ings")


def is_source(word: str) -> bool:
    """Whether ``word`` (lower case) is what a letter cites by one word after "Per"."""
    return word in _SOURCES or word.endswith(_SOURCE_ENDINGS) or is_ordinary(word)


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


# A name in capitals after a title: one to three words of capitals (initials between), then
# the end, a punctuation mark or a word in lower case, as a name in capitals is set off in
# mixed-case text. In text all in capitals where the name ends cannot be told: none is read.
# Capitals with their accents too, of any Latin, Greek or Cyrillic letter ("MARÍA JOSÉ
# GARCÍA", "ŁUKASZ NOWAK").
_CAPITALS_NAME = re.compile(
    rf"\s+((?:[{UPPER}]\.\s*)*[{UPPER}][{UPPER}'\u2019-]+"
    rf"(?:\s+(?:[{UPPER}]\.\s*)*[{UPPER}][{UPPER}'\u2019-]+){{0,2}})"
    rf"(?=\s*(?:$|[,;:.()\x00])|\s+[{UPPER}]?[{LOWER}]|['\u2019]s\b)"
)
_CAPITAL_WORD = re.compile(rf"[{UPPER}][{UPPER}'\u2019-]+")
# A name in capitals that a possessive's apostrophe ends ("DR. JONES' REPORT", "DR. O'NEIL'S
# NOTE"): where text all in capitals tells the name's end, as no name word ends with an
# apostrophe before a space or before "S" and a space. An apostrophe inside a word has two
# capitals after it ("O'NEIL").
_CAPITALS_WORD = rf"[{UPPER}](?:[{UPPER}-]|['\u2019](?=[{UPPER}]{{2}}))+"
_POSSESSIVE_CAPITALS = re.compile(
    rf"\s+((?:[{UPPER}]\.\s*)*{_CAPITALS_WORD}(?:\s+(?:[{UPPER}]\.\s*)*{_CAPITALS_WORD}){{0,2}}?)"
    r"['\u2019]S?(?=\s)"
)
# A name in capitals that a person's act in capitals ends ("DR. JONES REVIEWED THE REPORT",
# "DR. JOHN SMITH NOTED SPASM"): in text all in capitals the act tells the name's end, as
# no name word is one of these verbs.
_CAPITALS_ACTS = """
    REVIEWED NOTED STATED REPORTED SAW RECOMMENDED REQUESTED INDICATED WROTE OPINED
    DIAGNOSED EXPLAINED ADVISED EXAMINED EVALUATED PRESCRIBED DENIED ORDERED DOCUMENTED
    PERFORMED TREATED AGREED OBJECTED CALLED SAID ASKED DECLINED REFUSED RESPONDED
    AUTHORIZED APPROVED MODIFIED DISPUTED SIGNED
"""
_CAPITALS_BEFORE_ACT = re.compile(
    rf"\s+((?:[{UPPER}]\.\s*)*{_CAPITALS_WORD}(?:\s+(?:[{UPPER}]\.\s*)*{_CAPITALS_WORD}){{0,2}}?)"
    rf"[ \t]+(?:{'|'.join(_CAPITALS_ACTS.split())})\b"
)
# What a title in capitals heads when it heads no name ("ATTORNEY FEES are", "NURSE TRIAGE
# note", "ADJUSTER NOTES of"): the records, bills and events of a role, beside the letter's
# ordinary words (``is_ordinary``). A surname that is one of these words stays ("ATTORNEY
# CALL"): the price of keeping the heading words of a role.
_HEADED_WORDS = """
    fee fees bill bills billing invoice invoices cost costs payment payments lien liens
    letter letters correspondence request requests response reply objection objections
    appeal appeals denial representation client firm office file files note notes report
    reports record records summary assessment assessments triage aide educator staffing
    call calls review reviews signature declaration deposition statement statements
    submission referral referrals order orders care program session sessions involvement
    contact information phone fax email address name list copy copies time general
    was is were has had and or of on in at for with to the an not no
"""
# "CONTIN" of "MS. CONTIN DENIED": a drug's second word after its title-like first, no name.
_HEADED = frozenset(_HEADED_WORDS.split()) | {"contin"}
# Endings of the nouns of a role's records and acts ("OBJECTION", "SUBMISSION",
# "REIMBURSEMENTS", "AWARENESS"), which no surname has that a letter names.
_HEADED_ENDINGS = ("tion", "tions", "sion", "sions", "ments", "ness")


# Words of a letter's vocabulary, or of a role's headings, that are also surnames: after a
# role's title they name a person when a person's act follows ("ATTORNEY CALL denied the
# request", "Attorney White objected", "CASE MANAGER DAY called") or they stand as a
# possessive ("ATTORNEY WHITE'S letter"), where a heading heads a noun ("ATTORNEY CALL was
# returned", "ATTORNEY BILL of 3/3/2016"). Not "general" ("the ATTORNEY GENERAL denied")
# nor "fee" ("the ATTORNEY FEE requested"): an office and a bill do what a person does.
SURNAME_WORDS = frozenset(
    ["call", "calls", "white", "black", "case", "day", "page", "hand", "lien", "english", "bill"]
)
# What a person does that a call, a bill, a note or a record does not.
_PERSON_ACT_WORDS = """
    denied objected called phoned telephoned said stated wrote spoke agreed asked declined
    refused advised explained responded replied argued contacted emailed e-mailed faxed
    authorized approved modified requested disputed
"""
PERSON_ACTS = frozenset(_PERSON_ACT_WORDS.split())
_WORD_AND_ACT = re.compile(
    rf"\s+([{UPPER}][{UPPER}{LOWER}'\u2019-]+?)(?:(['\u2019][sS])|\s+([a-z-]+)\b)"
)


def word_before_act(text: str, at: int) -> re.Match[str] | None:
    """One capitalized word after ``at`` (white space before it) and the person's act or
    the possessive after it ("CALL denied", "White's"), or None."""
    found = _WORD_AND_ACT.match(text, at)
    return found if found and (found.group(2) or found.group(3) in PERSON_ACTS) else None


def surname_word_name(text: str, at: int) -> tuple[int, int] | None:
    """The span of one of ``SURNAME_WORDS`` after the role's title ending at ``at``
    ("ATTORNEY CALL denied", "Attorney White's letter"), when a person's act or a possessive
    follows it."""
    found = word_before_act(text, at)
    return found.span(1) if found and found.group(1).lower() in SURNAME_WORDS else None


def capitals_name(text: str, at: int) -> tuple[int, int] | None:
    """The span of a name in capitals after the title ending at ``at`` ("MARIA LOPEZ",
    "LOPEZ"), none of its words an ordinary word, a role's heading word or a credential
    ("NURSE VISITS", "ATTORNEY FEES", "CASE MANAGER RN")."""
    found = _CAPITALS_NAME.match(text, at)
    if found is None or _not_a_name(found.group(1)) or _all_capitals(text, found):
        found = _POSSESSIVE_CAPITALS.match(text, at) or _CAPITALS_BEFORE_ACT.match(text, at)
        return None if found is None or _not_a_name(found.group(1)) else found.span(1)
    start, end = found.span(1)
    return start, end - 2 if text.endswith(("'S", "\u2019S"), start, end) else end


def _not_a_name(words: str) -> bool:
    return any(_not_a_name_in_capitals(word) for word in _CAPITAL_WORD.findall(words))


def _all_capitals(text: str, found: re.Match[str]) -> bool:
    """Whether the words read end a sentence ("." or ";") of a line all in capitals ("DR.
    SMITH NOTED SPASM."), where a name's end cannot be told."""
    if text[found.end(1) : found.end(1) + 1] not in (".", ";"):
        return False
    line = text.rfind("\n", 0, found.start()) + 1
    return not any(c.islower() for c in text[line : found.start()])


def _not_a_name_in_capitals(word: str) -> bool:
    lower = word.lower()
    if lower in _HEADED or lower.endswith(_HEADED_ENDINGS):
        return True
    return is_ordinary(word) or word in CREDENTIAL_SET
