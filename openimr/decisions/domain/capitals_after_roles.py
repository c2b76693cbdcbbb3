"""Names in capitals written right after a claims role in lower case, as a note copies them
from a form or a claim system: the company ("the adjuster ACME CLAIMS SERVICES denied", "the
employer, ACME TRUCKING, INC., denied") and the person ("the adjuster JANE SMITH called").

Why they go: a published decision names no one who handled the claim (LC 4610.6(f)), and the
State's letters name neither the employer nor the claims administrator, whose names with the
worker's age, sex and date of injury narrow down who the worker is (Civil Code 56.10; 45 CFR
164.514(b)(2)(i)(A), (b)(2)(ii)). The same names in mixed case are read by
``labelled_names`` and ``role_names``; one word in capitals before a person's act by
``credentialed_names``. Pure functions over text; ``openimr.decisions.deidentify.scrub`` runs
them."""

import re
from collections.abc import Container

from openimr.decisions.domain.credentialed_names import ACRONYMS
from openimr.decisions.domain.drug_names import BRANDS, generic
from openimr.decisions.domain.identifiers import all_known, redact_spans
from openimr.decisions.domain.name_reading import (
    CREDENTIAL_SET,
    PERSON_ACTS,
    capitals_name,
    is_ordinary,
)
from openimr.decisions.domain.treatment_words import BODY_PARTS, MODIFIERS
from openimr.decisions.domain.unlabelled_names import PARTY_ROLES
from openimr.decisions.domain.word_starts import word_starts

# Roles of the claim's handling, the people's and the companies': after a company's role
# ("the employer ACME TRUCKING") words in capitals are its name; after a person's they are
# a company only when they end with a company's word ("the adjuster ACME CLAIMS SERVICES"),
# else a person's name of two words at least ("the adjuster JANE SMITH").
_PERSON_ROLES: tuple[str, ...] = ("adjuster", "adjustor", "examiner", "attorney", "counsel")
_PERSON_ROLES += ("paralegal", "manager", "representative")
# A clinician's role, a person's only ("the treating physician JOHN SMITH requested", "the
# PTP JANE DOE"), its abbreviations written in capitals.
_CLINICIAN_ROLES: tuple[str, ...] = ("physician", "doctor", "surgeon", "provider", "therapist")
_CLINICIAN_ROLES += ("chiropractor",)
_CLINICIAN_ROLES += ("practitioner", "nurse", "specialist", "consultant", "psychiatrist")
_ABBREVIATED = ("ptp", "qme")
_CLINICIANS = frozenset((*_CLINICIAN_ROLES, *_ABBREVIATED))
_PERSON_ROLES += tuple(_CLINICIANS)
# What a clinician does, beside a person's acts (``PERSON_ACTS``): after such a role the
# capitals are a name only before one, a possessive, or set off by commas, as a clinician's
# role heads in capitals what they asked for or read too ("the physician URINE DRUG SCREEN
# was denied", "the specialist SLEEP STUDY", "the doctor X-RAY FINDINGS").
_CLINICAL_ACT_WORDS = """
    noted found examined recommended documented reported diagnosed prescribed ordered
    performed operated evaluated saw treated indicated opined felt believes believed
    referred injected started continued submitted signed dictated released placed
    administered completed certified concluded determined observed reviewed writes notes
    states reports recommends requests indicates
"""
_CLINICIAN_ACTS = PERSON_ACTS | frozenset(_CLINICAL_ACT_WORDS.split())
_CREDENTIAL_AFTER = re.compile(r"\s*([A-Z][A-Za-z-]*(?:\.[A-Z])*)")
_AFTER_NAME = re.compile(r"(['\u2019][Ss]\b)|(,)|\s+([a-z]+)\b")
_COMPANY_ROLES = ("employer", "insurer", "carrier", "claims administrator")
# Found as the automaton of ``word_starts`` finds them (by its words: "manage", "represent",
# "claims"): a word it does not hold costs a scan of the text.
_FOUND_AS = {"manager": "manage", "representative": "represent", "claims administrator": "claims"}
_COMPANY_HEADS = """
    services service insurance inc llc corp corporation company co group administrators
    administrator management solutions associates mutual fund claims casualty risk
    indemnity underwriters partners agency
"""
_HEADS = frozenset(_COMPANY_HEADS.split())
# A comma may set the name off; capitals, "&" and digits inside words, up to six words, a
# legal suffix after them. Case-sensitive: the role is in lower case, the name in capitals.
_RUN = re.compile(
    r"(,?)[ \t]+([A-Z][A-Z0-9&'\u2019-]*(?:[ \t]+&?[ \t]*[A-Z][A-Z0-9&'\u2019-]*){0,5})"
    r"(,?[ \t]+(?:INC|LLC|CORP|CO|LTD|LP|LLP)\b(?:\.(?=[,;)]|\s+[a-z]))?)?(?!\w)"
)


def replace_capitals_after_roles(text: str, known: Container[str] = ()) -> str:
    """A company's or a person's name in capitals right after a claims role written in
    lower case or with its capital only (a comma may stand between) → ``[redacted]``: "the
    adjuster ACME CLAIMS SERVICES denied", "the employer ACME TRUCKING INC. denied", "the
    insurer, ZENITH INSURANCE COMPANY,", "the adjuster JANE SMITH called", "the treating
    physician JOHN SMITH requested" (LC 4610.6(f); 45 CFR 164.514(b)(2)(i)(A)). Not an
    acronym, a credential or a letter's ordinary word first ("the adjuster UR DENIAL", "the
    attorney QME REPORT"), nor a body part, a count or a drug after a clinician's role ("the
    treating physician LUMBAR SPINE MRI"); a person's name whose every word is ``known`` is
    left to the known-name rule: run before it."""
    starts = word_starts(text)
    of, lower = starts.of, starts.lower
    # Two capitals after the role (a space, or a comma and a space, between) found before
    # the pattern is tried: nearly every role of a letter has a word in lower case after it.
    # ("attorney aBC" passes too, and the pattern then finds no name.)
    held = starts.holding(_FOUND_AS_WORDS)
    places = [
        (at, role)
        for role, size, found_as in _SIZES
        if found_as in held
        for at in of(found_as)
        if (
            text[at + size + 1 : at + size + 3].isupper()
            or text[at + size + 2 : at + size + 4].isupper()
        )
        and lower.startswith(role, at)
        and (text[at + 1].islower() or role in _ABBREVIATED)
    ]
    spans = []
    for at, role in places:
        found = _RUN.match(text, at + len(role))
        if found is None or not found.group(2).replace("-", "")[1:2].isupper():
            continue  # one capital ("the adjuster A. Smith"), or a word in mixed case
        span = _company(found, role in _COMPANY_ROLES) or _person(
            text, found, known, clinician=role in _CLINICIANS
        )
        if span:
            spans.append(span)
    return redact_spans(text, spans)


_SIZES = tuple(
    (role, len(role), _FOUND_AS.get(role, role)) for role in (*_PERSON_ROLES, *_COMPANY_ROLES)
)
_FOUND_AS_WORDS = frozenset(found_as for _, _, found_as in _SIZES)


def _company(found: re.Match[str], company_role: bool) -> tuple[int, int] | None:
    words = re.split(r"[ \t&]+", found.group(2))
    first = words[0]
    if first in ACRONYMS or first in CREDENTIAL_SET or is_ordinary(first):
        return None
    if company_role or words[-1].lower() in _HEADS or found.group(3):
        return found.start(2), found.end(3) if found.group(3) else found.end(2)
    return None


_GENERICS = frozenset(word for words in BRANDS.values() for word in words.split())


def _medical(word: str) -> bool:
    """A word of what a clinician's note heads in capitals ("LUMBAR SPINE", "RIGHT KNEE",
    "NORCO REFILL"): a body part, a count or a drug."""
    lower = word.lower()
    return lower in BODY_PARTS or lower in MODIFIERS or lower in _GENERICS or bool(generic(lower))


def _role_word(word: str) -> bool:
    return word.lower().removesuffix("'s").removesuffix("\u2019s") in PARTY_ROLES


def _person(
    text: str, found: re.Match[str], known: Container[str], clinician: bool
) -> tuple[int, int] | None:
    span = capitals_name(text, found.start(2) - 1)
    if span is None or len(text[span[0] : span[1]].split()) < 2:
        return None
    words = text[span[0] : span[1]].split()
    if any(word in ACRONYMS or _role_word(word) or _medical(word) for word in words):
        return None
    if clinician and not _a_clinicians_name(text, found, span[1]):
        return None
    return None if all_known(text, span, known) else span


def _a_clinicians_name(text: str, found: re.Match[str], end: int) -> bool:
    """Whether the capitals after a clinician's role, ending at ``end``, stand as a name: a
    clinician's act after them ("JOHN SMITH requested"), a possessive, commas on both
    sides ("the surgeon, ALAN REYES, agreed") or a credential after a comma ("JOHN SMITH,
    M.D.")."""
    after = _AFTER_NAME.match(text, end)
    if after is None:
        return False
    if after.group(2):
        credential = _CREDENTIAL_AFTER.match(text, after.end())
        named = credential is not None and credential.group(1) in CREDENTIAL_SET
        return found.group(1) == "," or named
    return bool(after.group(1)) or after.group(3) in _CLINICIAN_ACTS
