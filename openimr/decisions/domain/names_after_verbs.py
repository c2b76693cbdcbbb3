"""Names a letter writes after a verb and its preposition: who saw, treated or signed for
the worker ("seen by Ana Ruiz and Tom Reyes", "seen by JANE SMITH", "the report dated
12-02-2016 by Jane Smith"), whom the worker was referred to or the writer spoke with
("referred to John Smith", "a call with Jane Smith"), whose record or word it cites ("the
note of Jane Smith", "records from Tom Reyes", "Per Jane Smith,", "the office of Jose
Tran"), each listed name too. Split from ``unlabelled_names`` (names after a role and a
verb, after a role opening a sentence), which reached the 400 lines a module may hold.

Why they go: a published decision names no one who treated the worker, handled the claim or
reviewed it (LC 4610.6(f) for the reviewer; Civil Code 56.10 for the worker's medical
information), and a person's name is the first identifier of HIPAA's Safe Harbor (45 CFR
164.514(b)(2)(i)(A)).

What keeps ordinary text as it is: two name tokens at least ("seen by Orthopedics" names a
service), a word of a letter's ordinary vocabulary ends the name (``name_reading``), words
running on to an organization's head word name a service ("Kaiser Permanente Medical
Group"), and each rule starts only at its verb or phrase, found in the pass that finds the
rules' words (``word_starts``). Pure functions over text;
``openimr.decisions.deidentify.scrub`` runs them."""

import re
from collections.abc import Container

from openimr.decisions.domain.deidentify import LOWER, UPPER
from openimr.decisions.domain.identifiers import all_known, redact_spans
from openimr.decisions.domain.name_reading import capitals_name, is_source, leading_name, name_words
from openimr.decisions.domain.unlabelled_names import SENTENCE_ROLES
from openimr.decisions.domain.word_starts import word_starts

# A role written after "Per" names no one: "Per Patient,", "Per Adjuster,".
_ROLE_WORDS = frozenset(SENTENCE_ROLES)


# Who saw, treated or signed for the worker, after "by": "She was seen by Ana Ruiz and Tom
# Reyes", "evaluated by Karen Liu, and then by Paul Novak" ("then by" goes on a list that
# words between left: "seen by Urgent Care on 2/2/2016 and then by Ana Ruiz"). Two name
# tokens at least, as "seen by Orthopedics" names a service; a list goes on after "and", a
# comma, "then by".
_BY_VERB_WORDS = """
    seen evaluated examined treated signed prepared dictated performed interpreted then
    submitted authored written completed reviewed approved denied modified ordered requested
    report note notes evaluation letter consultation examination made sent faxed issued
    rendered filed documented noted recommended conducted transcribed authorized
    accompanied driven brought translated witnessed assisted supervised
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
        if text[at + 4 : at + 5].isupper():
            before = text[max(0, at - 12) : at].rsplit(None, 1)[-1:]
            if (before and before[0].lower() in BY_VERBS) or _DATED.search(
                text, max(0, at - 30), at
            ):
                spans += listed_names(text, at + 4, known)
        at = text.find(" by ", at + 4)
    # "referred to John Smith", "spoke with ...", "a peer-to-peer discussion with ...": the
    # verbs are found in the pass that finds the rules' words.
    starts = word_starts(text)
    for verb in TALK_VERBS:
        for at in starts.of(verb):
            found = _TALKED_TO.match(text, at + len(verb))
            if found and text[found.end() : found.end() + 1].isupper():
                spans += listed_names(text, found.end(), known)
    for phrase in _TALK_PHRASES:
        for at in starts.of(phrase):
            if text[at + len(phrase) : at + len(phrase) + 1].isupper():
                spans += listed_names(text, at + len(phrase), known)
    spans += _office_names(text, known) + _per_names(text, known) + _from_names(text, known)
    return redact_spans(text, spans + _of_names(text, known))


# A record's date before "by": "the report dated 12-02-2016 by Jane Smith", "the note dated
# March 3, 2016, by Tom Reyes".
_DATED = re.compile(
    r"\bdated\s+(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}),?$"
)
# Whose record a letter names with "from": "a progress note from Jane Smith", "records from
# Tom Reyes were reviewed"; "from " is found whole in the pass that finds the rules' words.
_RECORDS_FROM = re.compile(
    r"(?i:\b(?:notes?|reports?|records?|letters?|correspondence|evaluation|consultation|"
    r"summary|e-?mail|fax|call|message|request|requests|RFA|PR-2))\s+$"
)


def _from_names(text: str, known: Container[str]) -> list[tuple[int, int]]:
    spans = []
    for at in word_starts(text).of("from "):
        if text[at + 5 : at + 6].isupper() and _RECORDS_FROM.search(text, max(0, at - 16), at):
            spans += listed_names(text, at + 5, known)
    return spans


# Whose record, care or word a letter names with "of": "the note of Jane Smith dated ...",
# "the report of John Q. Public", "under the care of Tom Reyes", "on behalf of ...". "of" is
# found with the capital after it by a pattern whose literal start is scanned in C (found as
# a word, it would report every "of" of a letter), the record's word read back from there.
_OF_CAPITAL = re.compile(rf" of\s+(?=[{UPPER}])")
# The record's word is read as the word before " of" (a set look-up: a pattern searched
# back from each "of" cost a microsecond a letter).
_RECORD_WORD_LIST = """
    note notes report reports letter letters record records evaluation evaluations
    reevaluation re-evaluation consultation summary correspondence opinion opinions
    deposition testimony findings statement declaration assessment examination exam
    recommendation recommendations chart care supervision direction behalf rfa pr-2
"""
_RECORD_WORDS = frozenset(_RECORD_WORD_LIST.split())
# A health system's first word, which starts no person's name: "the records of Kaiser
# Permanente" names the system, as "seen at Kaiser Permanente" does (``clinic_names``).
_SYSTEM_WORD_LIST = """
    kaiser permanente sutter dignity concentra scripps stanford providence adventist mercy
    sharp hoag keck cedars-sinai u.s. healthworks
"""
SYSTEM_WORDS = frozenset(_SYSTEM_WORD_LIST.split())


def _of_names(text: str, known: Container[str]) -> list[tuple[int, int]]:
    spans = []
    for found in _OF_CAPITAL.finditer(text):
        before = text[max(0, found.start() - 16) : found.start()].rsplit(None, 1)[-1:]
        if not before or before[0].lower() not in _RECORD_WORDS:
            continue
        word = text[found.end() :].split(None, 1)[0].lower()
        if word not in SYSTEM_WORDS:
            spans += listed_names(text, found.end(), known)
    return spans


# Whose office wrote or was called: "the office of John Smith", "the Law Offices of Jose
# Tran"; "office" in lower case or after "Law", as "the Office of Administrative Hearings"
# names a State body.
_OFFICE_OF = re.compile(r"(?:(?<=[Ll]aw )O|o)ffices? of ")
# Whose word a letter reports: "Per Jane Smith, the MRI was normal", "as per Jane Smith's
# note". The name set off by a comma, a possessive or a period, as "Per Labor Code section
# 4610.5" and "Per Evidence Based Medicine" are no name set off so.
_AFTER_PER = (",", "'", "\u2019", ".")
# The phrases above, found whole (with their spaces) in the pass that finds the rules' words:
# found as words, "per" and "office" would each report every "performed", "persistent",
# "official" (a match each), and a scan of the text for each cost 2 to 3.5 µs a letter.
PHRASES: tuple[str, ...] = ("per ", "office of ", "offices of ", "from ", "call with ")
PHRASES += ("conversation with ", "conference with ", "message for ")


def _office_names(text: str, known: Container[str]) -> list[tuple[int, int]]:
    spans = []
    starts = word_starts(text)
    for at in sorted(starts.of("office of ") + starts.of("offices of ")):
        found = _OFFICE_OF.match(text, at)
        if found and text[found.end() : found.end() + 1].isupper():
            spans += listed_names(text, found.end(), known)
    return spans


def _per_names(text: str, known: Container[str]) -> list[tuple[int, int]]:
    spans = []
    for at in word_starts(text).of("per "):
        if text[at + 4 : at + 5].isupper():
            for start, last in listed_names(text, at + 4, known)[:1] or _per_one(text, at + 4):
                # A bare possessive ("per Tom Reyes' note") stays after the name.
                end = last - 1 if text[last - 1] in "'\u2019" else last
                if start == at + 4 and text.startswith(_AFTER_PER, end):
                    spans.append((start, end))
    return [span for span in spans if not all_known(text, span, known)]


_ONE_AFTER_PER = re.compile(
    rf"[{UPPER}](?:'[{UPPER}])?[{LOWER}]+(?:[{UPPER}][{LOWER}]+)?(?:-[{UPPER}][{LOWER}]+)?"
    r"(?=[,.]|['\u2019](?:s\b|\s))"
)


def _per_one(text: str, at: int) -> list[tuple[int, int]]:
    """One name word after "Per", set off ("Per Smith, the patient ...", "per Smith's
    note"): not a source a letter cites so (``name_reading.is_source``: "Per UpToDate,",
    "Per Medicare,", "Per Kaiser,", "Per Guidelines,") nor a role ("Per Patient,")."""
    found = _ONE_AFTER_PER.match(text, at)
    if found is None:
        return []
    lower = found.group(0).lower()
    if is_source(lower) or lower in SYSTEM_WORDS or lower in _ROLE_WORDS:
        return []
    return [found.span()]


# Whom the worker was referred to, or a letter's writer spoke with: "referred to", "spoke
# with", "discussed with", "conferred with", "talked to", "a peer-to-peer discussion with".
TALK_VERBS: tuple[str, ...] = ("referred", "spoke", "discussed", "conferred", "talked")
TALK_VERBS += ("peer-to-peer", "followed")
# "A telephone call with Jane Smith", "a conversation with ...": found whole (``PHRASES``),
# as "call" is found in every "medically".
_TALK_PHRASES: tuple[str, ...] = ("call with ", "conversation with ", "conference with ")
# "left a message for Jane Smith": a message is left for a person; "a message for the
# adjuster" names none, and a name of one word ("a message for Smith") is not read.
_TALK_PHRASES += ("message for ",)
_TALKED_TO = re.compile(r"(?:\s+(?:to|with)|(?:\s+[a-z]+){0,2}\s+with)\s+(?:by\s+)?")


def listed_names(text: str, at: int, known: Container[str]) -> list[tuple[int, int]]:
    """The spans of the names listed from ``at``, two name tokens each at least. Words that
    run on in capitals to an organization's head word ("Kaiser Permanente Medical Group",
    "Neurodiagnostic Associates", "Walk In Clinic") name a service, not a person: they stay,
    and the list goes on after them ("by Sports Chiropractic Group and by Tom Reyes"). A
    name before a service's words ("Ana Ruiz Physical Therapy") still goes."""
    spans = []
    while item := CAPITALIZED_RUN.match(text, at):
        span = leading_name(text, *item.span()) or _capitals(text, at)
        service = item.group(0).rsplit(None, 1)[-1].lower() in ORGANIZATION_HEADS
        if span and _tokens(text, span) >= 2 and not service:
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


def _capitals(text: str, at: int) -> tuple[int, int] | None:
    """A name in capitals starting at ``at`` ("seen by JANE SMITH on"), read as after a title
    in capitals (``capitals_name``: "ER STAFF", "PT" and a line all in capitals are none)."""
    return capitals_name(text, at - 1) if at and text[at - 1].isspace() else None


_CAPITALS_TOKEN = re.compile(rf"[{UPPER}]\.|[{UPPER}][{UPPER}'\u2019-]+")


def _tokens(text: str, span: tuple[int, int]) -> int:
    """How many name tokens (initials and words) ``text[span]`` holds, in mixed case or in
    capitals: "seen by UCLA", one word, names a service."""
    words = len(name_words(text, *span))
    return words if words >= 2 else max(words, len(_CAPITALS_TOKEN.findall(text, *span)))
