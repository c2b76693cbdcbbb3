"""A name nothing marks but what its person does: one or two words written as a name that
open a sentence (or a clause after a semicolon) before a clinician's or a party's act ("Sam
Ortiz saw her on 3/3/2016.", "Tarn reported the request;"). No title, credential, role or
label stands before them; the sentence's subject doing what a person does marks them.

Why they go: a published decision names no one who treated the worker or handled the claim
(LC 4610.6(f)), and a person's name is the first identifier of HIPAA's Safe Harbor (45 CFR
164.514(b)(2)(i)(A)), which also asks that nothing left is known to identify the worker
((b)(2)(ii)).

What keeps ordinary text: the words open the sentence (a title, "On 3/3/2016" or a word in
lower case before them and they are not read), each is written as a name (a capital, then
lower-case letters: "MRI", "UR" are none), and none is a word a letter opens a sentence on
before such a verb: a pronoun, a role or a profession ("Physician", "Podiatrist"), a
letter's ordinary, source or opening word ("Exam noted", "Records indicated", "Guidelines
recommended", "Recently prescribed"), a health system's ("Kaiser denied"), a drug's brand or
generic name, a condition's word, or a word ending as a verb's or an adverb's form does
("Testing noted", "Previously documented"). A verb a note also writes as a passive with no
"was" ("Spasm noted.", "Tramadol denied.") is read as an act only before a pronoun or an
article, or, after two name words of no treatment, before a capital ("Ana Ruiz recommended
PT", where a note's finding is one word or a condition's: "Spasm noted"). A sentence may
open on a date or a word of time before the name ("On 3/3/2016 Sam Ortiz saw her", "Later,
Tarn wrote"). A word ending as a verb's form does ("-ing") is a surname ("Fleming",
"Jennings") only before an act no finding or test does ("saw", "stated", "wrote"): "Imaging
noted a tear" stays. Pure functions over text; ``openimr.decisions.deidentify.scrub`` runs
them."""

import re
from collections.abc import Container

from openimr.decisions.domain.deidentify import LOWER, UPPER, name_key, sentence_starts_at
from openimr.decisions.domain.drug_names import BRANDS
from openimr.decisions.domain.family_history import is_condition
from openimr.decisions.domain.identifiers import all_known, redact_spans
from openimr.decisions.domain.name_reading import is_opening, is_ordinary, is_source
from openimr.decisions.domain.names_after_verbs import SYSTEM_WORDS
from openimr.decisions.domain.treatment_words import BODY_PARTS, MODIFIERS, VARIANTS
from openimr.decisions.domain.unlabelled_names import PARTY_ROLES
from openimr.decisions.domain.word_starts import word_starts

# What a clinician or a party does, as a summary reports it after the person's name. Found
# where a word starts, with the other rules' words (``word_starts``). Not "documented" nor
# "treated": after "was" in nearly every letter, they cost a look each for a name seldom
# before them.
SUBJECT_ACTS: tuple[str, ...] = (
    "saw",
    "reported",
    "stated",
    "noted",
    "agreed",
    "recommended",
    "requested",
)
SUBJECT_ACTS += ("indicated", "wrote", "opined", "diagnosed", "explained", "advised")
SUBJECT_ACTS += ("examined", "evaluated", "prescribed", "denied")
_ACTS = frozenset(SUBJECT_ACTS)
# Of them, those a note also writes as a passive participle after what was found or asked
# for, without "was" ("Spasm noted.", "Tramadol denied.", "Massage requested x6", "Rest
# advised"): read as a person's act only before a pronoun or an article, as an agent's
# sentence goes on ("Tarn reported the request", "Novak denied it"), where a note's does not.
_PERSON_ONLY = frozenset(("saw", "stated", "agreed", "wrote", "opined", "explained"))
_PASSIVE_TOO = _ACTS - _PERSON_ONLY
_OBJECT_WORDS = """
    her him them it the a an that this these those his their she he they
"""
_OBJECTS = frozenset(_OBJECT_WORDS.split())
_VERB_AND_NEXT = re.compile(r"([A-Za-z]+)(?:[ \t]+([A-Za-z]+)\b)?")
_GENERICS = frozenset(word for words in BRANDS.values() for word in words.split())
# Words a sentence opens on before such a verb that name no one: pronouns and quantifiers,
# the people a letter describes by their work or their tie to the worker, and the words
# that open a clause ("Without documented improvement", in two of the 182 real letters).
_NOT_SUBJECT_WORDS = """
    he she they it we i you this that these those there here who which what someone
    somebody everyone everybody nobody anyone each both all neither either none one another
    other others several many most some few such his her their its my our your
    doctors physicians providers clinicians clinician technician nurses therapists
    counselor counselors coordinator director advocate investigator officer agent clerk
    secretary receptionist team panel committee board defendant defendants defense
    plaintiff petitioner respondent insurer carrier applicant claimant patient patients
    member members friend friends neighbor partner boss foreman caregiver family
    without within despite although though because unless until upon once never except
    whether where whereas nor yet so than via already just only even
"""
_NOT_SUBJECTS = frozenset(_NOT_SUBJECT_WORDS.split()) | PARTY_ROLES | SYSTEM_WORDS
# Endings of a profession's word ("Podiatrist", "Pediatrician", "Neurosurgeon",
# "Physiotherapist") and of a verb's or an adverb's form ("Previously", "Documented").
_NOT_SUBJECT_ENDINGS = ("ist", "ists", "ician", "icians", "surgeon", "ly", "ed")
# A verb's form ("Testing", "Imaging", "Findings") is read as a surname ("Fleming",
# "Jennings", "King") only before an act of ``_PERSON_ONLY``, and never a department's or a
# record's word a note has act so ("Nursing stated", "Hearings").
_GERUND_ENDINGS = ("ing", "ings")
_GERUND_WORDS = """
    nursing billing scheduling staffing housing marketing accounting training counseling
    coding imaging testing screening reporting monitoring findings readings hearings
    proceedings meetings recordings writings filings ratings settings listings warnings
    rulings holdings nothing something everything anything being having following
    regarding including according during pending concerning considering
"""
_GERUNDS = frozenset(_GERUND_WORDS.split())
_NAME_WORD = re.compile(rf"[{UPPER}][{LOWER}]+(?:['\u2019\-][{UPPER}]?[{LOWER}]+)*")
# A date a sentence opens on before its subject: "On 3/3/2016 Sam Ortiz saw her", "On March
# 3, 2016, Novak denied it", "In May 2016 Tarn wrote".
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DATE_OPENER = re.compile(
    r"(?:[Oo]n|[Ii]n|[Bb]y|[Aa]s of)[ \t]+(?:\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{4}(?:-\d{2}-\d{2})?"
    rf"|{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?(?:,[ \t]*\d{{4}})?|{_MONTH}[ \t]+\d{{4}})"
    r",?[ \t]+$"
)
# Or a word of time or sequence ("Later, Sam Ortiz saw her", "Yesterday Tarn wrote"): no
# article or preposition, as "The Court noted" names a court.
_OPENING_ADVERBS = """
    later subsequently then yesterday today recently previously initially finally
    additionally however therefore meanwhile thereafter afterwards afterward also again
"""
_ADVERB_OPENER = re.compile(rf"\b(?i:{'|'.join(_OPENING_ADVERBS.split())}),?[ \t]+$")
# The object a person's act names in capitals ("recommended PT", "requested Norco"), a word
# of letters: "requested L4-5" writes a level after a treatment's passive.
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z][A-Za-z]*\b(?![-/\d])")
# A treatment's words, which a note's passive opens on ("Lumbar Epidural requested ESI").
_TREATMENT_WORDS = BODY_PARTS | MODIFIERS | VARIANTS


def replace_sentence_subjects(text: str, known: Container[str] = ()) -> str:
    """One or two name words that open a sentence before one of ``SUBJECT_ACTS`` → ``[redacted]``
    (LC 4610.6(f); 45 CFR 164.514(b)(2)(i)(A)): "Sam Ortiz saw her", "Tarn reported the
    request". A name whose every word is ``known`` is left to the known-name rule, which
    writes its role words: run before it."""
    spans = []
    for at in word_starts(text).places(_ACTS):
        found = _VERB_AND_NEXT.match(text, at)
        verb = found.group(1).lower() if found else ""
        passive = found if verb in _PASSIVE_TOO else None
        if passive and not _may_act(text, passive):
            continue  # read first: a note's passives are most of these verbs
        span = _subject_before(text, at, verb)
        if span and passive and not _active(text, passive, span):
            continue
        if span and not _known(text[span[0] : span[1]], known):
            spans.append(span)
    return redact_spans(text, spans)


def _may_act(text: str, verb: re.Match[str]) -> bool:
    """Whether what follows the ``verb`` found, which a note also writes as a passive, lets
    it read as a person's act: a pronoun or an article, or a capital (``_active``)."""
    if (verb.group(2) or "").lower() in _OBJECTS:
        return True
    return _CAPITAL_AFTER.match(text, verb.end(1)) is not None


def _active(text: str, verb: re.Match[str], span: tuple[int, int]) -> bool:
    """Whether such a ``verb`` reads as the act of the name at ``span``: a pronoun or an
    article follows it, or two name words of no treatment stand before it and a capital
    after it ("Ana Ruiz recommended PT"; "Massage requested x6" stays)."""
    if (verb.group(2) or "").lower() in _OBJECTS:
        return True
    words = text[span[0] : span[1]].lower().split()
    return len(words) >= 2 and not any(word in _TREATMENT_WORDS for word in words)


def _known(name: str, known: Container[str]) -> bool:
    """Whether every word of ``name``, or every part of a hyphenated one ("Lopez-Garcia" of
    a known "Lopez"), is ``known``: the known-name rule reads such a name."""
    words = name.split()
    return all_known(name, (0, len(name)), known) or all(
        any(name_key(part) in known for part in word.split("-")) for word in words
    )


def _subject_before(text: str, at: int, verb: str) -> tuple[int, int] | None:
    """The span of the one or two name words before ``verb`` at ``at`` that open their
    sentence, or None."""
    if at < 2 or text[at - 1] != " " or not text[at - 2].isalpha():
        return None
    last = text.rfind(" ", 0, at - 1) + 1
    if not text[last].isupper() or not _name_word(text[last : at - 1], verb):
        return None
    if _opens(text, last):
        return last, at - 1
    first = text.rfind(" ", 0, last - 1) + 1
    if first < last - 1 and _name_word(text[first : last - 1], verb) and _opens(text, first):
        return first, at - 1
    return None


def _opens(text: str, at: int) -> bool:
    """Whether ``at`` opens a sentence, or a clause after a semicolon ("...; Novak denied
    it"), or follows a date or a word of time that does ("On 3/3/2016 Sam Ortiz saw her",
    "Later, Tarn wrote")."""
    before = at - 1
    while before >= 0 and text[before] == " ":
        before -= 1
    if (before >= 0 and text[before] == ";") or sentence_starts_at(text, at):
        return True
    if before < 0 or not (text[before].isalnum() or text[before] == ","):
        return False
    opener = _DATE_OPENER.search(text, max(0, at - 32), at) or _ADVERB_OPENER.search(
        text, max(0, at - 16), at
    )
    return opener is not None and opener.start() < at and _opens(text, opener.start())


def _name_word(word: str, verb: str) -> bool:
    if not _NAME_WORD.fullmatch(word):
        return False
    lower = word.lower()
    if lower in _NOT_SUBJECTS or lower.removesuffix("s") in _NOT_SUBJECTS or lower in BRANDS:
        return False
    if lower in _GENERICS or is_condition(lower) or is_opening(lower):
        return False
    if lower.endswith(_GERUND_ENDINGS):  # "Fleming saw her", not "Imaging noted a tear"
        return verb in _PERSON_ONLY and lower not in _GERUNDS and not is_ordinary(lower)
    return not (is_source(lower) or lower.endswith(_NOT_SUBJECT_ENDINGS))
